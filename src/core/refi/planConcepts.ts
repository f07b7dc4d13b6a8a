import type { Codebook, Concept } from '../codebook/codebook';
import { suggestConceptId } from '../codebook/conceptIds';
import { oneLine } from '../text/oneLine';
import { criteriaOf } from './criteriaText';
import type { RefiCode } from './model';

/** A concept to add to codebook.yaml. */
export type PlannedConcept = Pick<
  Concept,
  'id' | 'label' | 'description' | 'inclusion' | 'exclusion' | 'color' | 'guid' | 'parentId'
>;

/** Where ATLAS.ti 8 flattened a hierarchy into one name. */
const FLATTENED = '::';
export const UNCODED_LABEL = 'Uncoded';

/**
 * Decides the concept of every imported code: an existing concept with the code's GUID, else one
 * with the same label path, else a new one. New ids come from qcode's own ids.json when the file
 * has it, else from the labels, under the parent's id.
 */
export class ConceptPlanner {
  readonly added: PlannedConcept[] = [];
  readonly idOfCode = new Map<string, string>();
  matched = 0;
  private readonly idOfGuid = new Map<string, string>();
  private readonly idOfPath = new Map<string, string>();
  private readonly pathOfId = new Map<string, string[]>();
  private readonly taken = new Set<string>();

  constructor(
    codebook: Codebook,
    private readonly knownIds: ReadonlyMap<string, string>,
  ) {
    for (const concept of codebook.all()) {
      this.taken.add(concept.id);
      this.remember(concept.id, codebook.pathLabels(concept.id));
      if (concept.guid) this.idOfGuid.set(concept.guid.toLowerCase(), concept.id);
    }
  }

  addCodes(codes: readonly RefiCode[], parentId?: string): void {
    for (const code of codes) {
      const parts = code.name
        .split(FLATTENED)
        .map((p) => p.trim())
        .filter((p) => p !== '');
      let parent = parentId;
      for (const part of parts.slice(0, -1)) parent = this.conceptAt(parent, part);
      const byGuid = this.idOfGuid.get(code.guid);
      if (byGuid !== undefined) this.matched++;
      const id = byGuid ?? this.conceptAt(parent, oneLine(parts[parts.length - 1] ?? '') || 'Unnamed code', code);
      this.idOfCode.set(code.guid, id);
      this.addCodes(code.children, id);
    }
  }

  /** The concept for selections imported without a code, made when first needed. */
  uncoded(): string {
    return this.conceptAt(
      undefined,
      UNCODED_LABEL,
      undefined,
      'Passages imported without a code. Tag them with concepts of the codebook.',
    );
  }

  private conceptAt(parentId: string | undefined, label: string, code?: RefiCode, description?: string): string {
    const path = [...(parentId ? (this.pathOfId.get(parentId) ?? []) : []), label];
    const existing = this.idOfPath.get(JSON.stringify(path));
    if (existing !== undefined) {
      this.matchCode(existing, code);
      return existing;
    }
    const known = code && this.knownIds.get(code.guid);
    const id =
      known && !this.taken.has(known)
        ? known
        : suggestConceptId(label, parentId, (candidate) => this.taken.has(candidate));
    const concept: PlannedConcept = {
      id,
      label,
      ...(parentId ? { parentId } : {}),
      ...(description ? { description } : {}),
    };
    if (code) describe(concept, code);
    this.added.push(concept);
    this.taken.add(id);
    this.remember(id, path);
    return id;
  }

  /**
   * An existing concept found by its label path; one made in this import as a flattened name's parent takes the code's
   * details.
   */
  private matchCode(id: string, code: RefiCode | undefined): void {
    if (!code) return;
    const planned = this.added.find((c) => c.id === id);
    if (!planned) this.matched++;
    else if (!planned.guid) describe(planned, code);
    if (code.guid && !this.idOfGuid.has(code.guid)) this.idOfGuid.set(code.guid, id);
  }

  private remember(id: string, path: string[]): void {
    this.pathOfId.set(id, path);
    const key = JSON.stringify(path);
    if (!this.idOfPath.has(key)) this.idOfPath.set(key, id);
  }
}

/** A multi-line definition (as NVivo writes them) keeps its lines; each is trimmed and blank lines at the ends go. */
function paragraphs(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function describe(concept: PlannedConcept, code: RefiCode): void {
  if (code.description) Object.assign(concept, criteriaOf(paragraphs(code.description)));
  if (code.color && /^#[0-9a-f]{6}$/i.test(code.color)) concept.color = code.color.toLowerCase();
  if (code.guid) concept.guid = code.guid;
}

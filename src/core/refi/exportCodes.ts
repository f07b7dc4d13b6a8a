import type { Codebook, Concept } from '../codebook/codebook';
import { describeWithCriteria } from './criteriaText';
import { normalizeGuid, stableGuid } from './guids';
import type { RefiCode, RefiCodebook } from './model';
import { isGuid } from './xsdValues';

/** The codebook as REFI-QDA codes, and which code GUID stands for which concept id. */
export interface ExportedCodes {
  codes: RefiCode[];
  /** Code GUID -> concept id, in codebook order. */
  conceptIds: Map<string, string>;
  /** Concept id -> code GUID. */
  guidOf: Map<string, string>;
}

/**
 * Concepts become codes (nesting kept, all codable, criteria after the definition in the
 * Description); a concept's own GUID is kept when it has a valid, unused one.
 */
export function conceptsToCodes(codebook: Codebook): ExportedCodes {
  const exported: ExportedCodes = { codes: [], conceptIds: new Map(), guidOf: new Map() };
  const toCode = (concept: Concept): RefiCode => {
    const guid = guidOfConcept(concept, exported.conceptIds);
    exported.conceptIds.set(guid, concept.id);
    exported.guidOf.set(concept.id, guid);
    const color = refiColor(concept.color);
    const description = describeWithCriteria(concept);
    return {
      guid,
      name: concept.label,
      isCodable: true,
      ...(color ? { color } : {}),
      ...(description ? { description } : {}),
      children: concept.children.map(toCode),
    };
  };
  exported.codes = codebook.roots.map(toCode);
  return exported;
}

export function codebookToRefi(codebook: Codebook, origin = 'qcode'): RefiCodebook {
  return { origin, codes: conceptsToCodes(codebook).codes };
}

function guidOfConcept(concept: Concept, taken: ReadonlyMap<string, string>): string {
  const own = concept.guid === undefined ? undefined : normalizeGuid(concept.guid);
  return own && isGuid(own) && !taken.has(own) ? own : stableGuid('concept', concept.id);
}

/** `#rrggbb` from the codebook's `#rgb`, `#rrggbb` or `#rrggbbaa` (alpha dropped), in the case it was written. */
export function refiColor(color: string | undefined): string | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color ?? '')?.[1];
  if (!hex) return undefined;
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex.slice(0, 6)}`;
}

/** Codes in a tree, nested ones included. */
export function countCodes(codes: readonly RefiCode[]): number {
  return codes.reduce((n, code) => n + 1 + countCodes(code.children), 0);
}

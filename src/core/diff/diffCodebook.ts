import type { Codebook, Concept } from '../codebook/codebook';
import type { Project, ResolvedAnnotation } from '../project/model';
import { ProjectIndex } from '../project/projectIndex';
import type { Sides } from './diffAnnotations';
import type { CodebookDiff, ConceptEntry, ConceptExamplesChanged } from './model';
import type { DiffSide } from './side';

/** Concepts added, removed, renamed, moved, redefined, with new criteria or examples, and merged, matched by id. */
export function diffCodebook(sides: Sides): CodebookDiff {
  const base = sides.base.project.codebook;
  const head = sides.head.project.codebook;
  const diff = noConceptChanges();
  for (const concept of head.all()) {
    const { id } = concept;
    const was = base.get(id);
    if (!was) {
      diff.added.push(conceptEntry(sides.head, id));
      continue;
    }
    if (was.label !== concept.label) diff.renamed.push({ id, oldLabel: was.label, newLabel: concept.label });
    if (was.parentId !== concept.parentId)
      diff.moved.push({
        ...sides.head.concept(id),
        oldParent: sides.base.parentOf(id),
        newParent: sides.head.parentOf(id),
      });
    const oldDescription = was.description || null;
    const newDescription = concept.description || null;
    if (oldDescription !== newDescription)
      diff.descriptionChanged.push({ ...sides.head.concept(id), oldDescription, newDescription });
    const criteria = {
      oldInclusion: was.inclusion || null,
      newInclusion: concept.inclusion || null,
      oldExclusion: was.exclusion || null,
      newExclusion: concept.exclusion || null,
    };
    if (criteria.oldInclusion !== criteria.newInclusion || criteria.oldExclusion !== criteria.newExclusion)
      diff.criteriaChanged.push({ ...sides.head.concept(id), ...criteria });
    const examples = examplesChange(sides, was, concept);
    if (examples) diff.examplesChanged.push(examples);
  }
  const merges = new MergeFinder(sides.base.project, sides.head.project);
  for (const { id } of base.all()) {
    if (head.has(id)) continue;
    const merge = merges.find(id);
    if (merge)
      diff.merged.push({
        ...sides.base.concept(id),
        into: sides.head.concept(merge.into),
        annotations: merge.annotations,
      });
    else diff.removed.push(conceptEntry(sides.base, id));
  }
  return diff;
}

export function noConceptChanges(): CodebookDiff {
  return {
    added: [],
    removed: [],
    renamed: [],
    moved: [],
    descriptionChanged: [],
    criteriaChanged: [],
    examplesChanged: [],
    merged: [],
  };
}

/** The examples a concept gained and lost, each with its passage where that side has it; undefined when none. */
function examplesChange(sides: Sides, was: Concept, now: Concept): ConceptExamplesChanged | undefined {
  const [before, after] = [was.examples ?? [], now.examples ?? []];
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  if (added.length === 0 && removed.length === 0) return undefined;
  return {
    ...sides.head.concept(now.id),
    examplesAdded: added.map((id) => sides.head.example(id)),
    examplesRemoved: removed.map((id) => sides.base.example(id)),
  };
}

function conceptEntry(side: DiffSide, id: string): ConceptEntry {
  return { ...side.concept(id), parent: side.parentOf(id) };
}

/** Tells whether a removed concept was merged into another, from what its passages carry now. */
class MergeFinder {
  private readonly baseIndex: ProjectIndex;
  private readonly headById: Map<string, ResolvedAnnotation>;
  private readonly headCodebook: Codebook;

  constructor(base: Project, head: Project) {
    this.baseIndex = new ProjectIndex(base);
    this.headById = new Map(head.transcripts.flatMap((t) => t.annotations).map((r) => [r.annotation.id, r]));
    this.headCodebook = head.codebook;
  }

  /**
   * The one concept that every surviving passage of `id` carries now. Where several qualify, the
   * one that some passage gained; where that leaves more than one, none: a plain removal.
   */
  find(id: string): { into: string; annotations: number } | undefined {
    const pairs = this.baseIndex.byConcept(id).flatMap((was) => {
      const now = this.headById.get(was.annotation.id);
      return now ? [{ before: was.annotation.concepts, after: now.annotation.concepts }] : [];
    });
    const [first, ...rest] = pairs;
    if (!first) return undefined;
    let candidates = first.after.filter(
      (c) => c !== id && this.headCodebook.has(c) && rest.every((p) => p.after.includes(c)),
    );
    if (candidates.length > 1) candidates = candidates.filter((c) => pairs.some((p) => !p.before.includes(c)));
    const [into] = candidates;
    return into !== undefined && candidates.length === 1 ? { into, annotations: pairs.length } : undefined;
  }
}

import type { Annotation } from '../sidecar/annotation';
import { mergeRecords, type Conflict, type FieldKinds } from './threeWay';

export interface MergeResult {
  /** The merged annotations; for a conflict, the side that still has it (ours first). */
  annotations: Annotation[];
  conflicts: Conflict<Annotation>[];
}

/** Concepts merge as a set; range and context only say where the passage was last seen. */
export const ANNOTATION_FIELD_KINDS: FieldKinds = { concepts: 'set', range: 'hint', before: 'hint', after: 'hint' };

/** Three-way merge of a sidecar's annotations by id, field by field (see threeWay.ts). */
export function mergeAnnotations(
  base: readonly Annotation[],
  ours: readonly Annotation[],
  theirs: readonly Annotation[],
): MergeResult {
  const result: MergeResult = { annotations: [], conflicts: [] };
  for (const outcome of mergeRecords(base, ours, theirs, (a) => a.id, ANNOTATION_FIELD_KINDS)) {
    if (outcome.kind === 'kept') result.annotations.push(outcome.value);
    if (outcome.kind !== 'conflict') continue;
    result.conflicts.push(outcome);
    result.annotations.push((outcome.ours ?? outcome.theirs) as Annotation);
  }
  return result;
}

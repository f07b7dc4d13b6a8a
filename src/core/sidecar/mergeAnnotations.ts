import { ANNOTATION_KEYS, sameField as same, type Annotation, type AnnotationKey } from './annotation';

export interface MergeResult {
  annotations: Annotation[];
  /** What could not be merged by itself; ours was kept for each. */
  conflicts: string[];
}

/**
 * Three-way merge of a sidecar's annotations by id, field by field. Independent additions,
 * removals and edits combine; concepts changed on both sides are united; the range is a hint, so
 * ours wins. A field both sides changed differently, or an annotation edited on one side and
 * removed on the other, is a conflict: ours is kept and the conflict reported.
 */
export function mergeAnnotations(base: readonly Annotation[], ours: readonly Annotation[], theirs: readonly Annotation[]): MergeResult {
  const byId = (list: readonly Annotation[]) => new Map(list.map((a) => [a.id, a]));
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const ids = [...new Set([...o.keys(), ...t.keys(), ...b.keys()])];
  const result: MergeResult = { annotations: [], conflicts: [] };
  for (const id of ids) {
    const merged = mergeOne(b.get(id), o.get(id), t.get(id), result.conflicts);
    if (merged) result.annotations.push(merged);
  }
  return result;
}

function mergeOne(base: Annotation | undefined, ours: Annotation | undefined, theirs: Annotation | undefined, conflicts: string[]): Annotation | undefined {
  if (ours && theirs) return mergeFields(base, ours, theirs, conflicts);
  const kept = ours ?? theirs;
  if (!kept || !base) return kept;
  if (sameAnnotation(kept, base)) return undefined;
  conflicts.push(`${kept.id}: changed on one side and removed on the other; the changed annotation was kept.`);
  return kept;
}

function mergeFields(base: Annotation | undefined, ours: Annotation, theirs: Annotation, conflicts: string[]): Annotation {
  const merged: Annotation = { ...ours };
  for (const key of ANNOTATION_KEYS) {
    if (same(ours, theirs, key) || (base && same(theirs, base, key))) continue;
    if (!base || !same(ours, base, key)) {
      if (key === 'concepts') merged.concepts = [...new Set([...ours.concepts, ...theirs.concepts])];
      else if (key !== 'range') conflicts.push(`${ours.id}: "${key}" was changed on both sides; ours was kept.`);
      continue;
    }
    setField(merged, theirs, key);
  }
  return merged;
}

function setField(target: Annotation, source: Annotation, key: AnnotationKey): void {
  const value = source[key];
  if (value === undefined) delete target[key];
  else (target as unknown as Record<string, unknown>)[key] = value;
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return ANNOTATION_KEYS.every((key) => same(a, b, key));
}

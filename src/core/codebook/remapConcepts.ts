import type { Annotation } from '../sidecar/annotation';

export interface Remapped {
  annotations: Annotation[];
  /** Annotations retagged or removed. */
  changed: number;
  /** Of those, the ones removed because no concept was left. */
  removed: number;
}

/**
 * Applies a merge or delete of concepts to annotations: an id mapped to another id is replaced by it
 * (once, if the annotation already has it), an id mapped to null is dropped, and an annotation left
 * without concepts is removed. Annotations that do not change are returned as they were.
 */
export function remapConcepts(
  annotations: readonly Annotation[],
  mapping: ReadonlyMap<string, string | null>,
): Remapped {
  const out: Annotation[] = [];
  let changed = 0;
  let removed = 0;
  for (const annotation of annotations) {
    const concepts = remap(annotation.concepts, mapping);
    if (concepts === undefined) {
      out.push(annotation);
      continue;
    }
    changed++;
    if (concepts.length === 0) removed++;
    else out.push({ ...annotation, concepts });
  }
  return { annotations: out, changed, removed };
}

/** The new concepts, or undefined when they stay as they are. */
function remap(concepts: readonly string[], mapping: ReadonlyMap<string, string | null>): string[] | undefined {
  if (!concepts.some((id) => mapping.has(id))) return undefined;
  const next = [...new Set(concepts.flatMap((id) => (mapping.has(id) ? (mapping.get(id) ?? []) : [id])))];
  const same = next.length === concepts.length && next.every((id, i) => id === concepts[i]);
  return same ? undefined : next;
}

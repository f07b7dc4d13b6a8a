import type { Annotation } from '../sidecar/annotation';
import type { ProjectIndex } from './projectIndex';

/**
 * For every concept, how many passages are tagged with it or a concept below it, each passage
 * once (what `index.underConcept(id)` lists), counting only those `shows` lets through: one pass
 * over the annotations, not one per concept.
 */
export function passageCounts(index: ProjectIndex, shows: (annotation: Annotation) => boolean): Map<string, number> {
  const { codebook } = index.project;
  const counts = new Map<string, number>();
  const counted = new Set<string>();
  for (const { annotation } of index.all) {
    if (!shows(annotation)) continue;
    counted.clear();
    for (const id of annotation.concepts) {
      for (let concept = codebook.get(id); concept && !counted.has(concept.id);) {
        counted.add(concept.id);
        counts.set(concept.id, (counts.get(concept.id) ?? 0) + 1);
        concept = concept.parentId === undefined ? undefined : codebook.get(concept.parentId);
      }
    }
  }
  return counts;
}

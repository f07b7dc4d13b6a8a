import type { ResolvedAnnotation } from '../project/model';

interface Placed {
  resolved: ResolvedAnnotation;
  start: number;
  end: number;
}

/**
 * The pairs of annotations whose resolved passages share at least one character; orphans have no place and overlap
 * nothing.
 */
export function overlappingPairs(
  annotations: readonly ResolvedAnnotation[],
): [ResolvedAnnotation, ResolvedAnnotation][] {
  const placed = annotations.flatMap(placeOf).sort((a, b) => a.start - b.start);
  const pairs: [ResolvedAnnotation, ResolvedAnnotation][] = [];
  placed.forEach((first, i) => {
    for (let j = i + 1; j < placed.length && placed[j]!.start < first.end; j++) {
      if (placed[j]!.end > placed[j]!.start) pairs.push([first.resolved, placed[j]!.resolved]);
    }
  });
  return pairs;
}

function placeOf(resolved: ResolvedAnnotation): Placed[] {
  const { resolution } = resolved;
  return resolution.status === 'orphaned' ? [] : [{ resolved, start: resolution.start, end: resolution.end }];
}

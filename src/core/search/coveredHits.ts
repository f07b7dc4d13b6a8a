import type { Project } from '../project/model';
import type { SearchHit } from './hit';

export interface SplitHits {
  /** Hits still to be tagged. */
  fresh: SearchHit[];
  /** Hits inside a passage that already has every one of the concepts. */
  covered: SearchHit[];
}

/** Separates the hits that an existing annotation with all these concepts already covers. */
export function splitCoveredHits(project: Project, hits: readonly SearchHit[], concepts: readonly string[]): SplitHits {
  const split: SplitHits = { fresh: [], covered: [] };
  for (const hit of hits) (isCovered(project, hit, concepts) ? split.covered : split.fresh).push(hit);
  return split;
}

function isCovered(project: Project, hit: SearchHit, concepts: readonly string[]): boolean {
  const transcript = project.transcripts.find((t) => t.path === hit.transcript);
  return (transcript?.annotations ?? []).some(
    ({ annotation, resolution }) =>
      resolution.status !== 'orphaned' &&
      resolution.start <= hit.start &&
      hit.end <= resolution.end &&
      concepts.every((c) => annotation.concepts.includes(c)),
  );
}

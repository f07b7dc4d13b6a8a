import type { Project, ResolvedAnnotation } from '../project/model';
import type { QueryResult } from './passages';

/**
 * The project with only the annotations that the query's passages list: what `qcode export
 * --query NAME` exports. Transcripts, codebook, registry and problems stay as they are.
 */
export function limitToResult(project: Project, result: QueryResult): Project {
  const kept = new Set<ResolvedAnnotation>(result.passages.flatMap((p) => p.annotations));
  const transcripts = project.transcripts.map((t) => ({ ...t, annotations: t.annotations.filter((r) => kept.has(r)) }));
  return { ...project, transcripts };
}

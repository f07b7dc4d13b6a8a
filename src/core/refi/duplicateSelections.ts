import { annotationIdOfGuid, stableGuid } from './guids';
import type { ImportProblem } from './importSummary';
import type { RefiProject, RefiSource } from './model';
import { spanKey } from './selectionAnnotations';

/**
 * Gives every selection that reuses another's GUID for another passage (another span, user or
 * source) a GUID of its own, derived from the one it had, so that both become annotations with
 * distinct ids, the same ones on every import of the file. Reports each one it renamed.
 */
export function renameDuplicateSelections(project: RefiProject): ImportProblem[] {
  const first = new Map<string, { source: RefiSource; passage: string }>();
  const problems: ImportProblem[] = [];
  for (const source of project.sources) {
    for (const selection of source.selections) {
      const passage = `${source.guid}:${spanKey(selection)}`;
      const earlier = first.get(selection.guid);
      if (!earlier) {
        first.set(selection.guid, { source, passage });
        continue;
      }
      if (earlier.passage === passage) continue;
      const original = selection.guid;
      let guid = original;
      for (let n = 2; first.has(guid); n++) guid = stableGuid('selection', `${original}#${n}`);
      selection.guid = guid;
      first.set(guid, { source, passage });
      const where = selection.badPosition === undefined ? ` at ${selection.start}-${selection.end}` : '';
      problems.push({
        kind: 'duplicate-guid',
        source: source.name,
        message: `The selection GUID ${original} is used twice (first in "${earlier.source.name}"). Both are kept: the one${where} in "${source.name}" is imported as the annotation ${annotationIdOfGuid(guid)}.`,
      });
    }
  }
  return problems;
}

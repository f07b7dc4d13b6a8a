import type { Project } from '../project/model';
import { SIDECAR_SUFFIX } from '../paths';
import { annotationIdOfGuid, stableGuid } from './guids';
import type { PreparedSource } from './importSources';
import { importProblem, type ImportProblem } from './importSummary';
import type { RefiProject, RefiSelection, RefiSource } from './model';
import { spanKey } from './selectionAnnotations';
import { message } from '../messages';

/**
 * Gives every selection that reuses another's GUID for another passage (another span, user or
 * source) a GUID of its own, derived from the one it had, so that both become annotations with
 * distinct ids, the same ones on every import of the file. Reports each one it renamed.
 */
export function renameDuplicateSelections(project: RefiProject): ImportProblem[] {
  // The passage of a selection whose GUID is new is made only when another selection has that GUID too.
  const first = new Map<string, { source: RefiSource; selection?: RefiSelection; passage?: string }>();
  const passageOf = (source: RefiSource, selection: RefiSelection) => `${source.guid}:${spanKey(selection)}`;
  const problems: ImportProblem[] = [];
  for (const source of project.sources) {
    for (const selection of source.selections) {
      const earlier = first.get(selection.guid);
      if (!earlier) {
        first.set(selection.guid, { source, selection });
        continue;
      }
      const passage = passageOf(source, selection);
      if ((earlier.passage ?? passageOf(earlier.source, earlier.selection as RefiSelection)) === passage) continue;
      const original = selection.guid;
      let guid = original;
      for (let n = 2; first.has(guid); n++) guid = stableGuid('selection', `${original}#${n}`);
      selection.guid = guid;
      first.set(guid, { source, passage });
      const where =
        selection.badPosition === undefined
          ? message(' at {start}-{end}', { start: selection.start, end: selection.end })
          : '';
      const text = message(
        'The selection GUID {guid} is used twice (first in "{first}"). Both are kept: the one{where} in "{source}" is imported as the annotation {id}.',
        { guid: original, first: earlier.source.name, where, source: source.name, id: annotationIdOfGuid(guid) },
      );
      problems.push(importProblem('duplicate-guid', text, { source: source.name }));
    }
  }
  return problems;
}

/**
 * Gives an imported annotation whose id another sidecar of the project already uses (from an
 * earlier import of another file, say) an id of its own, derived from the id and its transcript,
 * so that the project never holds one id twice. Reports each one it renamed.
 */
export function renameTakenIds(prepared: readonly PreparedSource[], project: Project): ImportProblem[] {
  const owner = new Map(
    project.transcripts.flatMap((t) => t.annotations.map((r) => [r.annotation.id, t.sidecarPath] as const)),
  );
  const problems: ImportProblem[] = [];
  for (const { item, annotations } of prepared) {
    const sidecar = item.transcript + SIDECAR_SUFFIX;
    for (const annotation of annotations.annotations) {
      const taken = owner.get(annotation.id);
      if (taken === undefined || taken === sidecar) {
        owner.set(annotation.id, sidecar);
        continue;
      }
      const original = annotation.id;
      for (let n = 1; (owner.get(annotation.id) ?? sidecar) !== sidecar || annotation.id === original; n++) {
        annotation.id = annotationIdOfGuid(stableGuid('annotation', `${original}:${item.transcript}:${n}`));
      }
      owner.set(annotation.id, sidecar);
      for (const orphan of annotations.orphans) if (orphan.id === original) orphan.id = annotation.id;
      problems.push(
        importProblem(
          'duplicate-guid',
          message(
            'The annotation id {original} of a selection in "{source}" is already used in {taken}, so it is imported as {id}.',
            { original, source: item.source.name, taken, id: annotation.id },
          ),
          { source: item.source.name, path: sidecar },
        ),
      );
    }
  }
  return problems;
}

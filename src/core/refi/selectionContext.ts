import type { Project } from '../project/model';
import type { RefiProject } from './model';
import type { ConceptPlanner } from './planConcepts';
import type { InformantPlan } from './planInformants';
import type { SelectionContext } from './selectionAnnotations';

/** How selections find their concepts, coders, memos and informants in the imported project. */
export function selectionContext(
  refi: RefiProject,
  project: Project,
  concepts: ConceptPlanner,
  informants: InformantPlan,
): SelectionContext {
  const users = new Map(refi.users.map((u) => [u.guid, u.name]));
  const notes = new Map(refi.notes.map((n) => [n.guid, n.text]));
  const bySelection = casesBy(refi, (c) => c.selectionGuids ?? []);
  const bySource = casesBy(refi, (c) => c.sourceGuids);
  const informantOf = (caseGuids: string[] | undefined) =>
    caseGuids?.length === 1 ? informants.codeOfCase.get(caseGuids[0] as string) : undefined;
  return {
    project,
    conceptOfCode: (guid) => concepts.idOfCode.get(guid),
    uncodedConcept: () => concepts.uncoded(),
    userName: (guid) => (guid === undefined ? undefined : users.get(guid) || undefined),
    noteText: (guid) => notes.get(guid),
    caseInformant: (source, selection) =>
      informantOf(bySelection.get(selection.guid)) ?? informantOf(bySource.get(source.guid)),
  };
}

function casesBy(refi: RefiProject, refs: (c: RefiProject['cases'][number]) => string[]): Map<string, string[]> {
  const cases = new Map<string, string[]>();
  for (const refiCase of refi.cases) {
    for (const guid of new Set(refs(refiCase))) {
      const holding = cases.get(guid);
      if (holding) holding.push(refiCase.guid);
      else cases.set(guid, [refiCase.guid]);
    }
  }
  return cases;
}

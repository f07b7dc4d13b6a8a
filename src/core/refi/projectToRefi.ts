import type { Project, ResolvedAnnotation } from '../project/model';
import { informantsToCases } from './exportCases';
import { conceptsToCodes } from './exportCodes';
import { transcriptsToSources } from './exportSources';
import type { RefiCase, RefiProject } from './model';

export const QCODE_ORIGIN = 'qcode';

/** A project mapped to REFI-QDA, with what the package needs besides project.qde and what had to be left out. */
export interface RefiExport {
  project: RefiProject;
  /** Source GUID -> the source's text (LF line ends), for `sources/<guid>.txt`. */
  texts: Map<string, string>;
  /** Code GUID -> concept id, for `qcode/ids.json`. */
  conceptIds: Map<string, string>;
  /** Annotations whose passage was not found, or whose transcript is missing: exported from their saved quotes. */
  fromSidecar: ResolvedAnnotation[];
  /** The GUID of each source made of saved quotes -> the file name of its transcript, for `qcode/ids.json`. */
  quoteSources: Map<string, string>;
  /** Codings of concepts missing from the codebook, not exported. */
  unknownConceptCodings: number;
}

/**
 * Maps a loaded project to REFI-QDA: concepts to codes, informants to cases, transcripts to sources, annotations to
 * selections.
 */
export function projectToRefi(project: Project, name: string, origin = QCODE_ORIGIN): RefiExport {
  const codes = conceptsToCodes(project.codebook);
  const cases = informantsToCases(project.informants);
  const sources = transcriptsToSources(project.transcripts, codes.guidOf);
  const caseOf = new Map(cases.cases.map((c) => [c.name, c]));
  for (const { resolved, selectionGuid, sourceGuid } of sources.placed) {
    const refiCase = resolved.informant === undefined ? undefined : caseOf.get(resolved.informant);
    if (refiCase) linkCase(refiCase, sourceGuid, selectionGuid);
  }
  return {
    project: {
      name,
      origin,
      users: sources.users,
      codes: codes.codes,
      variables: cases.variables,
      cases: cases.cases,
      sources: sources.sources,
      notes: [],
    },
    texts: sources.texts,
    conceptIds: codes.conceptIds,
    fromSidecar: sources.fromSidecar,
    quoteSources: sources.quoteSources,
    unknownConceptCodings: sources.unknownConceptCodings,
  };
}

function linkCase(refiCase: RefiCase, sourceGuid: string, selectionGuid: string): void {
  if (!refiCase.sourceGuids.includes(sourceGuid)) refiCase.sourceGuids.push(sourceGuid);
  (refiCase.selectionGuids ??= []).push(selectionGuid);
}

import { joinPath, SIDECAR_SUFFIX } from '../paths';
import type { ProjectFiles } from '../port';
import { SETTINGS_TEMPLATE } from '../operations/initProject';
import { loadProject } from '../project/loadProject';
import { SETTINGS_FILE } from '../settings/settings';
import { decodeUtf8, encodeUtf8 } from '../text/decode';
import { YamlFile } from '../yaml/yamlFile';
import { commitSources, prepareSource, sourceText, write } from './importSources';
import { importProblem, type ImportProblem, type ImportSummary } from './importSummary';
import type { RefiProject } from './model';
import { ConceptPlanner } from './planConcepts';
import { renameDuplicateSelections, renameTakenIds } from './duplicateSelections';
import { planInformants, type InformantPlan } from './planInformants';
import { RefiReadError } from './readError';
import { readRefiInput, type RefiInput, type RefiPackage, type UnpackOptions } from './readPackage';
import { selectionContext } from './selectionContext';
import { unregisteredSpeakers } from './speakerInformants';
import { transcriptPaths } from './transcriptNames';
import { checkWriteTargets } from './writeTargets';
import { codebookWithConcepts } from './writeConcepts';
import { writeConcepts, writeInformants } from './writeRegistries';
import { message } from '../messages';

export type { RefiInput, UnpackOptions } from './readPackage';
export type { ImportSummary } from './importSummary';

/**
 * Imports a REFI-QDA project (.qdpx, or a bare .qde) or codebook (.qdc) into the qcode project
 * behind `files`, merging with what is there by GUID and never overwriting silently. Throws
 * RefiReadError, having written nothing, when the input, or the project's codebook or informant
 * registry, cannot be read.
 */
export async function importRefi(
  files: ProjectFiles,
  input: RefiInput,
  unpack: UnpackOptions = {},
): Promise<ImportSummary> {
  const pkg = readRefiInput(input, unpack);
  const project = await loadProject(files);
  const { settings } = project;
  const previous = {
    codebook: await readYamlText(files, settings.codebook),
    informants: await readYamlText(files, settings.informants),
  };
  const refi = asProject(pkg);
  const summary = emptySummary(pkg, refi);
  summary.problems.push(...renameDuplicateSelections(refi));
  const concepts = new ConceptPlanner(project.codebook, pkg.conceptIds);
  concepts.addCodes(refi.codes);
  const informants = planInformants(refi, project.informants);
  summary.problems.push(...renamedVariables(informants));
  const context = selectionContext(refi, project, concepts, informants);
  const transcripts = transcriptPaths(refi.sources, pkg.quoteSources, settings.transcripts);
  const prepared = refi.sources.map((source) => {
    const transcript = transcripts.get(source.guid) as string;
    return prepareSource(
      {
        source,
        transcript,
        text: sourceText(source, pkg.sourceFiles.get(source.guid)),
        savedQuotes: pkg.quoteSources.has(source.guid),
      },
      context,
      refi.origin,
    );
  });
  summary.problems.push(...renameTakenIds(prepared, project));
  const speakers = unregisteredSpeakers(prepared, project.informants, informants.added);
  informants.added.push(...speakers);
  const codebook = codebookWithConcepts(previous.codebook, concepts.added);
  if (!codebook.ok) throw new RefiReadError(settings.codebook, `${codebook.message} Nothing was imported.`);
  const folderKeeper = joinPath(settings.transcripts, '.gitkeep');
  await checkWriteTargets(files, [
    settings.codebook,
    settings.informants,
    SETTINGS_FILE,
    ...prepared.flatMap((p) => [p.item.transcript, p.item.transcript + SIDECAR_SUFFIX]),
    folderKeeper,
  ]);
  if (concepts.added.length > 0 || previous.codebook === undefined)
    await writeConcepts(files, settings.codebook, previous.codebook, concepts.added, summary);
  if (pkg.document.kind === 'project' && (informants.added.length > 0 || previous.informants === undefined)) {
    await writeInformants(files, settings.informants, previous.informants, informants.added, summary);
  }
  if (!(await files.read(SETTINGS_FILE))) await write(files, SETTINGS_FILE, encodeUtf8(SETTINGS_TEMPLATE), summary);
  await commitSources(files, prepared, summary);
  if ((await files.list(settings.transcripts)).length === 0)
    await write(files, folderKeeper, new Uint8Array(), summary);
  summary.concepts = { added: concepts.added.length, matched: concepts.matched };
  summary.informants = { added: informants.added.length, matched: informants.matched, speakers: speakers.length };
  return summary;
}

function renamedVariables(plan: InformantPlan): ImportProblem[] {
  return [...plan.renamedVariables].map(([name, attribute]) =>
    importProblem(
      'renamed-variable',
      message(
        'The case variable "{name}" cannot be an attribute name in informants.yaml, so its values are imported as the attribute "{attribute}".',
        { name, attribute },
      ),
    ),
  );
}

/** A codebook is imported as a project with codes only. */
function asProject(pkg: RefiPackage): RefiProject {
  const { document } = pkg;
  if (document.kind === 'project') return document.project;
  return {
    name: '',
    ...(document.codebook.origin ? { origin: document.codebook.origin } : {}),
    users: [],
    codes: document.codebook.codes,
    variables: [],
    cases: [],
    sources: [],
    notes: [],
  };
}

/**
 * The text of a YAML file, or undefined when there is none; a file that does not parse stops the import, since it must
 * not be overwritten.
 */
async function readYamlText(files: ProjectFiles, path: string): Promise<string | undefined> {
  const bytes = await files.read(path);
  if (!bytes) return undefined;
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    throw new RefiReadError(path, `${decoded.message} Nothing was imported.`, decoded.line, decoded.column);
  const problem = new YamlFile(path, decoded.text).problems.find((p) => p.severity === 'error');
  if (problem)
    throw new RefiReadError(
      path,
      `does not parse (${problem.message}). Fix it first; nothing was imported.`,
      problem.line,
      problem.column,
    );
  return decoded.text;
}

function emptySummary(pkg: RefiPackage, refi: RefiProject): ImportSummary {
  const selections = refi.sources.flatMap((s) => s.selections);
  const count = (codes: RefiProject['codes']): number => codes.reduce((n, c) => n + 1 + count(c.children), 0);
  const summary: ImportSummary = {
    file: pkg.file,
    kind: pkg.document.kind,
    ...(refi.origin ? { origin: refi.origin } : {}),
    counts: {
      codes: count(refi.codes),
      sources: refi.sources.length,
      cases: refi.cases.length,
      selections: selections.length,
      codings: selections.reduce((n, s) => n + s.codings.length, 0),
    },
    concepts: { added: 0, matched: 0 },
    informants: { added: 0, matched: 0, speakers: 0 },
    annotations: { added: 0, merged: 0, unchanged: 0, orphaned: 0, uncoded: 0 },
    sources: [],
    written: [],
    problems: [],
  };
  if (pkg.document.kind === 'project' && pkg.document.otherSources > 0) {
    summary.problems.push(
      importProblem(
        'skipped-sources',
        message('{count} PDF, picture, audio or video sources were not imported; qcode codes text only.', {
          count: pkg.document.otherSources,
        }),
      ),
    );
  }
  const { sets } = pkg.document;
  if (sets.length > 0) {
    summary.problems.push(
      importProblem(
        'skipped-sets',
        message(
          '{count} sets were not imported, as qcode has no sets: {sets}. Their codes and sources are imported; group them under a parent concept if you need the set.',
          { count: sets.length, sets: sets.map((name) => `"${name}"`).join(', ') },
        ),
      ),
    );
  }
  return summary;
}

import { isScalar } from 'yaml';
import type { GivenKey } from '../pseudonyms/keyFile';
import { leakProblems } from '../pseudonyms/leaks';
import { readCodebook } from '../codebook/readCodebook';
import { InformantRegistry, readInformants } from '../informants/registry';
import type { ProjectFiles } from '../port';
import { compareProblems, problem, type Problem } from '../problems';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_FILE, type Settings } from '../settings/settings';
import { YamlFile } from '../yaml/yamlFile';
import { checkProject } from './checks';
import { discoverTranscripts } from './discover';
import type { EarlierTexts } from './earlierTexts';
import { loadTranscripts } from './loadTranscripts';
import type { Project } from './model';
import type { ProjectCache } from './projectCache';
import { readTextFile } from './readText';
import { message } from '../messages';

/**
 * How a project is loaded besides its files: a pseudonym key from outside it (qcode check --key),
 * what earlier loads read and made of the files that have not changed since, and where to read the
 * texts the sidecars were written against (git, for qcode check), to move annotations through the
 * differences since.
 */
export interface LoadOptions {
  key?: GivenKey;
  cache?: ProjectCache;
  earlier?: EarlierTexts;
}

/**
 * Reads, validates and resolves a whole project. Problems are collected, never thrown.
 * `overrides` (the editor's settings, say) take precedence over qcode.yaml.
 */
export async function loadProject(
  given: ProjectFiles,
  overrides: Partial<Settings> = {},
  options: LoadOptions = {},
): Promise<Project> {
  const files = options.cache ? options.cache.reading(given) : given;
  const problems: Problem[] = [];
  const settingsFile = await readYaml(files, SETTINGS_FILE, problems, false);
  const settings = { ...readSettings(settingsFile), ...overrides };
  const codebookFile = await readYaml(files, settings.codebook, problems, true);
  const informantsFile = await readYaml(files, settings.informants, problems, false);
  const codebook = readCodebook(codebookFile ?? new YamlFile(settings.codebook, ''));
  const informants = informantsFile ? readInformants(informantsFile) : new InformantRegistry([]);
  const discovered = await discoverTranscripts(files, settings, problems);
  if (!discovered.folderFound) reportMissingFolder(settingsFile, settings, problems);
  // After reading, so that what the readers found (unknown keys, wrong types) is included.
  for (const file of [settingsFile, codebookFile, informantsFile]) problems.push(...(file?.problems ?? []));
  const transcripts = await loadTranscripts(
    given,
    discovered.transcripts,
    settings,
    problems,
    options.cache,
    options.earlier,
  );
  for (const transcript of transcripts)
    if (discovered.sidecarFolders.includes(transcript.sidecarPath)) transcript.sidecarReadable = false;
  const project: Project = { settings, codebook, informants, transcripts, problems };
  checkProject(project, discovered.strandedSidecars, {
    codebook: codebookFile !== undefined,
    informants: informantsFile !== undefined,
  });
  problems.push(...(await leakProblems(files, project, [codebookFile, informantsFile], options.key)));
  problems.sort(compareProblems);
  return project;
}

async function readYaml(
  files: ProjectFiles,
  path: string,
  problems: Problem[],
  required: boolean,
): Promise<YamlFile | undefined> {
  const read = await readTextFile(files, path, problems, required, false);
  if (typeof read !== 'object') return undefined;
  return new YamlFile(path, read.text);
}

/**
 * A transcripts folder named in qcode.yaml (or by the editor) that does not exist is a mistake,
 * not an empty project; the default folder may be missing in a project that has no transcripts yet.
 */
function reportMissingFolder(settingsFile: YamlFile | undefined, settings: Settings, problems: Problem[]): void {
  const missing = message(
    'The transcripts folder "{folder}" does not exist. Correct the path (relative to the project folder) or create the folder.',
    { folder: settings.transcripts },
  );
  const node = settingsFile?.document?.get('transcripts', true);
  if (isScalar(node) && node.value === settings.transcripts)
    settingsFile?.reportAt(node, 'error', 'missing-folder', missing);
  else if (settings.transcripts !== DEFAULT_SETTINGS.transcripts)
    problems.push(problem(SETTINGS_FILE, 1, 1, 'error', 'missing-folder', missing));
}

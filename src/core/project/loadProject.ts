import { readCodebook } from '../codebook/readCodebook';
import { InformantRegistry, readInformants } from '../informants/registry';
import type { ProjectFiles } from '../port';
import { compareProblems, type Problem } from '../problems';
import { readSettings, SETTINGS_FILE, type Settings } from '../settings/settings';
import { YamlFile } from '../yaml/yamlFile';
import { checkProject } from './checks';
import { discoverTranscripts } from './discover';
import { loadTranscript } from './loadTranscript';
import type { Project, TranscriptFile } from './model';
import { readTextFile } from './readText';

/**
 * Reads, validates and resolves a whole project. Problems are collected, never thrown.
 * `overrides` (the editor's settings, say) take precedence over qcode.yaml.
 */
export async function loadProject(files: ProjectFiles, overrides: Partial<Settings> = {}): Promise<Project> {
  const problems: Problem[] = [];
  const settingsFile = await readYaml(files, SETTINGS_FILE, problems, false);
  const settings = { ...readSettings(settingsFile), ...overrides };
  const codebookFile = await readYaml(files, settings.codebook, problems, true);
  const informantsFile = await readYaml(files, settings.informants, problems, false);
  const codebook = readCodebook(codebookFile ?? new YamlFile(settings.codebook, ''));
  const informants = informantsFile ? readInformants(informantsFile) : new InformantRegistry([]);
  // After reading, so that what the readers found (unknown keys, wrong types) is included.
  for (const file of [settingsFile, codebookFile, informantsFile]) problems.push(...(file?.problems ?? []));
  const discovered = await discoverTranscripts(files, settings);
  const transcripts: TranscriptFile[] = [];
  for (const path of discovered.transcripts) transcripts.push(await loadTranscript(files, path, settings, problems));
  const project: Project = { settings, codebook, informants, transcripts, problems };
  checkProject(project, discovered.strandedSidecars, { codebook: codebookFile !== undefined, informants: informantsFile !== undefined });
  problems.sort(compareProblems);
  return project;
}

async function readYaml(files: ProjectFiles, path: string, problems: Problem[], required: boolean): Promise<YamlFile | undefined> {
  const read = await readTextFile(files, path, problems, required, false);
  if (typeof read !== 'object') return undefined;
  return new YamlFile(path, read.text);
}

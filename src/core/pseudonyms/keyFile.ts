import type { ProjectFiles } from '../port';
import type { Problem } from '../problems';
import { readTextFile } from '../project/readText';
import type { Settings } from '../settings/settings';
import { YamlFile } from '../yaml/yamlFile';
import { readKey, type PseudonymKey } from './key';

/** The project's pseudonym key (`pseudonyms:` in qcode.yaml), or undefined when there is none; what is wrong with it goes to `problems`. */
export async function loadKey(files: ProjectFiles, settings: Settings, problems: Problem[]): Promise<PseudonymKey | undefined> {
  const read = await readTextFile(files, settings.pseudonyms, problems, false);
  if (typeof read !== 'object') return undefined;
  const file = new YamlFile(settings.pseudonyms, read.text);
  const key = readKey(file);
  problems.push(...file.problems);
  return key;
}

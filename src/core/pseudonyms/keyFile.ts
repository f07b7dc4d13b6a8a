import { message } from '../messages';
import type { ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import { readTextFile } from '../project/readText';
import type { Settings } from '../settings/settings';
import { decodeUtf8 } from '../text/decode';
import { YamlFile } from '../yaml/yamlFile';
import { readKey, type PseudonymKey } from './key';

/**
 * A key file named on the command line (--key), which may lie outside the project, where it
 * cannot be committed by mistake: its path as given, and its bytes when it exists.
 */
export interface GivenKey {
  path: string;
  bytes: Uint8Array | undefined;
}

/**
 * The pseudonym key: the given one, else the project's (`pseudonyms:` in qcode.yaml), or undefined
 * when there is none; what is wrong with it goes to `problems`. A given key that is missing is a
 * problem too: the leaks it was given to find would otherwise go unreported.
 */
export async function loadKey(
  files: ProjectFiles,
  settings: Settings,
  problems: Problem[],
  given?: GivenKey,
): Promise<PseudonymKey | undefined> {
  if (given) return givenKey(given, problems);
  const read = await readTextFile(files, settings.pseudonyms, problems, false);
  // A key that cannot be read (not UTF-8, say) is there all the same, with its problems reported.
  if (read === 'unreadable') return { path: settings.pseudonyms, entries: [] };
  if (typeof read !== 'object') return undefined;
  return keyIn(settings.pseudonyms, read.text, problems);
}

export function givenKey(given: GivenKey, problems: Problem[]): PseudonymKey | undefined {
  if (!given.bytes) {
    problems.push(
      problem(
        given.path,
        1,
        1,
        'error',
        'missing-file',
        message(
          'There is no pseudonym key at {path}. Name the key file (one "name: replacement" a line), or leave --key out to use the project\'s.',
          { path: given.path },
        ),
      ),
    );
    return undefined;
  }
  const decoded = decodeUtf8(given.bytes);
  if (decoded.ok) return keyIn(given.path, decoded.text, problems);
  problems.push(problem(given.path, decoded.line, decoded.column, 'error', 'not-utf8', decoded.detail));
  return { path: given.path, entries: [] };
}

function keyIn(path: string, text: string, problems: Problem[]): PseudonymKey {
  const file = new YamlFile(path, text);
  const key = readKey(file);
  problems.push(...file.problems);
  return key;
}

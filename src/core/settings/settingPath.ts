import type { Node } from 'yaml';
import { message, type Message } from '../messages';
import { staysInside } from '../paths';
import type { YamlFile } from '../yaml/yamlFile';

/** Reports a path that leaves the project folder: a cloned project must not make qcode read or write elsewhere. */
export function validPath(file: YamlFile, key: string, path: string, at: Node | undefined, fallback: Message): boolean {
  if (staysInside(path)) return true;
  file.reportAt(
    at,
    'error',
    'path-outside',
    message(
      '"{key}" must be a path inside the project folder, relative to {file}, not "{path}": qcode reads and writes only inside the project. {fallback}',
      { key, file: file.path, path, fallback },
    ),
  );
  return false;
}

import type { Node } from 'yaml';
import { staysInside } from '../paths';
import type { YamlFile } from '../yaml/yamlFile';

/** Reports a path that leaves the project folder: a cloned project must not make qcode read or write elsewhere. */
export function validPath(file: YamlFile, key: string, path: string, at: Node | undefined, fallback: string): boolean {
  if (staysInside(path)) return true;
  file.reportAt(at, 'error', 'path-outside', `"${key}" must be a path inside the project folder, relative to ${file.path}, not "${path}": qcode reads and writes only inside the project. ${fallback}`);
  return false;
}

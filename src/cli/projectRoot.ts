import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './usage';

const MARKERS = ['qcode.yaml', 'codebook.yaml'];

/** The project folder given on the command line (default: the current folder). */
export function projectFolder(dir: string | undefined): string {
  const folder = resolve(dir ?? '.');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${dir} is not a folder.`);
  return folder;
}

/** The project a file belongs to: the nearest folder above it holding qcode.yaml or codebook.yaml. */
export function projectOf(file: string): { root: string; path: string } {
  const absolute = resolve(file);
  if (!existsSync(absolute)) throw new UsageError(`${file} does not exist.`);
  for (let folder = dirname(absolute); ; folder = dirname(folder)) {
    if (MARKERS.some((m) => existsSync(join(folder, m))))
      return { root: folder, path: relative(folder, absolute).split(sep).join('/') };
    if (dirname(folder) === folder)
      throw new UsageError(
        `${file} is not inside a qcode project (no qcode.yaml or codebook.yaml above it). Run "qcode init" in the project folder.`,
      );
  }
}

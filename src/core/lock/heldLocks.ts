import type { ProjectFiles } from '../port';

/** The paths whose locks a ProjectFiles handed out by withFileLocks stands for. */
const heldPaths = new WeakMap<ProjectFiles, ReadonlySet<string>>();

/** True when `files` was handed to work that already holds the lock of `path`. */
export function holdsLock(files: ProjectFiles, path: string): boolean {
  return heldPaths.get(files)?.has(path) ?? false;
}

/** The same files, marked as holding the locks of `paths` (and of any the given files hold). */
export function holding(files: ProjectFiles, paths: readonly string[]): ProjectFiles {
  const locked: ProjectFiles = {
    read: (path) => files.read(path),
    write: (path, data) => files.write(path, data),
    list: (folder) => files.list(folder),
    createExclusive: (path, data) => files.createExclusive(path, data),
    remove: (path) => files.remove(path),
  };
  heldPaths.set(locked, new Set([...(heldPaths.get(files) ?? []), ...paths]));
  return locked;
}

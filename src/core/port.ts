/** What the core needs from a file system. Paths are project-relative, '/'-separated. */
export interface ProjectFiles {
  /**
   * The file's bytes, or undefined when it does not exist (or is a folder). Throws a
   * FileAccessError when something is there that cannot be read as a file.
   */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Replaces the file atomically (temporary file, then rename), creating folders as needed. */
  write(path: string, data: Uint8Array): Promise<void>;
  /**
   * The entries of a folder, or an empty list when it does not exist. Throws a FileAccessError when it cannot be
   * listed.
   */
  list(folder: string): Promise<FolderEntry[]>;
  /**
   * Creates the file with these bytes only if nothing is at the path yet, creating folders as
   * needed: true when it was created (and, where the file system cannot create atomically, still
   * holds these bytes a moment later), false when something was there. Other processes see it at
   * once; this is what file locks are made of.
   */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
  /** Removes the file; nothing happens when it does not exist. */
  remove(path: string): Promise<void>;
}

export interface FolderEntry {
  name: string;
  kind: 'file' | 'folder';
}

/**
 * Why a path that exists cannot be read: no permission, not a regular file (a pipe, socket or device), or a link out of
 * the project.
 */
export type AccessFailure = 'permission' | 'not-a-file' | 'outside-project';

/** Thrown by a port for a path that exists but must not or cannot be read; the core turns it into a problem. */
export class FileAccessError extends Error {
  constructor(
    readonly path: string,
    readonly reason: AccessFailure,
  ) {
    super(`${path} cannot be read (${reason}).`);
    this.name = 'FileAccessError';
  }
}

/** A source of randomness, injectable so that tests can be repeatable. */
export type RandomBytes = (count: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (count) => globalThis.crypto.getRandomValues(new Uint8Array(count));

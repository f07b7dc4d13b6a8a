/** What the core needs from a file system. Paths are project-relative, '/'-separated. */
export interface ProjectFiles {
  /** The file's bytes, or undefined when it does not exist. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Replaces the file atomically (temporary file, then rename), creating folders as needed. */
  write(path: string, data: Uint8Array): Promise<void>;
  /** The entries of a folder, or an empty list when it does not exist. */
  list(folder: string): Promise<FolderEntry[]>;
}

export interface FolderEntry {
  name: string;
  kind: 'file' | 'folder';
}

/** A source of randomness, injectable so that tests can be repeatable. */
export type RandomBytes = (count: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (count) => globalThis.crypto.getRandomValues(new Uint8Array(count));

import type { FolderEntry, ProjectFiles } from './port';

/**
 * A project's files whose folder listings go through `listing` (to leave entries out, say), so
 * that whatever walks the folders sees only what it keeps; reading and writing go through as they are.
 */
export class ListedFiles implements ProjectFiles {
  constructor(
    private readonly files: ProjectFiles,
    private readonly listing: (folder: string, entries: FolderEntry[]) => FolderEntry[],
  ) {}

  read(path: string): Promise<Uint8Array | undefined> {
    return this.files.read(path);
  }

  write(path: string, data: Uint8Array): Promise<void> {
    return this.files.write(path, data);
  }

  createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    return this.files.createExclusive(path, data);
  }

  remove(path: string): Promise<void> {
    return this.files.remove(path);
  }

  async list(folder: string): Promise<FolderEntry[]> {
    return this.listing(folder, await this.files.list(folder));
  }
}

import type { FolderEntry, ProjectFiles } from '../../core/port';
import { encodeUtf8 } from '../../core/text/decode';
import type { WorkspaceFiles } from '../host/workspaceFiles';
import { GIT_DELETED, GIT_RENAMED, type Repository } from './gitApi';

/**
 * The project's files as they were at a git ref, read through the git extension. Folders are listed
 * as they are now plus what was deleted or renamed away since the ref; a file that did not exist at
 * the ref reads as absent.
 */
export class GitRefFiles implements ProjectFiles {
  private constructor(private readonly repository: Repository, private readonly ref: string, private readonly current: WorkspaceFiles, private readonly gone: readonly string[]) {}

  static async at(repository: Repository, ref: string, current: WorkspaceFiles): Promise<GitRefFiles> {
    const changes = await repository.diffWith(ref);
    const gone = changes
      .flatMap((c) => (GIT_DELETED.includes(c.status) ? [c.uri] : c.status === GIT_RENAMED ? [c.originalUri] : []))
      .flatMap((uri) => current.pathOf(uri) ?? []);
    return new GitRefFiles(repository, ref, current, gone);
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    try {
      return encodeUtf8(await this.repository.show(this.ref, this.current.uri(path).fsPath));
    } catch {
      return undefined;
    }
  }

  write(path: string): Promise<void> {
    return Promise.reject(new Error(`${path} is read at ${this.ref} and cannot be written`));
  }

  createExclusive(path: string): Promise<boolean> {
    return this.write(path).then(() => false);
  }

  remove(path: string): Promise<void> {
    return this.write(path);
  }

  async list(folder: string): Promise<FolderEntry[]> {
    const entries = await this.current.list(folder);
    const prefix = folder === '' ? '' : `${folder}/`;
    const names = new Set(entries.map((e) => e.name));
    for (const path of this.gone) {
      if (!path.startsWith(prefix)) continue;
      const [name = '', ...rest] = path.slice(prefix.length).split('/');
      if (!names.has(name)) entries.push({ name, kind: rest.length > 0 ? 'folder' : 'file' });
      names.add(name);
    }
    return entries;
  }
}

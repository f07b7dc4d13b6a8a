import type { FolderEntry, ProjectFiles } from '../../../core/port';
import type { WorkspaceFiles } from '../../shared/host/workspaceFiles';
import { t } from '../../shared/l10n/displayLanguage';
import { GIT_DELETED, GIT_RENAMED, type Repository } from './gitApi';

/** What git said when it could not read a file at a ref: the file and the ref, then git's own words. */
export class GitReadError extends Error {
  constructor(path: string, ref: string, cause: unknown) {
    super(t('git could not read {0} at {1}: {2}', path, ref, gitWords(cause)));
    this.name = 'GitReadError';
  }
}

/**
 * The project's files as they were at a git ref, read through the git extension as bytes, as git
 * keeps them. Folders are listed as they are now plus what was deleted or renamed away since the
 * ref. A file that did not exist at the ref reads as absent; any other failure of git is thrown.
 */
export class GitRefFiles implements ProjectFiles {
  private constructor(
    private readonly repository: Repository,
    private readonly ref: string,
    private readonly current: WorkspaceFiles,
    private readonly gone: readonly string[],
  ) {}

  static async at(repository: Repository, ref: string, current: WorkspaceFiles): Promise<GitRefFiles> {
    const changes = await repository.diffWith(ref).catch((error: unknown) => {
      throw new GitReadError('.', ref, error);
    });
    const gone = changes
      .flatMap((c) => (GIT_DELETED.includes(c.status) ? [c.uri] : c.status === GIT_RENAMED ? [c.originalUri] : []))
      .flatMap((uri) => current.pathOf(uri) ?? []);
    return new GitRefFiles(repository, ref, current, gone);
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const file = this.current.uri(path).fsPath;
    try {
      const bytes = new Uint8Array(await this.repository.buffer(this.ref, file));
      // `git show` lists a folder, as "tree <ref>:<path>" and its entries.
      return startsWith(bytes, `tree ${this.ref}:`) && (await this.absent(path, file)) ? undefined : bytes;
    } catch (error) {
      // Only now ask whether the ref has the file: most reads find it, and each question is a git process.
      if (await this.absent(path, file)) return undefined;
      throw new GitReadError(path, this.ref, error);
    }
  }

  /** True when the ref has nothing at the path; a failure to tell is thrown. */
  private async absent(path: string, file: string): Promise<boolean> {
    try {
      const details = await this.repository.getObjectDetails(this.ref, file);
      return details.mode.startsWith('04'); // a folder reads as absent, as on disk
    } catch (error) {
      if ((error as { gitErrorCode?: unknown }).gitErrorCode === 'UnknownPath') return true;
      throw new GitReadError(path, this.ref, error);
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

function startsWith(bytes: Uint8Array, text: string): boolean {
  const head = new TextEncoder().encode(text);
  return bytes.length >= head.length && head.every((byte, i) => bytes[i] === byte);
}

/** git's first line of complaint, or the error's message. */
function gitWords(error: unknown): string {
  const said = (error as { stderr?: unknown }).stderr;
  const words = typeof said === 'string' && said.trim() ? said : error instanceof Error ? error.message : String(error);
  return words.trim().split('\n')[0] ?? '';
}

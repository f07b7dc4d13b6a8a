import * as vscode from 'vscode';
import { FileAccessError, type FolderEntry, type ProjectFiles } from '../../../core/port';
import { OwnWrites } from './ownWrites';

/** The Node host's own access to a project on the local disk, for a workspace folder it can reach. */
export type LocalFiles = (root: vscode.Uri) => ProjectFiles | undefined;

/** How long a file made by createExclusive must keep its bytes to count as created. */
const SETTLE_MS = 5;

/**
 * The core's file port over vscode.workspace.fs, so the extension also runs on virtual file
 * systems and the web. In VS Code's Node extension host a project on the local disk is read and
 * written with Node's file system instead (`onDisk`): vscode.workspace.fs deletes a file before it
 * renames over it and checks before it creates, and in a remote window each of its calls makes a
 * round trip through the browser, which is busy while the window starts.
 */
export class WorkspaceFiles implements ProjectFiles {
  private readonly written = new vscode.EventEmitter<string>();
  /**
   * The path of each file written, created or removed through these files: as the change starts and once it is done.
   */
  readonly onDidWrite = this.written.event;
  /** What qcode wrote to each file lately, so that the file watcher's echo of it can be told apart. */
  readonly ownWrites = new OwnWrites();

  constructor(
    readonly root: vscode.Uri,
    readonly onDisk?: ProjectFiles,
  ) {}

  uri(path: string): vscode.Uri {
    return path === '' ? this.root : vscode.Uri.joinPath(this.root, ...path.split('/'));
  }

  /** The project-relative path of a URI inside the project, or undefined. */
  pathOf(uri: vscode.Uri): string | undefined {
    const root = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority || !uri.path.startsWith(root))
      return undefined;
    return uri.path.slice(root.length);
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    if (this.onDisk) return this.onDisk.read(path);
    try {
      return await vscode.workspace.fs.readFile(this.uri(path));
    } catch (error) {
      if (
        error instanceof vscode.FileSystemError &&
        (error.code === 'FileNotFound' || error.code === 'FileIsADirectory')
      )
        return undefined;
      if (error instanceof vscode.FileSystemError && error.code === 'NoPermissions')
        throw new FileAccessError(path, 'permission');
      throw error;
    }
  }

  /** Writes a temporary file beside the target and renames it over the target. */
  async write(path: string, data: Uint8Array): Promise<void> {
    this.ownWrites.forget(path);
    await this.changing(path, () =>
      this.onDisk ? this.onDisk.write(path, data) : this.renameIntoPlace(path, data, true),
    );
    this.ownWrites.wrote(path, data);
  }

  /** Does the change, telling onDidWrite as it starts and once it is done, whether it worked or not. */
  private async changing<T>(path: string, change: () => Promise<T>): Promise<T> {
    this.written.fire(path);
    try {
      return await change();
    } finally {
      this.written.fire(path);
    }
  }

  /**
   * Creates the file only if there is none. On the local disk that is one step; otherwise the bytes
   * go to a temporary file that is renamed to the path without overwriting, which fails with
   * FileExists when something is there. vscode.workspace.fs checks, then renames, so another
   * process can create the file in between; the file counts as created only if it still holds
   * these bytes a moment later.
   */
  createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    return this.changing(path, () =>
      this.onDisk ? this.onDisk.createExclusive(path, data) : this.createThroughVscode(path, data),
    );
  }

  private async createThroughVscode(path: string, data: Uint8Array): Promise<boolean> {
    try {
      await this.renameIntoPlace(path, data, false);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileExists') return false;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = await this.read(path).catch(() => undefined);
    return settled !== undefined && settled.length === data.length && settled.every((byte, i) => byte === data[i]);
  }

  /**
   * Writes the bytes to a temporary file beside the path and renames that to the path; the temporary file goes when the
   * rename fails.
   */
  private async renameIntoPlace(path: string, data: Uint8Array, overwrite: boolean): Promise<void> {
    const target = this.uri(path);
    const temporary = target.with({ path: `${target.path}.${Math.random().toString(36).slice(2, 10)}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, data);
    try {
      await vscode.workspace.fs.rename(temporary, target, { overwrite });
    } catch (error) {
      await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
      throw error;
    }
  }

  remove(path: string): Promise<void> {
    this.ownWrites.forget(path);
    return this.changing(path, () => (this.onDisk ? this.onDisk.remove(path) : this.removeThroughVscode(path)));
  }

  private async removeThroughVscode(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(path), { useTrash: false });
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return;
      throw error;
    }
  }

  async list(folder: string): Promise<FolderEntry[]> {
    if (this.onDisk) return this.onDisk.list(folder);
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri(folder));
      return entries
        .filter(([, type]) => (type & (vscode.FileType.File | vscode.FileType.Directory)) !== 0)
        .map(([name, type]) => ({ name, kind: type & vscode.FileType.Directory ? 'folder' : 'file' }) as FolderEntry)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      if (error instanceof vscode.FileSystemError) return [];
      throw error;
    }
  }
}

import * as vscode from 'vscode';
import { FileAccessError, type FolderEntry, type ProjectFiles } from '../../core/port';

/** The core's file port over vscode.workspace.fs, so the extension also runs on virtual file systems and the web. */
export class WorkspaceFiles implements ProjectFiles {
  constructor(readonly root: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return path === '' ? this.root : vscode.Uri.joinPath(this.root, ...path.split('/'));
  }

  /** The project-relative path of a URI inside the project, or undefined. */
  pathOf(uri: vscode.Uri): string | undefined {
    const root = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority || !uri.path.startsWith(root)) return undefined;
    return uri.path.slice(root.length);
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(this.uri(path));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileIsADirectory')) return undefined;
      if (error instanceof vscode.FileSystemError && error.code === 'NoPermissions') throw new FileAccessError(path, 'permission');
      throw error;
    }
  }

  /** Writes a temporary file beside the target and renames it over the target. */
  async write(path: string, data: Uint8Array): Promise<void> {
    const target = this.uri(path);
    const temporary = target.with({ path: `${target.path}.${Math.random().toString(36).slice(2, 10)}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, data);
    try {
      await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
      throw error;
    }
  }

  async delete(path: string): Promise<void> {
    await vscode.workspace.fs.delete(this.uri(path), { useTrash: false }).then(undefined, () => undefined);
  }

  async list(folder: string): Promise<FolderEntry[]> {
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

import { open, rename } from 'node:fs/promises';
import type { LocalDisk } from '../host/workspaceFiles';

/**
 * A project on the local disk, written with the operating system's own atomic steps:
 * vscode.workspace.fs deletes the target before it renames over it, and checks before it creates.
 */
export const localDisk: LocalDisk = {
  replace: (temporary, target) => rename(temporary, target),
  async createExclusive(path, data) {
    let file;
    try {
      file = await open(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      await file.writeFile(data);
    } finally {
      await file.close();
    }
    return true;
  },
};

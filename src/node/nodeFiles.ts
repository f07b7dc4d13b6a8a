import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { FolderEntry, ProjectFiles } from '../core/port';
import { isCode, listInside, readInside, writeTarget } from './fileAccess';

/** How long a file made by createExclusive must keep its bytes to count as created. */
const SETTLE_MS = 5;

/** The core's file port over the local file system, rooted at a project folder. */
export class NodeProjectFiles implements ProjectFiles {
  constructor(readonly root: string) {}

  async read(path: string): Promise<Uint8Array | undefined> {
    return readInside(this.root, path);
  }

  /**
   * Writes to a temporary file beside the target, then renames it over the target (a link's target, so the link stays).
   */
  async write(path: string, data: Uint8Array): Promise<void> {
    const target = await writeTarget(this.root, path);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, data);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Creates the file with open(…, 'wx'), which fails when anything is at the path. An editor window
   * creates files by a check and a rename (vscode.workspace.fs), which can replace this one just
   * after it was made; so it counts as created only if it still holds these bytes a moment later.
   */
  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    const target = join(this.root, path);
    await mkdir(dirname(target), { recursive: true });
    let handle;
    try {
      handle = await open(target, 'wx');
    } catch (error) {
      if (isCode(error, 'EEXIST')) return false;
      throw error;
    }
    try {
      await handle.writeFile(data);
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(target, { force: true });
      throw error;
    }
    await delay(SETTLE_MS);
    const settled = await readFile(target).catch(() => undefined);
    return settled !== undefined && Buffer.from(data).equals(settled);
  }

  async remove(path: string): Promise<void> {
    await rm(join(this.root, path), { force: true });
  }

  async list(folder: string): Promise<FolderEntry[]> {
    return listInside(this.root, folder);
  }
}

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FolderEntry, ProjectFiles } from '../core/port';
import { listInside, readInside, writeTarget } from './fileAccess';

/** The core's file port over the local file system, rooted at a project folder. */
export class NodeProjectFiles implements ProjectFiles {
  constructor(readonly root: string) {}

  async read(path: string): Promise<Uint8Array | undefined> {
    return readInside(this.root, path);
  }

  /** Writes to a temporary file beside the target, then renames it over the target (a link's target, so the link stays). */
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

  async list(folder: string): Promise<FolderEntry[]> {
    return listInside(this.root, folder);
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MemoryFiles } from './memoryFiles';

export const SAMPLE_PROJECT = join(__dirname, '..', '..', 'sample-project');

/** A folder on disk copied into memory, so the core can read it through the port. */
export function filesFromDisk(root: string): MemoryFiles {
  const files = new MemoryFiles();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), new Uint8Array(readFileSync(path)));
    }
  };
  walk(root);
  return files;
}

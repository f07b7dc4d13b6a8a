import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file, folder and link below `root` with a hash of its content, so that a test can assert
 * that nothing there changed (or exactly what did), e.g. that a hostile archive wrote nothing
 * outside the target folder.
 */
export function treeHashes(root: string, skip: (path: string) => boolean = () => false): Map<string, string> {
  const hashes = new Map<string, string>();
  const visit = (relative: string): void => {
    for (const name of readdirSync(join(root, relative)).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (skip(path)) continue;
      const stat = lstatSync(join(root, path));
      if (stat.isSymbolicLink()) hashes.set(path, `link ${readlinkSync(join(root, path))}`);
      else if (stat.isDirectory()) {
        hashes.set(path, 'folder');
        visit(path);
      } else
        hashes.set(
          path,
          createHash('sha256')
            .update(readFileSync(join(root, path)))
            .digest('hex'),
        );
    }
  };
  visit('');
  return hashes;
}

import { readFileSync } from 'node:fs';
import type { GivenKey } from '../core/pseudonyms/keyFile';

/** The key file named with --key, read from wherever it is: inside the project or, better, out of it. */
export function keyOption(path: string): GivenKey {
  try {
    return { path, bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return { path, bytes: undefined };
    throw error;
  }
}

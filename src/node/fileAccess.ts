import { constants, type Dirent } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FileAccessError, type FolderEntry } from '../core/port';

/** Opening never waits for a writer (a named pipe) nor makes a terminal the controlling one. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * A project file's bytes: undefined when nothing (or a folder) is there. Links are followed only
 * to places inside the project; pipes, sockets and devices are looked at but never opened.
 */
export async function readInside(root: string, path: string): Promise<Uint8Array | undefined> {
  const real = await realInside(root, path);
  if (real === undefined) return undefined;
  const info = await stat(real).catch((error: unknown) => failure(error, path));
  if (!info || info.isDirectory()) return undefined;
  if (!info.isFile()) throw new FileAccessError(path, 'not-a-file');
  const handle = await open(real, OPEN_FLAGS).catch((error: unknown) => failure(error, path));
  if (!handle) return undefined;
  try {
    if (!(await handle.stat()).isFile()) throw new FileAccessError(path, 'not-a-file'); // replaced since the first look
    return await handle.readFile();
  } catch (error) {
    return failure(error, path);
  } finally {
    await handle.close();
  }
}

/** A folder's entries; a link counts as what it points to, anything that is not a folder as a file. */
export async function listInside(root: string, folder: string): Promise<FolderEntry[]> {
  const real = await realInside(root, folder);
  if (real === undefined) return [];
  const entries = await readdir(real, { withFileTypes: true }).catch((error: unknown) =>
    isCode(error, 'ENOTDIR') ? [] : failure(error, folder),
  );
  const listed = await Promise.all(
    (entries ?? []).map(async (e) => ({ name: e.name, kind: await kindOf(real, e) }) as FolderEntry),
  );
  return listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Where a write to `path` really goes: through a link to its target (so the link stays), and
 * through linked folders; a place outside the project is refused.
 */
export async function writeTarget(root: string, path: string): Promise<string> {
  const real = await realOrNearest(lexicallyInside(root, path));
  if (!contains(await realRoot(root), real)) throw new FileAccessError(path, 'outside-project');
  return real;
}

/**
 * The real path, or for a path that does not exist yet, the real path of the nearest folder above it joined with the
 * rest.
 */
async function realOrNearest(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
    const parent = dirname(path);
    return parent === path ? path : join(await realOrNearest(parent), basename(path));
  }
}

/** The real location of a project path, or undefined when nothing is there; a place outside the project is refused. */
async function realInside(root: string, path: string): Promise<string | undefined> {
  const lexical = lexicallyInside(root, path);
  let real: string;
  try {
    real = await realpath(lexical);
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return undefined;
    if (isCode(error, 'ELOOP')) throw new FileAccessError(path, 'not-a-file');
    return failure(error, path);
  }
  if (!contains(await realRoot(root), real)) throw new FileAccessError(path, 'outside-project');
  return real;
}

const realRoots = new Map<string, string>();

async function realRoot(root: string): Promise<string> {
  const known = realRoots.get(root);
  if (known !== undefined) return known;
  const real = await realpath(root);
  realRoots.set(root, real);
  return real;
}

function lexicallyInside(root: string, path: string): string {
  const absolute = resolve(root, path);
  if (!contains(resolve(root), absolute)) throw new FileAccessError(path, 'outside-project');
  return absolute;
}

function contains(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

async function kindOf(folder: string, entry: Dirent): Promise<FolderEntry['kind']> {
  if (entry.isDirectory()) return 'folder';
  if (!entry.isSymbolicLink()) return 'file';
  const target = await stat(join(folder, entry.name)).catch(() => undefined);
  return target?.isDirectory() ? 'folder' : 'file';
}

/** A missing file is undefined; no permission is a FileAccessError; anything else is thrown as it is. */
function failure(error: unknown, path: string): undefined {
  if (isCode(error, 'ENOENT')) return undefined;
  if (isCode(error, 'EACCES') || isCode(error, 'EPERM')) throw new FileAccessError(path, 'permission');
  if (isCode(error, 'ENXIO') || isCode(error, 'ENODEV')) throw new FileAccessError(path, 'not-a-file');
  throw error;
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === code;
}

import { joinPath } from '../paths';
import type { FolderEntry } from '../port';
import { SIDECAR_SUFFIX } from '../settings/settings';

/** A folder listing, narrowed. */
export type Listing = (folder: string, entries: readonly FolderEntry[]) => FolderEntry[];

/**
 * Narrows folder listings to some transcripts and their sidecars; folders all stay, so that
 * every folder is still found. A project loaded through files listed this way has only those
 * transcripts: the ones open in editors, say, loaded ahead of all the others.
 */
export function listingOnly(transcripts: readonly string[]): Listing {
  const wanted = new Set(transcripts.flatMap((path) => [joinPath(path), joinPath(path) + SIDECAR_SUFFIX]));
  return (folder, entries) => entries.filter((entry) => entry.kind === 'folder' || wanted.has(joinPath(folder, entry.name)));
}

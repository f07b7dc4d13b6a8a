import { joinPath, SIDECAR_SUFFIX } from '../paths';
import type { FolderEntry } from '../port';
import { type Settings } from '../settings/settings';

/** A folder listing, narrowed. */
export type Listing = (folder: string, entries: readonly FolderEntry[]) => FolderEntry[];

/**
 * Narrows folder listings to some transcripts and their sidecars; folders all stay, so that
 * every folder is still found. A project loaded through files listed this way has only those
 * transcripts: the ones open in editors, say, loaded ahead of all the others.
 */
export function listingOnly(transcripts: readonly string[]): Listing {
  const wanted = new Set(transcripts.flatMap((path) => [joinPath(path), joinPath(path) + SIDECAR_SUFFIX]));
  return (folder, entries) =>
    entries.filter((entry) => entry.kind === 'folder' || wanted.has(joinPath(folder, entry.name)));
}

/**
 * Whether a project path is one of the project's transcripts by where it is and how it ends, as the loader finds them.
 */
export function isTranscriptPath(settings: Settings, path: string): boolean {
  const folder = joinPath(settings.transcripts);
  const inside = folder === '' ? path : path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined;
  if (
    inside === undefined ||
    inside.split('/').some((segment) => segment.startsWith('.')) ||
    path.endsWith(SIDECAR_SUFFIX)
  )
    return false;
  return settings.extensions.some((e) => path.toLowerCase().endsWith(e.toLowerCase()));
}

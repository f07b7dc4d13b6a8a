import { joinPath } from '../paths';
import type { ProjectFiles } from '../port';
import { SIDECAR_SUFFIX, type Settings } from '../settings/settings';

export interface Discovered {
  transcripts: string[];
  /** Sidecars with no transcript beside them. */
  strandedSidecars: string[];
}

/** Transcripts (by their endings) and sidecars below the transcripts folder, in path order. */
export async function discoverTranscripts(files: ProjectFiles, settings: Settings): Promise<Discovered> {
  const all: string[] = [];
  await walk(files, settings.transcripts, all);
  const present = new Set(all);
  const transcripts = all.filter((p) => !p.endsWith(SIDECAR_SUFFIX) && settings.extensions.some((e) => p.toLowerCase().endsWith(e.toLowerCase())));
  const strandedSidecars = all.filter((p) => p.endsWith(SIDECAR_SUFFIX) && !present.has(p.slice(0, -SIDECAR_SUFFIX.length)));
  return { transcripts: transcripts.sort(), strandedSidecars: strandedSidecars.sort() };
}

async function walk(files: ProjectFiles, folder: string, out: string[]): Promise<void> {
  for (const entry of await files.list(folder)) {
    if (entry.name.startsWith('.')) continue;
    const path = joinPath(folder, entry.name);
    if (entry.kind === 'folder') await walk(files, path, out);
    else out.push(path);
  }
}

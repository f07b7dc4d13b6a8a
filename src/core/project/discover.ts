import { basename, dirname, joinPath, SIDECAR_SUFFIX } from '../paths';
import { FileAccessError, type ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import { type Settings } from '../settings/settings';
import { accessProblem } from './readText';
import { message } from '../messages';

export interface Discovered {
  transcripts: string[];
  /** Sidecars with no transcript beside them. */
  strandedSidecars: string[];
  /** Sidecar paths taken by a folder, so that nothing can be read from or written to them. */
  sidecarFolders: string[];
  /** Whether the transcripts folder exists at all. */
  folderFound: boolean;
}

/**
 * Transcripts (by their endings) and sidecars below the transcripts folder, in path order.
 * Folders that cannot be listed and folders in a sidecar's place are reported in `problems`.
 */
export async function discoverTranscripts(
  files: ProjectFiles,
  settings: Settings,
  problems: Problem[] = [],
): Promise<Discovered> {
  const found: Found = { files: [], sidecarFolders: [] };
  const folderFound = await folderExists(files, settings.transcripts);
  if (folderFound) await walk(files, joinPath(settings.transcripts), found, problems);
  const present = new Set(found.files);
  const transcripts = found.files.filter(
    (p) => !p.endsWith(SIDECAR_SUFFIX) && settings.extensions.some((e) => p.toLowerCase().endsWith(e.toLowerCase())),
  );
  const strandedSidecars = found.files.filter(
    (p) => p.endsWith(SIDECAR_SUFFIX) && !present.has(p.slice(0, -SIDECAR_SUFFIX.length)),
  );
  return {
    transcripts: transcripts.sort(),
    strandedSidecars: strandedSidecars.sort(),
    sidecarFolders: found.sidecarFolders.sort(),
    folderFound,
  };
}

interface Found {
  files: string[];
  sidecarFolders: string[];
}

async function walk(files: ProjectFiles, folder: string, found: Found, problems: Problem[]): Promise<void> {
  for (const entry of await listed(files, folder, problems)) {
    if (entry.name.startsWith('.')) continue;
    const path = joinPath(folder, entry.name);
    if (entry.kind === 'file') found.files.push(path);
    else if (!path.endsWith(SIDECAR_SUFFIX)) await walk(files, path, found, problems);
    else {
      found.sidecarFolders.push(path);
      problems.push(
        problem(
          path,
          1,
          1,
          'error',
          'not-a-file',
          message(
            '{path} is a folder, where the annotations of {transcript} should be a file. Move what is in it elsewhere and remove the folder.',
            { path, transcript: basename(path.slice(0, -SIDECAR_SUFFIX.length)) },
          ),
        ),
      );
    }
  }
}

async function listed(files: ProjectFiles, folder: string, problems: Problem[]) {
  try {
    return await files.list(folder);
  } catch (error) {
    if (!(error instanceof FileAccessError)) throw error;
    problems.push(accessProblem(error));
    return [];
  }
}

/** The project folder itself always exists; any other folder is looked up in its parent's entries. */
async function folderExists(files: ProjectFiles, folder: string): Promise<boolean> {
  const path = joinPath(folder);
  if (path === '') return true;
  try {
    const entries = await files.list(dirname(path));
    return entries.some((e) => e.name === basename(path) && e.kind === 'folder');
  } catch (error) {
    if (error instanceof FileAccessError) return true; // listing the folder itself says what is wrong
    throw error;
  }
}

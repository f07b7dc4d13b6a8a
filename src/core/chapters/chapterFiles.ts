import { joinPath } from '../paths';
import { FileAccessError, type ProjectFiles } from '../port';
import type { Problem } from '../problems';
import { accessProblem, readTextFile } from '../project/readText';
import { SIDECAR_SUFFIX, type Settings } from '../settings/settings';
import { chapterPattern } from './chapterPattern';

export interface ChapterFile {
  path: string;
  text: string;
}

/** Folders never searched for chapters. */
const SKIPPED = new Set(['node_modules']);

/** The project's chapters (`chapters:` in qcode.yaml), in path order; transcripts are never chapters. */
export async function discoverChapters(files: ProjectFiles, settings: Settings, problems: Problem[] = []): Promise<string[]> {
  const pattern = chapterPattern(settings.chapters);
  const transcripts = `${joinPath(settings.transcripts)}/`;
  const found: string[] = [];
  await walk(files, pattern.folder, found, problems);
  return found.filter((path) => pattern.matches(path) && !path.endsWith(SIDECAR_SUFFIX) && !path.startsWith(transcripts)).sort();
}

/** Every chapter's text; chapters that cannot be read are reported in `problems` and left out. */
export async function readChapters(files: ProjectFiles, settings: Settings, problems: Problem[]): Promise<ChapterFile[]> {
  const chapters: ChapterFile[] = [];
  for (const path of await discoverChapters(files, settings, problems)) {
    const read = await readTextFile(files, path, problems, false);
    if (typeof read === 'object') chapters.push({ path, text: read.text });
  }
  return chapters;
}

async function walk(files: ProjectFiles, folder: string, found: string[], problems: Problem[]): Promise<void> {
  let entries;
  try {
    entries = await files.list(folder);
  } catch (error) {
    if (!(error instanceof FileAccessError)) throw error;
    problems.push(accessProblem(error));
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const path = joinPath(folder, entry.name);
    if (entry.kind === 'file') found.push(path);
    else await walk(files, path, found, problems);
  }
}

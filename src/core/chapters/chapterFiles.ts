import { joinPath, SIDECAR_SUFFIX } from '../paths';
import { FileAccessError, type ProjectFiles } from '../port';
import type { Problem } from '../problems';
import { accessProblem, readTextFile } from '../project/readText';
import { type Settings } from '../settings/settings';
import { chapterPattern } from './chapterPattern';

export interface ChapterFile {
  path: string;
  text: string;
}

/** Folders never searched for chapters. */
const SKIPPED = new Set(['node_modules']);

/**
 * The Markdown files that cite passages, in path order: the project's chapters (`chapters:` in
 * qcode.yaml) and its memos (`memos:`), whose references are resolved, checked and protected
 * alike. Transcripts are never among them.
 */
export async function discoverChapters(
  files: ProjectFiles,
  settings: Settings,
  problems: Problem[] = [],
): Promise<string[]> {
  const chapters = await discoverMatching(files, settings, settings.chapters, problems);
  const again: Problem[] = [];
  const memos = await discoverMatching(files, settings, settings.memos, again);
  const said = new Set(problems.map((p) => `${p.file}\u0000${p.code}`));
  problems.push(...again.filter((p) => !said.has(`${p.file}\u0000${p.code}`)));
  return [...new Set([...chapters, ...memos])].sort();
}

/** The project memos (`memos:` in qcode.yaml, default memos/**\/*.md), in path order. */
export async function discoverMemos(
  files: ProjectFiles,
  settings: Settings,
  problems: Problem[] = [],
): Promise<string[]> {
  return discoverMatching(files, settings, settings.memos, problems);
}

/** The files that a pattern of qcode.yaml matches, in path order; transcripts and sidecars never. */
async function discoverMatching(
  files: ProjectFiles,
  settings: Settings,
  patternText: string,
  problems: Problem[],
): Promise<string[]> {
  const pattern = chapterPattern(patternText);
  const transcripts = `${joinPath(settings.transcripts)}/`;
  const found: string[] = [];
  await walk(files, pattern.folder, found, problems);
  return found
    .filter((path) => pattern.matches(path) && !path.endsWith(SIDECAR_SUFFIX) && !path.startsWith(transcripts))
    .sort();
}

/**
 * Every chapter's text (memos included, see discoverChapters); files that cannot be read are reported in `problems` and
 * left out.
 */
export async function readChapters(
  files: ProjectFiles,
  settings: Settings,
  problems: Problem[],
): Promise<ChapterFile[]> {
  return readAll(files, await discoverChapters(files, settings, problems), problems);
}

/** Every project memo's text; memos that cannot be read are reported in `problems` and left out. */
export async function readMemos(files: ProjectFiles, settings: Settings, problems: Problem[]): Promise<ChapterFile[]> {
  return readAll(files, await discoverMemos(files, settings, problems), problems);
}

async function readAll(files: ProjectFiles, paths: readonly string[], problems: Problem[]): Promise<ChapterFile[]> {
  const read: ChapterFile[] = [];
  for (const path of paths) {
    const text = await readTextFile(files, path, problems, false);
    if (typeof text === 'object') read.push({ path, text: text.text });
  }
  return read;
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

import { message } from '../messages';
import { joinPath } from '../paths';
import type { ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import type { Project } from '../project/model';
import { readTextFile } from '../project/readText';
import { loadKey, type GivenKey } from './keyFile';
import { compileKey, type KeyMatcher } from './matcher';
import { RawLines } from './rawLines';
import { archiveTexts } from './archiveTexts';

/** A project file's text, read already. */
export interface ReadFile {
  path: string;
  text: string;
}

/** Folders of writing that cites the project (chapter drafts, memos), searched for leaks too. */
export const WRITING_FOLDERS = ['chapters', 'memos'];
const WRITING_ENDINGS = ['.md', '.txt'];
/** Where qcode writes an export when no --out is given and the archive formats it writes. */
const DEFAULT_EXPORTS = ['quotes.docx'];
const ARCHIVE_ENDINGS = ['.docx', '.qdpx', '.qdc'];

/**
 * With a pseudonym key in the project, every entry of it still found in the project's files is an
 * error at its place: transcripts, sidecars, codebook, informants, chapters, memos and the
 * exports named in qcode.yaml. The key file itself is the one place names belong. A key given
 * from outside the project (qcode check --key) takes the place of the project's.
 */
export async function leakProblems(
  files: ProjectFiles,
  project: Project,
  registries: readonly (ReadFile | undefined)[],
  given?: GivenKey,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const key = await loadKey(files, project.settings, problems, given);
  if (!key || key.entries.length === 0) return problems;
  const matcher = compileKey(key.entries);
  for (const transcript of project.transcripts) {
    const doc = transcript.doc;
    if (doc)
      problems.push(
        ...matcher.find(doc.text).map((m) => leak(transcript.path, doc.positionAt(m.start), m.text, m.replacement)),
      );
    if (transcript.sidecarText !== undefined)
      problems.push(...leaksIn({ path: transcript.sidecarPath, text: transcript.sidecarText }, matcher));
  }
  for (const file of registries) if (file) problems.push(...leaksIn(file, matcher));
  for (const file of await writings(files)) problems.push(...leaksIn(file, matcher));
  for (const path of exportPaths(project)) problems.push(...(await exportLeaks(files, path, matcher)));
  return problems;
}

/** The leaks in a text file, each at its line and column. */
export function leaksIn(file: ReadFile, matcher: KeyMatcher): Problem[] {
  const found = matcher.find(file.text);
  if (found.length === 0) return [];
  const lines = new RawLines(file.text);
  return found.map((m) => leak(file.path, lines.positionAt(m.start), m.text, m.replacement));
}

function leak(path: string, at: { line: number; column: number }, found: string, replacement: string): Problem {
  return problem(
    path,
    at.line,
    at.column,
    'error',
    'pseudonym-leak',
    message(
      '"{found}" is in the pseudonym key: it must not be shared. Run "qcode pseudonymize" to replace it with "{replacement}" here and in every copy qcode keeps.',
      { found, replacement },
    ),
  );
}

async function writings(files: ProjectFiles): Promise<ReadFile[]> {
  const found: ReadFile[] = [];
  const top = new Set((await files.list('').catch(() => [])).filter((e) => e.kind === 'folder').map((e) => e.name));
  for (const folder of WRITING_FOLDERS.filter((f) => top.has(f))) {
    for (const entry of await files.list(folder).catch(() => [])) {
      if (entry.kind !== 'file' || !WRITING_ENDINGS.some((e) => entry.name.toLowerCase().endsWith(e))) continue;
      const path = joinPath(folder, entry.name);
      const read = await readTextFile(files, path, [], false, false);
      if (typeof read === 'object') found.push({ path, text: read.text });
    }
  }
  return found;
}

function exportPaths(project: Project): string[] {
  const named = project.settings.exports.flatMap((preset) => (preset.out ? [joinPath(preset.out)] : []));
  return [...new Set([...named, ...DEFAULT_EXPORTS])];
}

async function exportLeaks(files: ProjectFiles, path: string, matcher: KeyMatcher): Promise<Problem[]> {
  if (!ARCHIVE_ENDINGS.some((e) => path.toLowerCase().endsWith(e))) {
    const read = await readTextFile(files, path, [], false, false);
    return typeof read === 'object' ? leaksIn({ path, text: read.text }, matcher) : [];
  }
  const bytes = await files.read(path).catch(() => undefined);
  if (!bytes) return [];
  return archiveTexts(bytes).flatMap((entry) =>
    matcher.find(entry.text).map((m) => {
      const at = new RawLines(entry.text).positionAt(m.start);
      return problem(
        path,
        1,
        1,
        'error',
        'pseudonym-leak',
        message(
          '"{found}" is in the pseudonym key and in this export ({entry}, line {line}, column {column}): it must not be shared. Pseudonymize the project and export again.',
          { found: m.text, entry: entry.name, line: at.line, column: at.column },
        ),
      );
    }),
  );
}

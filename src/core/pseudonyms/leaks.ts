import { discoverChapters } from '../chapters/chapterFiles';
import { message, type Message } from '../messages';
import { joinPath } from '../paths';
import type { ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import type { Project } from '../project/model';
import { readTextFile } from '../project/readText';
import { loadKey, type GivenKey } from './keyFile';
import { compileKey, type KeyMatch, type KeyMatcher } from './matcher';
import { RawLines } from './rawLines';
import { archiveTexts } from './archiveTexts';
import { keptMatches, writingMatches } from './writingText';

/** A project file's text, read already. */
export interface ReadFile {
  path: string;
  text: string;
}

/** Where qcode writes an export when no --out is given and the archive formats it writes. */
const DEFAULT_EXPORTS = ['quotes.docx'];
const ARCHIVE_ENDINGS = ['.docx', '.qdpx', '.qdc'];

/**
 * With a pseudonym key in the project, every entry of it still found in the project's files is an
 * error at its place: transcripts, sidecars, codebook, informants, chapters and memo files (the
 * files pseudonymizing rewrites, `discoverChapters`) and the exports named in qcode.yaml, which a
 * researcher exports again rather than rewrites. The key file itself is the one place names
 * belong. A key given from outside the project (qcode check --key) takes the place of the
 * project's.
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
      problems.push(...matcher.find(doc.text).map((m) => leak(transcript.path, doc.positionAt(m.start), replaceIt(m))));
    if (transcript.sidecarText !== undefined)
      problems.push(...leaksIn({ path: transcript.sidecarPath, text: transcript.sidecarText }, matcher));
  }
  for (const file of registries) if (file) problems.push(...leaksIn(file, matcher));
  const writings = await readWritings(files, project);
  for (const file of writings) problems.push(...writingLeaks(file, matcher));
  const written = new Set(writings.map((file) => file.path));
  for (const path of exportPaths(project).filter((p) => !written.has(p)))
    problems.push(...(await exportLeaks(files, path, matcher)));
  return problems;
}

type Place = { line: number; column: number };

/** The leaks in a text file that pseudonymizing replaces, each at its line and column. */
function leaksIn(file: ReadFile, matcher: KeyMatcher): Problem[] {
  return leaksAt(file, matcher.find(file.text), replaceIt);
}

function leaksAt(file: ReadFile, found: readonly KeyMatch[], says: (m: KeyMatch) => Message): Problem[] {
  if (found.length === 0) return [];
  const lines = new RawLines(file.text);
  return found.map((m) => leak(file.path, lines.positionAt(m.start), says(m)));
}

function leak(path: string, at: Place, detail: Message): Problem {
  return problem(path, at.line, at.column, 'error', 'pseudonym-leak', detail);
}

const replaceIt = (m: KeyMatch): Message =>
  message(
    '"{found}" is in the pseudonym key: it must not be shared. Run "qcode pseudonymize" to replace it with "{replacement}" here and in every copy qcode keeps.',
    { found: m.text, replacement: m.replacement },
  );

const renameIt = (m: KeyMatch): Message =>
  message(
    '"{found}" is in the pseudonym key and in a reference, which "qcode pseudonymize" leaves as written so that it still cites what it cited. Rename the id, concept or saved query by hand, in every file that names it.',
    { found: m.text },
  );

const exportAgain = (m: KeyMatch): Message =>
  message(
    '"{found}" is in the pseudonym key and in this export: it must not be shared. Pseudonymize the project and export again.',
    { found: m.text },
  );

/** The chapters and memo files, as pseudonymizing reads them: with conflict markers, too. */
async function readWritings(files: ProjectFiles, project: Project): Promise<ReadFile[]> {
  const found: ReadFile[] = [];
  for (const path of await discoverChapters(files, project.settings)) {
    const read = await readTextFile(files, path, [], false, false);
    if (typeof read === 'object') found.push({ path, text: read.text });
  }
  return found;
}

/**
 * The leaks in a chapter or memo: where pseudonymizing replaces, and in its references, which it
 * leaves as written so that they still cite what they cited.
 */
function writingLeaks(file: ReadFile, matcher: KeyMatcher): Problem[] {
  const replaced = writingMatches(file.text, matcher);
  const kept = keptMatches(file.text, matcher, replaced);
  return [...leaksAt(file, replaced, replaceIt), ...leaksAt(file, kept, renameIt)];
}

function exportPaths(project: Project): string[] {
  const named = project.settings.exports.flatMap((preset) => (preset.out ? [joinPath(preset.out)] : []));
  return [...new Set([...named, ...DEFAULT_EXPORTS])];
}

async function exportLeaks(files: ProjectFiles, path: string, matcher: KeyMatcher): Promise<Problem[]> {
  if (!ARCHIVE_ENDINGS.some((e) => path.toLowerCase().endsWith(e))) {
    const read = await readTextFile(files, path, [], false, false);
    return typeof read === 'object' ? leaksAt({ path, text: read.text }, matcher.find(read.text), exportAgain) : [];
  }
  const bytes = await files.read(path).catch(() => undefined);
  if (!bytes) return [];
  return archiveTexts(bytes).flatMap((entry) => {
    const lines = new RawLines(entry.text);
    return matcher.find(entry.text).map((m) => {
      const at = lines.positionAt(m.start);
      const detail = message(
        '"{found}" is in the pseudonym key and in this export ({entry}, line {line}, column {column}): it must not be shared. Pseudonymize the project and export again.',
        { found: m.text, entry: entry.name, line: at.line, column: at.column },
      );
      return leak(path, { line: 1, column: 1 }, detail);
    });
  });
}

import { withFileLocks, FileLockTimeout } from '../lock/fileLock';
import { message } from '../messages';
import { basename, SIDECAR_SUFFIX } from '../paths';
import type { ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import { sameAnnotation } from '../sidecar/annotation';
import { writeSidecarMemo } from '../sidecar/sidecarMemo';
import { writeSidecar } from '../sidecar/writeSidecar';
import { decodeUtf8, encodeUtf8 } from '../text/decode';
import { TranscriptText } from '../text/transcriptText';
import { listMatches, type Replacement } from './listing';
import type { KeyMatcher } from './matcher';
import { moveAnnotation, type TranscriptEdit } from './moveAnnotation';
import { OffsetMap } from './offsetMap';
import { RawLines } from './rawLines';
import { replaceInString } from './replaceText';
import { KeySearch, type SidecarEntries } from './keySearch';
import { pseudonymizeComments } from './yamlText';

/** What pseudonymizing did, or with a dry run would do. */
export interface PseudonymizeOutcome {
  replacements: Replacement[];
  /** Files written. */
  written: string[];
  /** Annotations whose quote, context, range or memo changed. */
  annotations: number;
  problems: Problem[];
}

export function emptyOutcome(): PseudonymizeOutcome {
  return { replacements: [], written: [], annotations: 0, problems: [] };
}

interface TextFile {
  text: string;
  hadBom: boolean;
}

/**
 * Replaces the key's entries in a transcript and in its sidecar's copies of its text, holding the
 * locks of both, and moves every annotation by the edits made. When the sidecar cannot be read or
 * written, neither file is changed.
 */
export async function pseudonymizeTranscript(
  files: ProjectFiles,
  transcriptPath: string,
  matcher: KeyMatcher,
  dryRun: boolean,
): Promise<PseudonymizeOutcome> {
  const sidecarPath = transcriptPath + SIDECAR_SUFFIX;
  const search = new KeySearch(matcher);
  if (await nothingToDo(files, transcriptPath, sidecarPath, search)) return emptyOutcome();
  try {
    return await withFileLocks(files, [transcriptPath, sidecarPath], (locked) =>
      pseudonymizeLocked(locked, transcriptPath, sidecarPath, search, dryRun),
    );
  } catch (error) {
    if (!(error instanceof FileLockTimeout)) throw error;
    return { ...emptyOutcome(), problems: [error.problem] };
  }
}

/**
 * A first look, without the locks: a transcript and sidecar with nothing to replace are left
 * alone, neither locked nor written. The sidecar of a transcript that holds an entry is read only
 * under the locks. Files that cannot be read are looked at under the locks.
 */
async function nothingToDo(
  files: ProjectFiles,
  transcriptPath: string,
  sidecarPath: string,
  search: KeySearch,
): Promise<boolean> {
  const transcript = await readText(files, transcriptPath, []);
  if (transcript === undefined) return true;
  if (transcript === 'unreadable' || search.inTranscript(transcript.text).matches.length > 0) return false;
  const sidecar = await readText(files, sidecarPath, []);
  return sidecar !== 'unreadable' && search.holdsNone(sidecarPath, transcript.text, sidecar?.text);
}

async function pseudonymizeLocked(
  files: ProjectFiles,
  transcriptPath: string,
  sidecarPath: string,
  search: KeySearch,
  dryRun: boolean,
): Promise<PseudonymizeOutcome> {
  const outcome = emptyOutcome();
  const matcher = search.matcher;
  const transcript = await readText(files, transcriptPath, outcome.problems);
  const sidecar = await readText(files, sidecarPath, outcome.problems);
  if (transcript === undefined || transcript === 'unreadable' || sidecar === 'unreadable') return outcome;
  if (search.holdsNone(sidecarPath, transcript.text, sidecar?.text)) return outcome;
  const replaced = search.inTranscript(transcript.text);
  outcome.replacements.push(...listMatches(transcriptPath, transcript.text, replaced.matches));
  const inSidecar = sidecar && search.inSidecar(sidecarPath, sidecar.text);
  if (sidecar && inSidecar) outcome.replacements.push(...listMatches(sidecarPath, sidecar.text, inSidecar.matches));
  if (dryRun || outcome.replacements.length === 0) return outcome;
  const edit: TranscriptEdit = {
    oldLines: new RawLines(transcript.text),
    oldDoc: new TranscriptText(transcript.text),
    newLines: new RawLines(replaced.text),
    newDoc: new TranscriptText(replaced.text),
    offsets: new OffsetMap(replaced.rounds),
  };
  const newSidecar =
    sidecar && inSidecar
      ? sidecarAfter(sidecarPath, transcriptPath, sidecar.text, inSidecar, edit, matcher, outcome)
      : undefined;
  if (sidecar && newSidecar === undefined) return outcome;
  if (replaced.text !== transcript.text)
    await writeText(files, transcriptPath, replaced.text, transcript.hadBom, outcome);
  if (sidecar && newSidecar !== undefined && newSidecar !== sidecar.text)
    await writeText(files, sidecarPath, newSidecar, sidecar.hadBom, outcome);
  return outcome;
}

/**
 * The sidecar as pseudonymizing leaves it; its comments are looked at only when an entry was found `elsewhere` than in
 * the annotations' text.
 */
function sidecarAfter(
  sidecarPath: string,
  transcriptPath: string,
  text: string,
  { parsed, elsewhere }: SidecarEntries,
  edit: TranscriptEdit,
  matcher: KeyMatcher,
  outcome: PseudonymizeOutcome,
): string | undefined {
  const errors = parsed.file.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    outcome.problems.push(
      ...errors,
      problem(
        sidecarPath,
        1,
        1,
        'error',
        'not-pseudonymized',
        message(
          '{transcript} and its sidecar were not pseudonymized, because the sidecar has errors. Correct them and run qcode pseudonymize again.',
          { transcript: transcriptPath },
        ),
      ),
    );
    return undefined;
  }
  const before = parsed.entries.map((e) => e.annotation);
  const after = before.map((annotation) => moveAnnotation(annotation, edit, matcher));
  outcome.annotations += after.filter((a, i) => !sameAnnotation(a, before[i] as typeof a)).length;
  const written = writeSidecar(sidecarPath, text, basename(transcriptPath), after, parsed);
  const memo = parsed.memo === undefined ? undefined : replaceInString(parsed.memo, matcher);
  const withMemo =
    written.ok && memo !== parsed.memo
      ? writeSidecarMemo(sidecarPath, written.text, basename(transcriptPath), memo)
      : written;
  if (!withMemo.ok) {
    outcome.problems.push(...withMemo.problems);
    return undefined;
  }
  return elsewhere ? pseudonymizeComments(withMemo.text, matcher) : withMemo.text;
}

async function readText(
  files: ProjectFiles,
  path: string,
  problems: Problem[],
): Promise<TextFile | undefined | 'unreadable'> {
  const bytes = await files.read(path);
  if (!bytes) return undefined;
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return decoded;
  problems.push(problem(path, decoded.line, decoded.column, 'error', 'not-utf8', decoded.message));
  return 'unreadable';
}

async function writeText(
  files: ProjectFiles,
  path: string,
  text: string,
  hadBom: boolean,
  outcome: PseudonymizeOutcome,
): Promise<void> {
  await files.write(path, encodeUtf8(text, hadBom));
  outcome.written.push(path);
}

import { updateTextFile } from '../lock/updateTextFile';
import { message } from '../messages';
import type { ProjectFiles } from '../port';
import { problem } from '../problems';
import { decodeUtf8 } from '../text/decode';
import { listMatches } from './listing';
import type { KeyMatch, KeyMatcher } from './matcher';
import { emptyOutcome, pseudonymizeTranscript, type PseudonymizeOutcome } from './transcriptFiles';
import { pseudonymizeWriting, writingMatches } from './writingText';
import { pseudonymizeYaml, yamlMatches, type YamlRewrite } from './yamlText';

/** The project files pseudonymizing touches besides the transcripts and their sidecars. */
export interface RegistryFiles {
  codebook: string;
  informants: string;
}

/** Values that other files refer to by their exact text, so they are never replaced. */
const KEPT_KEYS: Record<keyof RegistryFiles, (key: string) => boolean> = {
  codebook: (key) => key === 'id' || key === 'color',
  informants: (key) => key === 'code',
};

/** How the entries of one kind of file are found and replaced. */
interface Rewrite {
  matches(text: string): KeyMatch[];
  rewrite(text: string): YamlRewrite;
}

/**
 * Replaces the key's entries in every transcript and every copy of their text qcode keeps: the
 * sidecars' quotes, context and memos, the codebook's labels and descriptions, the informants'
 * attributes, and the chapters and project memo files given (`discoverChapters`: the files `check`
 * searches for leaks), outside their references. Files qcode exported are not rewritten: `check`
 * reports them until they are exported again. Running it again finds nothing more to do.
 */
export async function pseudonymizeProject(
  files: ProjectFiles,
  transcripts: readonly string[],
  registries: RegistryFiles,
  matcher: KeyMatcher,
  dryRun: boolean,
  writings: readonly string[] = [],
): Promise<PseudonymizeOutcome> {
  const outcome = emptyOutcome();
  for (const part of await inParallel(transcripts, (path) => pseudonymizeTranscript(files, path, matcher, dryRun)))
    add(outcome, part);
  for (const kind of ['codebook', 'informants'] as const) {
    const keep = KEPT_KEYS[kind];
    const yaml: Rewrite = {
      matches: (text) => yamlMatches(text, matcher, keep),
      rewrite: (text) => pseudonymizeYaml(text, matcher, keep),
    };
    add(outcome, await pseudonymizeFile(files, registries[kind], matcher, yaml, dryRun));
  }
  const writing: Rewrite = {
    matches: (text) => writingMatches(text, matcher),
    rewrite: (text) => ({ ok: true, text: pseudonymizeWriting(text, matcher) }),
  };
  for (const path of writings) add(outcome, await pseudonymizeFile(files, path, matcher, writing, dryRun));
  return outcome;
}

/** One file rewritten under its lock, against its text on disk at that moment, and written atomically. */
async function pseudonymizeFile(
  files: ProjectFiles,
  path: string,
  matcher: KeyMatcher,
  rewrite: Rewrite,
  dryRun: boolean,
): Promise<PseudonymizeOutcome> {
  const outcome = emptyOutcome();
  const bytes = await files.read(path);
  const decoded = bytes && decodeUtf8(bytes);
  // A file without any entry is left alone, unlocked; one that is not UTF-8 is reported below.
  if (!decoded || (decoded.ok && matcher.find(decoded.text).length === 0)) return outcome;
  if (dryRun) {
    if (decoded.ok) outcome.replacements.push(...listMatches(path, decoded.text, rewrite.matches(decoded.text)));
    return outcome;
  }
  const result = await updateTextFile(files, path, (current) => {
    if (current === undefined) return { ok: false, message: 'it was removed meanwhile' };
    outcome.replacements.push(...listMatches(path, current, rewrite.matches(current)));
    return rewrite.rewrite(current);
  });
  if (!result.ok)
    outcome.problems.push(
      problem(
        path,
        result.line,
        result.column,
        'error',
        'not-pseudonymized',
        message('{path} was not pseudonymized: {reason}.', { path, reason: result.message }),
      ),
    );
  else if (result.changed) outcome.written.push(path);
  return outcome;
}

/**
 * Transcripts are done a few at a time, each under the locks of its own two files, so that one's
 * reading and writing overlaps another's work. The outcomes come back in the order given.
 */
const AT_ONCE = 4;

async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, worker));
  return results;
}

function add(total: PseudonymizeOutcome, part: PseudonymizeOutcome): void {
  total.replacements.push(...part.replacements);
  total.written.push(...part.written);
  total.annotations += part.annotations;
  total.problems.push(...part.problems);
}

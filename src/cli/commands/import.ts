import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importRefi } from '../../core/refi/importRefi';
import { hasImportProblems, summaryText } from '../../core/refi/importSummary';
import { RefiReadError } from '../../core/refi/readError';
import { checkInputSize } from '../../core/refi/readPackage';
import { choice, list, parse } from '../args';
import { zlibInflate } from '../../node/inflate';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';
import { importTranscriptFiles } from './importTranscripts';

const REFI_ENDING = /\.(?:qdpx|qdc|qde)$/i;

/**
 * qcode import <file.qdpx|file.qdc> [--into dir] [--format text|json], or
 * qcode import <transcript>... [--into dir] [--speaker "NAME=LABEL"]... [--format text|json]
 */
export async function importProject(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    { into: { type: 'string' }, format: { type: 'string' }, speaker: { type: 'string', multiple: true } },
    Infinity,
  );
  const format = choice(values.format, ['text', 'json'] as const, 'text', 'format');
  const file = positionals[0];
  if (!file)
    throw new UsageError(
      'Name the file to import: a REFI-QDA project or codebook (.qdpx, .qdc), or transcripts (.vtt, .srt, .docx, .txt).',
    );
  for (const path of positionals)
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`${path} does not exist or is not a file.`);
  const into = resolve(typeof values.into === 'string' ? values.into : '.');
  if (existsSync(into) && !statSync(into).isDirectory()) throw new UsageError(`${values.into} is not a folder.`);
  const refi = positionals.filter((path) => REFI_ENDING.test(path));
  if (refi.length === 0) return importTranscriptFiles(positionals, into, list(values.speaker), format, io);
  if (positionals.length > 1)
    throw new UsageError('Import one REFI-QDA file at a time, and transcripts in a command of their own.');
  if (values.speaker !== undefined)
    throw new UsageError('--speaker is for transcripts; a REFI-QDA file brings its own cases.');
  const created = !existsSync(into);
  try {
    checkInputSize(basename(file), statSync(file).size);
    const bytes = readFileSync(file);
    mkdirSync(into, { recursive: true });
    const summary = await importRefi(
      new NodeProjectFiles(into),
      { name: basename(file), bytes },
      { inflate: zlibInflate },
    );
    io.out(format === 'json' ? `${JSON.stringify(summary, withoutDetails, 2)}\n` : summaryText(summary));
    return hasImportProblems(summary) ? EXIT_PROBLEMS : EXIT_OK;
  } catch (error) {
    if (!(error instanceof RefiReadError)) throw error;
    if (created && existsSync(into) && readdirSync(into).length === 0) rmdirSync(into);
    io.err(`qcode import: ${error.message}\n`);
    return EXIT_PROBLEMS;
  }
}

/** The summary's JSON as documented: a problem's translatable detail stays inside qcode. */
function withoutDetails(key: string, value: unknown): unknown {
  return key === 'detail' ? undefined : value;
}

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { RefiReadError } from '../../core/refi/readError';
import { importTranscripts, type TranscriptImportSummary } from '../../core/transcripts/importTranscripts';
import { TranscriptReadError } from '../../core/transcripts/model';
import { readTranscript } from '../../core/transcripts/readTranscript';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';

/** Largest transcript file read: far above a day of recording as text or Word. */
const MAX_BYTES = 200 * 1024 * 1024;

/** qcode import <transcript>... [--into dir] [--speaker "NAME=LABEL"]... [--format text|json] */
export async function importTranscriptFiles(
  paths: readonly string[],
  into: string,
  speakerFlags: readonly string[],
  format: 'text' | 'json',
  io: Output,
): Promise<number> {
  const mapping = speakerMapping(speakerFlags);
  try {
    const parsed = paths.map((path) => {
      if (statSync(path).size > MAX_BYTES)
        throw new TranscriptReadError(
          basename(path),
          `is larger than ${MAX_BYTES / 1024 / 1024} MB; split it, or check that it is a transcript.`,
        );
      return readTranscript(basename(path), readFileSync(path));
    });
    if (!existsSync(into)) mkdirSync(into, { recursive: true });
    const summary = await importTranscripts(new NodeProjectFiles(into), parsed, mapping);
    io.out(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary));
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof TranscriptReadError) && !(error instanceof RefiReadError)) throw error;
    io.err(`qcode import: ${error.message} Nothing was imported.\n`);
    return EXIT_PROBLEMS;
  }
}

/** `--speaker "Kari Nordmann=K4"` flags as a map from name to label. */
export function speakerMapping(flags: readonly string[]): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const flag of flags) {
    const at = flag.lastIndexOf('=');
    const name = flag.slice(0, at).trim();
    const label = flag.slice(at + 1).trim();
    if (at < 0 || name === '' || label === '')
      throw new UsageError(`--speaker takes NAME=LABEL, e.g. --speaker "Kari Nordmann=K4", not "${flag}".`);
    mapping.set(name, label);
  }
  return mapping;
}

export function summaryText(summary: TranscriptImportSummary): string {
  const lines: string[] = [];
  for (const t of summary.transcripts) {
    lines.push(`${t.source} (${t.format}, ${t.style}) -> ${t.transcript}`);
    if (t.speakers.length === 0) lines.push('  no speakers: paragraphs kept as they are, no labels added');
    for (const s of t.speakers) {
      const names = s.variants.length > 1 ? `${s.name} (also ${s.variants.slice(1).join(', ')})` : s.name;
      lines.push(`  ${s.label.padEnd(4)} ${names}${s.mapped ? '' : ' [not mapped]'}: "${s.firstWords}"`);
    }
  }
  const unmapped = summary.transcripts.flatMap((t) => t.speakers.filter((s) => !s.mapped && s.label !== s.name));
  if (unmapped.length > 0)
    lines.push(
      `Speakers not mapped got neutral labels; map them with --speaker "NAME=LABEL" and import again, or replace the labels in the transcript.`,
    );
  if (summary.informantsAdded.length > 0)
    lines.push(`Added to the informant registry: ${summary.informantsAdded.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

import type { TranscriptFile } from '../project/model';
import { informantAt } from '../speakers/turns';
import { oneLine } from '../text/oneLine';
import type { CodingRun } from './codingRuns';
import type { Disagreement } from './report';

/** Quotes of disagreements are shortened to this many characters. */
export const QUOTE_LENGTH = 100;

/**
 * The runs of one concept in one transcript on which the coders differ, as disagreements; whitespace-only runs are left
 * out.
 */
export function disagreementsIn(
  transcript: TranscriptFile,
  conceptId: string,
  runs: readonly CodingRun[],
  coders: readonly string[],
  isInformant: (code: string) => boolean,
): Disagreement[] {
  const text = transcript.doc?.text ?? '';
  const found: Disagreement[] = [];
  for (const run of runs) {
    if (run.coded.every((coded) => coded === run.coded[0])) continue;
    const raw = text.slice(run.start, run.end);
    const start = run.start + raw.length - raw.trimStart().length;
    const end = run.end - (raw.length - raw.trimEnd().length);
    if (start >= end) continue;
    found.push({
      transcript: transcript.path,
      conceptId,
      start,
      end,
      ...placeOf(transcript, start, end),
      quote: oneLine(text.slice(start, end), QUOTE_LENGTH),
      codedBy: coders.filter((_, i) => run.coded[i]),
      notCodedBy: coders.filter((_, i) => !run.coded[i]),
      informant: informantAt(transcript.turns, start, isInformant) ?? null,
    });
  }
  return found;
}

function placeOf(
  transcript: TranscriptFile,
  start: number,
  end: number,
): Pick<Disagreement, 'startLine' | 'startColumn' | 'endLine' | 'endColumn'> {
  const from = transcript.doc?.positionAt(start) ?? { line: 1, column: 1 };
  const to = transcript.doc?.positionAt(end) ?? from;
  return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

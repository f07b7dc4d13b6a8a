import type { TranscriptFile } from '../project/model';
import { turnAt } from '../speakers/turns';

/** A passage found in a transcript. Offsets are UTF-16 offsets into the transcript's text (`doc.text`). */
export interface SearchHit {
  transcript: string;
  start: number;
  end: number;
  /** Where the passage starts, 1-based, columns in UTF-16 code units as the editor shows them. */
  line: number;
  column: number;
  /** The passage itself. */
  text: string;
  /** Up to CONTEXT_LENGTH characters of its line on either side. */
  before: string;
  after: string;
  /** The speaker of the turn the passage starts in. */
  speaker?: string;
  /** The speaker, when that is an informant. */
  informant?: string;
}

const CONTEXT_LENGTH = 40;

/** The hit [start, end) of a transcript that has text. */
export function hitAt(transcript: TranscriptFile & { doc: NonNullable<TranscriptFile['doc']> }, start: number, end: number, isInformant: (code: string) => boolean): SearchHit {
  const text = transcript.doc.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = endOfLine(text, end);
  const speaker = turnAt(transcript.turns, start)?.speaker;
  const { line, column } = transcript.doc.positionAt(start);
  return {
    transcript: transcript.path,
    start,
    end,
    line,
    column,
    text: text.slice(start, end),
    before: text.slice(keepPair(text, Math.max(lineStart, start - CONTEXT_LENGTH)), start),
    after: text.slice(end, keepPair(text, Math.min(lineEnd, end + CONTEXT_LENGTH))),
    ...(speaker !== undefined ? { speaker } : {}),
    ...(speaker !== undefined && isInformant(speaker) ? { informant: speaker } : {}),
  };
}

function endOfLine(text: string, from: number): number {
  const found = text.indexOf('\n', from);
  return found < 0 ? text.length : found;
}

/** Moves a cut that would split a surrogate pair (an emoji, say) to after the pair. */
function keepPair(text: string, cut: number): number {
  const previous = text.charCodeAt(cut - 1);
  return previous >= 0xd800 && previous <= 0xdbff ? cut + 1 : cut;
}

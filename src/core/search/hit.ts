import type { TranscriptFile } from '../project/model';
import { turnAt } from '../speakers/turns';
import type { UnitText } from './units';
import { wordCharacterAt, wordCharacterBefore, type Span } from './words';

/** A passage found in a transcript. Offsets are UTF-16 offsets into the transcript's text (`doc.text`). */
export interface SearchHit {
  transcript: string;
  /** The passage to tag. */
  start: number;
  end: number;
  /** Where the passage starts, 1-based, columns in UTF-16 code units as the editor shows them. */
  line: number;
  column: number;
  /** The passage itself. */
  text: string;
  /** What was found, widened to whole words; the passage contains it. */
  match: string;
  /** Up to CONTEXT_LENGTH characters of the match's line on either side of it, in whole words and speaker labels. */
  before: string;
  after: string;
  /** The speaker of the turn the passage starts in. */
  speaker?: string;
  /** The speaker, when that is an informant. */
  informant?: string;
}

export type ReadableTranscript = TranscriptFile & { doc: NonNullable<TranscriptFile['doc']> };

const CONTEXT_LENGTH = 40;

/** The hit that tags `passage` for the `match` found in it. */
export function hitAt(
  transcript: ReadableTranscript,
  source: UnitText,
  passage: Span,
  match: Span,
  isInformant: (code: string) => boolean,
): SearchHit {
  const text = transcript.doc.text;
  const speaker = turnAt(transcript.turns, passage.start)?.speaker;
  const { line, column } = transcript.doc.positionAt(passage.start);
  return {
    transcript: transcript.path,
    start: passage.start,
    end: passage.end,
    line,
    column,
    text: text.slice(passage.start, passage.end),
    match: text.slice(match.start, match.end),
    before: text.slice(contextStart(source, match.start), match.start),
    after: text.slice(match.end, contextEnd(text, match.end)),
    ...(speaker !== undefined ? { speaker } : {}),
    ...(speaker !== undefined && isInformant(speaker) ? { informant: speaker } : {}),
  };
}

/** Where the context before an offset begins: not inside a word, a speaker label or an emoji. */
function contextStart(source: UnitText, offset: number): number {
  const { text } = source;
  // Only a line that starts this near can have a label that the cut falls in.
  const near = Math.max(0, offset - 2 * CONTEXT_LENGTH);
  const newline = text.slice(near, offset).lastIndexOf('\n');
  const lineStart = newline >= 0 ? near + newline + 1 : near === 0 ? 0 : undefined;
  let cut = keepPair(text, Math.max(lineStart ?? 0, offset - CONTEXT_LENGTH));
  if (cut === lineStart) return cut;
  if (lineStart !== undefined && cut < source.afterLabel(lineStart)) return lineStart;
  while (cut < offset && wordCharacterBefore(text, cut) && wordCharacterAt(text, cut)) cut++;
  return cut;
}

/** Where the context after an offset ends: at the end of its line, not inside a word or an emoji. */
function contextEnd(text: string, offset: number): number {
  const found = text.slice(offset, offset + CONTEXT_LENGTH).indexOf('\n');
  let cut = keepPair(text, found < 0 ? Math.min(text.length, offset + CONTEXT_LENGTH) : offset + found);
  while (cut > offset && wordCharacterBefore(text, cut) && wordCharacterAt(text, cut)) cut--;
  return cut;
}

/** Moves a cut that would split a surrogate pair (an emoji, say) to after the pair. */
function keepPair(text: string, cut: number): number {
  const previous = text.charCodeAt(cut - 1);
  return previous >= 0xd800 && previous <= 0xdbff ? cut + 1 : cut;
}

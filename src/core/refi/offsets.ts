import { oneLine } from '../text/oneLine';

/**
 * Which unit a REFI-QDA file counts its selection positions in. The standard says code points;
 * NVivo for Windows counts UTF-16 code units over the text with CRLF kept; QualCoder counts code
 * points over the text with CRLF normalised to LF. The source text is kept as written (CRLF
 * included), so every reading is turned into UTF-16 offsets of that text.
 */

export type OffsetUnit = 'code points' | 'UTF-16 code units';

export interface OffsetReading {
  unit: OffsetUnit;
  /** Positions count over the text with each CRLF as one character (LF). */
  crlfAsOne: boolean;
}

/** What decided the reading: the selections' names matched the text, the producing tool, or the standard. */
export type ReadingBasis = 'names' | 'origin' | 'standard';

export interface ChosenReading extends OffsetReading {
  basis: ReadingBasis;
}

export interface PositionedName {
  name: string;
  start: number;
  end: number;
}

const STANDARD: OffsetReading = { unit: 'code points', crlfAsOne: false };
const NVIVO: OffsetReading = { unit: 'UTF-16 code units', crlfAsOne: false };
const QUALCODER: OffsetReading = { unit: 'code points', crlfAsOne: true };

export const READINGS: readonly OffsetReading[] = [STANDARD, NVIVO, QUALCODER, { unit: 'UTF-16 code units', crlfAsOne: true }];

/** The reading a producing tool is known to write. */
export function readingOfOrigin(origin: string | undefined): ChosenReading {
  if (origin && /nvivo/i.test(origin)) return { ...NVIVO, basis: 'origin' };
  if (origin && /qualcoder/i.test(origin)) return { ...QUALCODER, basis: 'origin' };
  return { ...STANDARD, basis: 'standard' };
}

/** Maps positions of one reading to UTF-16 offsets of the text as written. */
export class PositionMap {
  /** offsets[p] is the UTF-16 offset where position p starts; the last entry is the text's length. */
  private readonly offsets: Int32Array;

  constructor(readonly text: string, readonly reading: OffsetReading) {
    const starts: number[] = [];
    for (let i = 0; i < text.length; i += this.unitLength(i)) starts.push(i);
    starts.push(text.length);
    this.offsets = Int32Array.from(starts);
  }

  /** How many positions the text has. */
  get length(): number {
    return this.offsets.length - 1;
  }

  /** The UTF-16 offset of a position, or undefined when the text has no such position. */
  offsetOf(position: number): number | undefined {
    return Number.isInteger(position) && position >= 0 && position < this.offsets.length ? this.offsets[position] : undefined;
  }

  /** The passage [start, end) as UTF-16 offsets, or undefined when it is not inside the text. */
  span(start: number, end: number): [number, number] | undefined {
    const from = this.offsetOf(start);
    const to = this.offsetOf(end);
    return from === undefined || to === undefined || from > to ? undefined : [from, to];
  }

  private unitLength(i: number): number {
    const code = this.text.charCodeAt(i);
    if (this.reading.crlfAsOne && code === 0x0d && this.text.charCodeAt(i + 1) === 0x0a) return 2;
    if (this.reading.unit === 'code points' && code >= 0xd800 && code <= 0xdbff) {
      const next = this.text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return 2;
    }
    return 1;
  }
}

/**
 * The reading of a source's positions: the one whose passages best match the selections' names
 * (ATLAS.ti writes the start of each quotation there), else the producing tool's, else the standard's.
 */
export function chooseReading(text: string, selections: readonly PositionedName[], origin: string | undefined): ChosenReading {
  const preferred = readingOfOrigin(origin);
  const named = selections.filter((s) => oneLine(s.name) !== '');
  const scored = READINGS.map((reading) => ({ reading, score: nameScore(new PositionMap(text, reading), named) }));
  const best = Math.max(...scored.map((s) => s.score));
  const winners = scored.filter((s) => s.score === best);
  if (best === 0 || winners.length === scored.length) return preferred;
  const chosen = winners.find((w) => sameReading(w.reading, preferred)) ?? (winners[0] as { reading: OffsetReading });
  return { ...chosen.reading, basis: 'names' };
}

export function sameReading(a: OffsetReading, b: OffsetReading): boolean {
  return a.unit === b.unit && a.crlfAsOne === b.crlfAsOne;
}

/**
 * Three points for a passage that is the name, two for one that starts with it (ATLAS.ti cuts long
 * names), one for one that starts with it once white space is folded (XML attribute values lose
 * their line breaks).
 */
function nameScore(map: PositionMap, selections: readonly PositionedName[]): number {
  let score = 0;
  for (const selection of selections) {
    const span = map.span(selection.start, selection.end);
    if (!span) continue;
    const passage = lf(map.text.slice(span[0], span[1]));
    const name = lf(withoutEllipsis(selection.name));
    if (passage === lf(selection.name)) score += 3;
    else if (passage.startsWith(name)) score += 2;
    else if (oneLine(passage).startsWith(oneLine(name))) score += 1;
  }
  return score;
}

function lf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** A name cut off with an ellipsis, as a long quotation's name may be. */
function withoutEllipsis(name: string): string {
  return name.replace(/\s*(?:\.\.\.|…)\s*$/u, '');
}

/** How a reading reads in a report, e.g. "UTF-16 code units, CRLF as two". */
export function describeReading(reading: ChosenReading, textHasCrlf: boolean): string {
  const lineBreaks = textHasCrlf ? (reading.crlfAsOne ? ', CRLF as one' : ', CRLF as two') : '';
  const basis = reading.basis === 'names' ? 'matched the selection names' : reading.basis === 'origin' ? 'as the producing tool writes them' : 'as the standard says';
  return `${reading.unit}${lineBreaks} (${basis})`;
}

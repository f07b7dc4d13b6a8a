import { countBelow } from '../text/codePoints';
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

export const READINGS: readonly OffsetReading[] = [
  STANDARD,
  NVIVO,
  QUALCODER,
  { unit: 'UTF-16 code units', crlfAsOne: true },
];

/** The reading a producing tool is known to write. */
export function readingOfOrigin(origin: string | undefined): ChosenReading {
  if (origin && /nvivo/i.test(origin)) return { ...NVIVO, basis: 'origin' };
  if (origin && /qualcoder/i.test(origin)) return { ...QUALCODER, basis: 'origin' };
  return { ...STANDARD, basis: 'standard' };
}

/** Maps positions of one reading to UTF-16 offsets of the text as written. */
export class PositionMap {
  /** How many positions the text has. */
  readonly length: number;
  /**
   * The positions that are two UTF-16 units long (a surrogate pair read as one code point, a CRLF
   * read as one character), ascending: every other position is one unit long.
   */
  private readonly doubles: number[] = [];

  constructor(
    readonly text: string,
    readonly reading: OffsetReading,
  ) {
    const pattern = doublesPattern(reading);
    if (pattern) for (const match of text.matchAll(pattern)) this.doubles.push(match.index - this.doubles.length);
    this.length = text.length - this.doubles.length;
  }

  /** The UTF-16 offset of a position, or undefined when the text has no such position. */
  offsetOf(position: number): number | undefined {
    if (!Number.isInteger(position) || position < 0 || position > this.length) return undefined;
    return position + countBelow(this.doubles, position);
  }

  /** The passage [start, end) as UTF-16 offsets, or undefined when it is not inside the text. */
  span(start: number, end: number): [number, number] | undefined {
    const from = this.offsetOf(start);
    const to = this.offsetOf(end);
    return from === undefined || to === undefined || from > to ? undefined : [from, to];
  }
}

const PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const CRLFS_AND_PAIRS = /\r\n|[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const CRLFS = /\r\n/g;

/** What a reading counts as one position though it is two UTF-16 units; undefined: nothing. */
function doublesPattern(reading: OffsetReading): RegExp | undefined {
  if (reading.unit === 'code points') return reading.crlfAsOne ? CRLFS_AND_PAIRS : PAIRS;
  return reading.crlfAsOne ? CRLFS : undefined;
}

/**
 * The reading of a source's positions: the one whose passages best match the selections' names
 * (ATLAS.ti writes the start of each quotation there), else the producing tool's, else the standard's.
 */
export function chooseReading(
  text: string,
  selections: readonly PositionedName[],
  origin: string | undefined,
): ChosenReading {
  const preferred = readingOfOrigin(origin);
  const alike = readingsAlike(text);
  // Where every reading reads the text alike (no CRLF, nothing beyond the Basic Multilingual Plane), they all score
  // alike.
  if (new Set(READINGS.map(alike)).size === 1) return preferred;
  const named = selections.filter((s) => s.name.trim() !== '');
  const scores = new Map<string, number>();
  const scored = READINGS.map((reading) => {
    const key = alike(reading);
    const score = scores.get(key) ?? nameScore(new PositionMap(text, reading), named);
    scores.set(key, score);
    return { reading, score };
  });
  const best = Math.max(...scored.map((s) => s.score));
  const winners = scored.filter((s) => s.score === best);
  if (best === 0 || winners.length === scored.length) return preferred;
  const chosen = winners.find((w) => sameReading(w.reading, preferred)) ?? (winners[0] as { reading: OffsetReading });
  return { ...chosen.reading, basis: 'names' };
}

/**
 * Readings with the same key read this text alike: the unit matters only with surrogate pairs, CRLF only where there is
 * one.
 */
function readingsAlike(text: string): (reading: OffsetReading) => string {
  const pairs = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
  const crlf = text.includes('\r\n');
  return (reading) => `${pairs ? reading.unit : ''}:${crlf ? reading.crlfAsOne : ''}`;
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
  const basis =
    reading.basis === 'names'
      ? 'matched the selection names'
      : reading.basis === 'origin'
        ? 'as the producing tool writes them'
        : 'as the standard says';
  return `${reading.unit}${lineBreaks} (${basis})`;
}

/**
 * Words as the key's matcher sees them: letters, marks and digits, case folded one code point at
 * a time and hashed, found in one pass over a text. The tables are filled as characters are first seen.
 */
const WORD = /^[\p{L}\p{M}\p{N}]$/u;
/** 0 not yet seen, 1 a letter, mark or digit, 2 anything else. */
const wordTable = new Uint8Array(0x10000);
/** The folded code unit plus one; 0 not yet seen. */
const foldTable = new Uint32Array(0x10000);
const astralWords = new Map<number, boolean>();
const astralFolds = new Map<number, number>();

/** Whether the code point is a letter, mark or digit (\p{L}, \p{M}, \p{N}). */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x80) return isAsciiWord(codePoint);
  if (codePoint > 0xffff) return cached(astralWords, codePoint, () => WORD.test(String.fromCodePoint(codePoint)));
  let known = wordTable[codePoint] as number;
  if (known === 0) {
    known = WORD.test(String.fromCharCode(codePoint)) ? 1 : 2;
    wordTable[codePoint] = known;
  }
  return known === 1;
}

/**
 * The code point with case removed: two code points that a case-insensitive Unicode regular
 * expression takes for one another fold alike (test/core/keyMatcher.test.ts checks this against
 * the engine). More may fold alike; the regular expression decides in the end.
 */
export function foldCodePoint(codePoint: number): number {
  if (codePoint > 0xffff) return cached(astralFolds, codePoint, () => computeFold(codePoint));
  let folded = foldTable[codePoint] as number;
  if (folded === 0) {
    folded = computeFold(codePoint) + 1;
    foldTable[codePoint] = folded;
  }
  return folded - 1;
}

/** A to Z, a to z, 0 to 9. */
function isAsciiWord(unit: number): boolean {
  return unit >= 0x61 ? unit <= 0x7a : unit >= 0x30 && (unit <= 0x39 || (unit >= 0x41 && unit <= 0x5a));
}

/** Case pairs the rule below misses: the ligatures ſt and st, whose upper case is two letters. */
const FOLD_EXCEPTIONS = new Map([[0xfb05, 0xfb06]]);

function computeFold(codePoint: number): number {
  const exception = FOLD_EXCEPTIONS.get(codePoint);
  if (exception !== undefined) return exception;
  const written = String.fromCodePoint(codePoint);
  // Composed first, so that the two Greek iotas with dialytika and tonos (U+0390, U+1FD3) fold alike.
  const composed = written.normalize('NFC');
  const text = single(composed) ? composed : written;
  const upper = text.toUpperCase();
  // Through upper case, so that µ and μ, ς and σ, ſ and s fold alike; ß stays ß (not SS).
  const lower = (single(upper) ? upper : text).toLowerCase();
  return single(lower) ? (lower.codePointAt(0) as number) : codePoint;
}

function single(text: string): boolean {
  const first = text.codePointAt(0);
  return first !== undefined && text.length === (first > 0xffff ? 2 : 1);
}

function cached<T>(map: Map<number, T>, key: number, compute: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = compute();
    map.set(key, value);
  }
  return value;
}

/** A run of letters, marks and digits: where it ends and the hash of its folded code points. */
export interface WordRun {
  end: number;
  hash: number;
  /** The hash without the last code point, when that folds to "s" (a possessive ending). */
  hashWithoutS: number | undefined;
}

const S = 0x73;

/** The run of word characters that starts at `start`. */
export function wordRun(text: string, start: number): WordRun {
  let hash = HASH_SEED;
  let previous = HASH_SEED;
  let last = -1;
  let i = start;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    let folded: number;
    if (unit < 0x80) {
      // Letters and digits of ASCII, the most common by far, without a table.
      if (!isAsciiWord(unit)) break;
      folded = unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
      i++;
    } else {
      const codePoint = unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) as number) : unit;
      if (!isWordCodePoint(codePoint)) break;
      folded = foldCodePoint(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
    }
    last = folded;
    previous = hash;
    hash = mix(hash, folded);
  }
  return { end: i, hash, hashWithoutS: last === S && i - start > 1 ? previous : undefined };
}

const HASH_SEED = 0x811c9dc5 | 0;

function mix(hash: number, codePoint: number): number {
  return Math.imul(hash ^ codePoint, 0x01000193);
}

/** Tries what may be found where a word starts, given the word's hashes (see wordRun). */
export type TryAtWord<T> = (place: number, hash: number, hashWithoutS: number | undefined) => T | undefined;

const BACKSLASH = 0x5c;
const ESCAPE_LETTERS = new Set(['n', 'r', 't']);

/**
 * The first thing `at` finds at or after `from` where a word starts: a run of letters, marks and
 * digits with none right before it, or the rest of a run right after an escape (\n, \r, \t).
 */
export function firstAtWordStart<T>(text: string, from: number, at: TryAtWord<T>): T | undefined {
  let i = from;
  let inWord = from > 0 && isWordCodePoint(codePointBefore(text, from));
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    const codePoint = unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) as number) : unit;
    if (!isWordCodePoint(codePoint)) {
      inWord = false;
      i += codePoint > 0xffff ? 2 : 1;
    } else if (inWord) {
      i += codePoint > 0xffff ? 2 : 1;
    } else {
      const run = wordRun(text, i);
      const found = at(i, run.hash, run.hashWithoutS) ?? afterEscape(text, i, run.end, at);
      if (found !== undefined) return found;
      i = run.end;
      inWord = true;
    }
  }
  return undefined;
}

/** A word that begins right after "\n", "\r" or "\t" written as an escape ("\nKari" reads "nKari"). */
function afterEscape<T>(text: string, start: number, end: number, at: TryAtWord<T>): T | undefined {
  if (
    start === 0 ||
    text.charCodeAt(start - 1) !== BACKSLASH ||
    !ESCAPE_LETTERS.has(text[start] as string) ||
    start + 1 >= end
  )
    return undefined;
  const run = wordRun(text, start + 1);
  return at(start + 1, run.hash, run.hashWithoutS);
}

function codePointBefore(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2) as number;
  }
  return low;
}

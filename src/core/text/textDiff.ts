/**
 * The differences between two texts, character by character: lines first (Myers' diff of lines),
 * then the words of each stretch of changed lines, then the characters of each stretch of changed
 * words. What differs too much to be diffed within the limits below is given as one replacement.
 */

/** Text [start, start + length) of the earlier text replaced by `text`. */
export interface TextReplacement {
  start: number;
  length: number;
  text: string;
}

/** Lines or words that differ in more places than this are diffed at the next level as one stretch. */
export const MAX_TOKEN_STEPS = 2000;
/**
 * A stretch of changed words longer than this (both sides), or differing in more characters, is one
 * replacement: characters are matched only to find a typo or a changed ending, not across a rewrite.
 */
export const MAX_CHARS = 20_000;
export const MAX_CHAR_STEPS = 64;

/** The replacements that turn `before` into `after`, in order, none touching another. */
export function diffTexts(before: string, after: string): TextReplacement[] {
  const out: TextReplacement[] = [];
  if (before !== after) diffStretch({ before, after, out }, 0, before.length, 0, after.length, 0);
  return out;
}

interface Diff {
  before: string;
  after: string;
  out: TextReplacement[];
}

/** Where a text's tokens start in [start, end), and `end` last. */
type Tokenizer = (text: string, start: number, end: number) => number[];

const LEVELS: Tokenizer[] = [
  (text, start, end) => boundaries(text, start, end, /\n/g, 1),
  (text, start, end) => boundaries(text, start, end, /[\p{L}\p{N}\p{M}]+|\s+|./gsu, 0),
];

/** Equal runs of two sequences: [start in a, start in b, length]. */
type Same = [number, number, number];

/** before[a0, a1) became after[b0, b1): its replacements, at `level` (lines, words) or by characters. */
function diffStretch(diff: Diff, a0: number, a1: number, b0: number, b1: number, level: number): void {
  if (a0 === a1 || b0 === b1) {
    diff.out.push({ start: a0, length: a1 - a0, text: diff.after.slice(b0, b1) });
    return;
  }
  const tokenize = LEVELS[level];
  if (!tokenize) return diffChars(diff, a0, a1, b0, b1);
  const { before, after } = diff;
  if (level > 0) {
    // The words both sides begin and end with alike are left out, cut where a space starts or ends.
    const head = spaceBefore(before, a0, commonPrefixWithin(before, after, a0, b0, a1, b1));
    const tail = spaceAfter(before, a1, commonSuffixWithin(before, after, a0 + head, b0 + head, a1, b1));
    if (head > 0 || tail > 0) return diffStretch(diff, a0 + head, a1 - tail, b0 + head, b1 - tail, level);
  }
  const aBounds = tokenize(before, a0, a1);
  const bBounds = tokenize(after, b0, b1);
  const ids = new Map<string, number>();
  const idsOf = (text: string, bounds: number[]) =>
    bounds.slice(1).map((end, i) => {
      const token = text.slice(bounds[i], end);
      return ids.get(token) ?? (ids.set(token, ids.size), ids.size - 1);
    });
  const aIds = idsOf(before, aBounds);
  const bIds = idsOf(after, bBounds);
  const same = myers(aIds.length, bIds.length, (x, y) => aIds[x] === bIds[y], MAX_TOKEN_STEPS);
  if (!same) return diffStretch(diff, a0, a1, b0, b1, level + 1);
  let x = 0;
  let y = 0;
  for (const [sx, sy, length] of [...same, [aIds.length, bIds.length, 0] as Same]) {
    if (sx > x || sy > y) {
      const at = (bounds: number[], i: number) => bounds[i] as number;
      diffStretch(diff, at(aBounds, x), at(aBounds, sx), at(bBounds, y), at(bBounds, sy), level + 1);
    }
    x = sx + length;
    y = sy + length;
  }
}

/** The character replacements within a stretch of changed words. */
function diffChars(diff: Diff, a0: number, a1: number, b0: number, b1: number): void {
  const { before, after, out } = diff;
  const head = commonPrefixWithin(before, after, a0, b0, a1, b1);
  const tail = commonSuffixWithin(before, after, a0 + head, b0 + head, a1, b1);
  const x0 = a0 + head;
  const y0 = b0 + head;
  const n = a1 - tail - x0;
  const m = b1 - tail - y0;
  const same =
    n + m <= MAX_CHARS
      ? (myers(n, m, (x, y) => before.charCodeAt(x0 + x) === after.charCodeAt(y0 + y), MAX_CHAR_STEPS) ?? [])
      : [];
  let x = 0;
  let y = 0;
  for (const [sx, sy, length] of [...same, [n, m, 0] as Same]) {
    if (sx > x || sy > y) out.push({ start: x0 + x, length: sx - x, text: after.slice(y0 + y, y0 + sy) });
    x = sx + length;
    y = sy + length;
  }
}

/** The longest of the first `length` characters from `start` that ends at the start of text or after a space. */
function spaceBefore(text: string, start: number, length: number): number {
  let n = length;
  while (n > 0 && !isSpace(text.charCodeAt(start + n - 1))) n--;
  return n;
}

/** The longest of the last `length` characters before `end` that starts with a space, or is empty. */
function spaceAfter(text: string, end: number, length: number): number {
  let n = length;
  while (n > 0 && !isSpace(text.charCodeAt(end - n))) n--;
  return n;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0xa0;
}

/** Token starts in text[start, end): where `pattern` matches (plus `skip`, after a line break), and `end` last. */
function boundaries(text: string, start: number, end: number, pattern: RegExp, skip: number): number[] {
  const starts = [start];
  pattern.lastIndex = start;
  for (let match = pattern.exec(text); match && match.index < end; match = pattern.exec(text)) {
    const next = skip ? match.index + skip : match.index + match[0].length;
    if (next < end && next > (starts[starts.length - 1] as number)) starts.push(next);
  }
  if (end > start) starts.push(end);
  return starts;
}

/**
 * Myers' O((n + m) D) diff: the equal runs of a longest common subsequence of a[0, n) and b[0, m),
 * in order; undefined when they differ in more than maxSteps places.
 */
export function myers(
  n: number,
  m: number,
  same: (x: number, y: number) => boolean,
  maxSteps: number,
): Same[] | undefined {
  const max = Math.min(n + m, maxSteps);
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[max + k - 1] as number) < (v[max + k + 1] as number));
      let x = down ? (v[max + k + 1] as number) : (v[max + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && same(x, y)) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
    trace.push(v.slice(max - d, max + d + 1));
  }
  return undefined;
}

/** The equal runs along the path that reached (n, m) in d steps, from the saved rounds. */
function backtrack(trace: readonly Int32Array[], d: number, n: number, m: number): Same[] {
  const runs: Same[] = [];
  let x = n;
  let y = m;
  for (let step = d; step > 0; step--) {
    const previous = trace[step - 1] as Int32Array;
    const at = (k: number) => previous[k + step - 1] as number;
    const k = x - y;
    const down = k === -step || (k !== step && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const startX = down ? prevX : prevX + 1;
    if (x > startX) runs.push([startX, startX - k, x - startX]);
    x = prevX;
    y = prevX - prevK;
  }
  if (x > 0) runs.push([0, 0, x]);
  return runs.reverse();
}

function commonPrefixWithin(a: string, b: string, i: number, j: number, aEnd: number, bEnd: number): number {
  let n = 0;
  while (i + n < aEnd && j + n < bEnd && a.charCodeAt(i + n) === b.charCodeAt(j + n)) n++;
  return n;
}

function commonSuffixWithin(a: string, b: string, i: number, j: number, aEnd: number, bEnd: number): number {
  let n = 0;
  while (aEnd - n > i && bEnd - n > j && a.charCodeAt(aEnd - n - 1) === b.charCodeAt(bEnd - n - 1)) n++;
  return n;
}

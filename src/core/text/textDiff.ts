/**
 * The differences between two texts, character by character: lines first (Myers' diff of lines),
 * then the characters of each stretch of changed lines. What differs too much to be diffed within
 * the limits below is given as one replacement.
 */

/** Text [start, start + length) of the earlier text replaced by `text`. */
export interface TextReplacement {
  start: number;
  length: number;
  text: string;
}

/** Lines that differ in more places than this are one replacement. */
export const MAX_LINE_STEPS = 2000;
/** A stretch of changed lines longer than this (both sides), or differing in more places, is one replacement. */
export const MAX_CHARS = 20_000;
export const MAX_CHAR_STEPS = 1000;

/** The replacements that turn `before` into `after`, in order, none touching another. */
export function diffTexts(before: string, after: string): TextReplacement[] {
  if (before === after) return [];
  const out: TextReplacement[] = [];
  for (const run of changedRuns(linesOf(before), linesOf(after))) diffChars(before, after, run, out);
  return out;
}

/** Equal runs of two sequences: [start in a, start in b, length]. */
type Same = [number, number, number];

/** A stretch of changed lines: a[aStart, aEnd) became b[bStart, bEnd), as character offsets. */
interface Run {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

interface Lines {
  text: string;
  /** Where each line starts, and the text's length last. */
  starts: number[];
}

function linesOf(text: string): Lines {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (text.length > 0) starts.push(text.length);
  return { text, starts };
}

function lineAt(lines: Lines, i: number): string {
  return lines.text.slice(lines.starts[i], lines.starts[i + 1]);
}

/** The stretches of changed lines, from Myers' diff of the lines (or all of it, beyond MAX_STEPS). */
function changedRuns(a: Lines, b: Lines): Run[] {
  const n = a.starts.length - 1;
  const m = b.starts.length - 1;
  const ids = new Map<string, number>();
  const idOf = (line: string) => ids.get(line) ?? (ids.set(line, ids.size), ids.size - 1);
  const aIds = Array.from({ length: n }, (_, i) => idOf(lineAt(a, i)));
  const bIds = Array.from({ length: m }, (_, i) => idOf(lineAt(b, i)));
  const same = myers(n, m, (x, y) => aIds[x] === bIds[y], MAX_LINE_STEPS) ?? [];
  const runs: Run[] = [];
  let x = 0;
  let y = 0;
  for (const [sx, sy, length] of [...same, [n, m, 0] as Same]) {
    if (sx > x || sy > y)
      runs.push({
        aStart: a.starts[x] ?? 0,
        aEnd: a.starts[sx] ?? a.text.length,
        bStart: b.starts[y] ?? 0,
        bEnd: b.starts[sy] ?? b.text.length,
      });
    x = sx + length;
    y = sy + length;
  }
  return runs;
}

/** The character replacements within one stretch of changed lines. */
function diffChars(before: string, after: string, run: Run, out: TextReplacement[]): void {
  const { aStart, bStart, aEnd, bEnd } = run;
  const head = commonPrefixWithin(before, after, aStart, bStart, aEnd, bEnd);
  const tail = commonSuffixWithin(before, after, aStart + head, bStart + head, aEnd, bEnd);
  const x0 = aStart + head;
  const y0 = bStart + head;
  const n = aEnd - tail - x0;
  const m = bEnd - tail - y0;
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
  const width = 2 * max + 1;
  const v = new Int32Array(width + 2);
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
    const startY = startX - k;
    if (x > startX) runs.push([startX, startY, x - startX]);
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

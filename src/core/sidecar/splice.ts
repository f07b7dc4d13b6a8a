/** A replacement of text[start, end) by `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices; insertions at the same place keep their given order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices
    .map((s, order) => ({ ...s, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const splice of ordered) {
    out += text.slice(cursor, splice.start) + splice.text;
    cursor = Math.max(cursor, splice.end);
  }
  return out + text.slice(cursor);
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break that ends the line containing offset - 1. */
export function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(offset - 1, 0));
  return newline < 0 ? text.length : newline + 1;
}

/**
 * The offset of the "-" of the block-list item whose content starts at `contentStart`: on the
 * same line, or on a line above with only comments, anchors or tags between.
 */
export function dashBefore(text: string, contentStart: number): number | undefined {
  let end = contentStart;
  for (;;) {
    const start = lineStartOf(text, end);
    const segment = text.slice(start, end);
    const lead = (/^[ \t]*/.exec(segment) as RegExpExecArray)[0].length;
    const rest = segment.slice(lead);
    if (/^-(?:[ \t\r]|$)/.test(rest)) return start + lead;
    if (rest.trim() !== '' && !/^[#&!]/.test(rest)) return undefined;
    if (start === 0) return undefined;
    end = start - 1;
  }
}

/** The end of a value without the white space and line breaks its range may run on over. */
export function trimEndOffset(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[ \t\r\n]/.test(text[e - 1] as string)) e--;
  return e;
}

/**
 * Indexes of a strictly increasing subsequence of `values` with the largest total weight (one
 * weight per value; all 1 gives a longest one). O(n log n): a Fenwick tree keeps, per value rank,
 * the heaviest subsequence ending at or below it.
 */
export function heaviestIncreasingSubsequence(
  values: readonly number[],
  weights: readonly number[] = values.map(() => 1),
): number[] {
  const ranks = new Map([...new Set(values)].sort((a, b) => a - b).map((value, i) => [value, i + 1]));
  const tree = new Array<{ total: number; index: number }>(ranks.size + 1).fill({ total: 0, index: -1 });
  const previous = new Array<number>(values.length).fill(-1);
  const totals = new Array<number>(values.length).fill(0);
  values.forEach((value, i) => {
    const rank = ranks.get(value) as number;
    let best = { total: 0, index: -1 };
    for (let r = rank - 1; r > 0; r -= r & -r)
      if ((tree[r] as { total: number }).total > best.total) best = tree[r] as typeof best;
    previous[i] = best.index;
    totals[i] = best.total + (weights[i] ?? 1);
    for (let r = rank; r < tree.length; r += r & -r)
      if ((tree[r] as { total: number }).total < (totals[i] as number))
        tree[r] = { total: totals[i] as number, index: i };
  });
  let last = -1;
  totals.forEach((total, i) => {
    if (last < 0 || total > (totals[last] as number)) last = i;
  });
  const result: number[] = [];
  for (let i = last; i >= 0; i = previous[i] as number) result.unshift(i);
  return result;
}

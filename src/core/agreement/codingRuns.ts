/** A passage of a transcript, as offsets: start inclusive, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A stretch of a transcript over which each coder either coded the concept throughout or not at all. */
export interface CodingRun extends Span {
  /** Per coder (in the order given): whether the coder coded this stretch. */
  coded: boolean[];
}

/**
 * Splits a text of `length` characters into maximal runs of unchanging coding. `spansByCoder[i]`
 * are the passages coder i coded, in any order, overlapping or not. Costs per passage, not per character.
 */
export function codingRuns(length: number, spansByCoder: readonly (readonly Span[])[]): CodingRun[] {
  const merged = spansByCoder.map((spans) => mergeSpans(spans, length));
  const cuts = [...new Set([0, length, ...merged.flat().flatMap((span) => [span.start, span.end])])].sort(
    (a, b) => a - b,
  );
  const cursors = merged.map(() => 0);
  const runs: CodingRun[] = [];
  for (let k = 1; k < cuts.length; k++) {
    const start = cuts[k - 1] ?? 0;
    const end = cuts[k] ?? length;
    const coded = merged.map((spans, coder) => covers(spans, cursors, coder, start));
    const last = runs[runs.length - 1];
    if (last && sameCoding(last.coded, coded)) last.end = end;
    else runs.push({ start, end, coded });
  }
  return runs;
}

/** Whether the coder's sorted, disjoint spans cover `offset`; offsets must be asked in increasing order. */
function covers(spans: readonly Span[], cursors: number[], coder: number, offset: number): boolean {
  let cursor = cursors[coder] ?? 0;
  while ((spans[cursor]?.end ?? Infinity) <= offset) cursor++;
  cursors[coder] = cursor;
  const span = spans[cursor];
  return span !== undefined && span.start <= offset;
}

/** The spans clipped to [0, length), sorted, with overlapping and touching ones joined. */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const clipped = spans
    .map((span) => ({ start: Math.max(0, span.start), end: Math.min(length, span.end) }))
    .filter((span) => span.start < span.end)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push(span);
  }
  return merged;
}

function sameCoding(a: readonly boolean[], b: readonly boolean[]): boolean {
  return a.every((value, i) => value === b[i]);
}

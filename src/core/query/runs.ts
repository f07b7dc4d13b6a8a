import type { ResolvedAnnotation } from '../project/model';

/**
 * Coded text of one transcript: a stretch of characters (offsets into the transcript's text, end
 * exclusive) with the annotations that put it there. A query's value in a transcript is a list of
 * runs in text order that neither overlap nor touch: the maximal stretches of its characters.
 */
export interface Run {
  start: number;
  end: number;
  annotations: readonly ResolvedAnnotation[];
}

/** The annotations' passages joined where they overlap or touch. Orphans have no place and are left out. */
export function runsOf(annotations: readonly ResolvedAnnotation[]): Run[] {
  const placed = annotations.filter(
    ({ resolution }) => resolution.status !== 'orphaned' && resolution.end > resolution.start,
  );
  placed.sort((a, b) => startOf(a) - startOf(b));
  const out: { start: number; end: number; annotations: ResolvedAnnotation[] }[] = [];
  let current: (typeof out)[number] | undefined;
  for (const resolved of placed) {
    const start = startOf(resolved);
    const end = endOf(resolved);
    if (current && start <= current.end) {
      current.end = Math.max(current.end, end);
      current.annotations.push(resolved);
    } else {
      current = { start, end, annotations: [resolved] };
      out.push(current);
    }
  }
  return out;
}

function startOf({ resolution }: ResolvedAnnotation): number {
  return resolution.status === 'orphaned' ? 0 : resolution.start;
}

function endOf({ resolution }: ResolvedAnnotation): number {
  return resolution.status === 'orphaned' ? 0 : resolution.end;
}

/** Runs sorted by start, joined where they overlap or touch. */
function joined(sorted: readonly Run[]): Run[] {
  const out: Run[] = [];
  let start = 0;
  let end = 0;
  let parts: (readonly ResolvedAnnotation[])[] = [];
  const close = () => {
    if (parts.length === 0) return;
    out.push({
      start,
      end,
      annotations: parts.length === 1 ? (parts[0] as readonly ResolvedAnnotation[]) : unique(parts.flat()),
    });
  };
  for (const run of sorted) {
    if (parts.length > 0 && run.start <= end) {
      end = Math.max(end, run.end);
      parts.push(run.annotations);
      continue;
    }
    close();
    ({ start, end } = run);
    parts = [run.annotations];
  }
  close();
  return out;
}

function unique<T>(items: readonly T[]): T[] {
  return items.length < 2 ? [...items] : [...new Set(items)];
}

/** Text in both: the character overlap of each pair of runs, with the annotations that cover it. */
export function intersect(a: readonly Run[], b: readonly Run[]): Run[] {
  const out: Run[] = [];
  let j = 0;
  for (const run of a) {
    while (j < b.length && (b[j] as Run).end <= run.start) j++;
    for (let k = j; k < b.length && (b[k] as Run).start < run.end; k++) {
      const other = b[k] as Run;
      const start = Math.max(run.start, other.start);
      const end = Math.min(run.end, other.end);
      const annotations = unique([
        ...covering(run.annotations, start, end),
        ...covering(other.annotations, start, end),
      ]);
      out.push({ start, end, annotations });
    }
  }
  return out;
}

/** Text in either, joined where it touches. */
export function unite(a: readonly Run[], b: readonly Run[]): Run[] {
  return joined([...a, ...b].sort((x, y) => x.start - y.start));
}

/** The text of [0, length) outside the runs; it stands for no annotation. */
export function complement(runs: readonly Run[], length: number): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.start > at) out.push({ start: at, end: run.start, annotations: [] });
    at = Math.max(at, run.end);
  }
  if (at < length) out.push({ start: at, end: length, annotations: [] });
  return out;
}

/** Whole runs of `a` that share a character with a run of `b`; the overlapping annotations of `b` join theirs. */
export function overlapping(a: readonly Run[], b: readonly Run[]): Run[] {
  const out: Run[] = [];
  let j = 0;
  for (const run of a) {
    while (j < b.length && (b[j] as Run).end <= run.start) j++;
    const others: ResolvedAnnotation[] = [];
    for (let k = j; k < b.length && (b[k] as Run).start < run.end; k++) {
      others.push(...covering((b[k] as Run).annotations, run.start, run.end));
    }
    if (j < b.length && (b[j] as Run).start < run.end) out.push(withAnnotations(run, others));
  }
  return out;
}

/** The run with more annotations that brought it into a result, each once. */
export function withAnnotations(run: Run, more: readonly ResolvedAnnotation[]): Run {
  if (more.length === 0) return run;
  return { start: run.start, end: run.end, annotations: unique([...run.annotations, ...more]) };
}

/** Those of the annotations whose passage shares a character with [start, end). */
export function covering(annotations: readonly ResolvedAnnotation[], start: number, end: number): ResolvedAnnotation[] {
  return annotations.filter(
    ({ resolution }) => resolution.status !== 'orphaned' && resolution.start < end && resolution.end > start,
  );
}

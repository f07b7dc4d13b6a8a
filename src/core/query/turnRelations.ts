import type { ResolvedAnnotation } from '../project/model';
import { turnIndexAt, type SpeakerTurn } from '../speakers/turns';
import { countBelow } from '../text/codePoints';
import { covering, withAnnotations, type Run } from './runs';

/**
 * Runs measured in speaker turns: the turn a run starts in and the turn it ends in, by index; text
 * before the first turn counts as turn -1, so a transcript without speaker labels is one unit.
 */
class TurnSpans {
  constructor(private readonly turns: readonly SpeakerTurn[]) {}

  first(run: Run): number {
    return turnIndexAt(this.turns, run.start);
  }

  last(run: Run): number {
    return turnIndexAt(this.turns, run.end - 1);
  }

  /** The speaker turn the run lies in whole, if any. */
  holding(run: Run): SpeakerTurn | undefined {
    const index = this.first(run);
    const turn = this.turns[index];
    return turn && run.end <= turn.end ? turn : undefined;
  }
}

/** Runs of `a` inside one speaker turn that also holds text of `b`. */
export function withinTurn(a: readonly Run[], b: readonly Run[], turns: readonly SpeakerTurn[]): Run[] {
  const spans = new TurnSpans(turns);
  return a.flatMap((run) => {
    const turn = spans.holding(run);
    if (!turn) return [];
    const others = b.filter((other) => other.start < turn.end && other.end > turn.start);
    return others.length > 0
      ? [
          withAnnotations(
            run,
            others.flatMap((o) => covering(o.annotations, turn.start, turn.end)),
          ),
        ]
      : [];
  });
}

/** Runs of `a` with a run of `b` at most `n` speaker turns away (0: they share a turn). */
export function near(a: readonly Run[], b: readonly Run[], n: number, turns: readonly SpeakerTurn[]): Run[] {
  const spans = new TurnSpans(turns);
  const firsts = b.map((run) => spans.first(run));
  const lasts = b.map((run) => spans.last(run));
  // Runs of b are in text order, so the turns they start and end in only grow.
  return a.flatMap((run) => reached(run, b, countBelow(lasts, spans.first(run) - n), firsts, spans.last(run) + n));
}

/** Runs of `a` followed by a run of `b` that starts after them, at most `n` speaker turns on. */
export function followedBy(a: readonly Run[], b: readonly Run[], n: number, turns: readonly SpeakerTurn[]): Run[] {
  const spans = new TurnSpans(turns);
  const starts = b.map((run) => run.start);
  const firsts = b.map((run) => spans.first(run));
  return a.flatMap((run) => reached(run, b, countBelow(starts, run.end), firsts, spans.last(run) + n));
}

/**
 * The run, with the annotations of the runs of `b` from `from` on that start at most in turn `to`; none when there are
 * none.
 */
function reached(run: Run, b: readonly Run[], from: number, firsts: readonly number[], to: number): Run[] {
  const others: ResolvedAnnotation[] = [];
  let k = from;
  for (; k < b.length && (firsts[k] as number) <= to; k++) others.push(...(b[k] as Run).annotations);
  return k > from ? [withAnnotations(run, others)] : [];
}

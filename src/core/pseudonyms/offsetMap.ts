import type { TextChange } from '../anchoring/moveRanges';

/**
 * Carries offsets of a text through the replacements made in it, as moveRanges does for a range
 * (text replaced inside a passage becomes part of it), but by binary search, since a transcript
 * may get hundreds of replacements and hold hundreds of passages.
 */
export class OffsetMap {
  /** Per round: change starts and ends in the old text, and where each change starts in the new. */
  private readonly rounds: { starts: number[]; ends: number[]; newStarts: number[]; lengths: number[] }[];

  /** `rounds` as replaceKeyEntries gives them: each round's changes last offset first. */
  constructor(rounds: readonly TextChange[][]) {
    this.rounds = rounds.map((round) => {
      const ascending = [...round].reverse();
      let shift = 0;
      const newStarts = ascending.map((c) => {
        const at = c.rangeOffset + shift;
        shift += c.text.length - c.rangeLength;
        return at;
      });
      return {
        starts: ascending.map((c) => c.rangeOffset),
        ends: ascending.map((c) => c.rangeOffset + c.rangeLength),
        newStarts,
        lengths: ascending.map((c) => c.text.length),
      };
    });
  }

  /** A passage's start inside a replaced name moves to the replacement's start, its end to the replacement's end. */
  map(offset: number, side: 'start' | 'end'): number {
    let at = offset;
    for (const round of this.rounds) at = mapInRound(round, at, side);
    return at;
  }
}

function mapInRound(
  round: { starts: number[]; ends: number[]; newStarts: number[]; lengths: number[] },
  offset: number,
  side: 'start' | 'end',
): number {
  // The last change that starts before the offset.
  let low = 0;
  let high = round.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((round.starts[middle] as number) < offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (found < 0) return offset;
  const end = round.ends[found] as number;
  const newStart = round.newStarts[found] as number;
  const newEnd = newStart + (round.lengths[found] as number);
  if (offset < end) return side === 'start' ? newStart : newEnd;
  return newEnd + (offset - end);
}

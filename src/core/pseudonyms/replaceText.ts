import type { TextChange } from '../anchoring/moveRanges';
import type { KeyMatch, KeyMatcher } from './matcher';

/** A text with the key's entries replaced, and the edits that made it. */
export interface Replaced {
  text: string;
  /** The edits of each round, last offset first, so that each applies to the text the previous left. */
  rounds: TextChange[][];
  /** What the first round found, in the original text. */
  matches: KeyMatch[];
}

/**
 * A text can hold an entry only after another was replaced (the replacement of "Ola" next to
 * "Hansen" making "Per Hansen"); a few rounds settle it, so that a second run finds nothing.
 */
const MAX_ROUNDS = 4;

export function replaceKeyEntries(text: string, matcher: KeyMatcher): Replaced {
  const rounds: TextChange[][] = [];
  let matches: KeyMatch[] = [];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = matcher.find(current);
    if (found.length === 0) break;
    if (round === 0) matches = found;
    rounds.push(found.map(toChange).reverse());
    current = applyMatches(current, found);
  }
  return { text: current, rounds, matches };
}

/** The text with the entries replaced (no edits kept): for memos, descriptions and other copies. */
export function replaceInString(text: string, matcher: KeyMatcher): string {
  return replaceKeyEntries(text, matcher).text;
}

function toChange(match: KeyMatch): TextChange {
  return { rangeOffset: match.start, rangeLength: match.end - match.start, text: match.replacement };
}

function applyMatches(text: string, matches: readonly KeyMatch[]): string {
  let out = '';
  let cursor = 0;
  for (const match of matches) {
    out += text.slice(cursor, match.start) + match.replacement;
    cursor = match.end;
  }
  return out + text.slice(cursor);
}

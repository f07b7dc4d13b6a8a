import type { LiveRange, TextChange } from '../src/core/anchoring/moveRanges';
import { moveRanges } from '../src/core/anchoring/moveRanges';
import type { Rng } from './prng';
import { answerSentences, question, sentence, word } from './vocabulary';

export type EditKind =
  | 'insertWord'
  | 'deleteWord'
  | 'replaceWord'
  | 'typo'
  | 'insertSentence'
  | 'deleteSentence'
  | 'replaceSentence'
  | 'insertParagraph'
  | 'insertTimestamp';

export interface AppliedEdit {
  kind: EditKind;
  /** Whether the edit was aimed inside a quoted passage. */
  inside: boolean;
  change: TextChange;
}

const OUTSIDE_KINDS: EditKind[] = [
  'insertWord',
  'deleteWord',
  'replaceWord',
  'typo',
  'insertSentence',
  'deleteSentence',
  'replaceSentence',
  'insertParagraph',
  'insertTimestamp',
];
const OUTSIDE_WEIGHTS = [20, 12, 12, 18, 12, 6, 4, 10, 6];
const INSIDE_KINDS: EditKind[] = ['insertWord', 'deleteWord', 'replaceWord', 'typo'];
const INSIDE_WEIGHTS = [25, 20, 25, 30];

const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/** The word [start, end) at or after `from` (letters only), if any before `limit`. */
function wordAfter(text: string, from: number, limit = text.length): [number, number] | undefined {
  let start = from;
  while (start > 0 && isLetter(text[start - 1])) start--;
  while (start < limit && !isLetter(text[start])) start++;
  if (start >= limit) return undefined;
  let end = start;
  while (end < text.length && isLetter(text[end])) end++;
  return end <= limit ? [start, end] : undefined;
}

/** The sentence [start, end) of an answer around `at`: after ". " or ": " up to and including its final punctuation. */
function sentenceAround(text: string, at: number): [number, number] | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  if (!/^\p{Lu}{1,3}\d{1,3}: /u.test(line)) return undefined;
  let start = at;
  while (start > lineStart && !/[.?]\s$|: $/u.test(text.slice(start - 2, start))) start--;
  const stop = /[.?](?= |$)/gmu;
  stop.lastIndex = at;
  const match = stop.exec(text);
  if (!match || match.index >= lineEnd || start >= match.index) return undefined;
  let end = match.index + 1;
  while (text[end] === '.') end++;
  return [Math.max(start, lineStart + line.indexOf(': ') + 2), end];
}

function candidate(rng: Rng, text: string, kind: EditKind, at: number, limit?: number): TextChange | undefined {
  switch (kind) {
    case 'insertWord': {
      const w = wordAfter(text, at, limit);
      return w && { rangeOffset: w[0], rangeLength: 0, text: `${word(rng)} ` };
    }
    case 'deleteWord': {
      const w = wordAfter(text, at, limit);
      return w && text[w[1]] === ' ' && isLetter(text[w[1] + 1])
        ? { rangeOffset: w[0], rangeLength: w[1] - w[0] + 1, text: '' }
        : undefined;
    }
    case 'replaceWord': {
      const w = wordAfter(text, at, limit);
      return w && { rangeOffset: w[0], rangeLength: w[1] - w[0], text: word(rng) };
    }
    case 'typo': {
      const w = wordAfter(text, at, limit);
      if (!w || w[1] - w[0] < 4) return undefined;
      const i = rng.int(w[0] + 1, w[1] - 2);
      if (rng.chance(0.5)) return { rangeOffset: i, rangeLength: 2, text: `${text[i + 1]}${text[i]}` };
      return { rangeOffset: i, rangeLength: 1, text: rng.pick([...'aeiouyæøånrst']) };
    }
    case 'insertSentence': {
      const s = sentenceAround(text, at);
      return s && { rangeOffset: s[1], rangeLength: 0, text: ` ${sentence(rng)}` };
    }
    case 'deleteSentence': {
      const s = sentenceAround(text, at);
      return s && text[s[1]] === ' ' ? { rangeOffset: s[0], rangeLength: s[1] - s[0] + 1, text: '' } : undefined;
    }
    case 'replaceSentence': {
      const s = sentenceAround(text, at);
      return s && { rangeOffset: s[0], rangeLength: s[1] - s[0], text: sentence(rng) };
    }
    case 'insertParagraph': {
      const end = text.indexOf('\n\n', at);
      const code = /\n(\p{Lu}{1,3}\d{1,3}): /u.exec(text)?.[1] ?? 'K1';
      return end < 0
        ? undefined
        : {
            rangeOffset: end,
            rangeLength: 0,
            text: `\n\nI: ${question(rng)}\n\n${code}: ${answerSentences(rng, 1, 4).join(' ')}`,
          };
    }
    case 'insertTimestamp': {
      const next = text.indexOf('\nI: ', at);
      const stamp = `[00:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}]`;
      return next < 0 ? undefined : { rangeOffset: next + 1, rangeLength: 0, text: `${stamp}\n` };
    }
  }
}

function hits(ranges: readonly LiveRange[], change: TextChange): boolean {
  const from = change.rangeOffset;
  const to = from + change.rangeLength;
  return ranges.some(
    (r) => r.start < r.end && (from === to ? r.start < from && from < r.end : r.start < to && from < r.end),
  );
}

/**
 * Applies `count` seeded random edits to `text`, one after another, moving `truth` (the annotations'
 * passages) through each with the core's moveRanges. About `insideShare` of the edits are aimed
 * inside a passage; the others are kept outside every passage.
 */
export function applyRandomEdits(
  rng: Rng,
  text: string,
  truth: LiveRange[],
  count: number,
  insideShare = 0.2,
  touchedBy?: number[][],
): { text: string; edits: AppliedEdit[] } {
  const edits: AppliedEdit[] = [];
  for (let n = 0, attempts = 0; n < count && attempts < count * 50; attempts++) {
    const inside = rng.chance(insideShare);
    let change: TextChange | undefined;
    let kind: EditKind;
    if (inside) {
      const live = truth.filter((r) => r.end - r.start >= 8);
      if (live.length === 0) continue;
      const target = rng.pick(live);
      kind = rng.weighted(INSIDE_KINDS, INSIDE_WEIGHTS);
      change = candidate(rng, text, kind, rng.int(target.start + 1, target.end - 2), target.end);
      if (change && change.rangeOffset < target.start) change = undefined;
    } else {
      kind = rng.weighted(OUTSIDE_KINDS, OUTSIDE_WEIGHTS);
      change = candidate(rng, text, kind, rng.int(0, text.length - 1));
      if (change && hits(truth, change)) change = undefined;
    }
    if (!change) continue;
    text = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
    if (touchedBy) noteTouched(truth, change, edits.length, touchedBy);
    moveRanges(truth, [change]);
    edits.push({ kind, inside, change });
    n++;
  }
  return { text, edits };
}

/** Records which passages an edit changes text inside of (the rule moveRanges uses). */
function noteTouched(truth: readonly LiveRange[], change: TextChange, index: number, touchedBy: number[][]): void {
  const end = change.rangeOffset + change.rangeLength;
  truth.forEach((r, k) => {
    if (r.start < end && r.end > change.rangeOffset) touchedBy[k]?.push(index);
  });
}

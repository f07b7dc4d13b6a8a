import { editDistance } from '../text/editDistance';

/** How well the text around a candidate agrees with the context saved with a quote. */

export function commonSuffixLength(text: string, end: number, expected: string): number {
  let n = 0;
  while (
    n < expected.length &&
    end - n - 1 >= 0 &&
    text.charCodeAt(end - n - 1) === expected.charCodeAt(expected.length - n - 1)
  )
    n++;
  return n;
}

export function commonPrefixLength(text: string, start: number, expected: string): number {
  let n = 0;
  while (n < expected.length && start + n < text.length && text.charCodeAt(start + n) === expected.charCodeAt(n)) n++;
  return n;
}

/** Characters of saved context that agree exactly with the text next to [start, end). */
export function exactContextScore(text: string, start: number, end: number, before: string, after: string): number {
  return commonSuffixLength(text, start, before) + commonPrefixLength(text, end, after);
}

/** 0..1: how alike two short strings are (1 - edit distance / longer length). */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}

/**
 * 0..1 agreement of saved context with the text around a candidate, each side counted by its
 * length (a context cut short at the start or end of the text weighs little); 1 when no context
 * was saved.
 */
export function contextSimilarity(text: string, start: number, end: number, before: string, after: string): number {
  const saved = before.length + after.length;
  if (saved === 0) return 1;
  let agreeing = 0;
  if (before) agreeing += before.length * similarity(before, text.slice(Math.max(0, start - before.length), start));
  if (after) agreeing += after.length * similarity(after, text.slice(end, end + after.length));
  return agreeing / saved;
}

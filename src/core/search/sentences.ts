import type { Span } from './words';
import { trimmed } from './words';

const TERMINATORS = '.?!…';
const CLOSERS = '"\'»”’)]';

/** Abbreviations after which a period does not end a sentence (lower case, without the last period). */
const ABBREVIATIONS = new Set([
  'f.eks',
  'bl.a',
  'dvs',
  'ca',
  'nr',
  'kl',
  'jf',
  'pga',
  'mht',
  'evt',
  'ev',
  'ang',
  'tlf',
  'hr',
  'fr',
  'dr',
  'prof',
  'st',
  'avd',
  'kap',
  'ref',
  'vha',
  't.o.m',
  'f.o.m',
  'e.g',
  'i.e',
  'mr',
  'mrs',
  'ms',
  'vs',
  'cf',
  'no',
  'approx',
  'fig',
]);

/** Abbreviations that often end a sentence, so they end one before a word that is not in lower case. */
const FINAL_ABBREVIATIONS = new Set(['osv', 'etc', 'mv', 'm.m', 'o.l', 'o.a']);

/**
 * The sentence or sentences that the span lies in, inside `within` (a paragraph of a turn). A sentence
 * ends at `.`, `?`, `!`, `…` or `...` (with any closing quotes or brackets) followed by white space and
 * a word that does not start in lower case; a period after an abbreviation or an initial ends none.
 */
export function sentenceBounds(text: string, span: Span, within: Span): Span {
  let start = within.start;
  for (let k = Math.min(span.start, within.end); k > within.start; k--) {
    if (endsSentence(text, k, within)) {
      start = k;
      break;
    }
  }
  let end = within.end;
  for (let k = Math.max(span.end, within.start); k < within.end; k++) {
    if (endsSentence(text, k, within)) {
      end = k;
      break;
    }
  }
  return trimmed(text, { start, end });
}

/** Whether a sentence ends at `offset`: a run of terminators and closers ends there, before white space. */
export function endsSentence(text: string, offset: number, within: Span): boolean {
  if (offset <= within.start || offset >= within.end || !/\s/.test(text[offset] as string)) return false;
  let runStart = offset;
  while (runStart > within.start && CLOSERS.includes(text[runStart - 1] as string)) runStart--;
  const closersStart = runStart;
  while (runStart > within.start && TERMINATORS.includes(text[runStart - 1] as string)) runStart--;
  if (runStart === closersStart) return false;
  const next = nextWordStart(text, offset, within.end);
  if (next < within.end && /\p{Ll}/u.test(String.fromCodePoint(text.codePointAt(next) ?? 0))) return false;
  return closersStart - runStart > 1 || text[runStart] !== '.' || !isAbbreviation(text, runStart, within.start);
}

function nextWordStart(text: string, from: number, end: number): number {
  let next = from;
  while (next < end && /\s/.test(text[next] as string)) next++;
  return next;
}

/** Whether the letters (and inner periods) before the period at `period` are an abbreviation or an initial. */
function isAbbreviation(text: string, period: number, limit: number): boolean {
  let start = period;
  while (start > limit && /[\p{L}.]/u.test(text[start - 1] as string)) start--;
  const token = text.slice(start, period).toLowerCase();
  if (token === '' || /\p{N}/u.test(text[start - 1] ?? '')) return false;
  if (FINAL_ABBREVIATIONS.has(token)) return false;
  return ABBREVIATIONS.has(token) || token.length === 1 || /^\p{L}+(\.\p{L}+)+$/u.test(token);
}

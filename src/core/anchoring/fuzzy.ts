import { ApproximatePattern } from './approximate';
import { contextSimilarity } from './context';

/** Quotes shorter than this are never matched approximately. */
export const MIN_FUZZY_LENGTH = 12;
/** At most this share of the quote may differ. */
export const MAX_ERROR_RATE = 0.25;
/** How much of the saved context must agree (0..1) for an approximate match to count. */
export const MIN_CONTEXT = 0.5;
/** Without saved context, the quote itself must agree this well. */
export const MIN_QUOTE_WITHOUT_CONTEXT = 0.9;
export const MIN_CONFIDENCE = 0.7;
/** How far before a predicted start, and past the quote's end, the window around a prediction reaches. */
export const PREDICTED_SLACK = 64;

export interface FuzzyMatch {
  start: number;
  end: number;
  confidence: number;
  /** 0..1: how well the saved context agrees here. */
  context: number;
}

/**
 * An approximate match of the quote whose surroundings agree with the saved context. Searches
 * small windows around the predicted starts first (the best match of those wins), then near the
 * last known place, then the whole text.
 */
export function findFuzzy(
  text: string,
  quote: string,
  before: string,
  after: string,
  hint: number | undefined,
  options: FuzzyOptions = {},
): FuzzyMatch | undefined {
  if (quote.length < MIN_FUZZY_LENGTH) return undefined;
  const { exclude = [], nearOnly = false, predicted = [] } = options;
  const wanted: Wanted = {
    pattern: new ApproximatePattern(quote),
    before,
    after,
    maxErrors: Math.floor(quote.length * MAX_ERROR_RATE),
    exclude,
  };
  const atPrediction = nearPredictions(text, wanted, predicted);
  if (atPrediction) return atPrediction;
  const radius = Math.max(4096, quote.length * 4);
  const center = hint ?? 0;
  const windowStart = Math.max(0, center - radius);
  const windowEnd = Math.min(text.length, center + radius + quote.length);
  const near = best(text, windowStart, windowEnd, wanted);
  if (near || nearOnly || (windowStart === 0 && windowEnd === text.length)) return near;
  return best(text, 0, text.length, wanted);
}

/** What a window is searched for. */
interface Wanted {
  pattern: ApproximatePattern;
  before: string;
  after: string;
  maxErrors: number;
  exclude: readonly Span[];
}

export interface Span {
  start: number;
  end: number;
}

export interface FuzzyOptions {
  /** Places to look past: exact copies already considered. */
  exclude?: readonly Span[];
  /** Search only near the hint, not the whole text. */
  nearOnly?: boolean;
  /** Offsets where the passage is expected to start, searched first. */
  predicted?: readonly number[];
}

/**
 * The best match in the windows around the predicted starts (the first of equals). A match that
 * comes within half the slack of a window's edge (not the text's) may be part of a longer one that
 * the window cuts, so it is not taken.
 */
function nearPredictions(text: string, wanted: Wanted, predicted: readonly number[]): FuzzyMatch | undefined {
  let winner: FuzzyMatch | undefined;
  const margin = PREDICTED_SLACK / 2;
  predicted.forEach((start, i) => {
    if (predicted.indexOf(start) < i) return;
    const { start: from, end: to } = predictionWindow(text.length, start, wanted.pattern.pattern.length);
    const found = best(text, from, to, wanted);
    const cut = found && ((from > 0 && found.start < from + margin) || (to < text.length && found.end > to - margin));
    if (found && !cut && (!winner || found.confidence > winner.confidence)) winner = found;
  });
  return winner;
}

/** The window around a predicted start: from the slack before it to the slack past the longest match. */
export function predictionWindow(textLength: number, start: number, quoteLength: number): Span {
  const reach = quoteLength + Math.floor(quoteLength * MAX_ERROR_RATE) + PREDICTED_SLACK;
  return { start: Math.max(0, start - PREDICTED_SLACK), end: Math.min(textLength, start + reach) };
}

function best(text: string, from: number, to: number, wanted: Wanted): FuzzyMatch | undefined {
  const { pattern, before, after } = wanted;
  const matches = pattern.search(masked(text, from, to, wanted.exclude), wanted.maxErrors);
  let winner: FuzzyMatch | undefined;
  for (const match of matches) {
    const start = from + match.start;
    const end = from + match.end;
    const context = contextSimilarity(text, start, end, before, after);
    const confidence = score(pattern.pattern, before, after, match.errors, context);
    if (confidence !== undefined && (!winner || confidence > winner.confidence))
      winner = { start, end, confidence, context };
  }
  return winner;
}

function score(
  quote: string,
  before: string,
  after: string,
  errors: number,
  contextAgreement: number,
): number | undefined {
  const quoteAgreement = 1 - errors / quote.length;
  const hasContext = before.length + after.length > 0;
  if (hasContext ? contextAgreement < MIN_CONTEXT : quoteAgreement < MIN_QUOTE_WITHOUT_CONTEXT) return undefined;
  const confidence = hasContext ? (50 * quoteAgreement + 40 * contextAgreement) / 90 : quoteAgreement;
  return confidence >= MIN_CONFIDENCE ? confidence : undefined;
}

/** text[from, to) with the excluded spans blanked out, so that the search looks past them. */
function masked(text: string, from: number, to: number, exclude: readonly Span[]): string {
  let slice = text.slice(from, to);
  for (const span of exclude) {
    if (span.end <= from || span.start >= to) continue;
    const start = Math.max(span.start, from) - from;
    const end = Math.min(span.end, to) - from;
    slice = slice.slice(0, start) + '\u0000'.repeat(end - start) + slice.slice(end);
  }
  return slice;
}

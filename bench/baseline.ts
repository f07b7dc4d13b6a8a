import search from 'approx-string-match';

/**
 * The baseline: how the Hypothesis client re-anchors a TextQuoteSelector (matchQuote in
 * hypothesis/client src/annotator/anchoring/match-quote.ts, re-implemented here): approximate
 * search of the quote over the whole text with up to min(256, quote/2) errors, each match scored by
 * quote similarity (50), prefix (20) and suffix (20) similarity and closeness to the hint (2); the
 * best match wins. No threshold other than maxErrors.
 *
 * `exactFirst` adds Hypothesis's own shortcut: look for exact occurrences with indexOf first and
 * only run the approximate search when there are none. Without it, every quote goes through the
 * approximate search (the plain approach).
 */
export interface BaselineMatch {
  start: number;
  end: number;
  score: number;
}

interface Found {
  start: number;
  end: number;
  errors: number;
}

function find(text: string, pattern: string, maxErrors: number, exactFirst: boolean): Found[] {
  if (exactFirst) {
    const exact: Found[] = [];
    for (let i = text.indexOf(pattern); i >= 0; i = text.indexOf(pattern, i + 1))
      exact.push({ start: i, end: i + pattern.length, errors: 0 });
    if (exact.length > 0) return exact;
  }
  return search(text, pattern, maxErrors);
}

/** 0..1 similarity of a short text to the expected context. */
function textMatchScore(text: string, expected: string, exactFirst: boolean): number {
  if (expected.length === 0 || text.length === 0) return 0;
  const matches = find(text, expected, expected.length, exactFirst);
  const first = matches[0];
  return first ? 1 - first.errors / expected.length : 0;
}

export function matchQuote(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
  exactFirst: boolean,
): BaselineMatch | undefined {
  if (quote.length === 0) return undefined;
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const matches = find(text, quote, maxErrors, exactFirst);
  let best: BaselineMatch | undefined;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = prefix
      ? textMatchScore(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix, exactFirst)
      : 1;
    const suffixScore = suffix ? textMatchScore(text.slice(m.end, m.end + suffix.length), suffix, exactFirst) : 1;
    const posScore = hint === undefined ? 1 : 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

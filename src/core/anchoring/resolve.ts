import { normalizeForMatching } from '../text/normalize';
import type { TranscriptText } from '../text/transcriptText';
import type { Anchor, Resolution } from './anchor';
import { exactContextScore } from './context';
import { findFuzzy, type Span } from './fuzzy';
import { message, type Message } from '../messages';

/** Below this length a quote is only re-found where some of its saved context agrees. */
export const SHORT_QUOTE = 16;
const MAX_OCCURRENCES = 10_000;

interface Wanted {
  quote: string;
  before: string;
  after: string;
  /** Offset where the passage last started, if known. */
  hint: number | undefined;
}

/**
 * Finds an annotation's passage in the current text: exact (still at its range), moved (the same
 * quote elsewhere), fuzzy (a close match whose context agrees), else orphaned. It never settles
 * for an ambiguous or doubtful place: a wrong anchor is worse than an orphan. An exact copy whose
 * saved context does not fully agree may be a repeated phrase rather than the passage, so an
 * approximate match whose context agrees better is preferred to it.
 */
export function resolveAnchor(doc: TranscriptText, anchor: Anchor): Resolution {
  const quote = normalizeForMatching(anchor.quote);
  if (quote.length === 0) return { status: 'orphaned', reason: message('The quote is empty.') };
  const exact = atRange(doc, anchor, quote);
  if (exact) return exact;
  const wanted: Wanted = {
    quote,
    before: normalizeForMatching(anchor.before ?? ''),
    after: normalizeForMatching(anchor.after ?? ''),
    hint: anchor.range ? doc.nearestOffset(anchor.range.start) : undefined,
  };
  const moved = findMoved(doc, wanted);
  if (moved.ambiguous) return { status: 'orphaned', reason: moved.ambiguous };
  if (moved.found && moved.contextShare === 1) return moved.found;
  const fuzzy = findFuzzy(doc.text, wanted.quote, wanted.before, wanted.after, wanted.hint, {
    exclude: moved.copies ?? [],
    nearOnly: moved.found !== undefined,
  });
  if (moved.found && (!fuzzy || overlaps(fuzzy, moved.found) || fuzzy.context <= (moved.contextShare ?? 1)))
    return moved.found;
  if (fuzzy)
    return {
      status: 'fuzzy',
      start: fuzzy.start,
      end: fuzzy.end,
      range: rangeOf(doc, fuzzy.start, fuzzy.end),
      confidence: fuzzy.confidence,
    };
  return {
    status: 'orphaned',
    reason: message('The quote is no longer in the transcript, and no close match with the same context was found.'),
  };
}

function atRange(doc: TranscriptText, anchor: Anchor, quote: string): Resolution | undefined {
  if (!anchor.range) return undefined;
  const start = doc.offsetAt(anchor.range.start);
  const end = doc.offsetAt(anchor.range.end);
  if (start === undefined || end === undefined || end - start !== quote.length || !doc.text.startsWith(quote, start))
    return undefined;
  return { status: 'exact', start, end, range: anchor.range, confidence: 1 };
}

interface Candidate {
  start: number;
  context: number;
  distance: number;
}

/** The same text elsewhere, with the share (0..1) of the saved context that agrees there. */
function findMoved(
  doc: TranscriptText,
  wanted: Wanted,
): {
  found?: Resolution & { start: number; end: number };
  ambiguous?: Message;
  contextShare?: number;
  copies?: Span[];
} {
  const candidates = occurrences(doc.text, wanted);
  if (candidates.length === 0) return {};
  const copies = candidates.map((c) => ({ start: c.start, end: c.start + wanted.quote.length }));
  candidates.sort((a, b) => b.context - a.context || a.distance - b.distance);
  const [best, second] = candidates as [Candidate, Candidate | undefined];
  const fullContext = wanted.before.length + wanted.after.length;
  if (second && second.context === best.context && best.context < fullContext) {
    return {
      ambiguous: message('The quote occurs {count} times and its saved context does not tell which one is meant.', {
        count: candidates.length,
      }),
    };
  }
  if (!second && wanted.quote.length < SHORT_QUOTE && fullContext > 0 && best.context === 0) {
    return { ambiguous: message('The short quote was found elsewhere, but none of its saved context agrees there.') };
  }
  const end = best.start + wanted.quote.length;
  const contextShare = fullContext === 0 ? 1 : best.context / fullContext;
  return {
    found: { status: 'moved', start: best.start, end, range: rangeOf(doc, best.start, end), confidence: 1 },
    contextShare,
    copies,
  };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function occurrences(text: string, wanted: Wanted): Candidate[] {
  const found: Candidate[] = [];
  for (
    let i = text.indexOf(wanted.quote);
    i >= 0 && found.length < MAX_OCCURRENCES;
    i = text.indexOf(wanted.quote, i + 1)
  ) {
    found.push({
      start: i,
      context: exactContextScore(text, i, i + wanted.quote.length, wanted.before, wanted.after),
      distance: wanted.hint === undefined ? 0 : Math.abs(i - wanted.hint),
    });
  }
  return found;
}

function rangeOf(doc: TranscriptText, start: number, end: number) {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

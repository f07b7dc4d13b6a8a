import { normalizeForMatching } from '../text/normalize';
import type { TranscriptText } from '../text/transcriptText';
import type { Anchor, Resolution } from './anchor';
import { contextSimilarity, exactContextScore } from './context';
import { findFuzzy, type Span } from './fuzzy';
import { message, type Message } from '../messages';

/** Below this length a quote is only re-found where some of its saved context agrees. */
export const SHORT_QUOTE = 16;
const MAX_OCCURRENCES = 10_000;

/** An anchor in matching form (\n line breaks, NFC), with the offset where its passage last started. */
export interface Wanted {
  quote: string;
  before: string;
  after: string;
  /** Offset where the passage last started, if known. */
  hint: number | undefined;
}

export type Found = Extract<Resolution, { start: number }>;

/**
 * Finds an annotation's passage in the current text: exact (still at its range), moved (the same
 * quote elsewhere), fuzzy (a close match whose context agrees), else orphaned. It never settles
 * for an ambiguous or doubtful place: a wrong anchor is worse than an orphan. An exact copy whose
 * saved context does not fully agree may be a repeated phrase rather than the passage, so an
 * approximate match whose context agrees better is preferred to it.
 *
 * `predicted` are offsets where the passage is expected to start (resolveAnchors takes them from
 * the annotation's neighbours): an approximate match is looked for in a small window around them
 * before the usual window around the saved range. Without them, the annotation is resolved alone.
 */
export function resolveAnchor(doc: TranscriptText, anchor: Anchor, predicted: readonly number[] = []): Resolution {
  const quote = normalizeForMatching(anchor.quote);
  if (quote.length === 0) return { status: 'orphaned', reason: message('The quote is empty.') };
  const exact = atRange(doc, anchor, quote);
  if (exact) return exact;
  const wanted = wantedOf(doc, anchor);
  return settle(doc, wanted, findMoved(doc, wanted), predicted);
}

/** The anchor in matching form, with its range's start as an offset of today's text. */
export function wantedOf(doc: TranscriptText, anchor: Anchor): Wanted {
  return {
    quote: normalizeForMatching(anchor.quote),
    before: normalizeForMatching(anchor.before ?? ''),
    after: normalizeForMatching(anchor.after ?? ''),
    hint: anchor.range ? doc.nearestOffset(anchor.range.start) : undefined,
  };
}

/** The passage where it was, if the saved range still holds the quote. */
export function atRange(doc: TranscriptText, anchor: Anchor, quote: string): Found | undefined {
  if (!anchor.range || quote.length === 0) return undefined;
  const start = doc.offsetAt(anchor.range.start);
  const end = doc.offsetAt(anchor.range.end);
  if (start === undefined || end === undefined || end - start !== quote.length || !doc.text.startsWith(quote, start))
    return undefined;
  return { status: 'exact', start, end, range: anchor.range, confidence: 1 };
}

/** Away from its saved range: given the exact copies (findMoved), the best copy or an approximate match, else an orphan. */
export function settle(doc: TranscriptText, wanted: Wanted, moved: Moved, predicted: readonly number[]): Resolution {
  if (moved.ambiguous) return { status: 'orphaned', reason: moved.ambiguous };
  if (moved.found && moved.contextShare === 1) return moved.found;
  const fuzzy = findFuzzy(doc.text, wanted.quote, wanted.before, wanted.after, wanted.hint, {
    exclude: moved.copies ?? [],
    nearOnly: moved.found !== undefined,
    predicted,
  });
  if (moved.found && (!fuzzy || overlaps(fuzzy, moved.found) || fuzzy.context <= copyContext(doc, wanted, moved.found)))
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

interface Candidate {
  start: number;
  context: number;
  distance: number;
}

/** The exact copies of a quote: the best, with the share (0..1) of its saved context that agrees there. */
export interface Moved {
  found?: Found;
  ambiguous?: Message;
  contextShare?: number;
  copies?: Span[];
}

/** The same text elsewhere, with the share (0..1) of the saved context that agrees there. */
export function findMoved(doc: TranscriptText, wanted: Wanted): Moved {
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
  const contextShare = fullContext === 0 ? 1 : best.context / fullContext;
  return { found: movedTo(doc, best.start, wanted.quote.length), contextShare, copies };
}

/** The passage found as the quote, unchanged, at `start`. */
export function movedTo(doc: TranscriptText, start: number, length: number): Found {
  return { status: 'moved', start, end: start + length, range: rangeOf(doc, start, start + length), confidence: 1 };
}

/** How well the saved context agrees around the copy, measured as around an approximate match. */
function copyContext(doc: TranscriptText, wanted: Wanted, copy: Found): number {
  return contextSimilarity(doc.text, copy.start, copy.end, wanted.before, wanted.after);
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

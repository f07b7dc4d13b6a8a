import { CONTEXT_LENGTH } from '../sidecar/annotation';
import { normalizeForMatching } from '../text/normalize';
import type { Position } from '../text/position';
import type { TranscriptText } from '../text/transcriptText';
import type { Anchor, Resolution } from './anchor';
import { commonPrefixLength, commonSuffixLength } from './context';
import { predictionWindow } from './fuzzy';
import {
  atRange,
  findMoved,
  movedTo,
  resolveAnchor,
  settle,
  SHORT_QUOTE,
  wantedOf,
  type Found,
  type Moved,
  type Wanted,
} from './resolve';

/** An annotation that guides its neighbours: where it was saved, and where it was found. */
interface Guide {
  saved: Position;
  now: Position;
}

type Ranged = Anchor & Required<Pick<Anchor, 'range'>>;

/** Saved context on one side this long, agreeing whole, vouches for a long quote at a predicted place. */
export const MIN_AGREEING_SIDE = CONTEXT_LENGTH / 2;

/**
 * Resolves a transcript's annotations together: each as resolveAnchor resolves it alone, except that
 * where its neighbours were found predicts where it is. An edit moves the passages after it by the
 * same amount, so most moved passages are found with one comparison instead of a search.
 *
 * Exactly where neighbours count: the annotations with a range are taken in the order of their
 * saved starts. A guide is one found exact, or at the start the guide before it predicts (rule 1),
 * or moved with all its saved context agreeing (as resolveAnchor finds it alone). A guide
 * predicts a start by its own shift: as many lines as it moved, and on its own saved line as many
 * columns. Any other annotation gets the predictions of the nearest guide before it and the nearest
 * after it, in that order, and is
 *  1. moved to a predicted start that holds the quote, when the context there vouches for it;
 *  2. else moved to the exact copy resolveAnchor would find, when that copy lies in the window
 *     around a predicted start (predictionWindow) and its context vouches for it: then no
 *     approximate match is looked for to weigh against it;
 *  3. else resolved as resolveAnchor resolves it with the predicted starts, which looks for an
 *     approximate match around them before the usual window.
 * The context vouches for a place when all of it agrees there, or, for a quote of SHORT_QUOTE
 * characters or more, all of one side that holds MIN_AGREEING_SIDE characters or more does.
 * Annotations without a range are resolved alone.
 */
export function resolveAnchors(doc: TranscriptText, anchors: readonly Anchor[]): Resolution[] {
  const order = savedOrder(anchors);
  const state: Pass = {
    doc,
    anchors,
    order,
    results: new Array<Resolution | undefined>(anchors.length),
    wanted: new Array<Wanted | undefined>(anchors.length),
    copies: new Array<Moved | undefined>(anchors.length),
    guides: new Array<Guide | undefined>(order.length),
  };
  findGuides(state);
  resolveTheRest(state);
  return anchors.map((anchor, i) => state.results[i] ?? resolveAnchor(doc, anchor));
}

/** What the two passes share: per annotation (by index) or per place in the saved order. */
interface Pass {
  doc: TranscriptText;
  anchors: readonly Anchor[];
  order: number[];
  results: (Resolution | undefined)[];
  /** The anchors in matching form, made for those not found at their range. */
  wanted: (Wanted | undefined)[];
  copies: (Moved | undefined)[];
  guides: (Guide | undefined)[];
}

/** First pass, in saved order: exact, at the previous guide's prediction, or moved with all context. */
function findGuides({ doc, anchors, order, results, wanted, copies, guides }: Pass): void {
  let previous: Guide | undefined;
  order.forEach((index, k) => {
    const anchor = anchors[index] as Ranged;
    const quote = normalizeForMatching(anchor.quote);
    if (quote.length === 0) return;
    let found = atRange(doc, anchor, quote);
    if (!found) {
      const w = (wanted[index] = wantedOf(doc, anchor));
      found = previous && atGuess(doc, anchor, w, previous);
      const moved = found ? undefined : (copies[index] = findMoved(doc, w));
      if (moved?.contextShare === 1) found = moved.found;
    }
    if (!found) return;
    results[index] = found;
    previous = guides[k] = { saved: anchor.range.start, now: found.range.start };
  });
}

/** Second pass: the others, with the predictions of the guides before and after them (rules 1 to 3). */
function resolveTheRest({ doc, anchors, order, results, wanted, copies, guides }: Pass): void {
  const following = guidesAfter(guides);
  let previous: Guide | undefined;
  order.forEach((index, k) => {
    const guide = guides[k];
    const copy = copies[index];
    const quote = wanted[index];
    if (guide) previous = guide;
    if (guide || !copy || !quote) return;
    const predicted = predictedStarts(doc, anchors[index] as Ranged, [previous, following[k]]);
    results[index] =
      atPredictions(doc, quote, predicted) ??
      copyNearPrediction(doc, quote, copy, predicted) ??
      settle(doc, quote, copy, predicted);
  });
}

/** Indexes of the annotations with a range, by saved start (then by index). */
function savedOrder(anchors: readonly Anchor[]): number[] {
  const order: number[] = [];
  anchors.forEach((anchor, i) => {
    if (anchor.range) order.push(i);
  });
  const start = (i: number) => (anchors[i] as Ranged).range.start;
  return order.sort((a, b) => start(a).line - start(b).line || start(a).column - start(b).column || a - b);
}

/** For each place in the order, the nearest guide after it. */
function guidesAfter(guides: readonly (Guide | undefined)[]): (Guide | undefined)[] {
  const after = new Array<Guide | undefined>(guides.length);
  let next: Guide | undefined;
  for (let k = guides.length - 1; k >= 0; k--) {
    after[k] = next;
    next = guides[k] ?? next;
  }
  return after;
}

function predictedStarts(doc: TranscriptText, anchor: Ranged, guides: readonly (Guide | undefined)[]): number[] {
  const predicted: number[] = [];
  for (const guide of guides) {
    const start = guide && predictedStart(doc, anchor, guide);
    if (start !== undefined && !predicted.includes(start)) predicted.push(start);
  }
  return predicted;
}

function atPredictions(doc: TranscriptText, wanted: Wanted, predicted: readonly number[]): Found | undefined {
  for (const start of predicted) {
    const found = atPredicted(doc, wanted, start);
    if (found) return found;
  }
  return undefined;
}

function atGuess(doc: TranscriptText, anchor: Ranged, wanted: Wanted, guide: Guide): Found | undefined {
  const start = predictedStart(doc, anchor, guide);
  return start === undefined ? undefined : atPredicted(doc, wanted, start);
}

/** Rule 2: the copy resolveAnchor finds, when it lies in the window around a predicted start and its context vouches for it. */
function copyNearPrediction(
  doc: TranscriptText,
  wanted: Wanted,
  moved: Moved,
  predicted: readonly number[],
): Found | undefined {
  const copy = moved.found;
  if (!copy || !vouches(doc.text, wanted, copy.start)) return undefined;
  const near = predicted.some((start) => {
    const window = predictionWindow(doc.text.length, start, wanted.quote.length);
    return copy.start >= window.start && copy.end <= window.end;
  });
  return near ? copy : undefined;
}

/** Where the annotation starts if it moved as the guide did. */
export function predictedStart(doc: TranscriptText, anchor: Ranged, guide: Guide): number | undefined {
  const saved = anchor.range.start;
  const lines = guide.now.line - guide.saved.line;
  const columns = saved.line === guide.saved.line ? guide.now.column - guide.saved.column : 0;
  return doc.offsetAt({ line: saved.line + lines, column: saved.column + columns });
}

/** Rule 1: the quote, unchanged, at the predicted start, with its context vouching for it. */
function atPredicted(doc: TranscriptText, wanted: Wanted, start: number): Found | undefined {
  if (!doc.text.startsWith(wanted.quote, start) || !vouches(doc.text, wanted, start)) return undefined;
  return movedTo(doc, start, wanted.quote.length);
}

/**
 * Whether the saved context agrees with the text around the quote at `start` well enough to take
 * it there on a prediction: all of it, or, for a quote of SHORT_QUOTE characters or more, all of
 * one side that holds MIN_AGREEING_SIDE characters or more.
 */
function vouches(text: string, wanted: Wanted, start: number): boolean {
  const { quote, before, after } = wanted;
  const end = start + quote.length;
  const beforeAgrees = commonSuffixLength(text, start, before) === before.length;
  const afterAgrees = commonPrefixLength(text, end, after) === after.length;
  if (beforeAgrees && afterAgrees) return true;
  if (quote.length < SHORT_QUOTE) return false;
  return (beforeAgrees && before.length >= MIN_AGREEING_SIDE) || (afterAgrees && after.length >= MIN_AGREEING_SIDE);
}

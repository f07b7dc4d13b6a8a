import { CONTEXT_LENGTH } from '../sidecar/annotation';
import type { TranscriptText } from '../text/transcriptText';
import type { Anchor } from './anchor';

/** The anchor of the passage [start, end) of a transcript: its quote, context and range. */
export function captureAnchor(doc: TranscriptText, start: number, end: number): Required<Anchor> {
  const text = doc.text;
  return {
    quote: text.slice(start, end),
    before: text.slice(safeBoundary(text, Math.max(0, start - CONTEXT_LENGTH)), start),
    after: text.slice(end, safeBoundary(text, Math.min(text.length, end + CONTEXT_LENGTH))),
    range: { start: doc.positionAt(start), end: doc.positionAt(end) },
  };
}

/** Moves an offset off the middle of a surrogate pair (an emoji, say), so context never splits one. */
function safeBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff && offset > 0 ? offset + 1 : offset;
}

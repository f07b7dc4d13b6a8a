import { captureAnchor } from '../anchoring/capture';
import { resolveAnchor } from '../anchoring/resolve';
import type { Annotation } from '../sidecar/annotation';
import type { TextRange } from '../text/position';
import type { TranscriptText } from '../text/transcriptText';
import type { KeyMatcher } from './matcher';
import type { OffsetMap } from './offsetMap';
import { RawLines } from './rawLines';
import { replaceInString } from './replaceText';

/** A transcript before and after its key entries were replaced, with the edits between. */
export interface TranscriptEdit {
  oldLines: RawLines;
  oldDoc: TranscriptText;
  newLines: RawLines;
  newDoc: TranscriptText;
  offsets: OffsetMap;
}

/**
 * The annotation as it reads after the edit. A passage found in the old text (exact or moved) is
 * carried by the known edits to its new place and its quote and context are taken from the new
 * text there, so an exact annotation stays exact without any searching; a name cut by the
 * passage's edge is taken in whole. Quotes of passages not found are pseudonymized as text.
 * The saved range moves with the edits as well, and the memo is pseudonymized.
 */
export function moveAnnotation(annotation: Annotation, edit: TranscriptEdit, matcher: KeyMatcher): Annotation {
  const resolution = resolveAnchor(edit.oldDoc, annotation);
  const range = annotation.range && moveSavedRange(annotation.range, edit);
  const memo = annotation.memo === undefined ? undefined : replaceInString(annotation.memo, matcher);
  const moved: Annotation = { ...annotation, ...(memo === undefined ? {} : { memo }) };
  if (resolution.status === 'exact' || resolution.status === 'moved') {
    const start = moveOffset(edit, resolution.start, 'start');
    const end = moveOffset(edit, resolution.end, 'end');
    if (start !== undefined && end !== undefined) {
      const anchor = captureAnchor(edit.newDoc, start, end);
      const kept = resolution.status === 'exact' ? anchor.range : range;
      return withAnchor(
        moved,
        anchor.quote,
        contextAfterCut(anchor.before, matcher, 'before'),
        contextAfterCut(anchor.after, matcher, 'after'),
        kept,
      );
    }
  }
  const text = (value: string | undefined) => (value === undefined ? undefined : replaceInString(value, matcher));
  return withAnchor(moved, text(annotation.quote) as string, text(annotation.before), text(annotation.after), range);
}

/**
 * Context is cut at a fixed length, which can leave part of a longer word that reads as an entry
 * ("Kari" of "Karin"); the fragment is left out, so that the sidecar shows no entry of the key.
 */
function contextAfterCut(context: string, matcher: KeyMatcher, side: 'before' | 'after'): string {
  const found = matcher.find(context);
  const edge = side === 'before' ? found[0] : found[found.length - 1];
  if (side === 'before' && edge?.start === 0) return context.slice(edge.end);
  if (side === 'after' && edge?.end === context.length) return context.slice(0, edge.start);
  return context;
}

function withAnchor(
  annotation: Annotation,
  quote: string,
  before: string | undefined,
  after: string | undefined,
  range: TextRange | undefined,
): Annotation {
  const result: Annotation = { ...annotation, quote };
  setOrDelete(result, 'before', before);
  setOrDelete(result, 'after', after);
  if (range) result.range = range;
  else delete result.range;
  return result;
}

function setOrDelete(annotation: Annotation, key: 'before' | 'after', value: string | undefined): void {
  if (value === undefined || (value === '' && annotation[key] === undefined)) delete annotation[key];
  else annotation[key] = value;
}

/**
 * A saved range in the old file carried to the new one; a range that was not a place in the old text stays as it was.
 */
function moveSavedRange(range: TextRange, edit: TranscriptEdit): TextRange {
  const start = edit.oldLines.offsetAt(range.start);
  const end = edit.oldLines.offsetAt(range.end);
  if (start === undefined || end === undefined || end < start) return range;
  return {
    start: edit.newLines.positionAt(edit.offsets.map(start, 'start')),
    end: edit.newLines.positionAt(edit.offsets.map(end, 'end')),
  };
}

/** An offset of the old matching text (TranscriptText) carried to the new one. */
function moveOffset(edit: TranscriptEdit, offset: number, side: 'start' | 'end'): number | undefined {
  const raw = edit.oldLines.offsetAt(edit.oldDoc.positionAt(offset));
  if (raw === undefined) return undefined;
  return edit.newDoc.offsetAt(edit.newLines.positionAt(edit.offsets.map(raw, side)));
}

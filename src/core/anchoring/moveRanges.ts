/** One text replacement, shaped like VS Code's TextDocumentContentChangeEvent. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** A passage as document offsets, kept up to date while the text is edited. */
export interface LiveRange {
  start: number;
  end: number;
  /** Set once an edit has changed text inside the passage. */
  touched?: boolean;
}

/**
 * Moves ranges through edits, in place. Changes apply one after another, each in the offsets left
 * by the previous one (VS Code lists the changes of one event so that this holds). Text typed
 * right at a passage's start or end stays outside it; text replaced inside it becomes part of it.
 */
export function moveRanges(ranges: LiveRange[], changes: readonly TextChange[]): void {
  for (const change of changes) {
    const changeStart = change.rangeOffset;
    const changeEnd = change.rangeOffset + change.rangeLength;
    const delta = change.text.length - change.rangeLength;
    const insertedEnd = changeStart + change.text.length;
    for (const range of ranges) {
      if (range.start >= changeEnd) {
        range.start += delta;
        range.end += delta;
      } else if (range.end > changeStart) {
        moveOverlapping(range, changeStart, changeEnd, insertedEnd, delta);
      }
    }
  }
}

function moveOverlapping(
  range: LiveRange,
  changeStart: number,
  changeEnd: number,
  insertedEnd: number,
  delta: number,
): void {
  const start = range.start < changeStart ? range.start : changeStart;
  const end = range.end >= changeEnd ? range.end + delta : insertedEnd;
  range.start = start;
  range.end = Math.max(start, end);
  range.touched = true;
}

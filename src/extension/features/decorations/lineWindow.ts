import * as vscode from 'vscode';

/** Lines painted on each side of those in view, so that scrolling by a page or two shows them already painted. */
export const MARGIN_LINES = 200;

/** A span of whole lines, first and last included. */
export interface LineWindow {
  first: number;
  last: number;
}

/** The lines in view in the editor (the first line before it has been laid out). */
function inView(editor: vscode.TextEditor): LineWindow {
  const visible = editor.visibleRanges;
  if (visible.length === 0) return { first: 0, last: 0 };
  return { first: Math.min(...visible.map((r) => r.start.line)), last: Math.max(...visible.map((r) => r.end.line)) };
}

/** The lines in view with MARGIN_LINES on each side. */
export function windowAround(editor: vscode.TextEditor): LineWindow {
  const { first, last } = inView(editor);
  return {
    first: Math.max(0, first - MARGIN_LINES),
    last: Math.min(editor.document.lineCount - 1, last + MARGIN_LINES),
  };
}

/** Whether the painted window still reaches half its margin beyond the lines in view: then scrolling needs no paint. */
export function stillCovers(painted: LineWindow, editor: vscode.TextEditor): boolean {
  const { first, last } = inView(editor);
  const reserve = MARGIN_LINES / 2;
  return (
    painted.first <= Math.max(0, first - reserve) &&
    painted.last >= Math.min(editor.document.lineCount - 1, last + reserve)
  );
}

/** The window's text as document offsets, the end exclusive. */
export function windowOffsets(document: vscode.TextDocument, window: LineWindow): { start: number; end: number } {
  return {
    start: document.offsetAt(new vscode.Position(window.first, 0)),
    end: document.offsetAt(document.lineAt(window.last).rangeIncludingLineBreak.end),
  };
}

import * as vscode from 'vscode';

/**
 * How key quotes stand out from the other passages, whatever the decoration style: their text
 * heavier, a star after them and a mark in the overview ruler's left lane (the concepts' marks
 * are in the right lane), all in the themable colour qcode.keyQuoteForeground.
 */
export function keyQuoteDecoration(): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    fontWeight: '600',
    after: { contentText: '\u2009★', color: new vscode.ThemeColor('qcode.keyQuoteForeground') },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/** The key quotes' marks in the overview ruler, painted apart from their text (see ConceptStyles). */
export function keyQuoteRulerDecoration(): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    overviewRulerColor: new vscode.ThemeColor('qcode.keyQuoteForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
  });
}

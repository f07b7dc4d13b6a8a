import * as vscode from 'vscode';

/**
 * How key quotes stand out from the other passages, whatever the decoration style: their text
 * heavier, a star after them and a mark in the overview ruler's left lane (the concepts' marks
 * are in the right lane), all in the themable colour qcode.keyQuoteForeground.
 */
export function keyQuoteDecoration(): vscode.TextEditorDecorationType {
  const color = new vscode.ThemeColor('qcode.keyQuoteForeground');
  return vscode.window.createTextEditorDecorationType({
    fontWeight: '600',
    overviewRulerColor: color,
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    after: { contentText: '\u2009★', color },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

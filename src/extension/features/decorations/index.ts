import * as vscode from 'vscode';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { LiveTranscripts } from '../../shared/liveEdits/liveTranscripts';
import { Painter } from './painter';

export { Painter } from './painter';

/** After typing stops for this long, the overview ruler's marks are painted again from qcode's passages. */
const RULER_DELAY_MS = 1000;

/** Tints annotated passages with their concepts' colours and highlights informant codes. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, live: LiveTranscripts): Painter {
  const painter = new Painter(host, live);
  const editorsOf = (document: vscode.TextDocument) =>
    vscode.window.visibleTextEditors.filter((e) => e.document === document);
  const paintVisible = (force: boolean) => vscode.window.visibleTextEditors.forEach((e) => painter.paint(e, force));
  const rulers = new Map<vscode.TextDocument, ReturnType<typeof setTimeout>>();
  const paintRulerLater = (document: vscode.TextDocument) => {
    clearTimeout(rulers.get(document));
    rulers.set(
      document,
      setTimeout(() => {
        rulers.delete(document);
        editorsOf(document).forEach((e) => painter.paintRulerOf(e));
      }, RULER_DELAY_MS),
    );
  };
  context.subscriptions.push(
    painter,
    { dispose: () => rulers.forEach((timer) => clearTimeout(timer)) },
    vscode.window.onDidChangeVisibleTextEditors(() => paintVisible(false)),
    host.onDidChange(() => paintVisible(false)),
    live.onDidChange((document) => editorsOf(document).forEach((e) => painter.paint(e))),
    live.onDidEdit((document) => {
      editorsOf(document).forEach((e) => painter.paintVisible(e));
      paintRulerLater(document);
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => painter.paintVisible(e.textEditor, true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('qcode.decorationStyle')) return;
      painter.restyle();
      paintVisible(true);
    }),
  );
  paintVisible(true);
  return painter;
}

import * as vscode from 'vscode';
import { setContextKey } from './host/contextKeys';
import type { ProjectHost } from './host/projectHost';

/**
 * Keeps the `qcode.isTranscript` context key true while the active editor shows a transcript
 * whose annotations are shown: it is set on the same load event that paints them, the part of the
 * project loaded first included, so that tagging is offered as soon as the highlights appear.
 */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    setContextKey('qcode.isTranscript', !!uri && !!host.transcriptOf(uri));
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(update), host.onDidChange(update));
  update();
}

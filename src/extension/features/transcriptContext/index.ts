import * as vscode from 'vscode';
import { setContextKey } from '../../shared/host/contextKeys';
import type { ProjectHost } from '../../shared/host/projectHost';

/**
 * Keeps the `qcode.isTranscript` context key true while the active editor shows a transcript
 * whose annotations are shown: it is set as the load that paints them is published (the part of the
 * project loaded first included), before the views and editors update, so that tagging is offered
 * as soon as the highlights appear.
 */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    setContextKey('qcode.isTranscript', !!uri && !!host.transcriptOf(uri));
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(update), host.onWillChange(update));
  update();
}

import * as vscode from 'vscode';
import type { ProjectHost } from './host/projectHost';

/** Keeps the `qcode.isTranscript` context key true while the active editor shows a transcript. */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    void vscode.commands.executeCommand('setContext', 'qcode.isTranscript', !!uri && !!host.transcriptOf(uri));
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(update), host.onDidChange(update));
  update();
}

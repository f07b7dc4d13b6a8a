import * as vscode from 'vscode';
import { rehearseTagging } from '../../core/operations/rehearseTagging';
import type { ProjectHost } from '../host/projectHost';

/**
 * Once a transcript is shown with its annotations, rehearses tagging it in memory (nothing is
 * written), so that the researcher's first tagging does not wait for code to be compiled.
 */
export function registerRehearsal(context: vscode.ExtensionContext, host: ProjectHost): void {
  const listeners: vscode.Disposable[] = [];
  const tryNow = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const transcript = uri && host.transcriptOf(uri);
    const loaded = host.atHand;
    if (!transcript || !loaded) return;
    vscode.Disposable.from(...listeners).dispose();
    setTimeout(() => rehearseTagging(loaded.project, transcript), 0);
  };
  listeners.push(host.onDidChange(tryNow), vscode.window.onDidChangeActiveTextEditor(tryNow));
  context.subscriptions.push(...listeners);
}

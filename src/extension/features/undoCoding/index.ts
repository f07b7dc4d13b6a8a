import * as vscode from 'vscode';
import type { CodingHistory } from '../../shared/history/codingHistory';

/** Undo Coding and Redo Coding. */
export function register(context: vscode.ExtensionContext, history: CodingHistory): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.undoCoding', () => history.undo()),
    vscode.commands.registerCommand('qcode.redoCoding', () => history.redo()),
  );
}

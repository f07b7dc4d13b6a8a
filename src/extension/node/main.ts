import type * as vscode from 'vscode';
import { NodeProjectFiles } from '../../node/nodeFiles';
import { activateWith, type QcodeApi } from '../extension';

export { deactivate } from '../extension';

/**
 * The extension in VS Code's Node extension host, where a project on the local disk is read and written with Node's
 * file system.
 */
export function activate(context: vscode.ExtensionContext): Promise<QcodeApi | undefined> {
  return activateWith(context, (root) => (root.scheme === 'file' ? new NodeProjectFiles(root.fsPath) : undefined));
}

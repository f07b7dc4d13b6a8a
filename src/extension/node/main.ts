import type * as vscode from 'vscode';
import { activateWith, type QcodeApi } from '../extension';
import { localDisk } from './localDisk';

export { deactivate } from '../extension';

/** The extension in VS Code's Node extension host, where a project on disk is written with Node's file system. */
export function activate(context: vscode.ExtensionContext): Promise<QcodeApi | undefined> {
  return activateWith(context, localDisk);
}

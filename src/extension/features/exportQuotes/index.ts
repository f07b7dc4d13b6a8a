import * as vscode from 'vscode';
import type { ProjectHost } from '../../shared/host/projectHost';
import { exportQuotes, type ExportRequest } from './exportQuotes';

/** Export Quotes…, asking what to export unless a script or test gives an ExportRequest. */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.exportQuotes', (request?: ExportRequest) => exportQuotes(host, request)),
  );
}

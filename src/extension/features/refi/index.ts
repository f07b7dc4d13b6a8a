import * as vscode from 'vscode';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { ReportDocuments } from '../../shared/reports/reportDocuments';
import { exportRefi } from './exportRefi';
import { importRefi } from './importRefi';

/** Exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette through REFI-QDA files. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, reports: ReportDocuments): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.importRefi', (source?: vscode.Uri) => importRefi(host, reports, source)),
    vscode.commands.registerCommand('qcode.exportRefi', (format?: 'qdpx' | 'qdc', target?: vscode.Uri) =>
      exportRefi(host, format, target),
    ),
  );
}

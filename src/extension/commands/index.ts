import * as vscode from 'vscode';
import { quotesToCsv } from '../../core/export/csv';
import { quotesToJson } from '../../core/export/json';
import { quotesToMarkdown } from '../../core/export/markdown';
import { collectQuotes } from '../../core/export/quotes';
import { initProject } from '../../core/operations/initProject';
import { encodeUtf8 } from '../../core/text/decode';
import type { ProjectHost } from '../host/projectHost';
import type { PassageRef } from '../tagging';
import type { Coding } from '../tagging/coding';

const FORMATS = [
  { id: 'md', label: 'Markdown', write: quotesToMarkdown },
  { id: 'csv', label: 'CSV', write: quotesToCsv },
  { id: 'json', label: 'JSON', write: quotesToJson },
] as const;

/** Project-wide commands: check, export, initialize, refresh, attach an orphan. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, coding: Coding): void {
  const command = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('qcode.checkProject', () => checkProject(host));
  command('qcode.exportQuotes', () => exportQuotes(host));
  command('qcode.initializeProject', () => initializeProject(host));
  command('qcode.refresh', () => host.reload());
  command('qcode.attachOrphan', async (ref: PassageRef) => {
    const editor = vscode.window.visibleTextEditors.find((e) => host.files.pathOf(e.document.uri) === ref.transcript && !e.selection.isEmpty);
    if (!editor || !(await coding.reattach(editor, ref.id))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open {0} beside the sidecar and select the passage the annotation belongs to, then try again.', ref.transcript));
    }
  });
}

async function checkProject(host: ProjectHost): Promise<void> {
  const loaded = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('qcode: checking the project') }, () => host.reload());
  if (!loaded) return;
  const counts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const r of loaded.index.all) counts[r.resolution.status]++;
  const errors = loaded.project.problems.filter((p) => p.severity === 'error').length;
  const message = vscode.l10n.t('{0} annotations: {1} exact, {2} moved, {3} fuzzy, {4} orphaned. {5} error(s).', loaded.index.all.length, counts.exact, counts.moved, counts.fuzzy, counts.orphaned, errors);
  if (loaded.project.problems.length === 0) void vscode.window.showInformationMessage(message);
  else if ((await vscode.window.showWarningMessage(message, vscode.l10n.t('Show Problems'))) !== undefined) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

async function exportQuotes(host: ProjectHost): Promise<void> {
  const loaded = host.current ?? (await host.reload());
  if (!loaded) return;
  const format = await vscode.window.showQuickPick(FORMATS.map((f) => ({ ...f, description: `.${f.id}` })), { title: vscode.l10n.t('Export tagged quotes as') });
  if (!format) return;
  const target = await vscode.window.showSaveDialog({ defaultUri: host.files.uri(`quotes.${format.id}`), filters: { [format.label]: [format.id] } });
  if (!target) return;
  const text = format.write(collectQuotes(loaded.index, {}), loaded.project.settings);
  await vscode.workspace.fs.writeFile(target, encodeUtf8(text));
  await vscode.window.showTextDocument(target);
}

async function initializeProject(host: ProjectHost): Promise<void> {
  const created = await initProject(host.files);
  const transcripts = host.current?.project.settings.transcripts ?? 'transcripts';
  const associations = vscode.workspace.getConfiguration('files').get<Record<string, string>>('associations') ?? {};
  await vscode.workspace.getConfiguration('files').update('associations', { ...associations, [`**/${transcripts}/**/*.txt`]: 'transcript' }, vscode.ConfigurationTarget.Workspace);
  await host.reload();
  void vscode.window.showInformationMessage(created.length > 0 ? vscode.l10n.t('qcode created {0}.', created.join(', ')) : vscode.l10n.t('The project was already set up; transcripts now open as the Transcript language.'));
}

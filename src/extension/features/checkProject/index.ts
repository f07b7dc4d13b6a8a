import * as vscode from 'vscode';
import { setUpEditorSettings } from '../../../core/operations/editorSettings';
import { initProject } from '../../../core/operations/initProject';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { PassageRef } from '../tagging';
import type { Coding } from '../../shared/coding/coding';
import { exportQuotes, type ExportRequest } from '../exportQuotes/exportQuotes';
import { t } from '../../shared/l10n/displayLanguage';

/** Project-wide commands: check, export, initialize, refresh, attach an orphan. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, coding: Coding): void {
  const command = (id: string, run: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('qcode.checkProject', () => checkProject(host));
  command('qcode.exportQuotes', (request?: ExportRequest) => exportQuotes(host, request));
  command('qcode.initializeProject', () => initializeProject(host));
  command('qcode.refresh', () => host.refresh());
  command('qcode.attachOrphan', async (ref: PassageRef) => {
    const editor = vscode.window.visibleTextEditors.find(
      (e) => host.files.pathOf(e.document.uri) === ref.transcript && !e.selection.isEmpty,
    );
    if (!editor || !(await coding.reattach(editor, ref.id))) {
      void vscode.window.showWarningMessage(
        t(
          'Open {0} beside the sidecar and select the passage the annotation belongs to, then try again.',
          ref.transcript,
        ),
      );
    }
  });
}

async function checkProject(host: ProjectHost): Promise<void> {
  const loaded = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: t('qcode: checking the project') },
    () => host.refresh(),
  );
  if (!loaded) return;
  const counts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const r of loaded.index.all) counts[r.resolution.status]++;
  const errors = loaded.project.problems.filter((p) => p.severity === 'error').length;
  const message = t(
    '{0} annotations: {1} exact, {2} moved, {3} fuzzy, {4} orphaned. {5} error(s).',
    loaded.index.all.length,
    counts.exact,
    counts.moved,
    counts.fuzzy,
    counts.orphaned,
    errors,
  );
  if (loaded.project.problems.length === 0) void vscode.window.showInformationMessage(message);
  else if ((await vscode.window.showWarningMessage(message, t('Show Problems'))) !== undefined)
    await vscode.commands.executeCommand('workbench.actions.view.problems');
}

async function initializeProject(host: ProjectHost): Promise<void> {
  const created = await initProject(host.files);
  const editor = await setUpEditorSettings(host.files);
  if (editor.kind === 'unreadable') {
    const { file, line, column } = editor.problem;
    void vscode.window.showWarningMessage(
      t(
        '{0}:{1}:{2} is not valid JSON with comments, so qcode left it alone. Correct it and run Initialize Project again, so that transcripts open as the Transcript language.',
        file,
        line,
        column,
      ),
    );
  }
  await host.reload();
  void vscode.window.showInformationMessage(
    created.length > 0
      ? t('qcode created {0}.', created.join(', '))
      : t('The project was already set up; transcripts now open as the Transcript language.'),
  );
}

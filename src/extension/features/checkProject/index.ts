import * as vscode from 'vscode';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

/** Check Project (reload, then say what was found) and Refresh. */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.checkProject', () => checkProject(host)),
    vscode.commands.registerCommand('qcode.refresh', () => host.refresh()),
  );
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

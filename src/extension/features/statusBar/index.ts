import * as vscode from 'vscode';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { LiveTranscripts } from '../../shared/liveEdits/liveTranscripts';
import { t } from '../../shared/l10n/displayLanguage';

/** The active transcript's number of annotations and the current coder. */
export function register(
  context: vscode.ExtensionContext,
  host: ProjectHost,
  live: LiveTranscripts,
  filter: CoderFilter,
): void {
  const item = vscode.window.createStatusBarItem('qcode.status', vscode.StatusBarAlignment.Left, 10);
  item.name = t('qcode annotations');
  item.command = 'workbench.view.extension.qcode';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !host.transcriptOf(editor.document.uri)) return item.hide();
    const count = live.shown(editor.document).length;
    const coder = vscode.workspace.getConfiguration('qcode').get<string>('coder') || t('no coder set');
    const filtered = filter.describe();
    item.text = `$(tag) ${count} · $(person) ${coder}` + (filtered ? ` · $(filter) ${filtered}` : '');
    item.tooltip = filtered
      ? t('{0} annotation(s) shown in this transcript ({1}); coding as {2}', count, filtered, coder)
      : t('{0} annotation(s) in this transcript; coding as {1}', count, coder);
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    host.onDidChange(update),
    live.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('qcode.coder') && update()),
  );
  update();
}

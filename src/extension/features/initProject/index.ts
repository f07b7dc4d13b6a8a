import * as vscode from 'vscode';
import { setUpEditorSettings } from '../../../core/operations/editorSettings';
import { initProject } from '../../../core/operations/initProject';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

/** Initialize Project: creates the project's missing files and opens transcripts as the Transcript language. */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  context.subscriptions.push(vscode.commands.registerCommand('qcode.initializeProject', () => initializeProject(host)));
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

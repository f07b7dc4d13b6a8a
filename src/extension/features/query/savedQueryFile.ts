import { updateTextFile } from '../../../core/lock/updateTextFile';
import type { SettingsEdit } from '../../../core/settings/editSavedQueries';
import { SETTINGS_FILE } from '../../../core/settings/settings';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t, translatedText } from '../../shared/l10n/displayLanguage';

/**
 * Applies an edit of the saved queries to qcode.yaml as it is on disk now, under its lock, so that
 * what another window or the command line wrote meanwhile is kept; then reloads the project, so
 * that the views list the queries as saved. Returns why it was refused, or undefined when written.
 */
export async function editSavedQueries(
  host: ProjectHost,
  edit: (text: string | undefined) => SettingsEdit,
): Promise<string | undefined> {
  const result = await updateTextFile(host.files, SETTINGS_FILE, edit);
  if (!result.ok) return t('{0} was not changed: {1}', SETTINGS_FILE, translatedText(result));
  if (result.changed) await host.reload();
  return undefined;
}

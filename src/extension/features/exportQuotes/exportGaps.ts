import * as vscode from 'vscode';
import type { ExportGaps } from '../../../core/export/exportGaps';
import { t } from '../../shared/l10n/displayLanguage';

/**
 * What an export could not take from the transcripts, said in the user's language; empty when it could take everything.
 */
export function gapMessages(gaps: ExportGaps): string[] {
  const messages: string[] = [];
  const count = gaps.fromSidecar.reduce((n, g) => n + g.count, 0);
  if (count > 0) {
    const where = gaps.fromSidecar.map((g) => `${g.transcript} (${g.count})`).join(', ');
    messages.push(
      t(
        '{0} annotations are not in the text of their transcript (it is missing, or their passages were not found) and were exported from the quote saved in the sidecar, marked as such: {1}. Restore the transcripts, or see the Problems panel.',
        count,
        where,
      ),
    );
  }
  if (gaps.unreadSidecars.length > 0) {
    messages.push(
      t(
        '{0} could not be read in full, so annotations of it may be missing from the export. See the Problems panel.',
        gaps.unreadSidecars.join(', '),
      ),
    );
  }
  return messages;
}

/** Shows the gaps of an export as one warning, if there are any. */
export function warnAboutGaps(gaps: ExportGaps): boolean {
  const messages = gapMessages(gaps);
  if (messages.length > 0) void vscode.window.showWarningMessage(messages.join(' '));
  return messages.length > 0;
}

import * as vscode from 'vscode';
import { captureAnchor } from '../../../core/anchoring/capture';
import type { Annotation } from '../../../core/sidecar/annotation';
import { sameField } from '../../../core/sidecar/annotation';
import { updateSidecar } from '../../../core/sidecar/updateSidecar';
import { TranscriptText } from '../../../core/text/transcriptText';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { LiveTranscripts, Passage } from '../../shared/liveEdits/liveTranscripts';
import { t, translatedText } from '../../shared/l10n/displayLanguage';

/** When a transcript is saved, writes where its passages now are (and what they now say) to its sidecar. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, live: LiveTranscripts): void {
  context.subscriptions.push(vscode.workspace.onDidSaveTextDocument((document) => saveRanges(host, live, document)));
}

export async function saveRanges(
  host: ProjectHost,
  live: LiveTranscripts,
  document: vscode.TextDocument,
): Promise<void> {
  const transcript = host.transcriptOf(document.uri);
  if (!transcript || !transcript.sidecarReadable) return;
  const text = new TranscriptText(document.getText());
  const updates = new Map<string, Annotation>();
  for (const passage of live.passages(document)) {
    const updated = reanchored(document, text, passage);
    if (updated) updates.set(updated.id, updated);
  }
  if (updates.size === 0) return;
  const result = await updateSidecar(host.files, transcript.sidecarPath, transcript.path, (current) =>
    current.map((a) => updates.get(a.id) ?? a),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(
      t(
        'Could not update {0}: {1}',
        transcript.sidecarPath,
        result.problems[0] ? translatedText(result.problems[0]) : '',
      ),
    );
    return;
  }
  await host.reload();
}

/** The annotation with the range, quote and context its live passage has now; undefined if unchanged. */
function reanchored(document: vscode.TextDocument, text: TranscriptText, passage: Passage): Annotation | undefined {
  if (!passage.live || passage.live.start >= passage.live.end) return undefined;
  const start = text.offsetAt(toPosition(document.positionAt(passage.live.start)));
  const end = text.offsetAt(toPosition(document.positionAt(passage.live.end)));
  if (start === undefined || end === undefined) return undefined;
  const anchor = captureAnchor(text, start, end);
  const updated: Annotation = {
    ...passage.annotation,
    range: anchor.range,
    quote: anchor.quote,
    before: anchor.before,
    after: anchor.after,
  };
  const changed = (['range', 'quote', 'before', 'after'] as const).some(
    (key) => !sameField(updated, passage.annotation, key),
  );
  return changed ? updated : undefined;
}

function toPosition(position: vscode.Position) {
  return { line: position.line + 1, column: position.character + 1 };
}

import * as vscode from 'vscode';
import { RefiReadError } from '../../../core/refi/readError';
import {
  importTranscripts as importIntoProject,
  type TranscriptImportSummary,
} from '../../../core/transcripts/importTranscripts';
import { TranscriptReadError, type ParsedTranscript } from '../../../core/transcripts/model';
import { readTranscript, TRANSCRIPT_ENDINGS } from '../../../core/transcripts/readTranscript';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t, translatedText } from '../../shared/l10n/displayLanguage';
import { mapSpeakers } from './mapSpeakers';

/**
 * "Import Transcripts…": files from Zoom, Teams, Whisper, Otter, Word … into the transcripts folder, each speaker
 * mapped to an informant.
 */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.importTranscripts', (sources?: vscode.Uri[]) =>
      importTranscripts(host, sources),
    ),
  );
}

async function importTranscripts(
  host: ProjectHost,
  sources?: vscode.Uri[],
): Promise<TranscriptImportSummary | undefined> {
  const uris =
    sources ??
    (await vscode.window.showOpenDialog({
      title: t('Import Transcripts'),
      canSelectMany: true,
      filters: { [t('Transcripts')]: [...TRANSCRIPT_ENDINGS] },
    }));
  if (!uris || uris.length === 0) return undefined;
  try {
    const parsed: ParsedTranscript[] = [];
    for (const uri of uris)
      parsed.push(readTranscript(uri.path.split('/').pop() ?? 'transcript', await vscode.workspace.fs.readFile(uri)));
    const mapping = await mapSpeakers(parsed, host.atHand?.project.informants.codes ?? []);
    if (!mapping) return undefined;
    const summary = await importIntoProject(host.files, parsed, mapping);
    await host.reload();
    const first = summary.transcripts[0];
    if (first) await vscode.window.showTextDocument(vscode.Uri.joinPath(host.files.root, first.transcript));
    void vscode.window.showInformationMessage(
      t(
        'Imported {0} transcript(s); {1} informant(s) added to the registry.',
        summary.transcripts.length,
        summary.informantsAdded.length,
      ),
    );
    return summary;
  } catch (error) {
    if (!(error instanceof TranscriptReadError) && !(error instanceof RefiReadError)) throw error;
    void vscode.window.showErrorMessage(t('Nothing was imported: {0}', translatedText(error)));
    return undefined;
  }
}

import * as vscode from 'vscode';
import type { Concept } from '../../../core/codebook/codebook';
import { definitionText } from '../../../core/codebook/editDefinition';
import { setConceptMemo } from '../../../core/codebook/editMemo';
import { basename } from '../../../core/paths';
import type { TranscriptFile } from '../../../core/project/model';
import { decodeUtf8 } from '../../../core/text/decode';
import type { CodebookEdits } from '../codebook/codebookEdits';
import { conceptAtHand } from '../codebook/conceptAtHand';
import { FieldDocuments } from '../../shared/host/fieldDocuments';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import type { Coding } from '../../shared/coding/coding';

export const CONCEPT_MEMO_SCHEME = 'qcode-concept-memo';
export const TRANSCRIPT_MEMO_SCHEME = 'qcode-transcript-memo';

/** A concept's memo as a document of its own, its tab named after the concept: qcode-concept-memo:/<id>/<title>.md. */
export function conceptMemoUri(concept: Pick<Concept, 'id' | 'label'>): vscode.Uri {
  return vscode.Uri.from({
    scheme: CONCEPT_MEMO_SCHEME,
    path: `/${encodeURIComponent(concept.id)}/${tabName(t('Memo {0}', concept.label))}.md`,
  });
}

/** A transcript's memo as a document of its own: qcode-transcript-memo:/<title>.md?<transcript path>. */
export function transcriptMemoUri(transcriptPath: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: TRANSCRIPT_MEMO_SCHEME,
    path: `/${tabName(t('Memo {0}', basename(transcriptPath)))}.md`,
    query: transcriptPath,
  });
}

function tabName(title: string): string {
  return title.replace(/[\\/:*?"<>|\s]+/g, ' ').trim() || 'memo';
}

/** Memos on concepts as files: saving one writes the memo to codebook.yaml, as definitions are written. */
export class ConceptMemoDocuments extends FieldDocuments {
  constructor(
    private readonly host: ProjectHost,
    private readonly edits: CodebookEdits,
  ) {
    super(CONCEPT_MEMO_SCHEME);
  }

  protected async textOf(uri: vscode.Uri): Promise<string> {
    return (await this.conceptOf(uri)).memo ?? '';
  }

  /** A save that could not be written fails, so the tab keeps its text. */
  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const text = memoText(content);
    const concept = await this.conceptOf(uri);
    await this.edits.codebook(t('Edit the memo on "{0}"', concept.label), (codebook) =>
      setConceptMemo(codebook, concept.id, text),
    );
    if (definitionText((await this.conceptOf(uri)).memo ?? '') !== definitionText(text)) {
      throw vscode.FileSystemError.NoPermissions(
        t('The memo on "{0}" was not saved: codebook.yaml could not be changed.', concept.label),
      );
    }
  }

  private async conceptOf(uri: vscode.Uri): Promise<Concept> {
    return conceptAtHand(this.host, decodeURIComponent(uri.path.split('/')[1] ?? ''));
  }
}

/** Memos on transcripts as files: saving one writes the memo at the top of the transcript's sidecar. */
export class TranscriptMemoDocuments extends FieldDocuments {
  constructor(
    private readonly host: ProjectHost,
    private readonly coding: Coding,
  ) {
    super(TRANSCRIPT_MEMO_SCHEME);
  }

  protected async textOf(uri: vscode.Uri): Promise<string> {
    return (await this.transcriptOf(uri)).memo ?? '';
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const text = memoText(content);
    const transcript = await this.transcriptOf(uri);
    await this.coding.setTranscriptMemo(transcript.path, text.trim());
    // The editor takes the file's stat right after the write as the saved version: it must show the new memo.
    await this.host.reload();
    this.fireChanged([uri]);
  }

  private async transcriptOf(uri: vscode.Uri): Promise<TranscriptFile> {
    const find = (loaded: LoadedProject | undefined) =>
      loaded?.project.transcripts.find((file) => file.path === uri.query);
    const transcript = find(this.host.atHand) ?? (this.host.current ? undefined : find(await this.host.reload()));
    if (!transcript)
      throw vscode.FileSystemError.FileNotFound(t('{0} is not a transcript of this project (any more).', uri.query));
    return transcript;
  }
}

function memoText(content: Uint8Array): string {
  const decoded = decodeUtf8(content);
  if (!decoded.ok) throw vscode.FileSystemError.NoPermissions(t('A memo must be UTF-8 text.'));
  return decoded.text;
}

import * as vscode from 'vscode';
import { decodeUtf8 } from '../../../core/text/decode';
import { FieldDocuments } from '../../shared/host/fieldDocuments';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import type { Coding } from '../../shared/coding/coding';
import { t } from '../../shared/l10n/displayLanguage';

export const MEMO_SCHEME = 'qcode-memo';

/**
 * The memo of an annotation as a document of its own, its tab named after the passage:
 * qcode-memo:/<annotation id>/<title>.md?<transcript path>.
 */
export function memoUri(transcript: string, id: string, title: string): vscode.Uri {
  const name = title.replace(/[\\/:*?"<>|\s]+/g, ' ').trim();
  return vscode.Uri.from({ scheme: MEMO_SCHEME, path: `/${id}/${name || id}.md`, query: transcript });
}

/** Memos as files: saving one writes the memo to its sidecar. */
export class MemoDocuments extends FieldDocuments {
  constructor(
    private readonly host: ProjectHost,
    private readonly coding: Coding,
  ) {
    super(MEMO_SCHEME);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { transcript, id } = refOf(uri);
    const decoded = decodeUtf8(content);
    if (!decoded.ok) throw vscode.FileSystemError.NoPermissions(t('A memo must be UTF-8 text.'));
    await this.textOf(uri);
    await this.coding.setMemo(transcript, id, decoded.text.trim());
    // The editor takes the file's stat right after the write as the saved version: it must show the new memo.
    await this.host.reload();
    this.fireChanged([uri]);
  }

  /** The memo as the project holds it; while only part of the project has loaded, after the whole has. */
  protected async textOf(uri: vscode.Uri): Promise<string> {
    const { transcript, id } = refOf(uri);
    const find = (loaded: LoadedProject | undefined) =>
      loaded?.project.transcripts.find((t) => t.path === transcript)?.annotations.find((r) => r.annotation.id === id)
        ?.annotation;
    const annotation = find(this.host.atHand) ?? (this.host.current ? undefined : find(await this.host.reload()));
    if (!annotation)
      throw vscode.FileSystemError.FileNotFound(
        t(
          'Annotation {0} is no longer in {1}; it may have been removed or the project is still loading.',
          id,
          transcript,
        ),
      );
    return annotation.memo ?? '';
  }
}

function refOf(uri: vscode.Uri): { transcript: string; id: string } {
  return { transcript: uri.query, id: uri.path.split('/')[1] ?? '' };
}

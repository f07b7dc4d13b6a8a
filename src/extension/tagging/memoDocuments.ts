import * as vscode from 'vscode';
import { decodeUtf8, encodeUtf8 } from '../../core/text/decode';
import type { LoadedProject, ProjectHost } from '../host/projectHost';
import type { Coding } from './coding';
import { t } from '../l10n/displayLanguage';

export const MEMO_SCHEME = 'qcode-memo';

/**
 * The memo of an annotation as a document of its own, its tab named after the passage:
 * qcode-memo:/<annotation id>/<title>.md?<transcript path>.
 */
export function memoUri(transcript: string, id: string, title: string): vscode.Uri {
  const name = title.replace(/[\\/:*?"<>|\s]+/g, ' ').trim();
  return vscode.Uri.from({ scheme: MEMO_SCHEME, path: `/${id}/${name || id}.md`, query: transcript });
}

/**
 * Memos as files, so that a memo (often a paragraph) is written in an editor tab and saved to its
 * sidecar with Save; reading always takes the memo from the project as it is now.
 */
export class MemoDocuments implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Each memo's modification time changes only when the memo does, so that saving does not see a newer file. */
  private readonly seen = new Map<string, { memo: string; mtime: number }>();

  constructor(private readonly host: ProjectHost, private readonly coding: Coding) {}

  /** Tells open memo documents that their memo may have changed (an undo, a pull, another window). */
  projectChanged(): void {
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === MEMO_SCHEME && !d.isDirty);
    if (open.length > 0) this.changed.fire(open.map((d) => ({ type: vscode.FileChangeType.Changed, uri: d.uri })));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const memo = await this.memoOf(uri);
    const known = this.seen.get(uri.toString());
    if (known?.memo !== memo) this.seen.set(uri.toString(), { memo, mtime: Math.max(Date.now(), (known?.mtime ?? 0) + 1) });
    return { type: vscode.FileType.File, ctime: 0, mtime: this.seen.get(uri.toString())?.mtime ?? 0, size: encodeUtf8(memo).length };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return encodeUtf8(await this.memoOf(uri));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { transcript, id } = refOf(uri);
    const decoded = decodeUtf8(content);
    if (!decoded.ok) throw vscode.FileSystemError.NoPermissions(t('A memo must be UTF-8 text.'));
    await this.memoOf(uri);
    await this.coding.setMemo(transcript, id, decoded.text.trim());
    // The editor takes the file's stat right after the write as the saved version: it must show the new memo.
    await this.host.reload();
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  /** The memo as the project holds it; while only part of the project has loaded, after the whole has. */
  private async memoOf(uri: vscode.Uri): Promise<string> {
    const { transcript, id } = refOf(uri);
    const find = (loaded: LoadedProject | undefined) =>
      loaded?.project.transcripts.find((t) => t.path === transcript)?.annotations.find((r) => r.annotation.id === id)?.annotation;
    const annotation = find(this.host.atHand) ?? (this.host.current ? undefined : find(await this.host.reload()));
    if (!annotation) throw vscode.FileSystemError.FileNotFound(t('Annotation {0} is no longer in {1}; it may have been removed or the project is still loading.', id, transcript));
    return annotation.memo ?? '';
  }
}

function refOf(uri: vscode.Uri): { transcript: string; id: string } {
  return { transcript: uri.query, id: uri.path.split('/')[1] ?? '' };
}

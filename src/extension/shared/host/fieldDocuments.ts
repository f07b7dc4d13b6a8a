import * as vscode from 'vscode';
import { encodeUtf8 } from '../../../core/text/decode';

/**
 * A text field of the project (a memo, a definition) as a file of its own, so that a paragraph is
 * written in an editor tab and stored with Save. Reading always takes the field as the project
 * holds it now; subclasses say how to find it and how to store it.
 */
export abstract class FieldDocuments implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Each field's modification time changes only when the field does, so that saving does not see a newer file. */
  private readonly seen = new Map<string, { text: string; mtime: number }>();

  constructor(private readonly scheme: string) {}

  /** The field's text as the project holds it; throws FileNotFound when it is gone. */
  protected abstract textOf(uri: vscode.Uri): Promise<string>;

  abstract writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void>;

  /** Tells open documents that their field may have changed (an undo, a pull, another window). */
  projectChanged(): void {
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === this.scheme && !d.isDirty);
    if (open.length > 0) this.fireChanged(open.map((d) => d.uri));
  }

  protected fireChanged(uris: vscode.Uri[]): void {
    this.changed.fire(uris.map((uri) => ({ type: vscode.FileChangeType.Changed, uri })));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const text = await this.textOf(uri);
    const known = this.seen.get(uri.toString());
    const mtime = known?.text === text ? known.mtime : Math.max(Date.now(), (known?.mtime ?? 0) + 1);
    this.seen.set(uri.toString(), { text, mtime });
    return { type: vscode.FileType.File, ctime: 0, mtime, size: encodeUtf8(text).length };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return encodeUtf8(await this.textOf(uri));
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
}

import * as vscode from 'vscode';
import type { Concept } from '../../core/codebook/codebook';
import { definitionText, setConceptDefinition } from '../../core/codebook/editDefinition';
import { decodeUtf8, encodeUtf8 } from '../../core/text/decode';
import type { LoadedProject, ProjectHost } from '../host/projectHost';
import { t } from '../l10n/displayLanguage';
import type { CodebookEdits } from './codebookEdits';

export const DEFINITION_SCHEME = 'qcode-definition';

/** A concept's definition as a document of its own: qcode-definition:/<concept id>.md. */
export function definitionUri(conceptId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DEFINITION_SCHEME, path: `/${conceptId}.md` });
}

/**
 * Definitions as files, so that a definition (often a paragraph or more) is written in an editor
 * tab and saved to codebook.yaml with Save; reading always takes it from the codebook as it is now.
 */
export class DefinitionDocuments implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Each definition's modification time changes only when the definition does, so that saving does not see a newer file. */
  private readonly seen = new Map<string, { text: string; mtime: number }>();

  constructor(private readonly host: ProjectHost, private readonly edits: CodebookEdits) {}

  /** Tells open definition documents that their definition may have changed (an undo, a pull, another window). */
  projectChanged(): void {
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === DEFINITION_SCHEME && !d.isDirty);
    if (open.length > 0) this.changed.fire(open.map((d) => ({ type: vscode.FileChangeType.Changed, uri: d.uri })));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const text = (await this.conceptOf(uri)).description ?? '';
    const known = this.seen.get(uri.toString());
    if (known?.text !== text) this.seen.set(uri.toString(), { text, mtime: Math.max(Date.now(), (known?.mtime ?? 0) + 1) });
    return { type: vscode.FileType.File, ctime: 0, mtime: this.seen.get(uri.toString())?.mtime ?? 0, size: encodeUtf8(text).length };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return encodeUtf8((await this.conceptOf(uri)).description ?? '');
  }

  /** Writes the definition to codebook.yaml; a save that could not be written fails, so the tab keeps the text. */
  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const decoded = decodeUtf8(content);
    if (!decoded.ok) throw vscode.FileSystemError.NoPermissions(t('A definition must be UTF-8 text.'));
    const concept = await this.conceptOf(uri);
    const wanted = definitionText(decoded.text);
    await this.edits.codebook(t('Edit the definition of "{0}"', concept.label), (text) => setConceptDefinition(text, concept.id, wanted));
    const saved = (await this.conceptOf(uri)).description ?? '';
    if (definitionText(saved) !== wanted) throw vscode.FileSystemError.NoPermissions(t('The definition of "{0}" was not saved: codebook.yaml could not be changed.', concept.label));
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

  /** The concept as the codebook holds it; before the codebook has loaded, once it has. */
  private async conceptOf(uri: vscode.Uri): Promise<Concept> {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const find = (loaded: LoadedProject | undefined) => loaded?.project.codebook.get(id);
    const concept = find(this.host.atHand) ?? find(await this.host.whenAtHand());
    if (!concept) throw vscode.FileSystemError.FileNotFound(t('The concept "{0}" is no longer in the codebook.', id));
    return concept;
  }
}

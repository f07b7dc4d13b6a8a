import * as vscode from 'vscode';
import type { ChapterContext } from './chapterContext';

/** Go to Definition on {{q:ID}}: the passage in its transcript. */
export class ReferenceDefinition implements vscode.DefinitionProvider {
  constructor(private readonly chapters: ChapterContext) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const reference = this.chapters.referenceAt(document, position);
    if (reference?.kind !== 'quote') return undefined;
    const resolved = this.chapters.index()?.annotation(reference.id);
    const range = resolved && this.chapters.passageRange(resolved);
    return resolved && range ? new vscode.Location(this.chapters.transcriptUri(resolved), range) : undefined;
  }
}

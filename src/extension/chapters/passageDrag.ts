import * as vscode from 'vscode';
import type { ResolvedAnnotation } from '../../core/project/model';

/** What a passage dragged from a qcode view carries: the ids of the annotations. */
export const PASSAGE_MIME = 'application/vnd.qcode.passages';

/** Lets passages be dragged out of a tree view: into a chapter, where the drop provider makes references of them. */
export const passageDrag: vscode.TreeDragAndDropController<ResolvedAnnotation> = {
  dragMimeTypes: [PASSAGE_MIME],
  dropMimeTypes: [],
  handleDrag(source, dataTransfer) {
    const ids = source.map((resolved) => resolved.annotation.id);
    dataTransfer.set(PASSAGE_MIME, new vscode.DataTransferItem(JSON.stringify(ids)));
    dataTransfer.set('text/plain', new vscode.DataTransferItem(ids.map((id) => `{{q:${id}}}`).join(' ')));
  },
};

/** A passage dropped in a Markdown file becomes its reference: alone on its line when dropped on an empty line, else in the sentence. */
export const passageDrop: vscode.DocumentDropEditProvider = {
  async provideDocumentDropEdits(document, position, dataTransfer) {
    const item = dataTransfer.get(PASSAGE_MIME);
    if (!item) return undefined;
    const ids = idsOf(await item.asString());
    if (ids.length === 0) return undefined;
    const references = ids.map((id) => `{{q:${id}}}`);
    const emptyLine = document.lineAt(position.line).isEmptyOrWhitespace;
    return new vscode.DocumentDropEdit(emptyLine ? references.join('\n\n') : references.join(' '));
  },
};

function idsOf(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]+$/.test(id)) : [];
  } catch {
    return [];
  }
}

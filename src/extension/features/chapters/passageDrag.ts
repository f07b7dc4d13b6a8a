import * as vscode from 'vscode';
import type { ResolvedAnnotation } from '../../../core/project/model';
import { CODEBOOK_MIME } from '../codebook/model';

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

/**
 * A passage dropped in a Markdown file becomes its reference: alone on its line when dropped on an
 * empty line, else in the sentence. A concept from the Codebook view becomes a list of its passages,
 * always on a line of its own.
 */
export const passageDrop: vscode.DocumentDropEditProvider = {
  async provideDocumentDropEdits(document, position, dataTransfer) {
    const emptyLine = document.lineAt(position.line).isEmptyOrWhitespace;
    const concepts = idsOf(await dataTransfer.get(CODEBOOK_MIME)?.asString());
    if (concepts.length > 0) {
      const lists = concepts.map((id) => `{{concept:${id}}}`).join('\n\n');
      return new vscode.DocumentDropEdit(emptyLine ? lists : `\n\n${lists}\n\n`);
    }
    const references = idsOf(await dataTransfer.get(PASSAGE_MIME)?.asString()).map((id) => `{{q:${id}}}`);
    if (references.length === 0) return undefined;
    return new vscode.DocumentDropEdit(emptyLine ? references.join('\n\n') : references.join(' '));
  },
};

function idsOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed)
      ? parsed.filter((id): id is string => typeof id === 'string' && /^[\p{L}\p{N}_.-]+$/u.test(id))
      : [];
  } catch {
    return [];
  }
}

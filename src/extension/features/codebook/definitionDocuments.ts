import * as vscode from 'vscode';
import type { Concept } from '../../../core/codebook/codebook';
import { definitionText, setConceptDefinition } from '../../../core/codebook/editDefinition';
import { decodeUtf8 } from '../../../core/text/decode';
import { FieldDocuments } from '../../shared/host/fieldDocuments';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import type { CodebookEdits } from './codebookEdits';
import { conceptAtHand } from './conceptAtHand';

export const DEFINITION_SCHEME = 'qcode-definition';

/** A concept's definition as a document of its own: qcode-definition:/<concept id>.md. */
export function definitionUri(conceptId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DEFINITION_SCHEME, path: `/${conceptId}.md` });
}

/** Definitions as files: saving one writes the definition to codebook.yaml. */
export class DefinitionDocuments extends FieldDocuments {
  constructor(
    private readonly host: ProjectHost,
    private readonly edits: CodebookEdits,
  ) {
    super(DEFINITION_SCHEME);
  }

  protected async textOf(uri: vscode.Uri): Promise<string> {
    return (await this.conceptOf(uri)).description ?? '';
  }

  /** Writes the definition to codebook.yaml; a save that could not be written fails, so the tab keeps the text. */
  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const decoded = decodeUtf8(content);
    if (!decoded.ok) throw vscode.FileSystemError.NoPermissions(t('A definition must be UTF-8 text.'));
    const concept = await this.conceptOf(uri);
    const wanted = definitionText(decoded.text);
    await this.edits.codebook(t('Edit the definition of "{0}"', concept.label), (text) =>
      setConceptDefinition(text, concept.id, wanted),
    );
    const saved = (await this.conceptOf(uri)).description ?? '';
    if (definitionText(saved) !== wanted)
      throw vscode.FileSystemError.NoPermissions(
        t('The definition of "{0}" was not saved: codebook.yaml could not be changed.', concept.label),
      );
  }

  private async conceptOf(uri: vscode.Uri): Promise<Concept> {
    return conceptAtHand(this.host, uri.path.replace(/^\//, '').replace(/\.md$/, ''));
  }
}

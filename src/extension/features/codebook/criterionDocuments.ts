import * as vscode from 'vscode';
import type { Concept } from '../../../core/codebook/codebook';
import { definitionText, setConceptText } from '../../../core/codebook/editDefinition';
import { decodeUtf8 } from '../../../core/text/decode';
import { FieldDocuments } from '../../shared/host/fieldDocuments';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import type { CodebookEdits } from './codebookEdits';
import { conceptAtHand } from './conceptAtHand';
import type { ConceptCommand } from './conceptFields';
import type { ConceptNode } from './model';
import { withConcept } from './pickConcept';

export const CRITERION_SCHEME = 'qcode-criterion';

export type Criterion = 'inclusion' | 'exclusion';

/** Edit Inclusion… and Edit Exclusion…: a concept's criteria in a tab of their own, stored in codebook.yaml on save. */
export function registerCriteria(
  context: vscode.ExtensionContext,
  host: ProjectHost,
  edits: CodebookEdits,
  selected: () => ConceptNode | undefined,
  command: ConceptCommand,
): void {
  const documents = new CriterionDocuments(host, edits);
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(CRITERION_SCHEME, documents, { isCaseSensitive: true }),
    host.onDidChange(() => documents.projectChanged()),
  );
  command('qcode.editConceptInclusion', async (node) =>
    withConcept(host, node ?? selected(), t('Edit the inclusion criteria of which concept?'), (c) =>
      openCriterion('inclusion', c),
    ),
  );
  command('qcode.editConceptExclusion', async (node) =>
    withConcept(host, node ?? selected(), t('Edit the exclusion criteria of which concept?'), (c) =>
      openCriterion('exclusion', c),
    ),
  );
}

async function openCriterion(field: Criterion, concept: Concept): Promise<void> {
  await vscode.window.showTextDocument(criterionUri(field, concept), { preview: false });
  vscode.window.setStatusBarMessage(
    t('Write the criteria and save them (Ctrl+S) to store them in codebook.yaml; empty criteria are removed.'),
    10000,
  );
}

/** qcode-criterion:/<field>/<concept id>/<title>.md, the title naming the criteria and the concept. */
export function criterionUri(field: Criterion, concept: Pick<Concept, 'id' | 'label'>): vscode.Uri {
  const title = field === 'inclusion' ? t('Inclusion {0}', concept.label) : t('Exclusion {0}', concept.label);
  return vscode.Uri.from({
    scheme: CRITERION_SCHEME,
    path: `/${field}/${encodeURIComponent(concept.id)}/${title.replace(/[\\/:*?"<>|]/g, ' ')}.md`,
  });
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The criteria of concepts as files: saving one writes it to codebook.yaml. */
class CriterionDocuments extends FieldDocuments {
  constructor(
    private readonly host: ProjectHost,
    private readonly edits: CodebookEdits,
  ) {
    super(CRITERION_SCHEME);
  }

  protected async textOf(uri: vscode.Uri): Promise<string> {
    const { field, concept } = await this.target(uri);
    return concept[field] ?? '';
  }

  /** Writes the criteria to codebook.yaml; a save that could not be written fails, so the tab keeps the text. */
  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const decoded = decodeUtf8(content);
    if (!decoded.ok) throw vscode.FileSystemError.NoPermissions(t('Criteria must be UTF-8 text.'));
    const { field, concept } = await this.target(uri);
    const wanted = definitionText(decoded.text);
    const label =
      field === 'inclusion'
        ? t('Edit the inclusion criteria of "{0}"', concept.label)
        : t('Edit the exclusion criteria of "{0}"', concept.label);
    await this.edits.codebook(label, (text) => setConceptText(text, concept.id, field, wanted));
    const saved = (await this.target(uri)).concept[field] ?? '';
    if (definitionText(saved) !== wanted)
      throw vscode.FileSystemError.NoPermissions(
        t('The criteria of "{0}" were not saved: codebook.yaml could not be changed.', concept.label),
      );
  }

  private async target(uri: vscode.Uri): Promise<{ field: Criterion; concept: Concept }> {
    const [, field, id] = uri.path.split('/');
    const conceptId = id === undefined ? undefined : decoded(id);
    if ((field !== 'inclusion' && field !== 'exclusion') || conceptId === undefined)
      throw vscode.FileSystemError.FileNotFound(uri);
    return { field, concept: await conceptAtHand(this.host, conceptId) };
  }
}

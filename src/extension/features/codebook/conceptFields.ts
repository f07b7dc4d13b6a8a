import * as vscode from 'vscode';
import type { Concept } from '../../../core/codebook/codebook';
import { setConceptColor } from '../../../core/codebook/editColor';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import type { CodebookEdits } from './codebookEdits';
import { colorArgument, pickColor, type ColorChoice } from './colorPick';
import { registerCriteria } from './criterionDocuments';
import { DEFINITION_SCHEME, DefinitionDocuments, definitionUri } from './definitionDocuments';
import type { ConceptNode } from './model';
import { withConcept } from './pickConcept';

/** Registers a command that runs on a view element (or none) and, from scripts, a second argument. */
export type ConceptCommand = (id: string, run: (node?: ConceptNode, target?: string) => Promise<unknown>) => unknown;

/**
 * Edit Definition…, Edit Inclusion…, Edit Exclusion… and Change Colour…, on the concept given, else the one selected in
 * the view, else one asked for.
 */
export function registerConceptFields(
  context: vscode.ExtensionContext,
  host: ProjectHost,
  edits: CodebookEdits,
  selected: () => ConceptNode | undefined,
  command: ConceptCommand,
): void {
  const definitions = new DefinitionDocuments(host, edits);
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(DEFINITION_SCHEME, definitions, { isCaseSensitive: true }),
    host.onDidChange(() => definitions.projectChanged()),
  );
  command('qcode.editConceptDefinition', async (node) =>
    withConcept(host, node ?? selected(), t('Edit the definition of which concept?'), openDefinition),
  );
  registerCriteria(context, host, edits, selected, command);
  // Called with a colour ("#rrggbb" or "automatic") from a script or keybinding, it does not ask.
  command('qcode.changeConceptColor', async (node, target) =>
    withConcept(host, node ?? selected(), t('Change the colour of which concept?'), (c) =>
      changeColor(edits, c, target),
    ),
  );
}

async function openDefinition(concept: Concept): Promise<void> {
  await vscode.window.showTextDocument(definitionUri(concept.id), { preview: false });
  vscode.window.setStatusBarMessage(
    t('Write the definition and save it (Ctrl+S) to store it in codebook.yaml; an empty definition is removed.'),
    10000,
  );
}

async function changeColor(edits: CodebookEdits, concept: Concept, target: string | undefined): Promise<void> {
  const choice: ColorChoice | undefined = target === undefined ? await pickColor(concept) : colorArgument(target);
  if (target !== undefined && choice === undefined) {
    void vscode.window.showErrorMessage(
      t('"{0}" is not a colour. Write it as #rrggbb, e.g. #4e79a7, or "automatic".', target),
    );
    return;
  }
  if (choice === undefined) return;
  if (choice === 'automatic' && concept.color === undefined) {
    vscode.window.setStatusBarMessage(
      t('"{0}" has no colour of its own; it already takes one automatically.', concept.label),
      5000,
    );
    return;
  }
  const color = choice === 'automatic' ? undefined : choice.color;
  await edits.codebook(t('Change the colour of "{0}"', concept.label), (text) =>
    setConceptColor(text, concept.id, color),
  );
}

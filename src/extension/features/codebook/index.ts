import * as vscode from 'vscode';
import { goOnDespiteCitations } from '../chapters/protectCitations';
import type { Codebook, Concept } from '../../../core/codebook/codebook';
import { addConcept } from '../../../core/codebook/addConcept';
import { suggestConceptId } from '../../../core/codebook/conceptIds';
import { mergeConceptInto } from '../../../core/codebook/mergeConcept';
import { removeConcept } from '../../../core/codebook/removeConcept';
import { renameConcept } from '../../../core/codebook/renameConcept';
import { colorsInUse, distinctColor } from '../../../core/codebook/conceptColors';
import type { TranscriptFile } from '../../../core/project/model';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import type { CodingHistory } from '../../shared/history/codingHistory';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import { CodebookEdits } from './codebookEdits';
import { registerConceptFields } from './conceptFields';
import { showConceptPassages } from './conceptPassages';
import { CodebookModel, type ConceptNode } from './model';
import { pickConcept, withConcept } from './pickConcept';

/** What the Codebook view shows, for the tests. */
export interface CodebookView {
  /** The count shown beside a concept, if one is. */
  countShown(conceptId: string): number | undefined;
}

/**
 * The Codebook view, and adding, renaming, moving, merging and deleting concepts and editing their definitions and
 * colours; every change is one undoable step.
 */
export function register(
  context: vscode.ExtensionContext,
  host: ProjectHost,
  history: CodingHistory,
  filter: CoderFilter,
): CodebookView {
  const edits = new CodebookEdits(host, history);
  const model = new CodebookModel(
    host,
    (ids, parentId) => edits.move(ids, parentId),
    (annotation) => filter.shows(annotation),
  );
  const view = vscode.window.createTreeView('qcode.codebook', {
    treeDataProvider: model,
    dragAndDropController: model,
    showCollapseAll: true,
  });
  const reveal = (id: string) =>
    void Promise.resolve(view.reveal(model.node(id), { select: true, expand: true })).catch(() => undefined);
  const refresh = () => {
    view.description = filter.describe();
    view.message = host.atHand?.complete === false ? t('Counting the tagged passages…') : undefined;
    model.refresh();
  };
  context.subscriptions.push(view, host.onDidChange(refresh), filter.onDidChange(refresh));
  view.description = filter.describe();
  const command = (id: string, run: (node?: ConceptNode, target?: string) => Promise<unknown>) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, (node?: unknown, target?: unknown) =>
        run(asNode(node), typeof target === 'string' ? target : undefined).catch(showError),
      ),
    );
  command('qcode.addConcept', async (node) => {
    const id = await add(host, edits, node?.conceptId);
    if (id !== undefined) reveal(id);
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.showConceptPassages', async (node?: unknown) => {
      const id =
        asNode(node)?.conceptId ??
        (host.current
          ? (await pickConcept(host.current.project.codebook, { title: t('Show the passages of which concept?') }))?.id
          : undefined);
      return id === undefined ? 0 : showConceptPassages(host, filter, id);
    }),
  );
  command('qcode.renameConcept', async (node) =>
    withConcept(host, node ?? asNode(view.selection[0]), t('Rename which concept?'), (c) => rename(edits, c)),
  );
  command('qcode.moveConcept', async (node) =>
    withConcept(host, node, t('Move which concept?'), (c) => move(host, edits, c)),
  );
  // Called with a target id (from a script or keybinding), merge does not ask.
  command('qcode.mergeConcept', async (node, target) =>
    withConcept(host, node, t('Merge which concept?'), (c) => merge(host, edits, c, target)),
  );
  command('qcode.deleteConcept', async (node) =>
    withConcept(host, node, t('Delete which concept?'), (c) => remove(host, edits, c)),
  );
  registerConceptFields(context, host, edits, () => asNode(view.selection[0]), command);
  return {
    countShown(conceptId) {
      const shown = model.getTreeItem(model.node(conceptId)).description;
      return typeof shown === 'string' && shown !== '' ? Number(shown) : undefined;
    },
  };
}

/** Asks for a label, an id (suggested from the label) and an optional definition; returns the new id. */
async function add(host: ProjectHost, edits: CodebookEdits, parentId: string | undefined): Promise<string | undefined> {
  const codebook = host.current?.project.codebook;
  if (!codebook) return undefined;
  const parent = parentId === undefined ? undefined : codebook.get(parentId);
  const title = parent ? t('New concept under "{0}"', parent.label) : t('New top-level concept');
  const label = await ask(title, t('The label of the concept, as shown in qcode and in exports.'), '', labelProblem);
  if (label === undefined) return undefined;
  const suggested = suggestConceptId(label, parent?.id, (id) => codebook.has(id));
  const id = await ask(
    title,
    t('A stable id that annotations use, e.g. "samordning.formell". Keep it when you rename the concept.'),
    suggested,
    (v) => idProblem(codebook, v),
  );
  if (id === undefined) return undefined;
  const description = await ask(
    title,
    t('The definition of the concept (optional; shown in tooltips and exports).'),
    '',
    () => undefined,
  );
  if (description === undefined) return undefined;
  const added = await edits.codebook(t('Add concept "{0}"', label), (text) =>
    addConcept(text, parent?.id, { id, label, description, color: distinctColor(colorsInUse(codebook)) }),
  );
  return added ? id.trim() : undefined;
}

async function rename(edits: CodebookEdits, concept: Concept): Promise<void> {
  const label = await ask(
    t('Rename "{0}"', concept.label),
    t('The new label. The id "{0}" stays, so annotations keep their concept.', concept.id),
    concept.label,
    labelProblem,
  );
  if (label === undefined || label.trim() === concept.label) return;
  await edits.codebook(t('Rename concept "{0}"', concept.label), (text) => renameConcept(text, concept.id, label));
}

async function move(host: ProjectHost, edits: CodebookEdits, concept: Concept): Promise<void> {
  const codebook = host.current?.project.codebook;
  if (!codebook) return;
  const choice = await pickConcept(codebook, {
    title: t('Move "{0}" under', concept.label),
    exclude: codebook.subtreeIds(concept.id),
    topLevel: true,
    current: concept.parentId,
  });
  if (choice) await edits.move([concept.id], choice.id);
}

async function merge(host: ProjectHost, edits: CodebookEdits, concept: Concept, targetId?: string): Promise<void> {
  const codebook = host.current?.project.codebook;
  if (!codebook) return;
  const choice =
    targetId !== undefined
      ? { id: targetId }
      : await pickConcept(codebook, {
          title: t('Merge "{0}" into', concept.label),
          exclude: codebook.subtreeIds(concept.id),
        });
  const target =
    choice?.id === undefined || codebook.subtreeIds(concept.id).has(choice.id) ? undefined : codebook.get(choice.id);
  if (!target) return;
  const impact = impactOf(host, concept.id);
  const question =
    impact.annotations > 0
      ? t(
          'Merge "{0}" into "{1}"? {2} annotations in {3} transcripts will be retagged.',
          concept.label,
          target.label,
          impact.annotations,
          impact.transcripts.length,
        )
      : t('Merge "{0}" into "{1}"? No annotations use "{0}".', concept.label, target.label);
  const detail =
    concept.children.length > 0
      ? t('The concepts below "{0}" move under "{1}".', concept.label, target.label)
      : undefined;
  if (targetId === undefined && !(await confirm(question, detail, t('Merge')))) return;
  if (!(await goOnDespiteCitations(host, { concept: concept.id }, t('Merge')))) return;
  await edits.retag(
    t('Merge "{0}" into "{1}"', concept.label, target.label),
    (text) => mergeConceptInto(text, concept.id, target.id),
    new Map([[concept.id, target.id]]),
    impact.transcripts,
  );
}

async function remove(host: ProjectHost, edits: CodebookEdits, concept: Concept): Promise<void> {
  const codebook = host.current?.project.codebook;
  if (!codebook) return;
  const impact = impactOf(host, concept.id);
  const question =
    impact.annotations > 0
      ? t(
          'Delete "{0}"? {1} annotations in {2} transcripts will be retagged.',
          concept.label,
          impact.annotations,
          impact.transcripts.length,
        )
      : t('Delete "{0}"? No annotations use it.', concept.label);
  const parent = concept.parentId === undefined ? undefined : codebook.get(concept.parentId);
  const details = [
    impact.onlyThis > 0 ? t('{0} of them have no other concept and will be removed.', impact.onlyThis) : '',
    concept.children.length === 0
      ? ''
      : parent
        ? t('The concepts below it move up to "{0}".', parent.label)
        : t('The concepts below it move to the top level.'),
  ];
  if (!(await confirm(question, details.filter(Boolean).join(' ') || undefined, t('Delete')))) return;
  if (!(await goOnDespiteCitations(host, { concept: concept.id, withOnlyConcept: true }, t('Delete')))) return;
  await edits.retag(
    t('Delete concept "{0}"', concept.label),
    (text) => removeConcept(text, concept.id, concept.parentId),
    new Map([[concept.id, null]]),
    impact.transcripts,
  );
}

/** The annotations tagged with the concept itself (not those below it, which keep their concepts). */
function impactOf(
  host: ProjectHost,
  conceptId: string,
): { annotations: number; onlyThis: number; transcripts: TranscriptFile[] } {
  const tagged = host.current?.index.byConcept(conceptId) ?? [];
  return {
    annotations: tagged.length,
    onlyThis: tagged.filter((r) => r.annotation.concepts.every((c) => c === conceptId)).length,
    transcripts: [...new Set(tagged.map((r) => r.transcript))],
  };
}

async function confirm(message: string, detail: string | undefined, action: string): Promise<boolean> {
  const options: vscode.MessageOptions = detail ? { modal: true, detail } : { modal: true };
  return (await vscode.window.showWarningMessage(message, options, action)) === action;
}

async function ask(
  title: string,
  prompt: string,
  value: string,
  validate: (value: string) => string | undefined,
): Promise<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: validate });
}

function labelProblem(value: string): string | undefined {
  if (value.trim() === '') return t('A concept needs a label.');
  return /[\r\n]/.test(value) ? t('The label must be a single line.') : undefined;
}

function idProblem(codebook: Codebook, value: string): string | undefined {
  const id = value.trim();
  if (id === '') return t('A concept needs an id.');
  if (/\s/.test(id)) return t('An id cannot contain spaces. Use letters, digits and dots.');
  const existing = codebook.get(id);
  return existing ? t('"{0}" is already the id of "{1}".', id, existing.label) : undefined;
}

function asNode(value: unknown): ConceptNode | undefined {
  return value && typeof value === 'object' && typeof (value as ConceptNode).conceptId === 'string'
    ? (value as ConceptNode)
    : undefined;
}

function showError(error: unknown): void {
  void vscode.window.showErrorMessage(t('qcode: {0}', error instanceof Error ? error.message : String(error)));
}

import * as vscode from 'vscode';
import type { Codebook } from '../../../core/codebook/codebook';
import { addConceptExample, conceptsToExemplify, removeConceptExample } from '../../../core/codebook/editExamples';
import type { EditResult } from '../../../core/codebook/editResult';
import type { Annotation } from '../../../core/sidecar/annotation';
import { CodebookEdits } from '../codebook/codebookEdits';
import type { CodingHistory } from '../../shared/history/codingHistory';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import type { LiveTranscripts } from '../../shared/liveEdits/liveTranscripts';
import { describeAnnotation, findAnnotation, passageAtCursor, toRef } from '../tagging/index';

/**
 * Add as Example and Remove Example: a passage (from the hover's passage, the editor's context
 * menu or the Annotations view) becomes, or stops being, an anchor example of a concept in
 * codebook.yaml, as one undoable step. A concept id as second argument (from a script or a
 * keybinding) is used without asking. Each resolves to the concept changed, or undefined.
 */
export function register(
  context: vscode.ExtensionContext,
  host: ProjectHost,
  live: LiveTranscripts,
  history: CodingHistory,
): void {
  const edits = new CodebookEdits(host, history);
  const command = (
    id: string,
    run: (annotation: Annotation, conceptId: string | undefined) => Promise<string | undefined>,
    title: string,
  ) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (arg?: unknown, conceptId?: unknown) => {
        const target = toRef(arg) ?? (await passageAtCursor(host, live, title));
        const annotation = target && findAnnotation(host, target);
        return annotation ? run(annotation, typeof conceptId === 'string' ? conceptId : undefined) : undefined;
      }),
    );
  command(
    'qcode.addExample',
    (annotation, conceptId) => changeExample(ADD, host, edits, annotation, conceptId),
    t('Make which passage an anchor example?'),
  );
  command(
    'qcode.removeExample',
    (annotation, conceptId) => changeExample(REMOVE, host, edits, annotation, conceptId),
    t('Take which passage out of the anchor examples?'),
  );
}

/** What adding and removing an example each say and do. */
interface ExampleChange {
  /** The concepts the change may apply to, for this passage. */
  concepts(codebook: Codebook, annotation: Annotation): string[];
  /** Why nothing can be done, when no concept is left. */
  none(passage: string): string;
  ask(): string;
  step(label: string): string;
  done(passage: string, label: string): string;
  edit(text: string, conceptId: string, annotationId: string): EditResult;
}

const ADD: ExampleChange = {
  concepts: conceptsToExemplify,
  none: (passage) => t('{0} is already an anchor example of each of its concepts.', passage),
  ask: () => t('An anchor example of which concept?'),
  step: (label) => t('Make an anchor example of "{0}"', label),
  done: (passage, label) => t('qcode: {0} is an anchor example of "{1}"', passage, label),
  edit: addConceptExample,
};

const REMOVE: ExampleChange = {
  concepts: (codebook, annotation) =>
    [...codebook.all()].filter((c) => c.examples?.includes(annotation.id)).map((c) => c.id),
  none: (passage) => t('{0} is not an anchor example of any concept.', passage),
  ask: () => t('Take it out of the anchor examples of which concept?'),
  step: (label) => t('Remove an anchor example of "{0}"', label),
  done: (passage, label) => t('qcode: {0} is no longer an anchor example of "{1}"', passage, label),
  edit: removeConceptExample,
};

async function changeExample(
  change: ExampleChange,
  host: ProjectHost,
  edits: CodebookEdits,
  annotation: Annotation,
  given: string | undefined,
): Promise<string | undefined> {
  const codebook = host.atHand?.project.codebook;
  if (!codebook) return undefined;
  const offered = change.concepts(codebook, annotation);
  if (given === undefined && offered.length === 0) {
    void vscode.window.showInformationMessage(change.none(describeAnnotation(annotation)));
    return undefined;
  }
  const conceptId = given ?? (await chooseConcept(codebook, offered, change.ask()));
  if (conceptId === undefined) return undefined;
  const label = codebook.get(conceptId)?.label ?? conceptId;
  const done = await edits.codebook(change.step(label), (text) => change.edit(text, conceptId, annotation.id));
  if (done) vscode.window.setStatusBarMessage(change.done(describeAnnotation(annotation), label), 5000);
  return done ? conceptId : undefined;
}

/** The one concept, or the one picked (its own concepts first, as the passage lists them). */
async function chooseConcept(codebook: Codebook, ids: readonly string[], title: string): Promise<string | undefined> {
  if (ids.length === 1) return ids[0];
  const items = ids.map((id) => ({
    label: codebook.get(id)?.label ?? id,
    description: codebook.pathLabels(id).slice(0, -1).join(' › ') || undefined,
    detail: codebook.get(id)?.description,
    id,
  }));
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.id;
}

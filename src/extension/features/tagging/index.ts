import * as vscode from 'vscode';
import { goOnDespiteCitations } from '../chapters/protectCitations';
import { setContextKey } from '../../shared/host/contextKeys';
import { quoteStart } from '../../../core/operations/pickedConcepts';
import type { Annotation } from '../../../core/sidecar/annotation';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { LiveTranscripts, Passage } from '../../shared/liveEdits/liveTranscripts';
import type { Coding } from '../../shared/coding/coding';
import { pickConcepts } from './conceptPicker';
import { MEMO_SCHEME, MemoDocuments, memoUri } from './memoDocuments';
import { t } from '../../shared/l10n/displayLanguage';

/** A passage named by a command argument (from a hover link or a tree item) or by the cursor. */
export interface PassageRef {
  transcript: string;
  id: string;
}

/** A command argument as a passage reference: a PassageRef, or a tree element of a resolved annotation. */
export function toRef(arg: unknown): PassageRef | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const value = arg as { transcript?: unknown; id?: unknown; annotation?: { id?: unknown } };
  if (typeof value.transcript === 'string' && typeof value.id === 'string')
    return { transcript: value.transcript, id: value.id };
  const path = (value.transcript as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && typeof value.annotation?.id === 'string'
    ? { transcript: path, id: value.annotation.id }
    : undefined;
}

export function register(
  context: vscode.ExtensionContext,
  host: ProjectHost,
  live: LiveTranscripts,
  coding: Coding,
): void {
  const command = (id: string, run: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('qcode.tagSelection', async () => {
    const editor = transcriptEditor(host, true);
    const codebook = editor && codebookToTagWith(host);
    if (!editor || !codebook) return;
    const concepts = await pickConcepts(codebook, context.workspaceState, {
      title: t('Tag the selection with concepts'),
    });
    if (concepts?.length) await coding.tag(editor, concepts);
  });
  command('qcode.tagSelectionWithConcept', async (item?: { conceptId?: string }) => {
    const editor = transcriptEditor(host, true);
    if (editor && item?.conceptId) await coding.tag(editor, [item.conceptId]);
  });
  command('qcode.removeAnnotation', async (arg?: unknown) => {
    const target = toRef(arg) ?? (await passageAtCursor(host, live, t('Remove which annotation?')));
    const annotation = target && findAnnotation(host, target);
    if (!target || !annotation) return;
    if (!(await goOnDespiteCitations(host, { annotations: [target.id] }, t('Remove')))) return;
    const described = describeAnnotation(annotation);
    await coding.remove(target.transcript, target.id, described);
    const undo = t('Undo');
    void vscode.window
      .showInformationMessage(t('Removed: {0}', described), undo)
      .then((choice) => choice === undo && vscode.commands.executeCommand('qcode.undoCoding'));
  });
  command('qcode.changeConcepts', async (arg?: unknown) => {
    const target = toRef(arg) ?? (await passageAtCursor(host, live, t('Change the concepts of which annotation?')));
    const annotation = target && findAnnotation(host, target);
    const codebook = annotation && codebookToTagWith(host);
    if (!target || !annotation || !codebook) return;
    const concepts = await pickConcepts(codebook, context.workspaceState, {
      title: t('Concepts of this passage'),
      selected: annotation.concepts,
    });
    if (concepts?.length) await coding.setConcepts(target.transcript, target.id, concepts);
  });
  command('qcode.editMemo', async (arg?: unknown) => {
    const target = toRef(arg) ?? (await passageAtCursor(host, live, t('Edit the memo of which annotation?')));
    const annotation = target && findAnnotation(host, target);
    if (!target || !annotation) return;
    await vscode.window.showTextDocument(memoUri(target.transcript, target.id, memoTitle(annotation)), {
      preview: false,
    });
    vscode.window.setStatusBarMessage(
      t('Write the memo and save it (Ctrl+S) to store it in the sidecar; an empty memo is removed.'),
      10000,
    );
  });
  // Resolves to whether the passage is a key quote now (undefined when nothing was changed).
  command('qcode.toggleKeyQuote', async (arg?: unknown) => {
    const target =
      toRef(arg) ?? (await passageAtCursor(host, live, t('Mark or unmark which annotation as a key quote?')));
    const annotation = target && findAnnotation(host, target);
    if (!target || !annotation) return undefined;
    const key = annotation.key !== true;
    await coding.setKey(target.transcript, target.id, key);
    vscode.window.setStatusBarMessage(
      key
        ? t('qcode: marked as a key quote: {0}', describeAnnotation(annotation))
        : t('qcode: no longer a key quote: {0}', describeAnnotation(annotation)),
      5000,
    );
    return key;
  });
  const memos = new MemoDocuments(host, coding);
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(MEMO_SCHEME, memos, { isCaseSensitive: true }),
    host.onDidChange(() => memos.projectChanged()),
  );
  trackPassageAtCursor(context, host, live);
  command('qcode.nextAnnotation', () => step(host, live, 1));
  command('qcode.previousAnnotation', () => step(host, live, -1));
  command('qcode.attachOrphan', (ref: PassageRef) => attachOrphan(host, coding, ref));
}

/** Attaches an orphaned annotation to the passage selected in an editor of its transcript, or says how to. */
async function attachOrphan(host: ProjectHost, coding: Coding, ref: PassageRef): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find(
    (e) => host.files.pathOf(e.document.uri) === ref.transcript && !e.selection.isEmpty,
  );
  if (editor && (await coding.reattach(editor, ref.id))) return;
  void vscode.window.showWarningMessage(
    t('Open {0} beside the sidecar and select the passage the annotation belongs to, then try again.', ref.transcript),
  );
}

/** Sets `qcode.inPassage`, which offers the passage's actions in the editor's context menu, as the cursor moves. */
function trackPassageAtCursor(context: vscode.ExtensionContext, host: ProjectHost, live: LiveTranscripts): void {
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    setContextKey(
      'qcode.inPassage',
      !!editor &&
        !!host.transcriptOf(editor.document.uri) &&
        live.at(editor.document, editor.selection.active).length > 0,
    );
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    host.onDidChange(update),
  );
  update();
}

function transcriptEditor(host: ProjectHost, needsSelection: boolean): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !host.transcriptOf(editor.document.uri)) {
    void vscode.window.showWarningMessage(t('Open a transcript of this project first.'));
    return undefined;
  }
  if (needsSelection && editor.selections.every((s) => s.isEmpty)) {
    void vscode.window.showWarningMessage(t('Select the passage to tag first.'));
    return undefined;
  }
  return editor;
}

/** The codebook to pick concepts from, or undefined after saying why there is none to pick from. */
function codebookToTagWith(host: ProjectHost) {
  const codebook = host.atHand?.project.codebook;
  if (!codebook) void vscode.window.showWarningMessage(t('The project is still loading. Try again in a moment.'));
  else if (codebook.size === 0)
    void vscode.window.showWarningMessage(t('The codebook has no concepts yet. Add one in the Codebook view first.'));
  else return codebook;
  return undefined;
}

/** The annotation a reference names, or undefined after saying that it is gone. */
export function findAnnotation(host: ProjectHost, ref: PassageRef): Annotation | undefined {
  const found = host.atHand?.project.transcripts
    .find((t) => t.path === ref.transcript)
    ?.annotations.find((r) => r.annotation.id === ref.id)?.annotation;
  if (!found)
    void vscode.window.showWarningMessage(
      t(
        'Annotation {0} is no longer in {1}; it may have been removed or the project is still loading.',
        ref.id,
        ref.transcript,
      ),
    );
  return found;
}

/** An annotation as a researcher recognises it: the start of its quote and its informant. */
export function describeAnnotation(annotation: Annotation): string {
  const quote = quoteStart(annotation.quote);
  return annotation.informant ? t('annotation «{0}» ({1})', quote, annotation.informant) : t('annotation «{0}»', quote);
}

export async function passageAtCursor(
  host: ProjectHost,
  live: LiveTranscripts,
  title: string,
): Promise<PassageRef | undefined> {
  const editor = transcriptEditor(host, false);
  const transcript = editor && host.transcriptOf(editor.document.uri);
  if (!editor || !transcript) return undefined;
  const passages = live.at(editor.document, editor.selection.active);
  if (passages.length === 0) {
    void vscode.window.showInformationMessage(t('There is no annotated passage at the cursor.'));
    return undefined;
  }
  const chosen = passages.length === 1 ? passages[0] : await choosePassage(passages, title);
  return chosen && { transcript: transcript.path, id: chosen.annotation.id };
}

async function choosePassage(passages: readonly Passage[], title: string): Promise<Passage | undefined> {
  const items = passages.map((passage) => ({
    label: passage.annotation.concepts.join(', '),
    detail: passage.annotation.quote,
    passage,
  }));
  return (await vscode.window.showQuickPick(items, { title }))?.passage;
}

function step(host: ProjectHost, live: LiveTranscripts, direction: 1 | -1): void {
  const editor = transcriptEditor(host, false);
  if (!editor) return;
  const offset = editor.document.offsetAt(editor.selection.active);
  const starts = live.shown(editor.document).flatMap((p) => (p.live ? [p] : []));
  const target =
    direction > 0
      ? (starts.find((p) => (p.live?.start ?? 0) > offset) ?? starts[0])
      : ([...starts].reverse().find((p) => (p.live?.start ?? 0) < offset) ?? starts[starts.length - 1]);
  const range = target && live.rangeOf(editor.document, target);
  if (!range) return;
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A memo tab's title: the informant and the passage's first words. */
function memoTitle(annotation: Annotation): string {
  const words = quoteStart(annotation.quote, 32);
  return annotation.informant ? t('Memo {0} «{1}»', annotation.informant, words) : t('Memo «{0}»', words);
}

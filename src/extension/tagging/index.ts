import * as vscode from 'vscode';
import type { ProjectHost } from '../host/projectHost';
import type { LiveTranscripts, Passage } from '../liveEdits/liveTranscripts';
import type { Coding } from './coding';
import { pickConcepts } from './conceptPicker';

/** A passage named by a command argument (from a hover link or a tree item) or by the cursor. */
export interface PassageRef {
  transcript: string;
  id: string;
}

/** A command argument as a passage reference: a PassageRef, or a tree element of a resolved annotation. */
function toRef(arg: unknown): PassageRef | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const value = arg as { transcript?: unknown; id?: unknown; annotation?: { id?: unknown } };
  if (typeof value.transcript === 'string' && typeof value.id === 'string') return { transcript: value.transcript, id: value.id };
  const path = (value.transcript as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && typeof value.annotation?.id === 'string' ? { transcript: path, id: value.annotation.id } : undefined;
}

export function register(context: vscode.ExtensionContext, host: ProjectHost, live: LiveTranscripts, coding: Coding): void {
  const command = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('qcode.tagSelection', async () => {
    const editor = transcriptEditor(host, true);
    const codebook = host.current?.project.codebook;
    if (!editor || !codebook) return;
    const concepts = await pickConcepts(codebook, context.workspaceState, { title: vscode.l10n.t('Tag the selection with concepts') });
    if (concepts?.length) await coding.tag(editor, concepts);
  });
  command('qcode.tagSelectionWithConcept', async (item?: { conceptId?: string }) => {
    const editor = transcriptEditor(host, true);
    if (editor && item?.conceptId) await coding.tag(editor, [item.conceptId]);
  });
  command('qcode.removeAnnotation', async (arg?: unknown) => {
    const target = toRef(arg) ?? (await passageAtCursor(host, live, vscode.l10n.t('Remove which annotation?')));
    if (target) await coding.remove(target.transcript, target.id);
  });
  command('qcode.changeConcepts', async (arg?: unknown) => {
    const target = toRef(arg) ?? (await passageAtCursor(host, live, vscode.l10n.t('Change the concepts of which annotation?')));
    const annotation = target && findAnnotation(host, target);
    const codebook = host.current?.project.codebook;
    if (!target || !annotation || !codebook) return;
    const concepts = await pickConcepts(codebook, context.workspaceState, { title: vscode.l10n.t('Concepts of this passage'), selected: annotation.concepts });
    if (concepts?.length) await coding.setConcepts(target.transcript, target.id, concepts);
  });
  command('qcode.editMemo', async (arg?: unknown) => {
    const target = toRef(arg) ?? (await passageAtCursor(host, live, vscode.l10n.t('Edit the memo of which annotation?')));
    const annotation = target && findAnnotation(host, target);
    if (!target || !annotation) return;
    const memo = await vscode.window.showInputBox({ title: vscode.l10n.t('Memo'), value: annotation.memo ?? '', prompt: vscode.l10n.t('A note on this passage; leave empty to remove the memo.'), ignoreFocusOut: true });
    if (memo !== undefined) await coding.setMemo(target.transcript, target.id, memo.trim());
  });
  command('qcode.nextAnnotation', () => step(host, live, 1));
  command('qcode.previousAnnotation', () => step(host, live, -1));
}

function transcriptEditor(host: ProjectHost, needsSelection: boolean): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !host.transcriptOf(editor.document.uri)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a transcript of this project first.'));
    return undefined;
  }
  if (needsSelection && editor.selections.every((s) => s.isEmpty)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Select the passage to tag first.'));
    return undefined;
  }
  return editor;
}

function findAnnotation(host: ProjectHost, ref: PassageRef) {
  return host.current?.project.transcripts.find((t) => t.path === ref.transcript)?.annotations.find((r) => r.annotation.id === ref.id)?.annotation;
}

async function passageAtCursor(host: ProjectHost, live: LiveTranscripts, title: string): Promise<PassageRef | undefined> {
  const editor = transcriptEditor(host, false);
  const transcript = editor && host.transcriptOf(editor.document.uri);
  if (!editor || !transcript) return undefined;
  const passages = live.at(editor.document, editor.selection.active);
  if (passages.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotated passage at the cursor.'));
    return undefined;
  }
  const chosen = passages.length === 1 ? passages[0] : await choosePassage(passages, title);
  return chosen && { transcript: transcript.path, id: chosen.annotation.id };
}

async function choosePassage(passages: readonly Passage[], title: string): Promise<Passage | undefined> {
  const items = passages.map((passage) => ({ label: passage.annotation.concepts.join(', '), detail: passage.annotation.quote, passage }));
  return (await vscode.window.showQuickPick(items, { title }))?.passage;
}

function step(host: ProjectHost, live: LiveTranscripts, direction: 1 | -1): void {
  const editor = transcriptEditor(host, false);
  if (!editor) return;
  const offset = editor.document.offsetAt(editor.selection.active);
  const starts = live.shown(editor.document).flatMap((p) => (p.live ? [p] : []));
  const target = direction > 0 ? starts.find((p) => (p.live?.start ?? 0) > offset) ?? starts[0] : [...starts].reverse().find((p) => (p.live?.start ?? 0) < offset) ?? starts[starts.length - 1];
  const range = target && live.rangeOf(editor.document, target);
  if (!range) return;
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project. qcode paints the
// passages of a transcript around the lines in view; these specs hold it to every passage in view being decorated on
// its text, after scrolling and after edits far from and inside the lines in view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { captureAnchor } from '../../src/core/anchoring/capture';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { renderSidecar } from '../../src/core/sidecar/render';
import { TranscriptText } from '../../src/core/text/transcriptText';
import type { QcodeTestApi } from '../../src/extension/extension';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const TRANSCRIPT = 'transcripts/lang-K1.txt';
const PARAGRAPHS = 1500;
const QUOTE = /^Avsnitt \d+x? handler om møter$/;
const INFORMANT_CODE = /^\p{Lu}{1,2}\d{1,3}$/u;

/** A transcript of 3,000 lines whose every tenth answer has a passage tagged. */
function longTranscript(): { text: string; annotations: Annotation[] } {
  const lines = ['Intervju med K1', ''];
  for (let i = 0; i < PARAGRAPHS; i++)
    lines.push(i % 2 ? `K1: Avsnitt ${i} handler om møter og planer, sa hun.` : `I: Spørsmål ${i}?`, '');
  const text = lines.join('\n');
  const doc = new TranscriptText(text);
  const annotations: Annotation[] = [];
  for (let i = 1; i < PARAGRAPHS; i += 10) {
    const start = text.indexOf(`Avsnitt ${i} `);
    annotations.push({
      id: `w${String(i).padStart(7, '0')}`,
      concepts: ['koordinator.fallskjerm'],
      ...captureAnchor(doc, start, start + `Avsnitt ${i} handler om møter`.length),
    });
  }
  return { text, annotations };
}

/** What is wrong with the decorations in view: a passage in view not decorated, or a decoration not on a passage. */
function wrongInView(api: QcodeTestApi, editor: vscode.TextEditor): string | undefined {
  const { document } = editor;
  const decorated = api.decoratedRanges(editor);
  const misplaced = decorated.find(
    (r) => !QUOTE.test(document.getText(r)) && !INFORMANT_CODE.test(document.getText(r)),
  );
  if (misplaced) return `decorated "${document.getText(misplaced)}", which is not a passage`;
  for (const visible of editor.visibleRanges)
    for (let line = visible.start.line; line <= visible.end.line; line++) {
      const text = document.lineAt(line).text;
      const number = /^K1: Avsnitt (\d+)/.exec(text)?.[1];
      if (number === undefined || Number(number) % 10 !== 1) continue;
      const start = text.indexOf('Avsnitt');
      const passage = new vscode.Range(line, start, line, text.indexOf(' og planer'));
      if (!decorated.some((r) => r.isEqual(passage)))
        return `the passage on line ${line + 1}, in view, is not decorated`;
    }
  return undefined;
}

describe('decorations of a long transcript in a real VS Code', () => {
  let api: QcodeTestApi;
  let editor: vscode.TextEditor;

  before(async function () {
    this.timeout(60000);
    await activated();
    api = vscode.extensions.getExtension<QcodeTestApi>('qcode.qcode')!.exports;
    const { text, annotations } = longTranscript();
    await writeText(`${TRANSCRIPT}.annotations.yaml`, renderSidecar('lang-K1.txt', annotations));
    await writeText(TRANSCRIPT, text);
    await vscode.commands.executeCommand('qcode.refresh');
    editor = await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT));
    await eventually('the passages to be decorated', () => (api.decoratedRanges(editor).length > 0 ? true : undefined));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(workspaceUri(TRANSCRIPT));
    await vscode.workspace.fs.delete(workspaceUri(`${TRANSCRIPT}.annotations.yaml`));
    await vscode.commands.executeCommand('qcode.refresh');
  });

  it('decorates the passages in view, and those further down once they are scrolled into view', async function () {
    this.timeout(60000);
    assert.equal(wrongInView(api, editor), undefined);
    const last = new vscode.Position(editor.document.lineCount - 2, 0);
    assert.ok(
      !api.decoratedRanges(editor).some((r) => r.start.line > last.line - 50),
      'the test means nothing: the end of the transcript was decorated while the top was in view',
    );
    editor.revealRange(new vscode.Range(last, last), vscode.TextEditorRevealType.InCenter);
    await eventually('the end of the transcript decorated', () =>
      api.decoratedRanges(editor).some((r) => r.start.line > last.line - 50) ? true : undefined,
    );
    assert.equal(wrongInView(api, editor), undefined);
  });

  it('after an edit far above the lines in view, decorates the passages in view where their text now is', async function () {
    this.timeout(60000);
    const version = editor.document.version;
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(2, 0), 'I: Et nytt spørsmål?\n\nK1: Et nytt svar.\n\n'),
    );
    await eventually('the edit to be painted', () =>
      editor.document.version > version && wrongInView(api, editor) === undefined ? true : undefined,
    );
  });

  it('typing inside a passage in view keeps it decorated on its text, and the others on theirs', async function () {
    this.timeout(60000);
    const passage = api.decoratedRanges(editor).find((r) => QUOTE.test(editor.document.getText(r)));
    assert.ok(passage, 'no passage decorated in view');
    const digits = /\d+/.exec(editor.document.getText(passage)) as RegExpExecArray;
    const typedAt = passage.start.translate(0, 'Avsnitt '.length + digits[0].length);
    await editor.edit((edit) => edit.insert(typedAt, 'x'));
    await eventually('the passage decorated with what was typed in it', () =>
      api.decoratedRanges(editor).some((r) => r.isEqual(new vscode.Range(passage.start, passage.end.translate(0, 1))))
        ? true
        : undefined,
    );
    assert.equal(wrongInView(api, editor), undefined);
  });

  it('decorates a passage tagged in view, which the sidecar holds', async function () {
    this.timeout(60000);
    const { document } = editor;
    const visible = editor.visibleRanges[0] as vscode.Range;
    const line = Array.from({ length: visible.end.line - visible.start.line }, (_, i) => visible.start.line + i).find(
      (n) => /^K1: Avsnitt \d*3 /.test(document.lineAt(n).text),
    );
    assert.ok(line !== undefined, 'no untagged answer in view');
    const text = document.lineAt(line).text;
    const passage = new vscode.Range(line, text.indexOf('Avsnitt'), line, text.indexOf(' og planer'));
    editor.selection = new vscode.Selection(passage.start, passage.end);
    await vscode.commands.executeCommand('qcode.tagSelectionWithConcept', { conceptId: 'koordinator.fallskjerm' });
    await eventually('the tagged passage decorated', () =>
      api.decoratedRanges(editor).some((r) => r.isEqual(passage)) ? true : undefined,
    );
    const sidecar = await readText(`${TRANSCRIPT}.annotations.yaml`);
    assert.ok(sidecar.includes(`quote: ${document.getText(passage)}\n`), 'the sidecar does not hold the passage');
    assert.equal(wrongInView(api, editor), undefined);
  });
});

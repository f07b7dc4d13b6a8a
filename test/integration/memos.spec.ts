// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QcodeApi } from '../../src/extension/extension';
import type { MemoOutline } from '../../src/extension/features/memos';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const K3 = 'transcripts/intervju-K3.txt';
const SIDECAR = `${K3}.annotations.yaml`;
const MEMO_FILE = 'memos/analyse.md';

/** Replaces the whole text of the active memo editor and saves it. */
async function writeActive(scheme: string, text: string): Promise<void> {
  const editor = await eventually(`the ${scheme} editor`, () =>
    vscode.window.activeTextEditor?.document.uri.scheme === scheme ? vscode.window.activeTextEditor : undefined,
  );
  await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), text));
  // Save as Ctrl+S does, without asserting its result: VS Code for the web also saves by itself a
  // second after an edit (files.autoSave), and that save cancels a slower one, which resolves false.
  await editor.document.save();
  await eventually(`the ${scheme} document saved`, () => (editor.document.isDirty ? undefined : true), 30000);
}

const labels = (rows: readonly MemoOutline[]) => rows.map((row) => row.label);

describe('memos and key quotes: the Memos view in a real VS Code', () => {
  let api: QcodeApi;
  let codebook: string;
  let sidecar: string;

  before(async function () {
    this.timeout(60000);
    await activated();
    api = vscode.extensions.getExtension<QcodeApi>('qcode.qcode')!.exports;
    [codebook, sidecar] = await Promise.all([readText('codebook.yaml'), readText(SIDECAR)]);
  });

  after(async function () {
    this.timeout(30000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('qcode.filterMemos', '');
    await vscode.commands.executeCommand('qcode.groupMemos', 'kind');
    await writeText('codebook.yaml', codebook);
    await writeText(SIDECAR, sidecar);
    await vscode.workspace.fs
      .delete(workspaceUri('memos'), { recursive: true, useTrash: false })
      .then(undefined, () => undefined);
    await vscode.commands.executeCommand('qcode.refresh');
  });

  it('writes memos on a concept and on a transcript from their own tabs, and a project memo as a file', async function () {
    this.timeout(120000);
    await vscode.commands.executeCommand('qcode.editConceptMemo', { conceptId: 'koordinator.fallskjerm' });
    await writeActive('qcode-concept-memo', 'Nær Zackas skjønn.\n\nSjekk mot L5.');
    await eventually(
      'the memo in codebook.yaml',
      async () =>
        (await readText('codebook.yaml')).includes(
          'memo: |-\n          Nær Zackas skjønn.\n\n          Sjekk mot L5.\n',
        )
          ? true
          : undefined,
      30000,
    );
    await vscode.commands.executeCommand('qcode.editTranscriptMemo', K3);
    await writeActive('qcode-transcript-memo', 'Intervjuet ble avbrutt.');
    await eventually(
      'the memo in the sidecar',
      async () =>
        (await readText(SIDECAR)).includes('transcript: intervju-K3.txt\nmemo: Intervjuet ble avbrutt.\nannotations:\n')
          ? true
          : undefined,
      30000,
    );
    const created = await vscode.commands.executeCommand<vscode.Uri>('qcode.newProjectMemo', 'analyse');
    assert.equal(created?.path.endsWith(`/${MEMO_FILE}`), true);
    assert.equal(await readText(MEMO_FILE), '# analyse\n\n');
    await writeText(MEMO_FILE, '# Analyse\n\nK3 om telefonen: {{q:49q4zh6q}}\n');
    await vscode.commands.executeCommand('qcode.refresh');
  });

  it('lists every memo grouped by kind, each under its heading', async function () {
    this.timeout(60000);
    const outline = await eventually(
      'every kind of memo in the view',
      () => {
        const rows = api.memoOutline();
        return labels(rows).join('|') === 'Project memos|Concepts|Transcripts|Passages' &&
          rows[0]?.children[0]?.label.startsWith('# Analyse')
          ? rows
          : undefined;
      },
      30000,
    );
    const [project, concepts, transcripts, passages] = outline;
    assert.deepEqual(
      project?.children.map((r) => r.description),
      [MEMO_FILE],
    );
    assert.deepEqual(
      concepts?.children.map((r) => [r.label, r.description]),
      [['Nær Zackas skjønn. Sjekk mot L5.', 'on Fallskjermen']],
    );
    assert.deepEqual(
      transcripts?.children.map((r) => [r.label, r.description]),
      [['Intervjuet ble avbrutt.', 'on intervju-K3.txt']],
    );
    assert.ok((passages?.children.length ?? 0) >= 8, 'the memos on passages of the sample');
    assert.ok(
      passages?.children.some(
        (r) => r.label === 'Tilgjengelig utenfor arbeidstid.' && r.description?.startsWith('K3 · «Da har jeg nummeret'),
      ),
    );
  });

  it('searches the memos, and says so when nothing matches', async () => {
    await vscode.commands.executeCommand('qcode.filterMemos', 'tilgjengelig ARBEIDSTID');
    assert.deepEqual(
      api.memoOutline().map((g) => [g.label, labels(g.children)]),
      [['Passages', ['Tilgjengelig utenfor arbeidstid.']]],
    );
    await vscode.commands.executeCommand('qcode.filterMemos', 'finnes ikke noe sted');
    assert.deepEqual(labels(api.memoOutline()), ['No memo matches «finnes ikke noe sted».']);
    await vscode.commands.executeCommand('qcode.clearMemoFilter');
    assert.equal(api.memoOutline().length, 4);
  });

  it('groups the memos by concept and by transcript', async () => {
    await vscode.commands.executeCommand('qcode.groupMemos', 'concept');
    const byConcept = api.memoOutline();
    const fallskjerm = byConcept.find((g) => g.label === 'Fallskjermen');
    assert.deepEqual(
      fallskjerm?.children.map((r) => r.label),
      ['Nær Zackas skjønn. Sjekk mot L5.', 'Jf. K3 om telefonen på søndag.', 'Tilgjengelig utenfor arbeidstid.'],
    );
    assert.deepEqual(
      labels(byConcept.at(-1)?.children ?? []),
      ['# Analyse K3 om telefonen: {{q:49q4zh6q}}', 'Intervjuet ble avbrutt.'],
      'what is on no concept comes last',
    );
    assert.equal(byConcept.at(-1)?.label, 'Not on a concept');
    await vscode.commands.executeCommand('qcode.groupMemos', 'transcript');
    const k3 = api.memoOutline().find((g) => g.label === 'intervju-K3.txt');
    assert.equal(k3?.children[0]?.label, 'Intervjuet ble avbrutt.', "the transcript's own memo first");
    assert.ok(k3?.children.some((r) => r.label === 'Tilgjengelig utenfor arbeidstid.'));
    await vscode.commands.executeCommand('qcode.groupMemos', 'kind');
  });

  it('opens each memo where it belongs', async function () {
    this.timeout(60000);
    const opened = async (ref: unknown) => {
      await vscode.commands.executeCommand('qcode.openMemo', ref);
      return eventually("the memo's editor", () => vscode.window.activeTextEditor?.document);
    };
    assert.equal((await opened({ kind: 'annotation', transcript: K3, id: '49q4zh6q' })).uri.scheme, 'qcode-memo');
    const concept = await opened({ kind: 'concept', id: 'koordinator.fallskjerm' });
    assert.equal(concept.uri.scheme, 'qcode-concept-memo');
    assert.equal(concept.getText(), 'Nær Zackas skjønn.\n\nSjekk mot L5.');
    const transcript = await opened({ kind: 'transcript', transcript: K3 });
    assert.deepEqual(
      [transcript.uri.scheme, transcript.getText()],
      ['qcode-transcript-memo', 'Intervjuet ble avbrutt.'],
    );
    const file = await opened({ kind: 'project', path: MEMO_FILE });
    assert.equal(file.uri.toString(), workspaceUri(MEMO_FILE).toString());
  });

  it("resolves the references of a project memo as a chapter's: hover, and problems while it is open", async function () {
    this.timeout(60000);
    const document = await vscode.workspace.openTextDocument(workspaceUri(MEMO_FILE));
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('{{q:49q4zh6q}}') + 5);
    const hover = await eventually('the quote in the hover of the reference', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        position,
      );
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return text.includes('Da har jeg nummeret til et par av dem') ? text : undefined;
    });
    assert.match(hover, /K3/);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), 'Se {{q:zzzzzzzz}}.\n'));
    await eventually('the broken reference in the Problems panel', () =>
      vscode.languages
        .getDiagnostics(document.uri)
        .some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-annotation')
        ? true
        : undefined,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses a project memo that exists already, and a name that is not a file name', async () => {
    assert.equal(await vscode.commands.executeCommand('qcode.newProjectMemo', 'analyse'), undefined);
    assert.equal(await vscode.commands.executeCommand('qcode.newProjectMemo', '../utenfor'), undefined);
    assert.match(await readText(MEMO_FILE), /\{\{q:49q4zh6q\}\}/, 'the memo there is left as it was');
  });
});

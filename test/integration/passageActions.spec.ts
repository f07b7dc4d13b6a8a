// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const transcript = 'transcripts/intervju-K3.txt';
const sidecar = `${transcript}.annotations.yaml`;

describe('passage actions in a real VS Code', () => {
  before(activated);

  it('removes an annotation, and Undo Coding puts it back and says which one it restored', async () => {
    const original = await readText(sidecar);
    assert.match(original, /- id: pgtqbp19\n/);
    await vscode.commands.executeCommand('qcode.removeAnnotation', { transcript, id: 'pgtqbp19' });
    await eventually('the removal on disk', async () =>
      !(await readText(sidecar)).includes('id: pgtqbp19') ? true : undefined,
    );
    const message = await vscode.commands.executeCommand<string>('qcode.undoCoding');
    assert.equal(message, 'Restored: annotation «Jeg har et veldig godt team.» (K3)');
    assert.equal(await readText(sidecar), original);
  });

  it('edits a memo as a document, writes it to the sidecar on save, and the hover shows it', async function () {
    this.timeout(90000); // saving reloads the project, slow on a busy machine
    const original = await readText(sidecar);
    try {
      await vscode.commands.executeCommand('qcode.editMemo', { transcript, id: 'shpngy5g' });
      const editor = await eventually('the memo editor', () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'qcode-memo'
          ? vscode.window.activeTextEditor
          : undefined,
      );
      const memo = 'Tre møter på en uke.\n\nDet andre avsnittet: koordineringen svikter.';
      await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), memo));
      // VS Code for the web saves by itself a second after an edit (files.autoSave); then save() has nothing left to
      // save.
      const saved = (await editor.document.save()) || !editor.document.isDirty;
      assert.ok(saved, 'the memo document was not saved');
      const written = await eventually(
        'the memo in the sidecar',
        async () => ((await readText(sidecar)).includes('koordineringen svikter.') ? readText(sidecar) : undefined),
        30000,
      );
      const annotations = (parse(written) as { annotations: { id: string; memo?: string }[] }).annotations;
      assert.equal(annotations.find((a) => a.id === 'shpngy5g')?.memo, memo);
      const document = await vscode.workspace.openTextDocument(workspaceUri(transcript));
      const position = document.positionAt(document.getText().indexOf('Så det blir tre møter på én uke.') + 3);
      const hoverText = await eventually(
        'the new memo in the hover',
        async () => {
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            document.uri,
            position,
          );
          const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
          return text.includes('koordineringen svikter') ? text : undefined;
        },
        30000,
      );
      assert.match(hoverText, /Tre møter på en uke/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await writeText(sidecar, original);
    }
  });
});

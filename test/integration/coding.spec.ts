// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, diagnosticCodes, eventually, readText, selectPassage, writeText } from './helpers';

describe('coding in a real VS Code', () => {
  before(activated);

  it('tags the selection and writes the annotation to the sidecar', async () => {
    await selectPassage('transcripts/intervju-K3.txt', 'Bedre team skal du lete lenge etter.');
    await vscode.commands.executeCommand('qcode.tagSelectionWithConcept', { conceptId: 'tjenestemodell.integrert' });
    const sidecar = await eventually('the new annotation', async () => {
      const text = await readText('transcripts/intervju-K3.txt.annotations.yaml');
      return text.includes('quote: Bedre team skal du lete lenge etter.') ? text : undefined;
    });
    assert.match(
      sidecar,
      /- id: [0-9a-z]{8}\n {4}concepts: \[tjenestemodell\.integrert\]\n {4}informant: K3\n {4}range: 8:246-8:282\n {4}quote: Bedre team skal du lete lenge etter\.\n/,
    );
    assert.match(
      sidecar,
      /quote: Bedre team skal du lete lenge etter\.\n {4}before: .*\n {4}after: .*\n {4}coder: tester\n/,
    );
  });

  it('moves annotations while typing above them and writes the new range on save', async () => {
    const path = 'transcripts/intervju-K1.txt';
    const before = await readText(`${path}.annotations.yaml`);
    assert.match(before, /range: 9:174-9:225\n {4}quote: Ingen hadde sagt noe/);
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, path)),
    );
    await editor.edit((edit) => edit.insert(new vscode.Position(4, 0), 'Transkribert av: A. N.\n'));
    assert.equal(
      await readText(`${path}.annotations.yaml`),
      before,
      'the sidecar changed before the transcript was saved',
    );
    await editor.document.save();
    await eventually('the new range in the sidecar', async () =>
      (await readText(`${path}.annotations.yaml`)).includes('range: 10:174-10:225\n    quote: Ingen hadde sagt noe')
        ? true
        : undefined,
    );
  });

  it('reloads a sidecar changed on disk and shows its problems in the Problems panel', async () => {
    const path = 'transcripts/intervju-K2.txt.annotations.yaml';
    const text = await readText(path);
    await writeText(path, text.replace('concepts: [ressurser]', 'concepts: [resurser]'));
    await eventually('an unknown-concept problem', () =>
      diagnosticCodes(path).includes('unknown-concept') ? true : undefined,
    );
    await writeText(path, text);
    await eventually('the problem to go away', () =>
      diagnosticCodes(path).includes('unknown-concept') ? undefined : true,
    );
  });

  it('shows an orphaned annotation in the Problems panel when its passage is gone', async () => {
    const transcript = 'transcripts/intervju-M1.txt';
    const text = await readText(transcript);
    await writeText(
      transcript,
      text.replace('NAV sier det er kommunen, og kommunen sier det er NAV.', 'Det var vanskelig.'),
    );
    const diagnostic = await eventually('an orphan diagnostic', () =>
      vscode.languages
        .getDiagnostics(
          vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `${transcript}.annotations.yaml`),
        )
        .find((d) => d.code === 'orphaned'),
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /is orphaned/);
    await writeText(transcript, text);
    await eventually('the orphan to be found again', () =>
      diagnosticCodes(`${transcript}.annotations.yaml`).includes('orphaned') ? undefined : true,
    );
  });

  it('merges two concepts in the codebook and every sidecar, and Undo Coding restores them', async () => {
    const paths = [
      'codebook.yaml',
      'transcripts/intervju-K1.txt.annotations.yaml',
      'transcripts/fokusgruppe-ansatte.txt.annotations.yaml',
    ];
    const originals = await Promise.all(paths.map(readText));
    await vscode.commands.executeCommand(
      'qcode.mergeConcept',
      { conceptId: 'samordning.uformell' },
      'samordning.formell',
    );
    const merged = await eventually('the merge', async () => {
      const texts = await Promise.all(paths.map(readText));
      return texts.every((t) => !t.includes('samordning.uformell')) ? texts : undefined;
    });
    assert.match(merged[1] ?? '', /concepts: \[koordinator\.doraapner, samordning\.formell\]/);
    await vscode.commands.executeCommand('qcode.undoCoding');
    assert.deepEqual(await Promise.all(paths.map(readText)), originals);
  });

  it('removes an annotation picked in the Annotations view, and Undo Coding brings it back', async () => {
    const path = 'transcripts/intervju-L5.txt.annotations.yaml';
    const original = await readText(path);
    const id = /- id: ([0-9a-z]{8})/.exec(original)?.[1] ?? '';
    await vscode.commands.executeCommand('qcode.removeAnnotation', {
      transcript: { path: 'transcripts/intervju-L5.txt' },
      annotation: { id },
    });
    await eventually('the removal', async () => ((await readText(path)).includes(`id: ${id}`) ? undefined : true));
    await vscode.commands.executeCommand('qcode.undoCoding');
    assert.equal(await readText(path), original);
  });
});

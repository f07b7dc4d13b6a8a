// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { activated, eventually, readText } from './helpers';

const SUBTREE = [
  'samordning',
  'samordning.formell',
  'samordning.uformell',
  'samordning.horisontal',
  'samordning.vertikal',
];

/** The annotations of every sidecar that are tagged with a concept of the subtree, each once. */
async function subtreePassagesOnDisk(): Promise<number> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const sidecars = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, 'transcripts')))
    .map(([name]) => name)
    .filter((name) => name.endsWith('.annotations.yaml'));
  let count = 0;
  for (const name of sidecars) {
    const sidecar = parse(await readText(`transcripts/${name}`)) as { annotations?: { concepts: string[] }[] };
    count += (sidecar.annotations ?? []).filter((a) => a.concepts.some((id) => SUBTREE.includes(id))).length;
  }
  return count;
}

describe("a concept's passages in a real VS Code", () => {
  before(activated);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));

  it('lists the passages of a concept and its sub-concepts across transcripts, as many as the sidecars hold', async () => {
    const expected = await subtreePassagesOnDisk();
    assert.ok(expected > 1, 'the sample project has passages under samordning');
    const listed = await eventually('the passages of samordning', async () => {
      const count = await vscode.commands.executeCommand<number>('qcode.showConceptPassages', {
        conceptId: 'samordning',
      });
      return count === expected ? count : undefined;
    });
    assert.equal(listed, expected);
  });

  it('lists fewer passages for a sub-concept than for its parent', async () => {
    const parent = await vscode.commands.executeCommand<number>('qcode.showConceptPassages', {
      conceptId: 'samordning',
    });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const child = await vscode.commands.executeCommand<number>('qcode.showConceptPassages', {
      conceptId: 'samordning.formell',
    });
    assert.ok(child > 0 && child < parent, `samordning.formell lists ${child}, samordning ${parent}`);
  });
});

// Team features in the real extension host: the coder filter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QcodeApi } from '../../src/extension/extension';
import { activated, eventually, readText, workspaceUri } from './helpers';

const TRANSCRIPT = 'transcripts/fokusgruppe-ansatte.txt';

function codersInSidecar(text: string): string[] {
  return [...text.matchAll(/^ {4}coder: (.+)$/gm)].map((m) => m[1] ?? '');
}

describe('team coding in a real VS Code', () => {
  let api: QcodeApi;
  before(async () => {
    await activated();
    api = vscode.extensions.getExtension<QcodeApi>('qcode.qcode')!.exports;
  });
  afterEach(() => vscode.commands.executeCommand('qcode.filterCoders', { kind: 'all' }));

  it('shows all coders, one chosen coder, or only mine', async () => {
    const coders = codersInSidecar(await readText(`${TRANSCRIPT}.annotations.yaml`));
    const ofCoder = (name: string) => coders.filter((c) => c === name).length;
    assert.ok(ofCoder('ingrid') > 0 && ofCoder('jonas') > 0, 'the fixture has two coders in this transcript');
    const editor = await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT));
    const count = () => api.annotationCount(editor.document);
    await eventually('every annotation', () => (count() === coders.length ? true : undefined));

    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'coder', coder: 'jonas' });
    assert.equal(count(), ofCoder('jonas'));
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'mine' });
    assert.equal(count(), ofCoder('tester'), 'blind coding shows only the current coder (tester)');
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'all' });
    assert.equal(count(), coders.length);
  });

  it('hides the other coders from hovers while coding blind', async () => {
    const editor = await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT));
    const sidecar = await readText(`${TRANSCRIPT}.annotations.yaml`);
    const jonasQuote = /quote: (.+)\n(?: {4}.+\n)*? {4}coder: jonas/.exec(sidecar)?.[1]?.replace(/^"|"$/g, '');
    assert.ok(jonasQuote, 'a quote coded by jonas');
    const offset = editor.document.getText().indexOf(jonasQuote.slice(0, 20));
    assert.ok(offset >= 0, `"${jonasQuote}" is in the transcript`);
    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset + 2));
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    assert.match(await hoverText(), /jonas/);
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'mine' });
    assert.doesNotMatch(await hoverText(), /jonas/);
  });
});

// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { QcodeTestApi } from '../../src/extension/extension';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const transcript = 'transcripts/intervju-K3.txt';
const sidecar = `${transcript}.annotations.yaml`;
const PASSAGE = 'Så det blir tre møter på én uke.';

/** The `key` of an annotation as the sidecar on disk says it. */
async function keyOnDisk(id: string): Promise<unknown> {
  const annotations = (parse(await readText(sidecar)) as { annotations: { id: string; key?: unknown }[] }).annotations;
  return annotations.find((a) => a.id === id)?.key;
}

async function hoverText(document: vscode.TextDocument): Promise<string> {
  const position = document.positionAt(document.getText().indexOf(PASSAGE) + 3);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('memos and key quotes: key quotes in a real VS Code', () => {
  let api: QcodeTestApi;
  let original: string;

  before(async () => {
    await activated();
    api = vscode.extensions.getExtension<QcodeTestApi>('qcode.qcode')!.exports;
    original = await readText(sidecar);
  });

  after(async () => {
    await writeText(sidecar, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('marks a passage as a key quote from the link in its hover, and shows it distinctly', async function () {
    this.timeout(60000);
    const editor = await vscode.window.showTextDocument(workspaceUri(transcript));
    const plain = await eventually('the passages decorated', () =>
      api.decoratedRanges(editor).length > 0 ? api.decoratedRanges(editor).length : undefined,
    );
    const hover = await eventually('the hover of the passage', async () => {
      const text = await hoverText(editor.document);
      return text.includes('Mark as key quote') ? text : undefined;
    });
    const link = /\[Mark as key quote\]\(command:qcode\.toggleKeyQuote\?([^)]+)\)/.exec(hover);
    assert.ok(link, `no key-quote link in the hover:\n${hover}`);
    const args = JSON.parse(decodeURIComponent(link[1] as string)) as unknown[];
    assert.deepEqual(args, [{ transcript, id: 'shpngy5g' }]);
    assert.equal(await vscode.commands.executeCommand('qcode.toggleKeyQuote', ...args), true);
    await eventually('key: true in the sidecar', async () =>
      (await keyOnDisk('shpngy5g')) === true ? true : undefined,
    );
    const written = await readText(sidecar);
    assert.equal(written.replace(/\n {4}key: true\n/, '\n'), original, 'only the key line was added');
    await eventually('the key quote decorated as well', () =>
      api.decoratedRanges(editor).length === plain + 1 ? true : undefined,
    );
    const marked = await eventually('the hover to say it is a key quote', async () => {
      const text = await hoverText(editor.document);
      return text.includes('Unmark key quote') ? text : undefined;
    });
    assert.match(marked, /\*\*Key quote\*\*/);
  });

  // test/e2e/memos.js clicks the real context menus; here the command gets what the view's menu passes.
  it("unmarks it with the element the Annotations view's menu passes, and Undo Coding marks it again", async function () {
    this.timeout(60000);
    const menus = (
      vscode.extensions.getExtension('qcode.qcode')!.packageJSON as {
        contributes: { menus: Record<string, { command: string; when?: string }[]> };
      }
    ).contributes.menus;
    assert.ok(
      menus['view/item/context']?.some(
        (m) => m.command === 'qcode.toggleKeyQuote' && m.when?.includes('view == qcode.annotations'),
      ),
      'the Annotations view offers Toggle Key Quote',
    );
    // A context-menu command gets the view's element: the annotation as the project resolved it.
    const element = { transcript: { path: transcript }, annotation: { id: 'shpngy5g', key: true } };
    assert.equal(await vscode.commands.executeCommand('qcode.toggleKeyQuote', element), false);
    await eventually('the key gone from the sidecar', async () =>
      (await readText(sidecar)) === original ? true : undefined,
    );
    await vscode.commands.executeCommand('qcode.undoCoding');
    await eventually('the key back', async () => ((await keyOnDisk('shpngy5g')) === true ? true : undefined));
    await writeText(sidecar, original);
    await eventually('the sidecar as it was', async () =>
      (await keyOnDisk('shpngy5g')) === undefined ? true : undefined,
    );
  });

  it('says so when there is no passage at the cursor, and changes nothing', async () => {
    const editor = await vscode.window.showTextDocument(workspaceUri(transcript));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand('qcode.toggleKeyQuote'), undefined);
    assert.equal(await readText(sidecar), original);
  });
});

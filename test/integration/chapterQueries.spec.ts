// Saved coding queries in chapters, in the real extension host: completion after {{query:, the
// hover of a query list, and the Markdown preview's rendering of it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, eventually, workspaceUri, writeText } from './helpers';

const CHAPTER = 'chapters/sporringer.md';
const SETTINGS = 'qcode.yaml';

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

describe('saved queries in chapters in a real VS Code', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activated();
    await writeText(
      SETTINGS,
      'queries:\n  fallskjerm-ressurser: koordinator.fallskjerm and ressurser\n  brukere: koordinator and role=tjenestemottaker\n',
    );
    await writeText(CHAPTER, '# Spørringer\n\n{{query:fallskjerm-ressurser}}\n\n{{query:\n');
    document = await vscode.workspace.openTextDocument(workspaceUri(CHAPTER));
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(workspaceUri(CHAPTER));
    await vscode.workspace.fs.delete(workspaceUri(SETTINGS));
  });

  it('offers the saved queries after {{query:', async () => {
    const position = new vscode.Position(4, '{{query:'.length);
    const names = await eventually('the saved queries offered', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        position,
      );
      const offered = list.items.map((item) => (item.label as vscode.CompletionItemLabel).label);
      return offered.includes('brukere') ? offered : undefined;
    });
    assert.deepEqual(names, ['fallskjerm-ressurser', 'brukere']);
  });

  it('shows the query and how many passages its list holds on hover', async () => {
    const position = new vscode.Position(2, '{{query:fall'.length);
    const text = await eventually('the query hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        position,
      );
      const shown = hoverText(hovers);
      return shown.includes('passage(s) listed here now') ? shown : undefined;
    });
    assert.match(text, /\*\*fallskjerm-ressurser\*\*: koordinator\.fallskjerm and ressurser/);
    assert.match(text, /1 passage\(s\) listed here now/);
  });
});

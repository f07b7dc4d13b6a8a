// Export Quotes… to Word in the real extension host, with the choices given as the command's argument.
import * as assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { activated, workspaceUri } from './helpers';

describe('chapter export in a real VS Code', () => {
  before(activated);

  it('writes a Word file with the chosen concept\'s quotes, each followed by its citation', async () => {
    const target = workspaceUri('fallskjermen.docx');
    const quotes = await vscode.commands.executeCommand<number>('qcode.exportQuotes', { choices: { format: 'docx', concepts: ['koordinator.fallskjerm'] }, target });
    const document = strFromU8(unzipSync(await vscode.workspace.fs.readFile(target))['word/document.xml'] ?? new Uint8Array());
    const text = document.replace(/<[^>]+>/g, '');
    assert.ok(quotes >= 3, `${quotes} quotes`);
    assert.match(text, /Fallskjermen/);
    assert.match(text, /Da har jeg nummeret til et par av dem\.”?\s*\(K3\)/);
    assert.doesNotMatch(text, /Formell samordning/, 'only the chosen concept');
    await vscode.workspace.fs.delete(target);
  });
});

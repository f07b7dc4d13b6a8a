// Export Quotes… to Word in the real extension host: with the choices given as the command's
// argument, and through its questions (answered by stand-ins for the quick picks and dialogs).
import * as assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { activated, workspaceUri } from './helpers';

describe('chapter export in a real VS Code', () => {
  before(activated);

  it("writes a Word file with the chosen concept's quotes, each followed by its citation", async () => {
    const target = workspaceUri('fallskjermen.docx');
    const quotes = await vscode.commands.executeCommand<number>('qcode.exportQuotes', {
      choices: { format: 'docx', concepts: ['koordinator.fallskjerm'] },
      target,
    });
    const document = strFromU8(
      unzipSync(await vscode.workspace.fs.readFile(target))['word/document.xml'] ?? new Uint8Array(),
    );
    const text = document.replace(/<[^>]+>/g, '');
    assert.ok(quotes >= 3, `${quotes} quotes`);
    assert.match(text, /Fallskjermen/);
    assert.match(text, /Da har jeg nummeret til et par av dem\.”?\s*\(K3\)/);
    assert.doesNotMatch(text, /Formell samordning/, 'only the chosen concept');
    await vscode.workspace.fs.delete(target);
  });

  it('asks for memos and context when choosing a Word export here, and opens the file from the Open button', async () => {
    const target = workspaceUri('med-memoer.docx');
    const window = vscode.window as unknown as Record<string, unknown>;
    const env = vscode.env as unknown as Record<string, unknown>;
    const originals = {
      showQuickPick: window.showQuickPick,
      showSaveDialog: window.showSaveDialog,
      showInformationMessage: window.showInformationMessage,
      openExternal: env.openExternal,
    };
    const titles: string[] = [];
    const opened: string[] = [];
    window.showQuickPick = async (
      items: readonly { label: string; id?: string; preset?: unknown }[],
      options?: vscode.QuickPickOptions,
    ) => {
      titles.push(options?.title ?? '');
      if (options?.canPickMany)
        return options.title?.startsWith('Include') ? items.filter((i) => i.id === 'memos') : [];
      return items.find((i) => i.preset === 'choose' || i.id === 'docx' || i.id === 'concept');
    };
    window.showSaveDialog = async () => target;
    window.showInformationMessage = async (_message: string, ...buttons: string[]) => buttons[0];
    env.openExternal = async (uri: vscode.Uri) => opened.push(uri.toString()) > 0;
    try {
      await vscode.commands.executeCommand('qcode.exportQuotes');
    } finally {
      Object.assign(window, {
        showQuickPick: originals.showQuickPick,
        showSaveDialog: originals.showSaveDialog,
        showInformationMessage: originals.showInformationMessage,
      });
      env.openExternal = originals.openExternal;
    }
    const text = strFromU8(
      unzipSync(await vscode.workspace.fs.readFile(target))['word/document.xml'] ?? new Uint8Array(),
    ).replace(/<[^>]+>/g, '');
    assert.ok(
      titles.some((t) => t.startsWith('Include with each quote')),
      `asked: ${titles.join(' | ')}`,
    );
    assert.match(text, /Memo:/, 'the memos were included');
    assert.deepEqual(opened, [target.toString()], 'the Open button opens the written file');
    await vscode.workspace.fs.delete(target);
  });
});

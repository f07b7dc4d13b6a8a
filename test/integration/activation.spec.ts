// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('the extension in a real VS Code', () => {
  it('is loaded from the repository and activates', async () => {
    const extension = vscode.extensions.getExtension('qcode.qcode');
    assert.ok(extension, 'qcode.qcode is not among the extensions the host loaded');
    await extension.activate();
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('qcode.tagSelection'), 'qcode.tagSelection is not registered');
  });

  it('has the sample project open as its workspace', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const codebook = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, 'codebook.yaml'));
    assert.equal(codebook.type, vscode.FileType.File);
    const transcripts = await vscode.workspace.findFiles('transcripts/*.txt');
    assert.ok(transcripts.length >= 7, `found ${transcripts.length} transcripts`);
  });
});

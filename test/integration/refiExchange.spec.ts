// REFI-QDA exchange in the real extension host: export the open project, import the file back.
import * as assert from 'node:assert/strict';
import { unzipSync } from 'fflate';
import * as vscode from 'vscode';
import type { ImportSummary } from '../../src/core/refi/importSummary';
import { activated, readText, workspaceUri } from './helpers';

describe('REFI-QDA exchange in a real VS Code', () => {
  before(activated);

  it('exports the project as a .qdpx and imports it back without changing anything', async () => {
    const target = workspaceUri('exported.qdpx');
    const summary = await vscode.commands.executeCommand<string>('qcode.exportRefi', 'qdpx', target);
    assert.match(summary, /Exported 7 sources/);
    const entries = Object.keys(unzipSync(await vscode.workspace.fs.readFile(target)));
    assert.ok(entries.includes('project.qde'), entries.join(', '));
    assert.equal(entries.filter((e) => /^sources\/.+\.txt$/.test(e)).length, 7);

    const sidecar = 'transcripts/intervju-K2.txt.annotations.yaml';
    const before = await readText(sidecar);
    const imported = await vscode.commands.executeCommand<ImportSummary>('qcode.importRefi', target);
    assert.equal(imported.annotations.added, 0);
    assert.equal(imported.concepts.added, 0);
    assert.ok(imported.annotations.unchanged > 50, `unchanged: ${imported.annotations.unchanged}`);
    assert.equal(await readText(sidecar), before);
    await vscode.workspace.fs.delete(target);
  });
});

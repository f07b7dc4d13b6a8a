// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { activated, eventually, readText, selectPassage, workspaceUri, writeText } from './helpers';

const transcript = 'transcripts/intervju-L5.txt';
const sidecar = `${transcript}.annotations.yaml`;

function annotationCount(text: string): number {
  return ((parse(text) as { annotations?: unknown[] }).annotations ?? []).length;
}

describe('writes on the local disk in a real VS Code', () => {
  before(activated);

  it('replaces a sidecar in one step: a reader watching the disk never finds it missing', async function () {
    this.timeout(120000);
    const path = workspaceUri(sidecar).fsPath;
    const original = await readText(sidecar);
    const before = annotationCount(original);
    let missing = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        if (!existsSync(path)) missing++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const document = await vscode.workspace.openTextDocument(workspaceUri(transcript));
    const lines = document
      .getText()
      .split('\n')
      .filter((line) => /^L5: \S/.test(line))
      .slice(0, 6);
    assert.equal(lines.length, 6, 'the transcript has six turns of L5 to tag');
    for (const line of lines) {
      await selectPassage(transcript, line.slice(4, 40));
      await vscode.commands.executeCommand('qcode.tagSelectionWithConcept', { conceptId: 'koordinator.fallskjerm' });
    }
    await eventually(
      'six new annotations on disk',
      async () => (annotationCount(await readText(sidecar)) === before + 6 ? true : undefined),
      60000,
    );
    watching = false;
    await watch;
    assert.equal(missing, 0, `the sidecar was missing ${missing} times while it was rewritten`);
    const leftovers = readdirSync(dirname(path)).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'));
    assert.deepEqual(leftovers, []);
    await writeText(sidecar, original);
  });
});

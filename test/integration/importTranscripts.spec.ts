// Import Transcripts… in the real extension host: the speaker-mapping quick picks are answered
// through the workbench's own quick-open commands, as the keyboard would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TranscriptImportSummary } from '../../src/core/transcripts/importTranscripts';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const ZOOM =
  'WEBVTT\n\n1\n00:00:02.120 --> 00:00:05.480\nMaria Hansen Berg: Takk for at du ville være med.\n\n2\n00:00:06.000 --> 00:00:09.000\nOla Importert: Det var etter at jeg flyttet.\n\n3\n00:00:09.500 --> 00:00:11.000\nMaria: Og så?\n';

async function answer(...keys: string[]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 800));
  for (const key of keys) await vscode.commands.executeCommand(key);
}

describe('Import Transcripts… in a real VS Code', () => {
  before(activated);

  it('asks who each speaker is, writes the transcript in qcode form and opens it', async () => {
    await writeText('incoming/samtale.vtt', ZOOM);
    const imported = vscode.commands.executeCommand<TranscriptImportSummary | undefined>('qcode.importTranscripts', [
      workspaceUri('incoming/samtale.vtt'),
    ]);
    // Maria Hansen Berg: up from the first item wraps to the last three: neutral label, new informant, I.
    await answer(
      'workbench.action.quickOpenSelectPrevious',
      'workbench.action.quickOpenSelectPrevious',
      'workbench.action.quickOpenSelectPrevious',
      'workbench.action.acceptSelectedQuickOpenItem',
    );
    // Ola Importert: the first informant of the registry.
    await answer('workbench.action.acceptSelectedQuickOpenItem');
    const summary = await imported;
    assert.ok(summary, 'the import was cancelled');
    const first = summary.transcripts[0];
    assert.ok(first);
    assert.equal(first.transcript, 'transcripts/samtale.txt');
    const firstCode = first.speakers[1]?.label;
    assert.match(
      firstCode ?? '',
      /^\p{Lu}{1,2}\d{1,3}$/u,
      'the second speaker is mapped to an informant of the registry',
    );
    assert.equal(first.speakers[0]?.label, 'I');
    assert.equal(
      await readText('transcripts/samtale.txt'),
      `[00:00:02]\nI: Takk for at du ville være med.\n\n[00:00:06]\n${firstCode}: Det var etter at jeg flyttet.\n\n[00:00:09]\nI: Og så?\n`,
    );
    await eventually('the transcript to open', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('/transcripts/samtale.txt') ? true : undefined,
    );
    await vscode.workspace.fs.delete(workspaceUri('transcripts/samtale.txt'));
    await vscode.workspace.fs.delete(workspaceUri('incoming'), { recursive: true });
  });
});

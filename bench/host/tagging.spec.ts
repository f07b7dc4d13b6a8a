// Tag Selection accepted -> the editor's decorations include the new passage and the sidecar on disk holds it, in
// the project of 500 transcripts / 50,000 annotations: 30 passages in 10 transcripts, tagged one after the other with
// qcode.tagSelectionWithConcept (the command the concept picker ends in, given the concept).
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { eventually, workspaceUri } from '../../test/integration/helpers';
import {
  loadedQcode,
  now,
  openTranscript,
  paintedWhen,
  percentiles,
  recordFigures,
  sleep,
  writtenWhen,
} from './benchSupport';

const CONCEPTS = ['samordning.formell', 'koordinator.fallskjerm', 'relasjon.tillit'];
const TRANSCRIPTS = 10;
const PASSAGES_PER_TRANSCRIPT = 3;

/**
 * A passage of about 45 characters, from a word's start to a word's end, in an answer of the informant (whose code
 * ends the file name).
 */
function passageIn(document: vscode.TextDocument, n: number): vscode.Range {
  const code = /-([^-]+)\.txt$/.exec(document.uri.path)?.[1];
  const answers = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i)).filter((line) =>
    line.text.startsWith(`${code}: `),
  );
  const line = answers[(2 * n + 1) % answers.length];
  if (!line) throw new Error(`${document.uri.path} has no answers`);
  const text = line.text;
  let start = text.indexOf(': ') + 2 + 7 * n;
  while (start > 0 && /\S/.test(text[start - 1] ?? '')) start--;
  let end = Math.min(text.length, start + 45);
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end] ?? '')) end++;
  return new vscode.Range(line.lineNumber, start, line.lineNumber, end);
}

describe('tagging in a project of 500 transcripts (benchmark)', () => {
  it('tags 30 passages: decorated and on disk', async function () {
    this.timeout(600000);
    const api = await loadedQcode();
    await vscode.workspace.getConfiguration('qcode').update('coder', 'bench', vscode.ConfigurationTarget.Global);
    await sleep(1000);
    await eventually('the reload after setting the coder', () => api.contextKeys()['qcode.projectLoaded'] || undefined);
    const folder = workspaceUri('transcripts').fsPath;
    const transcripts = readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .sort();
    const times = {
      total: [] as number[],
      decorated: [] as number[],
      written: [] as number[],
      command: [] as number[],
    };
    for (let i = 0; i < TRANSCRIPTS * PASSAGES_PER_TRANSCRIPT; i++) {
      const name = transcripts[Math.floor(i / PASSAGES_PER_TRANSCRIPT) * Math.floor(transcripts.length / TRANSCRIPTS)];
      assert.ok(name);
      const editor = await openTranscript(api, workspaceUri(`transcripts/${name}`));
      const passage = passageIn(editor.document, i % PASSAGES_PER_TRANSCRIPT);
      editor.selection = new vscode.Selection(passage.start, passage.end);
      editor.revealRange(passage, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      await sleep(300);
      const range = `range: ${passage.start.line + 1}:${passage.start.character + 1}-${passage.end.line + 1}:${passage.end.character + 1}`;
      const started = now();
      const decorated = paintedWhen(api, editor, () => api.decoratedRanges(editor).some((r) => r.isEqual(passage)));
      const written = writtenWhen(join(folder, `${name}.annotations.yaml`), (text) => text.includes(range));
      await vscode.commands.executeCommand('qcode.tagSelectionWithConcept', { conceptId: CONCEPTS[i % 3] });
      times.command.push(now() - started);
      const [decoratedAt, writtenAt] = await Promise.all([decorated, written]);
      times.decorated.push(decoratedAt - started);
      times.written.push(writtenAt - started);
      times.total.push(Math.max(decoratedAt, writtenAt) - started);
    }
    recordFigures({
      tagging: {
        passages: times.total.length,
        transcripts: TRANSCRIPTS,
        decoratedAndWrittenMs: percentiles(times.total),
        decoratedMs: percentiles(times.decorated),
        writtenMs: percentiles(times.written),
        commandDoneMs: percentiles(times.command),
      },
    });
  });
});

// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const transcript = 'transcripts/intervju-K2.txt';

/** A file's text as it is on disk, a byte order mark included. */
async function readExact(path: string): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(workspaceUri(path)));
}

const sidecar = `${transcript}.annotations.yaml`;

describe('pseudonymizing in a real VS Code', () => {
  before(activated);
  // The sample project has no key: the specs after this one find none either.
  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri('pseudonyms.yaml')).then(undefined, () => undefined);
    await vscode.commands.executeCommand('qcode.refresh');
  });

  it('shows what is wrong in the key as problems on the key file, at their lines', async function () {
    this.timeout(60000);
    await writeText('pseudonyms.yaml', 'kommunen: "[by]"\nKOMMUNEN: "[K2]"\nKommunen: "[by]"\nNils:\nOla: [a, b]\n');
    const key = workspaceUri('pseudonyms.yaml');
    const shown = await eventually(
      "the key's problems in the Problems panel",
      () => {
        const found = vscode.languages.getDiagnostics(key).filter((d) => d.source === 'qcode');
        return found.length >= 4 ? found : undefined;
      },
      30000,
    );
    const described = shown
      .map(
        (d) =>
          `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning'}`,
      )
      .sort();
    assert.deepEqual(described, [
      '2:1 duplicate-pseudonym error',
      '3:1 duplicate-pseudonym warning',
      '4:1 bad-pseudonym error',
      '5:6 wrong-type error',
    ]);
    await writeText('pseudonyms.yaml', 'kommunen: "[by]"\n');
    await eventually(
      'the problems gone once the key is corrected',
      () => (vscode.languages.getDiagnostics(key).some((d) => d.source === 'qcode') ? undefined : true),
      30000,
    );
  });

  it('underlines key entries in a transcript, and the quick fix pseudonymizes it keeping every passage exact; Undo Coding takes it back', async function () {
    this.timeout(120000);
    const originalTranscript = await readText(transcript);
    const originalSidecar = await readText(sidecar);
    await writeText('pseudonyms.yaml', 'rustjenesten: "[R]"\nkommunen: "[by]"\n');
    const document = await vscode.workspace.openTextDocument(workspaceUri(transcript));
    await vscode.window.showTextDocument(document);
    const leaks = await eventually(
      'the key entries underlined',
      () => {
        const found = vscode.languages
          .getDiagnostics(document.uri)
          .filter(
            (d) =>
              d.code === 'pseudonym-leak' && !d.range.isEmpty && d.range.end.character - d.range.start.character > 1,
          );
        return found.length >= 3 ? found : undefined;
      },
      30000,
    );
    const all = vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'pseudonym-leak');
    assert.deepEqual(
      all
        .map((d) => document.getText(d.range).toLowerCase().replace(/s$/, ''))
        .filter((w) => w !== 'rustjenesten' && w !== 'kommunen'),
      [],
      'each key entry underlined once, whole',
    );
    const first = leaks.sort((a, b) => a.range.start.compareTo(b.range.start))[0] as vscode.Diagnostic;
    assert.equal(
      document.getText(first.range).toLowerCase().startsWith('rustjenesten') ||
        document.getText(first.range).toLowerCase().startsWith('kommunen'),
      true,
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      first.range,
    );
    const fix = actions.find((a) => a.title === 'Pseudonymize this transcript');
    assert.ok(fix?.command, `actions: ${actions.map((a) => a.title).join(', ')}`);
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const pseudonymized = await eventually(
      'the transcript pseudonymized on disk',
      async () => {
        const text = await readText(transcript);
        return /rustjenesten|kommunen/i.test(text) ? undefined : text;
      },
      30000,
    );
    assert.match(pseudonymized, /Sted: \[R\]s lokaler/);
    const annotations = (parse(await readText(sidecar)) as { annotations: { quote: string }[] }).annotations;
    assert.ok(annotations.some((a) => a.quote.includes('[R]')));
    assert.ok(annotations.every((a) => !/rustjenesten|kommunen/i.test(a.quote)));
    await eventually(
      'no key entry underlined any more',
      () => (vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'pseudonym-leak') ? undefined : true),
      30000,
    );
    const message = await vscode.commands.executeCommand<string>('qcode.undoCoding');
    assert.match(message, /Pseudonymize transcripts\/intervju-K2\.txt/);
    assert.equal(await readText(transcript), originalTranscript);
    assert.equal(await readText(sidecar), originalSidecar);
  });

  it('Pseudonymize Project replaces the key everywhere, memo and chapter files too outside their references, in one step that Undo Coding takes back', async function () {
    this.timeout(120000);
    const memo = 'memos/pseudonym-runde/notat.md';
    const chapter = 'chapters/pseudonym-utkast.md';
    // A byte order mark and CRLF, as Windows editors save them; the reference names the key's word.
    const memoText = '\uFEFF# Rustjenesten i kommunen\r\n\r\nSe {{q:kommunen-1}} og Rustjenestens møter.\r\n';
    const chapterText = 'Kommunen og Åse.\n';
    await writeText(memo, memoText);
    await writeText(chapter, chapterText);
    try {
      const paths = [
        'transcripts/intervju-K1.txt',
        'transcripts/intervju-K1.txt.annotations.yaml',
        'informants.yaml',
        memo,
        chapter,
      ];
      const originals = await Promise.all(paths.map(readExact));
      await writeText('pseudonyms.yaml', 'Rustjenesten: "[R]"\nkommunen: "[by]"\n');
      await eventually('the key loaded', async () =>
        (await readText('pseudonyms.yaml')).includes('[R]') ? true : undefined,
      );
      const outcome = await vscode.commands.executeCommand<{ replacements: unknown[]; written: string[] }>(
        'qcode.pseudonymizeProject',
      );
      assert.ok(outcome && outcome.replacements.length > 0, 'something was replaced');
      assert.ok(outcome.written.includes(memo) && outcome.written.includes(chapter), outcome.written.join(', '));
      const now = await Promise.all(paths.map(readExact));
      for (const text of now.slice(0, 3)) assert.doesNotMatch(text, /rustjenesten\b|kommunen\b/i);
      assert.match(now[2] as string, /unit: "\[R\], feltteamet"/);
      assert.equal(now[3], '\uFEFF# [R] i [by]\r\n\r\nSe {{q:kommunen-1}} og [R]s møter.\r\n');
      assert.equal(now[4], '[by] og Åse.\n');
      const message = await vscode.commands.executeCommand<string>('qcode.undoCoding');
      assert.equal(message, 'Undone: Pseudonymize Project');
      assert.deepEqual(await Promise.all(paths.map(readExact)), originals);
      assert.equal(originals[3], memoText, 'the memo back byte for byte, its byte order mark too');
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('memos/pseudonym-runde'), { recursive: true });
      await vscode.workspace.fs.delete(workspaceUri(chapter));
      if ((await vscode.workspace.fs.readDirectory(workspaceUri('memos'))).length === 0)
        await vscode.workspace.fs.delete(workspaceUri('memos'));
    }
  });
});

// Team features in the real extension host: the coder filter, the agreement report, merge
// conflicts left in a sidecar and Show Changes Since (the
// workspace is a git repository with the sample project committed on main).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AgreementReport } from '../../src/core/agreement/report';
import type { QcodeApi } from '../../src/extension/extension';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const TRANSCRIPT = 'transcripts/fokusgruppe-ansatte.txt';

function codersInSidecar(text: string): string[] {
  return [...text.matchAll(/^ {4}coder: (.+)$/gm)].map((m) => m[1] ?? '');
}

describe('team coding in a real VS Code', () => {
  let api: QcodeApi;
  before(async () => {
    await activated();
    api = vscode.extensions.getExtension<QcodeApi>('qcode.qcode')!.exports;
  });
  afterEach(() => vscode.commands.executeCommand('qcode.filterCoders', { kind: 'all' }));

  it('shows all coders, one chosen coder, or only mine', async () => {
    const coders = codersInSidecar(await readText(`${TRANSCRIPT}.annotations.yaml`));
    const ofCoder = (name: string) => coders.filter((c) => c === name).length;
    assert.ok(ofCoder('ingrid') > 0 && ofCoder('jonas') > 0, 'the fixture has two coders in this transcript');
    const editor = await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT));
    const count = () => api.annotationCount(editor.document);
    await eventually('every annotation', () => (count() === coders.length ? true : undefined));

    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'coder', coder: 'jonas' });
    assert.equal(count(), ofCoder('jonas'));
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'mine' });
    assert.equal(count(), ofCoder('tester'), 'blind coding shows only the current coder (tester)');
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'all' });
    assert.equal(count(), coders.length);
  });

  it('hides the other coders from hovers while coding blind', async () => {
    const editor = await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT));
    const sidecar = await readText(`${TRANSCRIPT}.annotations.yaml`);
    const jonasQuote = /quote: (.+)\n(?: {4}.+\n)*? {4}coder: jonas/.exec(sidecar)?.[1]?.replace(/^"|"$/g, '');
    assert.ok(jonasQuote, 'a quote coded by jonas');
    const offset = editor.document.getText().indexOf(jonasQuote.slice(0, 20));
    assert.ok(offset >= 0, `"${jonasQuote}" is in the transcript`);
    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        editor.document.positionAt(offset + 2),
      );
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    assert.match(await hoverText(), /jonas/);
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'mine' });
    assert.doesNotMatch(await hoverText(), /jonas/);
  });

  it('shows what the coding changed since a branch, not ranges that only moved', async () => {
    const memoPath = 'transcripts/intervju-L5.txt.annotations.yaml';
    const shifted = 'transcripts/intervju-K2.txt';
    const originals = await Promise.all([memoPath, shifted].map(readText));
    try {
      await writeText(
        memoPath,
        originals[0]!.replace('memo: Rutinen finnes, men etterleves ikke.', 'memo: Rutinen følges sjelden.'),
      );
      const editor = await vscode.window.showTextDocument(workspaceUri(shifted));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Transkribert av: A. N.\n\n'));
      await editor.document.save();
      await eventually('the saved sidecar with shifted ranges', async () =>
        (await readText(`${shifted}.annotations.yaml`)).includes('range: 10:') ? true : undefined,
      );
      const report = await vscode.commands.executeCommand<string>('qcode.showChangesSince', 'main');
      assert.match(report, /Coding changes since main/);
      assert.match(report, /intervju-L5\.txt/);
      assert.match(report, /memo changed: “Rutinen finnes, men etterleves ikke\.” → “Rutinen følges sjelden\.”/);
      assert.doesNotMatch(report, /intervju-K2\.txt/, 'K2 only moved down two lines');
    } finally {
      await writeText(memoPath, originals[0]!);
      await writeText(shifted, originals[1]!);
    }
  });

  it('reports agreement over the transcripts both coders coded and opens a disagreement at its place', async () => {
    const sidecars = [
      'fokusgruppe-ansatte',
      'interview-M2-en',
      'intervju-K1',
      'intervju-K2',
      'intervju-K3',
      'intervju-L5',
      'intervju-M1',
    ].map((name) => `transcripts/${name}.txt`);
    const codedByBoth: string[] = [];
    for (const path of sidecars) {
      const coders = codersInSidecar(await readText(`${path}.annotations.yaml`));
      if (coders.includes('ingrid') && coders.includes('jonas')) codedByBoth.push(path);
    }
    const report = await vscode.commands.executeCommand<AgreementReport>('qcode.showAgreement', {
      coders: ['ingrid', 'jonas'],
    });
    assert.deepEqual(report.transcripts.map((t) => t.path).sort(), codedByBoth.sort());
    assert.ok(
      report.overall.alpha !== null && report.overall.alpha > -1 && report.overall.alpha < 1,
      `alpha ${report.overall.alpha}`,
    );
    const disagreement = report.disagreements.find((d) => d.quote.length > 20);
    assert.ok(disagreement, 'the two coders disagree somewhere');
    await vscode.commands.executeCommand('qcode.openDisagreement', disagreement);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), workspaceUri(disagreement.transcript).toString());
    const selected = editor.document.getText(editor.selection).replace(/\s+/g, ' ');
    assert.ok(
      selected.startsWith(disagreement.quote.slice(0, 20)),
      `selected "${selected.slice(0, 40)}", expected "${disagreement.quote.slice(0, 20)}"`,
    );
  });

  it('explains a merge conflict left in a sidecar and takes the side the coder chooses', async () => {
    const path = 'transcripts/intervju-K3.txt.annotations.yaml';
    const original = await readText(path);
    const item = / {2}- id: pgtqbp19\n(?: {4}.*\n)+/.exec(original)![0];
    const ours = item.replace('    coder: ingrid\n', '    memo: Teamet er stabilt.\n    coder: ingrid\n');
    const theirs = item.replace('    coder: ingrid\n', '    memo: Godt team rundt K3.\n    coder: ingrid\n');
    const conflicted = original.replace(item, `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> jonas-koding\n`);
    try {
      await writeText(path, conflicted);
      const markerLine = conflicted.split('\n').indexOf('<<<<<<< HEAD');
      const diagnostic = await eventually('a conflict diagnostic', () =>
        vscode.languages.getDiagnostics(workspaceUri(path)).find((d) => d.range.start.line === markerLine),
      );
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /pgtqbp19/);
      const document = await vscode.workspace.openTextDocument(workspaceUri(path));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        new vscode.Range(markerLine + 3, 0, markerLine + 3, 0),
      );
      const titles = actions.map((a) => a.title);
      for (const title of ['Take ours (HEAD)', 'Take theirs (jonas-koding)', 'Keep both'])
        assert.ok(titles.includes(title), `${title} in ${titles.join(' | ')}`);
      assert.equal(await vscode.commands.executeCommand('qcode.resolveConflicts', document.uri, 'theirs'), 1);
      assert.equal(await readText(path), original.replace(item, theirs));
      await eventually('the conflict diagnostic to go', () =>
        vscode.languages.getDiagnostics(workspaceUri(path)).some((d) => d.range.start.line === markerLine)
          ? undefined
          : true,
      );
    } finally {
      await writeText(path, original);
    }
  });
});

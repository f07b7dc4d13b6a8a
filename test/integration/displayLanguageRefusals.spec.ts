// qcode.displayLanguage set to Norwegian Bokmål, in the real extension host: why a search or an
// import cannot be done is said in Bokmål, the core's reason included, and Show Changes Since
// reports in Bokmål (the workspace is a git repository with the sample project committed on main).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, readText, workspaceUri, writeText } from './helpers';

function setLanguage(language: string | undefined): Thenable<void> {
  return vscode.workspace
    .getConfiguration('qcode')
    .update('displayLanguage', language, vscode.ConfigurationTarget.Workspace);
}

/** The error notifications shown while `run` runs. */
async function errorsShownBy(run: () => Thenable<unknown>): Promise<string[]> {
  const shown: string[] = [];
  const original = vscode.window.showErrorMessage;
  Object.assign(vscode.window, { showErrorMessage: async (text: string) => void shown.push(text) });
  try {
    await run();
  } finally {
    Object.assign(vscode.window, { showErrorMessage: original });
  }
  return shown;
}

describe('refusals in Norwegian Bokmål', () => {
  before(async () => {
    await activated();
    await setLanguage('nb');
  });
  after(() => setLanguage(undefined));

  it('says in Bokmål that a search is not a valid regular expression', async () => {
    const shown = await errorsShownBy(() =>
      vscode.commands.executeCommand('qcode.searchAndTag', { pattern: '(', regex: true, concepts: ['informasjon'] }),
    );
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.match(shown[0] ?? '', /^«\(» er ikke et gyldig regulært uttrykk: .+\.$/);
  });

  it('says in Bokmål why a transcript was not imported', async () => {
    await writeText('incoming/gammel.doc', 'ikke et Word-dokument');
    try {
      const shown = await errorsShownBy(() =>
        vscode.commands.executeCommand('qcode.importTranscripts', [workspaceUri('incoming/gammel.doc')]),
      );
      assert.deepEqual(shown, [
        'Ingenting ble importert: gammel.doc: er et gammelt Word-dokument (.doc). Åpne det i Word og lagre det som .docx, og importer så den fila.',
      ]);
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('incoming'), { recursive: true });
    }
  });

  it('shows the changes since a branch in Bokmål', async () => {
    const sidecar = 'transcripts/intervju-L5.txt.annotations.yaml';
    const original = await readText(sidecar);
    try {
      await writeText(
        sidecar,
        original.replace('memo: Rutinen finnes, men etterleves ikke.', 'memo: Rutinen følges sjelden.'),
      );
      const report = await vscode.commands.executeCommand<string>('qcode.showChangesSince', 'main');
      assert.match(report, /^# Endringer i kodingen siden main$/m);
      // Specs before this one may have tagged passages in the same workspace: those are added ones.
      assert.match(
        report,
        /^\*\*Endringer i kodingen:\*\* utdrag (\d+ lagt til, )?1 med endret memo i \d+ transkripsjon(er)?\.$/m,
      );
      assert.match(report, /^\| Endring \| Linje \| Utdrag \| Begreper \| Koder \|$/m);
      assert.match(report, /memo endret: “Rutinen finnes, men etterleves ikke\.” → “Rutinen følges sjelden\.”/);
    } finally {
      await writeText(sidecar, original);
    }
  });
});

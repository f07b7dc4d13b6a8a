// qcode.displayLanguage set to Norwegian Bokmål in the workspace, in the real extension host:
// the core's problems, the orphan quick fixes and a t() string, switched live and back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const ORPHAN_TRANSCRIPT = 'transcripts/intervju-M1.txt';
const GONE = 'NAV sier det er kommunen, og kommunen sier det er NAV.';

function diagnostic(path: string, code: string, text: RegExp): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(workspaceUri(path)).find((d) => d.code === code && text.test(d.message));
}

function setLanguage(language: string | undefined): Thenable<void> {
  return vscode.workspace
    .getConfiguration('qcode')
    .update('displayLanguage', language, vscode.ConfigurationTarget.Workspace);
}

describe('qcode in Norwegian Bokmål', () => {
  before(async () => {
    await activated();
    await setLanguage('nb');
  });
  after(() => setLanguage(undefined));

  it('shows a problem of the core in Bokmål in the Problems panel', async () => {
    const path = 'transcripts/intervju-K2.txt.annotations.yaml';
    const text = await readText(path);
    try {
      await writeText(path, text.replace('concepts: [ressurser]', 'concepts: [resurser]'));
      const found = await eventually('the unknown concept in Bokmål', () =>
        diagnostic(path, 'unknown-concept', /bruker begrepet «resurser»/),
      );
      assert.match(
        found.message,
        /^Annotasjon \w+ bruker begrepet «resurser», som ikke står i codebook\.yaml\. Mente du «ressurser»\? Rett id-en eller legg begrepet til i kodeboken\.$/,
      );
    } finally {
      await writeText(path, text);
    }
  });

  it('offers the orphan quick fixes for an orphan described in Bokmål, in Bokmål', async () => {
    const sidecar = `${ORPHAN_TRANSCRIPT}.annotations.yaml`;
    const text = await readText(ORPHAN_TRANSCRIPT);
    const id = /- id: (\w+)\n(?: {4}.+\n)*? {4}quote: NAV sier det er kommunen/.exec(await readText(sidecar))?.[1];
    assert.ok(id, 'the sample codes the passage that goes away');
    try {
      await writeText(ORPHAN_TRANSCRIPT, text.replace(GONE, 'Det var vanskelig.'));
      const orphan = await eventually('the orphan in Bokmål', () =>
        diagnostic(
          sidecar,
          'orphaned',
          new RegExp(`^Annotasjon ${id} \\(.+\\) er foreldreløs: Sitatet står ikke lenger i transkripsjonen`),
        ),
      );
      await vscode.window.showTextDocument(workspaceUri(sidecar));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        workspaceUri(sidecar),
        orphan.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fixes = actions.filter(
        (a) => a.command?.command === 'qcode.attachOrphan' || a.command?.command === 'qcode.removeAnnotation',
      );
      assert.deepEqual(
        fixes.map((a) => a.title),
        ['Knytt til utdraget som er merket i transkripsjonen', 'Fjern den foreldreløse annotasjonen'],
      );
      for (const fix of fixes) assert.deepEqual(fix.command?.arguments, [{ transcript: ORPHAN_TRANSCRIPT, id }]);
    } finally {
      await writeText(ORPHAN_TRANSCRIPT, text);
      await eventually('the orphan to be found again', () => (diagnostic(sidecar, 'orphaned', /./) ? undefined : true));
    }
  });

  it('switches the Problems panel between languages without a reload', async () => {
    const path = 'transcripts/intervju-K2.txt.annotations.yaml';
    const text = await readText(path);
    try {
      await writeText(path, text.replace('concepts: [ressurser]', 'concepts: [resurser]'));
      await eventually('the problem in Bokmål', () => diagnostic(path, 'unknown-concept', /bruker begrepet/));
      await setLanguage('en');
      await eventually('the problem in English', () =>
        diagnostic(
          path,
          'unknown-concept',
          /uses the concept "resurser", which is not in codebook\.yaml\. Did you mean "ressurser"\?/,
        ),
      );
      await setLanguage('nb');
      await eventually('the problem in Bokmål again', () => diagnostic(path, 'unknown-concept', /bruker begrepet/));
    } finally {
      await writeText(path, text);
    }
  });
});

// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { CodebookModel } from '../../src/extension/features/codebook/model';
import { ProjectHost } from '../../src/extension/shared/host/projectHost';
import { activated, diagnosticCodes, eventually, readText, workspaceUri, writeText } from './helpers';

const CODEBOOK = 'codebook.yaml';
const K3 = 'transcripts/intervju-K3.txt';
const EXAMPLE = 'En gang var det en søndag kveld og jeg hadde det veldig vondt, og hun svarte.';
const INCLUSION = 'Skriftlige avtaler som flere tjenester har forpliktet seg til.\n\nOgså individuell plan.';

interface ConceptYaml {
  id: string;
  inclusion?: string;
  exclusion?: string;
  examples?: string[];
  children?: ConceptYaml[];
}

async function conceptOnDisk(id: string): Promise<ConceptYaml | undefined> {
  const find = (list: ConceptYaml[] | undefined): ConceptYaml | undefined =>
    list?.map((c) => (c.id === id ? c : find(c.children))).find(Boolean);
  return find((parse(await readText(CODEBOOK)) as { concepts: ConceptYaml[] }).concepts);
}

/** The Codebook view's tooltip for a concept, from a model over the project as it is on disk now. */
async function tooltipOf(id: string, shows: (annotation: Annotation) => boolean = () => true): Promise<string> {
  const host = ProjectHost.forWorkspace();
  assert.ok(host);
  try {
    await host.reload();
    const model = new CodebookModel(host, async () => undefined, shows);
    return (model.getTreeItem(model.node(id)).tooltip as vscode.MarkdownString).value
      .replace(/&nbsp;/g, ' ')
      .replace(/\\(.)/g, '$1');
  } finally {
    host.dispose();
  }
}

async function hoverAt(document: vscode.TextDocument, text: string): Promise<string> {
  const position = document.positionAt(document.getText().indexOf(text) + 3);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

describe("a concept's criteria and anchor examples in a real VS Code", () => {
  let original: string;

  before(async () => {
    await activated();
    original = await readText(CODEBOOK);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if ((await readText(CODEBOOK)) !== original) await writeText(CODEBOOK, original);
  });

  it('shows the criteria, and that the passage is an anchor example, in the hover of a coded passage', async function () {
    this.timeout(60000);
    const editor = await vscode.window.showTextDocument(workspaceUri(K3));
    const hover = await eventually(
      'the hover with the criteria',
      async () => {
        const text = await hoverAt(editor.document, EXAMPLE);
        return text.includes('Inclusion:') ? text : undefined;
      },
      30000,
    );
    assert.match(hover, /\*\*Fallskjermen\*\* — Available, also outside working hours/);
    assert.match(hover, /\*Inclusion:\* The helper can be reached, or steps in, when the user's life falls apart/);
    assert.match(
      hover,
      /\*Exclusion:\* Help that is planned and given within working hours; that is the facilitator\./,
    );
    assert.match(hover, /\$\(bookmark\) An anchor example of this concept/);
  });

  it("shows the criteria and the anchor examples with their citations in the Codebook view's tooltip", async function () {
    this.timeout(60000);
    const tooltip = await tooltipOf('koordinator.fallskjerm');
    assert.match(tooltip, /\*Inclusion:\* The helper can be reached/);
    assert.match(tooltip, /\*Exclusion:\* Help that is planned/);
    assert.match(
      tooltip,
      /\*Anchor examples:\*\n\n> «En gang var det en søndag kveld og jeg hadde det veldig vondt, og hun svarte\.» \(K3\)\n\n> «Jeg har gitt nummeret mitt til et par brukere/,
    );
    const blind = await tooltipOf('koordinator.fallskjerm', (annotation) => annotation.id !== 'r9rf45tp');
    assert.ok(!blind.includes('En gang var det'), 'a passage the coder filter hides is not shown as an example');
    assert.ok(blind.includes('Jeg har gitt nummeret mitt'));
  });

  it('edits the inclusion criteria in a tab of their own; saving writes them to codebook.yaml, and the tooltip shows them', async function () {
    this.timeout(90000);
    await vscode.commands.executeCommand('qcode.editConceptInclusion', { conceptId: 'samordning.formell' });
    const editor = await eventually('the criteria editor', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'qcode-criterion'
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.equal(editor.document.getText(), '');
    assert.match(editor.document.uri.path, /\/Inclusion Formell samordning\.md$/);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `${INCLUSION}\n`)));
    await editor.document.save();
    await eventually(
      'the inclusion on disk',
      async () => ((await conceptOnDisk('samordning.formell'))?.inclusion === INCLUSION ? true : undefined),
      30000,
    );
    const written = await readText(CODEBOOK);
    assert.equal(
      written.replace(
        '        inclusion: |-\n          Skriftlige avtaler som flere tjenester har forpliktet seg til.\n\n          Også individuell plan.\n',
        '',
      ),
      original,
      'only the criteria lines were added, after the definition',
    );
    assert.ok((await tooltipOf('samordning.formell')).includes('*Inclusion:* Skriftlige avtaler'));
  });

  it('shows an anchor example that is no annotation, and a concept without a definition, in the Problems panel', async function () {
    this.timeout(60000);
    const changed = original
      .replace('examples: [r9rf45tp, g3se8cr1]', 'examples: [r9rf45tp, finnesikke]')
      .replace(
        '        label: Aktivitetssenteret\n        description: The activity centre as a place where users and staff from several services meet without an appointment.\n',
        '        label: Aktivitetssenteret\n',
      );
    assert.notEqual(changed, original);
    await writeText(CODEBOOK, changed);
    const codes = await eventually(
      'the codebook warnings',
      () => {
        const found = diagnosticCodes(CODEBOOK);
        return found.includes('unknown-example') && found.includes('no-definition') ? found : undefined;
      },
      30000,
    );
    assert.deepEqual(codes.sort(), ['no-definition', 'unknown-example']);
    await writeText(CODEBOOK, original);
    await eventually('the warnings gone', () => (diagnosticCodes(CODEBOOK).length === 0 ? true : undefined), 30000);
  });

  it('makes a passage an anchor example and takes it out again, from the cursor and from the Annotations view', async function () {
    this.timeout(90000);
    await eventually(
      'the codebook as it was',
      async () => ((await conceptOnDisk('samordning.formell'))?.inclusion === undefined ? true : undefined),
      30000,
    );
    const editor = await vscode.window.showTextDocument(workspaceUri(K3));
    const offset = editor.document.getText().indexOf(EXAMPLE) + 5;
    editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset));
    // Already an example of Fallskjermen, so only the concept above it is left to ask about: it asks nothing.
    assert.equal(await vscode.commands.executeCommand('qcode.addExample'), 'koordinator');
    await eventually(
      'the example on disk',
      async () => ((await conceptOnDisk('koordinator'))?.examples?.includes('r9rf45tp') ? true : undefined),
      30000,
    );
    assert.equal((await readText(CODEBOOK)).replace('    examples: [r9rf45tp]\n', ''), original, 'one line added');
    const element = { transcript: { path: K3 }, annotation: { id: 'r9rf45tp' } };
    assert.equal(await vscode.commands.executeCommand('qcode.removeExample', element, 'koordinator'), 'koordinator');
    await eventually(
      'the example gone from disk',
      async () => ((await readText(CODEBOOK)) === original ? true : undefined),
      30000,
    );
    assert.equal(
      await vscode.commands.executeCommand('qcode.removeExample', { transcript: K3, id: 'pgtqbp19' }),
      undefined,
      'not an example of any concept: nothing to do',
    );
    assert.equal(await readText(CODEBOOK), original);
  });
});

// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { CodebookModel } from '../../src/extension/features/codebook/model';
import { ProjectHost } from '../../src/extension/shared/host/projectHost';
import { changedLines } from '../helpers/codebookEdits';
import { activated, eventually, readText, writeText } from './helpers';

const CODEBOOK = 'codebook.yaml';
const CONCEPT = 'samordning.formell';
const DEFINITION =
  'Skriftlige rutiner, avtaler og ansvarsgrupper.\n\nAndre avsnitt: individuell plan og felles journal – også for «Ærlig talt»-møtene 🙂.';

interface ConceptYaml {
  id: string;
  description?: string;
  color?: string;
  children?: ConceptYaml[];
}

async function conceptOnDisk(id: string): Promise<ConceptYaml | undefined> {
  const find = (list: ConceptYaml[] | undefined): ConceptYaml | undefined =>
    list?.map((c) => (c.id === id ? c : find(c.children))).find(Boolean);
  return find((parse(await readText(CODEBOOK)) as { concepts: ConceptYaml[] }).concepts);
}

/** The Codebook view's item for a concept, from a model over the project as it is on disk now. */
async function treeItem(id: string): Promise<vscode.TreeItem> {
  const host = ProjectHost.forWorkspace();
  assert.ok(host);
  try {
    await host.reload();
    const model = new CodebookModel(
      host,
      async () => undefined,
      () => true,
    );
    return model.getTreeItem(model.node(id));
  } finally {
    host.dispose();
  }
}

function tooltipText(item: vscode.TreeItem): string {
  return (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

/** The colour of the dot an item shows, or undefined for a themable palette colour. */
function dotColor(item: vscode.TreeItem): string | undefined {
  const icon = item.iconPath;
  if (!(icon instanceof vscode.Uri) || icon.scheme !== 'data') return undefined;
  return /fill="([^"]+)"/.exec(atob(icon.path.replace(/^image\/svg\+xml;base64,/, '')))?.[1];
}

/** Runs a command that shows a quick pick and accepts the item it starts on. */
async function acceptFirstPick(command: string, ...args: unknown[]): Promise<void> {
  let done = false;
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => (done = true));
  await eventually(
    'the quick pick to be accepted',
    async () => {
      if (done) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return done ? true : undefined;
    },
    20000,
  );
  await running;
}

describe("a concept's definition and colour edited from the Codebook view", () => {
  let original: string;

  before(async () => {
    await activated();
    original = await readText(CODEBOOK);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await writeText(CODEBOOK, original);
  });

  it('opens the definition as a document; saving two paragraphs writes them to codebook.yaml and the tooltip shows them', async function () {
    this.timeout(90000); // saving reloads the project, slow on a busy machine
    const before = await conceptOnDisk(CONCEPT);
    await vscode.commands.executeCommand('qcode.editConceptDefinition', { conceptId: CONCEPT });
    const editor = await eventually('the definition editor', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'qcode-definition'
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.equal(editor.document.getText(), before?.description);
    const whole = new vscode.Range(
      editor.document.positionAt(0),
      editor.document.positionAt(editor.document.getText().length),
    );
    assert.ok(await editor.edit((edit) => edit.replace(whole, `${DEFINITION}\n`)));
    assert.ok(editor.document.isDirty);
    // Save as Ctrl+S does. Its result is not asserted: VS Code for the web also saves by itself a
    // second after an edit (files.autoSave), and that save cancels a slower one, which resolves false.
    await editor.document.save();
    await eventually('the definition document saved', () => (editor.document.isDirty ? undefined : true), 30000);
    await eventually(
      'the definition on disk',
      async () => ((await conceptOnDisk(CONCEPT))?.description === DEFINITION ? true : undefined),
      30000,
    );
    const written = await readText(CODEBOOK);
    const [first, second] = DEFINITION.split('\n\n');
    assert.deepEqual(changedLines(original, written), {
      removed: [`        description: ${before?.description ?? ''}`],
      added: ['        description: |-', `          ${first}`, '', `          ${second}`],
    });
    const tooltip = tooltipText(await treeItem(CONCEPT));
    assert.ok(tooltip.includes(first ?? '-') && tooltip.includes(second ?? '-'), tooltip);
  });

  it("sets a colour from the quick pick, the view's dot takes it, and Automatic removes it", async function () {
    this.timeout(90000);
    assert.equal(dotColor(await treeItem(CONCEPT)), undefined, 'no colour of its own yet: a palette colour');
    const descriptionBefore = (await treeItem(CONCEPT)).description;
    await acceptFirstPick('qcode.changeConceptColor', { conceptId: CONCEPT });
    await eventually(
      'the colour on disk',
      async () => ((await conceptOnDisk(CONCEPT))?.color === '#4e79a7' ? true : undefined),
      30000,
    );
    assert.match(await readText(CODEBOOK), /\n {8}color: "#4e79a7"\n/);
    const coloured = await treeItem(CONCEPT);
    assert.equal(dotColor(coloured), '#4e79a7');
    assert.equal(coloured.description, descriptionBefore, 'the count stays');
    assert.equal(dotColor(await treeItem('samordning.uformell')), undefined, 'the sibling keeps its palette colour');

    await vscode.commands.executeCommand('qcode.changeConceptColor', { conceptId: CONCEPT }, '#E15759');
    await eventually(
      'the custom colour on disk',
      async () => ((await conceptOnDisk(CONCEPT))?.color === '#e15759' ? true : undefined),
      30000,
    );
    assert.equal(dotColor(await treeItem(CONCEPT)), '#e15759');

    await vscode.commands.executeCommand('qcode.changeConceptColor', { conceptId: CONCEPT }, 'automatic');
    await eventually(
      'the colour removed on disk',
      async () =>
        (await conceptOnDisk(CONCEPT)) && (await conceptOnDisk(CONCEPT))?.color === undefined ? true : undefined,
      30000,
    );
    assert.ok(!(await readText(CODEBOOK)).includes('color:'));
    assert.equal(dotColor(await treeItem(CONCEPT)), undefined);
    assert.equal((await conceptOnDisk(CONCEPT))?.description, DEFINITION, 'the definition stays');
  });
});

// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project:
// what the views say and what works while the project loads, as when the window opens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { generateTranscript } from '../../bench/generate';
import { IdMaker, Rng } from '../../bench/prng';
import type { ContextKeys } from '../../src/extension/shared/host/contextKeys';
import type { QcodeTestApi } from '../../src/extension/extension';
import { activated, eventually, readText, selectPassage, workspaceUri } from './helpers';

/**
 * Enough transcripts that loading the whole project takes a while after the open one is shown: their
 * sidecars start with a document marker, which the fast sidecar reader leaves to the yaml library.
 */
const EXTRA = 'transcripts/zz-loading';
const EXTRA_TRANSCRIPTS = 60;
const TRANSCRIPT = 'transcripts/intervju-K3.txt';
const PASSAGE = 'Men jeg tenker noen ganger at hun også må ha fri.';

interface Welcome {
  view: string;
  contents: string;
  when: string;
}

/** Whether a `when` clause of the form `a && !b` holds for the context keys qcode has set. */
function holds(when: string, keys: Readonly<Partial<ContextKeys>>): boolean {
  return when.split('&&').every((term) => {
    const match = /^\s*(!?)([\w.]+)\s*$/.exec(term);
    if (!match) throw new Error(`this test reads only "a && !b" clauses, not "${when}"`);
    return Boolean(keys[match[2] as keyof ContextKeys]) !== (match[1] === '!');
  });
}

function codebookWelcomes(): { loading: Welcome; empty: Welcome } {
  const all = (
    vscode.extensions.getExtension('qcode.qcode')?.packageJSON as { contributes: { viewsWelcome: Welcome[] } }
  ).contributes.viewsWelcome;
  const find = (...marks: string[]) =>
    all.find((w) => w.view === 'qcode.codebook' && marks.some((m) => w.contents.includes(m)));
  const loading = find('qcode.welcome.loadingCodebook', 'Loading the codebook');
  const empty = find('qcode.welcome.codebook%', 'There is no codebook');
  assert.ok(loading && empty, 'package.json has no loading or no "no codebook" welcome for the Codebook view');
  return { loading, empty };
}

describe('loading the project in a real VS Code', () => {
  let api: QcodeTestApi;
  let sidecar: string;

  before(async function () {
    this.timeout(120000);
    await activated();
    api = (await vscode.extensions.getExtension<QcodeTestApi>('qcode.qcode')?.activate()) as QcodeTestApi;
    sidecar = await readText(`${TRANSCRIPT}.annotations.yaml`);
    const ids = new IdMaker(new Rng(7));
    for (let i = 0; i < EXTRA_TRANSCRIPTS; i++) {
      const { name, text, sidecar: annotations } = generateTranscript(7, i, 100, ids);
      await vscode.workspace.fs.writeFile(workspaceUri(`${EXTRA}/${name}`), new TextEncoder().encode(text));
      await vscode.workspace.fs.writeFile(
        workspaceUri(`${EXTRA}/${name}.annotations.yaml`),
        new TextEncoder().encode(`---\n${annotations}`),
      );
    }
    await vscode.commands.executeCommand('qcode.refresh');
  });

  after(async function () {
    this.timeout(60000);
    await vscode.workspace.fs.delete(workspaceUri(EXTRA), { recursive: true, useTrash: false });
    await vscode.workspace.fs.writeFile(
      workspaceUri(`${TRANSCRIPT}.annotations.yaml`),
      new TextEncoder().encode(sidecar),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.restart();
  });

  it('says that the Codebook is loading, never that there is none, until the whole project has loaded', async function () {
    this.timeout(60000);
    const { loading, empty } = codebookWelcomes();
    const whole = api.restart();
    let done = false;
    void whole.then(() => (done = true));
    const states: { loaded: boolean; concepts: number; loadingShown: boolean; emptyShown: boolean }[] = [];
    while (!done) {
      const keys = api.contextKeys();
      states.push({
        loaded: keys['qcode.projectLoaded'] === true,
        concepts: api.conceptTree().length,
        loadingShown: holds(loading.when, keys),
        emptyShown: holds(empty.when, keys),
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await whole;
    assert.ok(states.length > 3, `only ${states.length} looks while loading`);
    assert.deepEqual(
      states.filter((s) => s.emptyShown),
      [],
      'the "no codebook" welcome would have shown while loading',
    );
    assert.deepEqual(
      states.filter((s) => !s.loaded && s.concepts === 0 && !s.loadingShown),
      [],
      'the Codebook view was empty and said nothing',
    );
    assert.ok(
      states.some((s) => !s.loaded && s.concepts > 0),
      'the concepts were not listed before the whole project had loaded',
    );
    const keys = api.contextKeys();
    assert.equal(keys['qcode.projectLoaded'], true);
    assert.equal(holds(loading.when, keys) || holds(empty.when, keys), false, 'a welcome is still shown after loading');
  });

  it('offers Tag Selection as soon as the transcript shows its annotations, and tags while the rest loads', async function () {
    this.timeout(60000);
    const editor = await selectPassage(TRANSCRIPT, PASSAGE);
    const whole = api.restart();
    let loaded = false;
    void whole.then(() => (loaded = true));
    const shown = await eventually(
      'the annotations of the open transcript',
      () => (api.annotationCount(editor.document) > 0 ? api.contextKeys() : undefined),
      30000,
    );
    assert.equal(shown['qcode.isTranscript'], true, 'Tag Selection was not offered when the annotations showed');
    assert.equal(
      shown['qcode.projectLoaded'],
      false,
      'the open transcript was not shown before the whole project had loaded',
    );
    assert.ok(api.decoratedRanges(editor).length > 0, 'the annotations are not decorated');
    const tagging = vscode.commands.executeCommand('qcode.tagSelectionWithConcept', {
      conceptId: 'koordinator.fallskjerm',
    });
    const added = new RegExp(
      `concepts: \\[koordinator\\.fallskjerm\\]\\n {4}informant: K3\\n {4}range: 25:30-25:79\\n {4}quote: ${PASSAGE.replace(/\./g, '\\.')}\\n`,
    );
    let tagged = await readText(`${TRANSCRIPT}.annotations.yaml`);
    while (!added.test(tagged) && !loaded) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      tagged = await readText(`${TRANSCRIPT}.annotations.yaml`).catch(() => '');
    }
    assert.equal(loaded, false, 'the sidecar was written only after the whole project had loaded');
    assert.match(tagged, added);
    await Promise.all([tagging, whole]);
    assert.equal(
      api.annotationCount(editor.document),
      (tagged.match(/^ {2}- id: /gm) ?? []).length,
      'the new annotation is not shown',
    );
  });
});

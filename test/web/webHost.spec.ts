// Runs in VS Code for the web, whose extension host is a web worker as on github.dev and vscode.dev,
// against a fresh copy of sample-project: what a reviewer sees there. Expectations are read from the
// project's files with workspace.fs and yaml, independently of qcode.
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { ConceptOutline, QcodeTestApi } from '../../src/extension/extension';
import { eventually, readText, workspaceUri } from '../integration/helpers';
import { deepEqual, equal, ok } from './expect';

const TRANSCRIPT = 'transcripts/intervju-K3.txt';

interface CodebookEntry {
  id: string;
  label: string;
  children?: CodebookEntry[];
}

interface SidecarEntry {
  range: string;
  quote: string;
}

function outline(entries: CodebookEntry[] = []): ConceptOutline[] {
  return entries.map((e) => ({ id: e.id, label: e.label, children: outline(e.children) }));
}

async function sidecarEntries(transcript: string): Promise<SidecarEntry[]> {
  return (parse(await readText(`${transcript}.annotations.yaml`)) as { annotations: SidecarEntry[] }).annotations;
}

/** A sidecar range such as "8:5-8:33" (1-based, end exclusive) as an editor range. */
function editorRange(range: string): vscode.Range {
  const [startLine = 0, startColumn = 0, endLine = 0, endColumn = 0] = range.split(/[:-]/).map(Number);
  return new vscode.Range(startLine - 1, startColumn - 1, endLine - 1, endColumn - 1);
}

/** Where the next mouse click in the editor puts the cursor. */
function nextClick(editor: vscode.TextEditor, ms = 20000): Promise<vscode.Position> {
  return new Promise((resolve, reject) => {
    const listener = vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.kind !== vscode.TextEditorSelectionChangeKind.Mouse || e.textEditor.document !== editor.document) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(e.selections[0]?.active ?? new vscode.Position(0, 0));
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no click in ${ms} ms: test/e2e/runWeb.js clicks a passage that it sees highlighted on screen`));
    }, ms);
  });
}

function qcode(): vscode.Extension<QcodeTestApi> {
  const extension = vscode.extensions.getExtension<QcodeTestApi>('qcode.qcode');
  ok(extension, 'qcode.qcode is not among the extensions of the web extension host');
  return extension;
}

describe('qcode in VS Code for the web', () => {
  let api: QcodeTestApi;

  before(async () => {
    api = await qcode().activate();
  });

  it('runs in a web worker, without Node', () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'the UI kind');
    equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'the type of the global process');
    equal(
      typeof (globalThis as { importScripts?: unknown }).importScripts,
      'function',
      'the type of the worker global importScripts',
    );
  });

  it('activates from its web build and returns its API', async () => {
    equal(qcode().isActive, true, 'qcode is active');
    ok(api, 'activate() returned no API');
    ok(api.activationMs >= 0 && api.activationMs < 10000, `activation took ${api.activationMs} ms`);
    ok(
      (await vscode.commands.getCommands(true)).includes('qcode.tagSelection'),
      'qcode.tagSelection is not registered',
    );
  });

  it('shows the concepts of codebook.yaml in the Codebook view', async () => {
    const expected = outline((parse(await readText('codebook.yaml')) as { concepts: CodebookEntry[] }).concepts);
    ok(expected.length > 0, 'codebook.yaml has no concepts');
    await vscode.commands.executeCommand('qcode.codebook.focus');
    const shown = await eventually('the codebook to load', () =>
      api.conceptTree().length > 0 ? api.conceptTree() : undefined,
    );
    deepEqual(shown, expected, 'the concepts of the Codebook view and of codebook.yaml');
  });

  it('loads the annotations of an opened transcript', async () => {
    const entries = await sidecarEntries(TRANSCRIPT);
    ok(entries.length > 0, `${TRANSCRIPT} has no annotations`);
    const editor = await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT));
    const count = await eventually('the annotations to load', () =>
      api.annotationCount(editor.document) === entries.length ? entries.length : undefined,
    ).catch(() => api.annotationCount(editor.document));
    equal(count, entries.length, `annotations qcode shows in ${TRANSCRIPT}`);
  });

  it('decorates every annotated passage and the informant codes in the visible editor', async () => {
    const entries = await sidecarEntries(TRANSCRIPT);
    const editor = await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT));
    ok(vscode.window.visibleTextEditors.includes(editor), `${TRANSCRIPT} is not in a visible editor`);
    const decorated = await eventually('the passages to be decorated', () => {
      const ranges = api.decoratedRanges(editor);
      return entries.every((e) => ranges.some((r) => r.isEqual(editorRange(e.range)))) ? ranges : undefined;
    });
    const text = (range: vscode.Range) => editor.document.getText(range);
    deepEqual(
      entries.map((e) => text(editorRange(e.range))),
      entries.map((e) => e.quote),
      'the decorated passages and the quotes',
    );
    ok(
      decorated.some((r) => text(r) === 'K3'),
      'the informant code K3 is not decorated',
    );
    ok(Number.isFinite(api.repaint(editor)), 'repainting the editor failed');
  });

  it('highlights the passages on screen: a click on a highlighted one lands in an annotated passage', async () => {
    const entries = await sidecarEntries(TRANSCRIPT);
    const editor = await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT));
    const click = nextClick(editor);
    console.log('qcode web tests: click a highlighted passage');
    const position = await click;
    ok(
      entries.some((e) => editorRange(e.range).contains(position)),
      `the click at ${position.line + 1}:${position.character + 1} is in no annotated passage`,
    );
  });
});

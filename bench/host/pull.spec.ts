// After a `git pull`-like change on disk (100 sidecars with a new annotation each, and 20 of their transcripts edited
// outside qcode, written by another process as git writes them) -> qcode's views consistent with all of it.
// Consistent means, all at once:
// - the Codebook view's count of each concept the new annotations are under is its count before plus them;
// - the Problems panel has, for each of the 100 sidecars, as many "orphaned", "fuzzy" and "moved" problems as the
//   core's anchoring finds in the new files (the rewritten answers orphan or move passages, the new exchange moves
//   every passage below it);
// - the open editor (one of the 20 transcripts) shows the new text, every passage it decorates is where the core
//   anchors an annotation of the new sidecar (or is an informant code), and every such passage in view is decorated.
// Timed from the moment the writing process has written the last file.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, informantMentionRegExp } from '../../src/core/settings/settings';
import type { TextRange } from '../../src/core/text/position';
import type { ConceptOutline, QcodeTestApi } from '../../src/extension/extension';
import { workspaceUri } from '../../test/integration/helpers';
import { loadedQcode, now, openTranscript, recordFigures, sleep } from './benchSupport';
import { CHANGED_SIDECARS, CHANGED_TRANSCRIPTS, pullChanges, type PulledTranscript } from './pullChanges';

const CHECKED_CODES = ['orphaned', 'fuzzy', 'moved'] as const;

/** Writes the files from another process, in path order; resolves with when it started and finished writing. */
async function writeAsGitWould(root: string, writes: Map<string, string>): Promise<{ started: number; done: number }> {
  const manifest = join(tmpdir(), `qcode-pull-${process.pid}.json`);
  writeFileSync(manifest, JSON.stringify([...writes].sort(([a], [b]) => a.localeCompare(b))));
  const script = `const fs = require('node:fs'), path = require('node:path');
const at = () => performance.timeOrigin + performance.now();
const files = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const started = at();
for (const [file, text] of files) fs.writeFileSync(path.join(process.argv[2], file), text);
console.log(JSON.stringify({ started, done: at() }));`;
  const child = spawn(process.execPath, ['-e', script, manifest, root], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, 'writing the pulled files failed');
  return JSON.parse(out) as { started: number; done: number };
}

const rangeKey = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const fromCore = (r: TextRange) =>
  new vscode.Range(r.start.line - 1, r.start.column - 1, r.end.line - 1, r.end.column - 1);

/**
 * The counts the Codebook should show after the pull for the concepts the pull adds to (a new annotation's concept
 * and its ancestors): one more for each new annotation under them.
 */
function expectedCounts(
  api: QcodeTestApi,
  tree: readonly ConceptOutline[],
  pulled: readonly PulledTranscript[],
): Record<string, number> {
  const parent = new Map<string, string>();
  const walk = (concepts: readonly ConceptOutline[], up?: string): void =>
    concepts.forEach((c) => {
      if (up) parent.set(c.id, up);
      walk(c.children, c.id);
    });
  walk(tree);
  const added = new Map<string, number>();
  for (const annotation of pulled.map((p) => p.added))
    for (let id: string | undefined = annotation.concepts[0]; id; id = parent.get(id))
      added.set(id, (added.get(id) ?? 0) + 1);
  const before = api.codebookCounts([...added.keys()]);
  return Object.fromEntries([...added].map(([id, more]) => [id, (before[id] ?? NaN) + more]));
}

/** What is not yet as it should be after the pull, or undefined when everything is; the cheap checks first. */
function inconsistency(
  api: QcodeTestApi,
  editor: vscode.TextEditor,
  pulled: readonly PulledTranscript[],
  counts: Record<string, number>,
): string | undefined {
  const open = pulled[0] as PulledTranscript;
  if (editor.document.getText() !== open.text) return 'the editor does not show the new text yet';
  for (const { path, statuses } of pulled) {
    const diagnostics = vscode.languages
      .getDiagnostics(workspaceUri(`${path}.annotations.yaml`))
      .filter((d) => d.source === 'qcode');
    for (const code of CHECKED_CODES) {
      const found = diagnostics.filter((d) => d.code === code).length;
      if (found !== statuses[code]) return `${path}: ${found} "${code}" problems, not ${statuses[code]}`;
    }
  }
  const wrongDecoration = decorationInconsistency(api, editor, open);
  if (wrongDecoration) return wrongDecoration;
  const shown = api.codebookCounts(Object.keys(counts));
  const wrongCount = Object.keys(counts).find((id) => shown[id] !== counts[id]);
  return wrongCount && `the Codebook counts ${shown[wrongCount]} for ${wrongCount}, not ${counts[wrongCount]}`;
}

/** A passage decorated where no annotation is, or one in view left undecorated, in the open transcript. */
function decorationInconsistency(
  api: QcodeTestApi,
  editor: vscode.TextEditor,
  open: PulledTranscript,
): string | undefined {
  const expected = new Set(open.ranges.map((r) => rangeKey(fromCore(r))));
  const mentions = new Set(
    [...open.text.matchAll(informantMentionRegExp(DEFAULT_SETTINGS))].map((m) =>
      rangeKey(
        new vscode.Range(editor.document.positionAt(m.index), editor.document.positionAt(m.index + m[0].length)),
      ),
    ),
  );
  const painted = api.decoratedRanges(editor).map(rangeKey);
  const stray = painted.find((key) => !expected.has(key) && !mentions.has(key));
  if (stray) return `the editor decorates ${stray}, where no annotation is`;
  const paintedSet = new Set(painted);
  const inView = open.ranges
    .map(fromCore)
    .filter((r) => editor.visibleRanges.some((v) => v.intersection(r) !== undefined));
  const missing = inView.find((r) => !paintedSet.has(rangeKey(r)));
  return missing ? `the editor does not decorate ${rangeKey(missing)}` : undefined;
}

/**
 * When a file watcher of the workspace, as qcode has one, tells of the first and the last of `count` files written
 * (the events of one file counted once); the times are those at which this extension host hears of them. The last is
 * NaN if not all are heard of within a minute.
 */
function watchedEvents(count: number): Promise<{ first: number; last: number }> {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,txt}');
  const seen = new Set<string>();
  let first = NaN;
  return new Promise((resolve) => {
    const finish = (last: number) => {
      watcher.dispose();
      clearTimeout(timer);
      resolve({ first, last });
    };
    const timer = setTimeout(() => finish(NaN), 60000);
    const heard = (uri: vscode.Uri) => {
      if (seen.size === 0) first = now();
      seen.add(uri.toString());
      if (seen.size === count) finish(now());
    };
    watcher.onDidChange(heard);
    watcher.onDidCreate(heard);
  });
}

/**
 * Resolves with the first time `check` finds nothing amiss, checking after each of the events (once the listeners
 * before have run) and, in case, every 250 ms.
 */
function consistentAt(check: () => string | undefined, events: vscode.Event<unknown>[], ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let last: string | undefined;
    const test = () => {
      last = check();
      if (last !== undefined) return;
      const at = now();
      finish();
      resolve(at);
    };
    const soon = () => setImmediate(test);
    const subscriptions = events.map((event) => event(soon));
    const interval = setInterval(test, 250);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`not consistent ${ms} ms after the pull: ${last}`));
    }, ms);
    const finish = () => {
      subscriptions.forEach((s) => s.dispose());
      clearInterval(interval);
      clearTimeout(timer);
    };
  });
}

describe('a pull of 100 sidecars and 20 transcripts (benchmark)', () => {
  it('views and decorations consistent with the files on disk', async function () {
    this.timeout(600000);
    const api = await loadedQcode();
    const root = workspaceUri('').fsPath;
    const transcripts = readdirSync(join(root, 'transcripts'))
      .filter((name) => /^intervju-.*\.txt$/.test(name))
      .sort()
      .map((name) => `transcripts/${name}`);
    const pulled = pullChanges(root, transcripts);
    const editor = await openTranscript(api, workspaceUri(pulled[0]?.path ?? ''));
    await sleep(2000);
    const counts = expectedCounts(api, api.conceptTree(), pulled);
    const writes = new Map(pulled.flatMap((p) => [...p.writes]));
    const events = watchedEvents(writes.size);
    const consistent = consistentAt(
      () => inconsistency(api, editor, pulled, counts),
      [api.onDidPaint, vscode.languages.onDidChangeDiagnostics],
      60000,
    );
    const { started, done } = await writeAsGitWould(root, writes);
    const at = await consistent;
    const { first, last } = await events;
    recordFigures({
      pull: {
        sidecars: CHANGED_SIDECARS,
        transcripts: CHANGED_TRANSCRIPTS,
        filesWritten: writes.size,
        writingMs: Math.round(done - started),
        consistentMs: Math.round(at - done),
        // When an extension's file watcher told of the first and the last file written, from the last written: what
        // any extension waits for before it can know.
        watcherFirstMs: Math.round(first - done),
        watcherLastMs: Math.round(last - done),
        statuses: pulled.reduce(
          (sum, p) => Object.fromEntries(CHECKED_CODES.map((c) => [c, (sum[c] ?? 0) + p.statuses[c]])),
          {} as Record<string, number>,
        ),
      },
    });
  });
});

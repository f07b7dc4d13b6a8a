// Coding queries in the real extension host: Query Passages… with the query as argument, the Query
// Results view's rows against the core's result, the coder filter, saved queries written into
// qcode.yaml and run again, the analysis matrices, and a syntax error refused at its column.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { parseQuery, runQuery, type QueryPassage } from '../../src/core/query';
import { oneLine } from '../../src/core/text/oneLine';
import type { MatrixPage } from '../../src/extension/features/analysis/matrixHtml';
import { ProjectHost } from '../../src/extension/shared/host/projectHost';
import type { QueryOutcome, QueryViewItems } from '../../src/extension/features/query/queryView';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const SETTINGS = 'qcode.yaml';
const QUERY = 'koordinator and role=tjenestemottaker';
const SAVED = 'fallskjerm-brukere';
const SAVED_QUERY = 'koordinator.fallskjerm and role=tjenestemottaker';
const SETTINGS_TEXT = '# Settings of the sample study\ncitation: "({informant})"   # as the chapter cites\n';

/**
 * What the core finds for a query in the project as it is on disk, with only the annotations `include` lets through.
 */
async function coreResult(text: string, coder?: string): Promise<QueryPassage[]> {
  const host = ProjectHost.forWorkspace()!;
  try {
    const loaded = await host.reload();
    const parsed = parseQuery(text);
    assert.ok(parsed.expression && loaded, parsed.error?.message);
    return runQuery(parsed.expression, loaded.project, coder ? { include: (r) => r.annotation.coder === coder } : {})
      .passages;
  } finally {
    host.dispose();
  }
}

/** The view's passages as where they are and what they show. */
function rows(view: QueryViewItems): string[] {
  return view.groups.flatMap((group) => group.passages.map((p) => `${p.path} ${p.range.join(',')} ${p.label}`));
}

/** The core's passages as the view should show them: the range 0-based, the quote on one line. */
function expectedRows(passages: readonly QueryPassage[]): string[] {
  return passages.map(
    ({ transcript, range, quote }) =>
      `${transcript.path} ${[range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1].join(',')} ${oneLine(quote, 80)}`,
  );
}

function shown(outcome: QueryOutcome): QueryViewItems {
  assert.ok(outcome?.ok, JSON.stringify(outcome));
  return outcome.view;
}

/** The view as it is now, without running anything. */
function viewNow(): Thenable<QueryViewItems> {
  return vscode.commands.executeCommand<QueryViewItems>('qcode.queryGroupByTranscript');
}

describe('coding query results and saved queries in a real VS Code', () => {
  let original: string | undefined;

  before(async () => {
    await activated();
    original = await readText(SETTINGS).catch(() => undefined);
    await writeText(SETTINGS, SETTINGS_TEXT);
    await vscode.commands.executeCommand('qcode.refresh');
  });

  after(async () => {
    if (original === undefined) await vscode.workspace.fs.delete(workspaceUri(SETTINGS));
    else await writeText(SETTINGS, original);
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'all' });
    await vscode.commands.executeCommand('qcode.refresh');
  });

  it("lists a query's passages by transcript, as the core finds them, and opens one selected", async () => {
    const expected = await coreResult(QUERY);
    assert.ok(expected.length > 3, `the sample project answers ${QUERY}`);
    const view = shown(await vscode.commands.executeCommand<QueryOutcome>('qcode.queryPassages', QUERY));
    assert.deepEqual(rows(view), expectedRows(expected));
    assert.equal(view.description, `${QUERY} · ${expected.length} passages`);
    assert.deepEqual(
      view.groups.map((g) => g.label),
      [...new Set(expected.map((p) => p.transcript.path.split('/').pop()))],
    );
    const first = view.groups[0]!;
    assert.equal(first.description, `${first.passages.length} passage${first.passages.length === 1 ? '' : 's'}`);
    assert.match(
      first.passages[0]!.description,
      new RegExp(`^${expected[0]!.informant} · .* · line ${expected[0]!.range.start.line}$`),
    );

    const passage = first.passages[0]!;
    await vscode.commands.executeCommand('qcode.openPassage', workspaceUri(passage.path), passage.range);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), workspaceUri(expected[0]!.transcript.path).toString());
    assert.equal(editor.document.getText(editor.selection), expected[0]!.quote);
  });

  it('groups the passages by informant, in code order', async () => {
    const expected = await coreResult(QUERY);
    const view = await vscode.commands.executeCommand<QueryViewItems>('qcode.queryGroupByInformant');
    const codes = [...new Set(expected.map((p) => p.informant ?? ''))].sort((a, b) =>
      a.localeCompare(b, undefined, { numeric: true }),
    );
    assert.deepEqual(
      view.groups.map((g) => g.label),
      codes,
    );
    for (const group of view.groups) {
      assert.equal(group.passages.length, expected.filter((p) => p.informant === group.label).length, group.label);
    }
    assert.deepEqual(rows(view).sort(), expectedRows(expected).sort());
  });

  it('follows the coder filter', async () => {
    await vscode.commands.executeCommand('qcode.queryPassages', QUERY);
    const all = (await viewNow()).description;
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'coder', coder: 'jonas' });
    try {
      const expected = await coreResult(QUERY, 'jonas');
      const view = await viewNow();
      assert.deepEqual(rows(view), expectedRows(expected));
      assert.equal(view.description, `${QUERY} · ${expected.length} passages · only jonas`);
      assert.notEqual(view.description, all);
    } finally {
      await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'all' });
    }
    assert.equal((await viewNow()).description, all);
  });

  it('refuses a query with a syntax error or an unknown concept, naming its column, and keeps the result shown', async () => {
    const before = await viewNow();
    const outcome = await vscode.commands.executeCommand<QueryOutcome>(
      'qcode.queryPassages',
      'koordinator and or informant=K1',
    );
    assert.ok(outcome && !outcome.ok);
    assert.equal(outcome.error.column, 17);
    assert.match(outcome.error.message, /^Column 17 \("or"\): An operand is missing before "or"/);
    const unclosed = await vscode.commands.executeCommand<QueryOutcome>(
      'qcode.queryPassages',
      'koordinator and (informant=K1',
    );
    assert.ok(unclosed && !unclosed.ok);
    assert.equal(
      unclosed.error.column,
      'koordinator and (informant=K1'.length + 1,
      'an unclosed parenthesis is missed at the end',
    );
    const unknown = await vscode.commands.executeCommand<QueryOutcome>(
      'qcode.queryPassages',
      'koordinator and fallskjerm',
    );
    assert.ok(unknown && !unknown.ok);
    assert.match(
      unknown.error.message,
      /^Column 17 \("fallskjerm"\): The concept "fallskjerm" is not in codebook\.yaml/,
    );
    assert.deepEqual(await viewNow(), before);
    assert.equal(
      await vscode.commands.executeCommand('qcode.saveQuery', { name: 'broken', expression: 'koordinator and' }),
      false,
    );
    assert.equal(await readText(SETTINGS), SETTINGS_TEXT);
  });

  it('saves a query by name into qcode.yaml in place, lists it, and runs it again', async () => {
    assert.equal(
      await vscode.commands.executeCommand('qcode.saveQuery', { name: SAVED, expression: SAVED_QUERY }),
      true,
    );
    assert.equal(await readText(SETTINGS), `${SETTINGS_TEXT}queries:\n  ${SAVED}: ${SAVED_QUERY}\n`);
    assert.deepEqual((parse(await readText(SETTINGS)) as { queries: unknown }).queries, { [SAVED]: SAVED_QUERY });
    assert.deepEqual((await viewNow()).saved, [{ name: SAVED, description: SAVED_QUERY }]);

    const expected = await coreResult(SAVED_QUERY);
    assert.ok(expected.length > 0);
    const view = shown(await vscode.commands.executeCommand<QueryOutcome>('qcode.runSavedQuery', SAVED));
    assert.equal(
      view.description,
      `${SAVED}: ${SAVED_QUERY} · ${expected.length} passage${expected.length === 1 ? '' : 's'}`,
    );
    assert.deepEqual(rows(view), expectedRows(expected));
  });

  it('runs a saved query as qcode.yaml says after it changes on disk', async () => {
    const changed = 'koordinator.fallskjerm';
    await writeText(SETTINGS, `${SETTINGS_TEXT}queries:\n  ${SAVED}: ${changed}\n`);
    const expected = await coreResult(changed);
    const view = await eventually('the view to run the changed query', async () => {
      const now = await viewNow();
      return now.description?.startsWith(`${SAVED}: ${changed} ·`) ? now : undefined;
    });
    assert.deepEqual(rows(view), expectedRows(expected));
    await writeText(SETTINGS, `${SETTINGS_TEXT}queries:\n  ${SAVED}: ${SAVED_QUERY}\n`);
    await eventually('the view to run the saved query again', async () =>
      (await viewNow()).description?.startsWith(`${SAVED}: ${SAVED_QUERY} ·`) ? true : undefined,
    );
  });

  it('takes a saved query as a row of concepts × informants and as a column of concepts × saved queries', async () => {
    const expected = await coreResult(SAVED_QUERY);
    const byInformant = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', { view: 'informant' });
    const row = byInformant.matrix.rows.findIndex((r) => r.id === `query:${SAVED}`);
    assert.ok(row >= 0, 'the saved query is a row');
    byInformant.matrix.columns.forEach((column, j) => {
      assert.equal(
        byInformant.matrix.cells[row]![j]!.count,
        expected.filter((p) => (p.informant ?? '') === column.id).length,
        column.id,
      );
    });
    const column = byInformant.matrix.columns.findIndex((c) => c.id === expected[0]!.informant);
    const chosen = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', {
      view: 'informant',
      cell: { row, column },
    });
    assert.deepEqual(
      chosen.chosen?.quotes.map((q) => q.text),
      expected.filter((p) => p.informant === expected[0]!.informant).map((p) => p.quote),
    );

    const byQuery = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', { view: 'queries' });
    assert.deepEqual(
      byQuery.matrix.columns.map((c) => c.id),
      [`query:${SAVED}`],
    );
    const fallskjerm = byQuery.matrix.rows.findIndex((r) => r.id === 'koordinator.fallskjerm');
    assert.equal(byQuery.matrix.cells[fallskjerm]![0]!.count, expected.length);
    assert.equal(
      byQuery.matrix.cells[byQuery.matrix.rows.findIndex((r) => r.id === 'informasjon')]![0]!.count,
      expected.filter((p) => p.concepts.includes('informasjon')).length,
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('deletes a saved query from qcode.yaml, leaving the rest of the file as it was', async () => {
    assert.equal(await vscode.commands.executeCommand('qcode.deleteSavedQuery', SAVED), true);
    assert.equal(await readText(SETTINGS), `${SETTINGS_TEXT}queries:\n`);
    assert.deepEqual((await viewNow()).saved, []);
    assert.equal(await vscode.commands.executeCommand('qcode.deleteSavedQuery', SAVED), false);
  });
});

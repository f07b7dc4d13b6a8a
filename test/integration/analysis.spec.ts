// The analysis matrices in the real extension host: counts against an independent count of the
// sidecars, a cell's passages, and hostile project text kept as plain text in the page.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { MatrixPage } from '../../src/extension/analysis/matrixHtml';
import { matrixHtml } from '../../src/extension/analysis/matrixHtml';
import { activated, readText } from './helpers';

async function countedFromSidecars(coder?: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'transcripts');
  for (const [name] of await vscode.workspace.fs.readDirectory(folder)) {
    if (!name.endsWith('.annotations.yaml')) continue;
    const sidecar = parse(await readText(`transcripts/${name}`)) as { annotations: { concepts: string[]; informant?: string; coder?: string }[] };
    for (const annotation of sidecar.annotations.filter((a) => coder === undefined || a.coder === coder)) {
      for (const concept of new Set(annotation.concepts)) {
        const key = `${concept}|${annotation.informant ?? ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function nonZeroCells(page: MatrixPage): Map<string, number> {
  const shown = new Map<string, number>();
  page.matrix.rows.forEach((row, r) => page.matrix.columns.forEach((column, c) => {
    const count = page.matrix.cells[r]?.[c]?.count ?? 0;
    if (count > 0) shown.set(`${row.id}|${column.id}`, count);
  }));
  return new Map([...shown].sort());
}

describe('analysis matrices in a real VS Code', () => {
  before(activated);

  it('counts passages per concept and informant as the sidecars say, and lists a cell\'s passages', async () => {
    const expected = await countedFromSidecars();
    const page = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', { view: 'informant' });
    assert.deepEqual(nonZeroCells(page), new Map([...expected].sort()));

    const row = page.matrix.rows.findIndex((r) => r.id === 'informasjon');
    const column = page.matrix.columns.findIndex((c) => c.id === 'L9');
    const withCell = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', { view: 'informant', cell: { row, column } });
    assert.equal(withCell.chosen?.quotes.length, expected.get('informasjon|L9'));
    assert.ok(withCell.chosen?.quotes.every((q) => q.annotation.concepts.includes('informasjon') && q.informant === 'L9'));
  });

  it('counts only the coder the coder filter shows', async () => {
    const expected = await countedFromSidecars('jonas');
    await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'coder', coder: 'jonas' });
    try {
      const page = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', { view: 'informant' });
      assert.deepEqual(nonZeroCells(page), new Map([...expected].sort()));
    } finally {
      await vscode.commands.executeCommand('qcode.filterCoders', { kind: 'all' });
    }
  });

  it('shows hostile project text as text, under a script policy with a nonce', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const quote = { text: hostile, informant: 'K1', transcript: { path: 'x.txt' }, resolution: { status: 'exact', range: { start: { line: 3 } } }, annotation: { id: 'a', concepts: ['c'] } };
    const page = {
      matrix: { kind: 'informant', rows: [{ id: 'c', label: hostile }], columns: [{ id: 'K1', label: '"K1"&' }], cells: [[{ count: 1, refs: [] }]], max: 1 },
      views: [{ id: 'informant', label: hostile }],
      view: 'informant',
      chosen: { row: 0, column: 0, quotes: [quote] },
    } as unknown as MatrixPage;
    const html = matrixHtml(page, { cspSource: 'vscode-webview:' } as vscode.Webview, 'n0nce');
    assert.doesNotMatch(html, /<script>alert|<img src=x/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /script-src 'nonce-n0nce'/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the page\'s own script');
  });
});

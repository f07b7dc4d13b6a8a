// The analysis matrices in the real extension host: counts against an independent count of the
// sidecars, a cell's passages, and hostile project text kept as plain text in the page.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { MatrixPage } from '../../src/extension/features/analysis/matrixHtml';
import { matrixHtml } from '../../src/extension/features/analysis/matrixHtml';
import type { AgreementReport } from '../../src/core/agreement/report';
import { agreementHtml } from '../../src/extension/features/agreement/agreementHtml';
import { CodebookModel } from '../../src/extension/features/codebook/model';
import { ProjectHost } from '../../src/extension/shared/host/projectHost';
import { WebviewPage } from '../../src/extension/shared/webview/html';
import { conceptParents, withAncestors } from '../helpers/sidecarTally';
import { activated, readText } from './helpers';

/** Passages per concept and informant, a passage counting once under its concepts and every concept above them. */
async function countedFromSidecars(coder?: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const parents = conceptParents(await readText('codebook.yaml'));
  const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'transcripts');
  for (const [name] of await vscode.workspace.fs.readDirectory(folder)) {
    if (!name.endsWith('.annotations.yaml')) continue;
    const sidecar = parse(await readText(`transcripts/${name}`)) as {
      annotations: { concepts: string[]; informant?: string; coder?: string }[];
    };
    for (const annotation of sidecar.annotations.filter((a) => coder === undefined || a.coder === coder)) {
      for (const concept of withAncestors(annotation.concepts, parents)) {
        const key = `${concept}|${annotation.informant ?? ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function nonZeroCells(page: MatrixPage): Map<string, number> {
  const shown = new Map<string, number>();
  page.matrix.rows.forEach((row, r) =>
    page.matrix.columns.forEach((column, c) => {
      const count = page.matrix.cells[r]?.[c]?.count ?? 0;
      if (count > 0) shown.set(`${row.id}|${column.id}`, count);
    }),
  );
  return new Map([...shown].sort());
}

describe('analysis matrices in a real VS Code', () => {
  before(activated);

  it("counts passages per concept and informant as the sidecars say, and lists a cell's passages", async () => {
    const expected = await countedFromSidecars();
    const page = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', { view: 'informant' });
    assert.deepEqual(nonZeroCells(page), new Map([...expected].sort()));

    const row = page.matrix.rows.findIndex((r) => r.id === 'informasjon');
    const column = page.matrix.columns.findIndex((c) => c.id === 'L9');
    const withCell = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', {
      view: 'informant',
      cell: { row, column },
    });
    assert.equal(withCell.chosen?.quotes.length, expected.get('informasjon|L9'));
    assert.ok(
      withCell.chosen?.quotes.every((q) => q.annotation.concepts.includes('informasjon') && q.informant === 'L9'),
    );
  });

  it('gives a parent concept the passages of its subtree, each once', async () => {
    const page = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', { view: 'informant' });
    const row = page.matrix.rows.findIndex((r) => r.id === 'samordning');
    const refs = page.matrix.cells[row]!.flatMap((cell) => cell.refs.map((ref) => `${ref.transcript}#${ref.id}`));
    const children = ['samordning.formell', 'samordning.uformell', 'samordning.horisontal', 'samordning.vertikal'];
    const childRefs = new Set(
      page.matrix.rows.flatMap((r, i) =>
        children.includes(r.id)
          ? page.matrix.cells[i]!.flatMap((cell) => cell.refs.map((ref) => `${ref.transcript}#${ref.id}`))
          : [],
      ),
    );
    assert.equal(new Set(refs).size, refs.length, 'a passage counted twice');
    assert.deepEqual(refs.sort(), [...childRefs].sort());
    assert.ok(refs.length > 0);
  });

  it('gives each concept the count the Codebook view shows, and the view says in a tooltip what it counts', async () => {
    const page = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', { view: 'informant' });
    const host = ProjectHost.forWorkspace()!;
    try {
      await host.reload();
      const model = new CodebookModel(
        host,
        async () => undefined,
        () => true,
      );
      page.matrix.rows.forEach((row, i) => {
        const item = model.getTreeItem(model.node(row.id));
        assert.equal(
          item.description,
          String(page.matrix.cells[i]!.reduce((total, cell) => total + cell.count, 0)),
          row.id,
        );
      });
      const tooltip = (id: string) =>
        (model.getTreeItem(model.node(id)).tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
      const samordning = model.getTreeItem(model.node('samordning')).description;
      assert.ok(
        tooltip('samordning').includes(
          `The count, ${samordning}, is the passages tagged with this concept or a concept under it, each passage once`,
        ),
      );
      assert.match(tooltip('samordning.formell'), /The count, \d+, is the passages tagged with this concept\./);
    } finally {
      host.dispose();
    }
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

  it('puts no style attribute or inline handler in its pages, which their policy would refuse', async () => {
    const webview = { cspSource: 'vscode-webview:' } as vscode.Webview;
    for (const view of ['informant', 'attribute:role', 'cooccurrence']) {
      const page = await vscode.commands.executeCommand<MatrixPage>('qcode.showAnalysis', {
        view,
        cell: { row: 0, column: 0 },
      });
      const html = matrixHtml(page, webview, 'n0nce', true);
      assert.doesNotMatch(html, /<[^>]*\sstyle\s*=/i, view);
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, view);
      assert.match(html, /<style nonce="n0nce">[^<]*th\.depth-2\{padding-left:2\.5em\}/);
      assert.match(html, /<th scope="row" class="depth-1">Formell samordning<\/th>/);
    }
    const report = await vscode.commands.executeCommand<AgreementReport>('qcode.showAgreement', {
      coders: ['ingrid', 'jonas'],
    });
    const agreement = agreementHtml(report, (id) => id, webview, 'n0nce');
    assert.match(agreement, /<table>/);
    assert.doesNotMatch(agreement, /<[^>]*\sstyle\s*=/i);
    assert.doesNotMatch(agreement, /<[^>]*\son[a-z]+\s*=/i);
  });

  it("sets a webview's page only when it changed, so that a reload of the project does not take the focus", () => {
    const set: string[] = [];
    const webview = {
      set html(html: string) {
        set.push(html);
      },
    } as unknown as vscode.Webview;
    const shown = new WebviewPage(webview);
    shown.show((nonce) => `<p nonce="${nonce}">1</p>`);
    shown.show((nonce) => `<p nonce="${nonce}">1</p>`);
    assert.equal(set.length, 1);
    assert.doesNotMatch(set[0]!, /nonce="same"/);
    shown.show((nonce) => `<p nonce="${nonce}">2</p>`);
    shown.show((nonce) => `<p nonce="${nonce}" autofocus>2</p>`, '<p nonce="same">2</p>');
    assert.equal(set.length, 2);
  });

  it('shows hostile project text as text, under a script policy with a nonce', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const quote = {
      text: hostile,
      informant: 'K1',
      transcript: { path: 'x.txt' },
      resolution: { status: 'exact', range: { start: { line: 3 } } },
      annotation: { id: 'a', concepts: ['c'] },
    };
    const page = {
      matrix: {
        kind: 'informant',
        rows: [{ id: 'c', label: hostile }],
        columns: [{ id: 'K1', label: '"K1"&' }],
        cells: [[{ count: 1, refs: [] }]],
        max: 1,
      },
      views: [{ id: 'informant', label: hostile }],
      view: 'informant',
      chosen: { row: 0, column: 0, quotes: [quote] },
    } as unknown as MatrixPage;
    const html = matrixHtml(page, { cspSource: 'vscode-webview:' } as vscode.Webview, 'n0nce');
    assert.doesNotMatch(html, /<script>alert|<img src=x/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /script-src 'nonce-n0nce'/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, "only the page's own script");
  });
});

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import { spreadsheetSafe } from '../../src/core/export/csv';
import { treeHashes } from '../helpers/treeHash';
import { qcode, scratchProject, write } from './cliHarness';

// Exports of a project whose own text attacks whoever opens the export: formulas for spreadsheets,
// HTML and javascript: links for wherever Markdown is rendered.

const FORMULA = "=cmd|' /C calc'!A0";
const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src=x onerror=alert(1)>';
const LINK = '[klikk her](javascript:alert(1))';
const TEXT = `K1: ${FORMULA} sa han. ${SCRIPT} og ${IMAGE} og ${LINK} og -2+3 til slutt.\n`;

function hostileProject(): string {
  const dir = scratchProject(null);
  mkdirSync(join(dir, 'transcripts'));
  write(dir, 'qcode.yaml', 'transcripts: transcripts\n');
  write(
    dir,
    'codebook.yaml',
    new Document({
      concepts: [{ id: 'farlig', label: `+SUM(1;1) ${SCRIPT}`, description: `${IMAGE} ${LINK}` }],
    }).toString(),
  );
  write(dir, 'informants.yaml', new Document({ informants: [{ code: 'K1', rolle: '@SUM(1+1)' }] }).toString());
  write(dir, 'transcripts/intervju.txt', TEXT);
  const annotation = (id: string, quote: string, extra: Record<string, string> = {}) => ({
    id,
    concepts: ['farlig'],
    informant: 'K1',
    quote,
    ...extra,
  });
  const annotations = [
    annotation('frml0001', FORMULA, { memo: '+SUM(1,1)', coder: '@angriper' }),
    annotation('scrp0001', SCRIPT, { memo: '\tfane\u001b[31m rød\u0000', coder: '-kari' }),
    annotation('imge0001', IMAGE, { memo: `${SCRIPT} i memo` }),
    annotation('link0001', LINK),
    annotation('minu0001', '-2+3'),
  ];
  write(
    dir,
    'transcripts/intervju.txt.annotations.yaml',
    new Document({ qcode: 1, transcript: 'intervju.txt', annotations }).toString({ lineWidth: 0 }),
  );
  return dir;
}

/** The cells of an RFC 4180 text. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  for (const match of text.replace(/^\ufeff/, '').matchAll(/(?:^|,|\r\n)("(?:[^"]|"")*"|[^,\r\n]*)/g)) {
    const cell = match[1] ?? '';
    cells.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
  }
  return cells;
}

async function unchangedExport(dir: string, ...argv: string[]) {
  const before = treeHashes(dir);
  const result = await qcode(...argv);
  assert.deepEqual(treeHashes(dir), before, 'the export changed the project');
  return result;
}

describe('exports of hostile text', () => {
  it('neutralise formulas and strip control characters in every CSV cell of qcode export', async () => {
    const dir = hostileProject();
    const result = await unchangedExport(dir, 'export', dir, '--format', 'csv');
    assert.equal(result.code, 0, result.stderr);
    const cells = csvCells(result.stdout);
    for (const cell of cells)
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `the cell ${JSON.stringify(cell)} would run as a formula`);
    for (const cell of [
      `'${FORMULA}`,
      "'+SUM(1,1)",
      "'@angriper",
      "'-kari",
      "'-2+3",
      `'+SUM(1;1) ${SCRIPT}`,
      "'\tfane[31m rød",
    ])
      assert.ok(cells.includes(cell), `no cell ${JSON.stringify(cell)} in ${JSON.stringify(cells)}`);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(result.stdout, /[\u0000\u001b]/);
    mkdirSync(join(dir, 'ut'));
    const before = treeHashes(dir);
    const written = await qcode('export', dir, '--format', 'csv', '--out', join(dir, 'ut', 'sitater.csv'));
    assert.equal(written.code, 0, written.stderr);
    const after = treeHashes(dir);
    assert.deepEqual(
      [...after.keys()].filter((path) => !before.has(path)),
      ['ut/sitater.csv'],
      'the export wrote something besides its --out file',
    );
    assert.deepEqual(
      [...before].filter(([path, hash]) => after.get(path) !== hash),
      [],
    );
  });

  it('neutralise formulas in qcode stats --format csv', async () => {
    const dir = hostileProject();
    const result = await unchangedExport(dir, 'stats', dir, '--by', 'attribute:rolle', '--format', 'csv');
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.startsWith(`\ufeffconcept,concept_label,'@SUM(1+1)`), result.stdout);
    assert.match(result.stdout, /\r\nfarlig,'\+SUM\(1;1\) <script>alert\(1\)<\/script>,5/);
  });

  it('keep HTML, images and javascript: links in Markdown as text', async () => {
    const dir = hostileProject();
    for (const group of ['concept', 'informant']) {
      const result = await unchangedExport(
        dir,
        'export',
        dir,
        '--format',
        'md',
        '--group',
        group,
        '--citation',
        '({informant}, {transcript})',
      );
      assert.equal(result.code, 0, result.stderr);
      const markdown = result.stdout;
      assert.doesNotMatch(markdown, /<(script|img)/i, markdown);
      assert.doesNotMatch(markdown, /(^|[^\\])\]\(javascript:/m, markdown);
      assert.ok(markdown.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), markdown);
      assert.ok(markdown.includes('&lt;img src=x onerror=alert(1)&gt;'), markdown);
      assert.ok(markdown.includes('\\[klikk her\\](javascript:alert(1))'), markdown);
      assert.match(markdown, /^> \\\[klikk her\\\]\(javascript:alert\(1\)\) \(K1, intervju\.txt\)$/m);
    }
  });

  it('escape the Markdown of the informant headings and attributes too', async () => {
    const dir = hostileProject();
    write(
      dir,
      'informants.yaml',
      new Document({ informants: [{ code: 'K1', rolle: `${SCRIPT} ${LINK}` }] }).toString(),
    );
    const result = await qcode('export', dir, '--format', 'md', '--group', 'informant');
    assert.match(
      result.stdout,
      /^\*rolle: &lt;script&gt;alert\(1\)&lt;\/script&gt; \\\[klikk her\\\]\(javascript:alert\(1\)\)\*$/m,
    );
  });
});

describe('spreadsheetSafe', () => {
  it('puts an apostrophe before what a spreadsheet would run, and leaves other text alone', () => {
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-1', "'-1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1', "'\t=1"],
      ['\r=1', "'=1"],
      ['Ja, det stemmer.', 'Ja, det stemmer.'],
      ['æøå = 1', 'æøå = 1'],
      ['', ''],
      ['linje 1\nlinje 2', 'linje 1\nlinje 2'],
      ['\u0000=1', "'=1"],
      ['a\u001bb\u0007c\u007f', 'abc'],
    ];
    for (const [input, expected] of cases) assert.equal(spreadsheetSafe(input), expected, JSON.stringify(input));
  });
});

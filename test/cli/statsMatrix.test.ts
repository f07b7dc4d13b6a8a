import assert from 'node:assert/strict';
import type { Matrix } from '../../src/core/stats/matrix';
import { assertMatchesTally, attributeReader, registryAttributes, tallySidecars } from '../helpers/sidecarTally';
import { qcode, scratchProject } from './cliHarness';

describe('qcode stats --by', () => {
  let dir: string;
  before(() => {
    dir = scratchProject();
  });

  async function matrixJson(...args: string[]): Promise<Matrix> {
    const result = await qcode('stats', dir, ...args, '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Matrix;
  }

  it('counts concept x informant by default, as the sidecars say', async () => {
    const matrix = await matrixJson();
    assert.equal(matrix.kind, 'informant');
    assert.deepEqual(
      matrix.columns.slice(0, 3).map((c) => c.id),
      ['K1', 'K2', 'K3'],
    );
    assertMatchesTally(
      matrix,
      tallySidecars(dir, (informant) => informant ?? ''),
    );
    assert.deepEqual(await matrixJson('--by', 'informant'), matrix);
  });

  it('counts concept x attribute joined with informants.yaml', async () => {
    const matrix = await matrixJson('--by', 'attribute:role');
    assert.equal(matrix.attribute, 'role');
    assertMatchesTally(matrix, tallySidecars(dir, attributeReader(dir, 'role')));
  });

  it('gives a symmetric co-occurrence matrix', async () => {
    const matrix = await matrixJson('--by', 'cooccurrence');
    assert.deepEqual(matrix.columns, matrix.rows);
    matrix.cells.forEach((row, i) => row.forEach((cell, j) => assert.equal(cell.count, matrix.cells[j]![i]!.count)));
  });

  it('writes Markdown and CSV', async () => {
    const markdown = await qcode('stats', dir);
    assert.match(markdown.stdout, /^\| Concept \| K1 \| K2 \| K3 \|/);
    assert.match(markdown.stdout, /\n\| \*\*Passages\*\* \|/);
    const csv = await qcode('stats', dir, '--by', 'attribute:gender', '--format', 'csv');
    assert.ok(csv.stdout.startsWith('\ufeffconcept,concept_label,kvinne,mann,(none)\r\n'), csv.stdout);
    assert.match(csv.stdout, /\r\nkoordinator\.fallskjerm,Fallskjermen,\d+,\d+,\d+\r\n/);
  });

  it('rejects an unknown attribute, naming the known ones', async () => {
    const result = await qcode('stats', dir, '--by', 'attribute:height');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /"height"/);
    for (const name of registryAttributes(dir)) assert.ok(result.stderr.includes(name), `${name} is not named`);
  });

  it('rejects an unknown --by and --format', async () => {
    assert.equal((await qcode('stats', dir, '--by', 'coder')).code, 2);
    assert.equal((await qcode('stats', dir, '--format', 'xlsx')).code, 2);
  });
});

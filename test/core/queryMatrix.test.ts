import assert from 'node:assert/strict';
import type { Project } from '../../src/core/project/model';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import { parseQuery, runQuery } from '../../src/core/query';
import { conceptByInformant, type Matrix } from '../../src/core/stats/matrix';
import { conceptByQuery, isQueryCell, withQueryRows, type QueryAxis } from '../../src/core/stats/queryMatrix';
import { queryProject } from '../helpers/queryProject';

const TEXT = `Intervju

K1: Da ringer jeg henne. Hun svarer alltid.

K2: Vi har ikke folk nok.

M9: Det er ingen der.
`;

function span(words: string): { start: number; end: number } {
  const start = TEXT.indexOf(words);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
}

function project(): Project {
  return queryProject([
    {
      path: 'transcripts/a.txt',
      text: TEXT,
      passages: [
        { ...span('Da ringer jeg henne.'), concepts: ['a.x'], informant: 'K1' },
        { ...span('Hun svarer alltid.'), concepts: ['a.y', 'b'], informant: 'K1' },
        { ...span('ringer jeg henne. Hun'), concepts: ['b'], informant: 'K1' },
        { ...span('Vi har ikke folk nok.'), concepts: ['b'], informant: 'K2' },
        { ...span('Det er ingen der.'), concepts: ['a.x.z'] },
      ],
    },
  ]);
}

function axis(name: string, text: string, of = project()): QueryAxis {
  const parsed = parseQuery(text);
  assert.ok(parsed.expression, parsed.error?.message);
  return { name, label: `Query ${name}`, result: runQuery(parsed.expression, of) };
}

function counts(matrix: Matrix, row: string): Record<string, number> {
  const i = matrix.rows.findIndex((r) => r.id === row);
  assert.ok(i >= 0, row);
  return Object.fromEntries(matrix.columns.map((c, j) => [c.id, matrix.cells[i]![j]!.count]));
}

describe('saved queries in the analysis matrices', () => {
  it('adds a row per query that counts its passages per informant, not the annotations behind them', () => {
    const of = project();
    const matrix = withQueryRows(
      conceptByInformant(new ProjectIndex(of)),
      [axis('b', 'b', of), axis('ax', 'a.x', of)],
      (p) => p.informant ?? '',
    );
    // "b" joins its three annotations into two passages: K1's two touching ones and K2's.
    assert.deepEqual(counts(matrix, 'query:b'), { K1: 1, K2: 1, M9: 0, '': 0 });
    // A passage's informant is its annotation's, else the speaker of its turn (M9 here).
    assert.deepEqual(counts(matrix, 'query:ax'), { K1: 1, K2: 0, M9: 1, '': 0 });
    assert.deepEqual(counts(matrix, 'b'), { K1: 2, K2: 1, M9: 0, '': 0 }, "the concepts' rows stay as they were");
    assert.equal(matrix.rows.at(-1)?.label, 'Query ax');
    assert.equal(matrix.max, 2);
  });

  it("lists a query cell's passages and the annotations behind them", () => {
    const of = project();
    const matrix = withQueryRows(
      conceptByInformant(new ProjectIndex(of)),
      [axis('b', 'b', of)],
      (p) => p.informant ?? '',
    );
    const cell = matrix.cells[matrix.rows.length - 1]![0]!;
    assert.ok(isQueryCell(cell));
    assert.deepEqual(
      cell.passages.map((p) => p.quote),
      ['ringer jeg henne. Hun svarer alltid.'],
    );
    assert.equal(cell.refs.length, 2);
    assert.ok(!isQueryCell(matrix.cells[0]![0]));
  });

  it('adds a column a query needs that the matrix lacks, the none column staying last', () => {
    const of = project();
    const matrix = withQueryRows(conceptByInformant(new ProjectIndex(of)), [axis('c', 'a', of)], (p) =>
      p.informant === 'K1' ? 'K1' : 'X9',
    );
    assert.deepEqual(
      matrix.columns.map((c) => c.id),
      ['K1', 'K2', 'X9', ''],
    );
    assert.deepEqual(counts(matrix, 'query:c'), { K1: 2, K2: 0, X9: 1, '': 0 });
    assert.deepEqual(counts(matrix, 'a'), { K1: 2, K2: 0, X9: 0, '': 1 });
    assert.ok(matrix.cells.every((row) => row.length === matrix.columns.length));
  });

  it('leaves the matrix as it is without queries', () => {
    const matrix = conceptByInformant(new ProjectIndex(project()));
    assert.equal(
      withQueryRows(matrix, [], () => ''),
      matrix,
    );
  });

  it('puts a query in a column whose cells count its passages per concept and its subtree', () => {
    const of = project();
    const matrix = conceptByQuery(of.codebook, [axis('b', 'b', of), axis('not-b', 'a and not b', of)]);
    assert.equal(matrix.kind, 'query');
    assert.deepEqual(
      matrix.columns.map((c) => c.id),
      ['query:b', 'query:not-b'],
    );
    assert.deepEqual(counts(matrix, 'a'), { 'query:b': 1, 'query:not-b': 2 });
    assert.deepEqual(counts(matrix, 'a.x'), { 'query:b': 0, 'query:not-b': 2 });
    assert.deepEqual(counts(matrix, 'a.y'), { 'query:b': 1, 'query:not-b': 0 });
    assert.deepEqual(counts(matrix, 'c'), { 'query:b': 0, 'query:not-b': 0 });
    assert.equal(matrix.rows.find((r) => r.id === 'a.x.z')?.depth, 2);
  });
});

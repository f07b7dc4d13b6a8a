import assert from 'node:assert/strict';
import { compareAnnotations, sameField, type Annotation } from '../../src/core/sidecar/annotation';

const at = (line: number, column: number, endColumn = column + 5) => ({
  start: { line, column },
  end: { line, column: endColumn },
});
const a = (id: string, range?: ReturnType<typeof at>): Annotation => ({
  id,
  concepts: ['c'],
  quote: 'q',
  ...(range ? { range } : {}),
});

describe('compareAnnotations', () => {
  it('sorts by start, then end, then id; annotations without a range last', () => {
    const list = [
      a('zz', at(2, 1)),
      a('no-range-b'),
      a('bb', at(1, 5, 9)),
      a('aa', at(1, 5, 9)),
      a('cc', at(1, 5, 7)),
      a('no-range-a'),
      a('dd', at(1, 1)),
    ];
    assert.deepEqual(
      [...list].sort(compareAnnotations).map((x) => x.id),
      ['dd', 'cc', 'aa', 'bb', 'zz', 'no-range-a', 'no-range-b'],
    );
  });
});

describe('sameField', () => {
  it('compares concepts in order, ranges by position and other fields by value', () => {
    const x: Annotation = { id: 'x', concepts: ['a', 'b'], quote: 'q', range: at(1, 1), memo: 'm' };
    assert.equal(sameField(x, { ...x, concepts: ['a', 'b'] }, 'concepts'), true);
    assert.equal(sameField(x, { ...x, concepts: ['b', 'a'] }, 'concepts'), false);
    assert.equal(sameField(x, { ...x, concepts: ['a'] }, 'concepts'), false);
    assert.equal(sameField(x, { ...x, range: at(1, 1) }, 'range'), true);
    assert.equal(sameField(x, { ...x, range: at(1, 2) }, 'range'), false);
    assert.equal(sameField(x, { ...x, memo: undefined }, 'memo'), false);
    assert.equal(sameField(x, { ...x }, 'memo'), true);
  });
});

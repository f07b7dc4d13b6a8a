import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySplices, lineEndAfter, lineStartOf, heaviestIncreasingSubsequence } from '../../src/core/sidecar/splice';
import { runs } from '../helpers/fcRuns';

describe('applySplices', () => {
  it('applies replacements given in any order', () => {
    assert.equal(
      applySplices('abcdef', [
        { start: 4, end: 5, text: 'E' },
        { start: 0, end: 1, text: 'A' },
      ]),
      'AbcdEf',
    );
  });

  it('keeps the given order of insertions at the same place', () => {
    assert.equal(
      applySplices('ab', [
        { start: 1, end: 1, text: '1' },
        { start: 1, end: 1, text: '2' },
      ]),
      'a12b',
    );
  });

  it('applies an insertion before a replacement starting at the same place', () => {
    assert.equal(
      applySplices('abc', [
        { start: 1, end: 2, text: 'X' },
        { start: 1, end: 1, text: '+' },
      ]),
      'a+Xc',
    );
  });

  it('returns the text for no splices', () => {
    assert.equal(applySplices('same', []), 'same');
  });
});

describe('line helpers', () => {
  const text = 'ab\ncd\nef';
  it('find the start of the line of an offset', () => {
    assert.deepEqual(
      [0, 2, 3, 5, 6, 8].map((o) => lineStartOf(text, o)),
      [0, 0, 3, 3, 6, 6],
    );
  });

  it('find the offset after the line break ending the line of offset - 1', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 6, 7, 8].map((o) => lineEndAfter(text, o)),
      [3, 3, 3, 6, 6, 8, 8],
    );
  });
});

describe('heaviestIncreasingSubsequence', () => {
  it('finds the indexes of a longest strictly increasing run when every weight is 1', () => {
    assert.deepEqual(heaviestIncreasingSubsequence([]), []);
    assert.deepEqual(heaviestIncreasingSubsequence([0, 1, 2]), [0, 1, 2]);
    assert.deepEqual(heaviestIncreasingSubsequence([2, 1, 0]).length, 1);
    assert.deepEqual(heaviestIncreasingSubsequence([3, 0, 1, 4, 2]).length, 3);
  });

  it('prefers the heavier run over the longer one', () => {
    assert.deepEqual(heaviestIncreasingSubsequence([1, 2, 0], [1, 1, 5]), [2]);
    assert.deepEqual(heaviestIncreasingSubsequence([1, 2, 0], [1, 1, 1]), [0, 1]);
  });

  it('is increasing and as heavy as the quadratic answer on random input', () => {
    const input = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 9 })), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(input, (pairs) => {
        const values = pairs.map(([v]) => v);
        const weights = pairs.map(([, w]) => w);
        const indexes = heaviestIncreasingSubsequence(values, weights);
        for (let i = 1; i < indexes.length; i++) {
          assert.ok((indexes[i] as number) > (indexes[i - 1] as number));
          assert.ok((values[indexes[i] as number] as number) > (values[indexes[i - 1] as number] as number));
        }
        const best = weights.slice();
        values.forEach((v, i) =>
          values.slice(0, i).forEach((u, j) => {
            if (u < v) best[i] = Math.max(best[i] as number, (best[j] as number) + (weights[i] as number));
          }),
        );
        const total = indexes.reduce((sum, i) => sum + (weights[i] as number), 0);
        assert.equal(total, values.length === 0 ? 0 : Math.max(...best));
      }),
      runs(500, 21),
    );
  });
});

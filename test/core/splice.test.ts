import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySplices, lineEndAfter, lineStartOf, longestIncreasingSubsequence } from '../../src/core/sidecar/splice';
import { runs } from '../helpers/fcRuns';

describe('applySplices', () => {
  it('applies replacements given in any order', () => {
    assert.equal(applySplices('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }]), 'AbcdEf');
  });

  it('keeps the given order of insertions at the same place', () => {
    assert.equal(applySplices('ab', [{ start: 1, end: 1, text: '1' }, { start: 1, end: 1, text: '2' }]), 'a12b');
  });

  it('applies an insertion before a replacement starting at the same place', () => {
    assert.equal(applySplices('abc', [{ start: 1, end: 2, text: 'X' }, { start: 1, end: 1, text: '+' }]), 'a+Xc');
  });

  it('returns the text for no splices', () => {
    assert.equal(applySplices('same', []), 'same');
  });
});

describe('line helpers', () => {
  const text = 'ab\ncd\nef';
  it('find the start of the line of an offset', () => {
    assert.deepEqual([0, 2, 3, 5, 6, 8].map((o) => lineStartOf(text, o)), [0, 0, 3, 3, 6, 6]);
  });

  it('find the offset after the line break ending the line of offset - 1', () => {
    assert.deepEqual([1, 2, 3, 4, 6, 7, 8].map((o) => lineEndAfter(text, o)), [3, 3, 3, 6, 6, 8, 8]);
  });
});

describe('longestIncreasingSubsequence', () => {
  it('finds the indexes of a longest strictly increasing run', () => {
    assert.deepEqual(longestIncreasingSubsequence([]), []);
    assert.deepEqual(longestIncreasingSubsequence([0, 1, 2]), [0, 1, 2]);
    assert.deepEqual(longestIncreasingSubsequence([2, 1, 0]).length, 1);
    assert.deepEqual(longestIncreasingSubsequence([3, 0, 1, 4, 2]), [1, 2, 4]);
  });

  it('is increasing and as long as the quadratic answer on random input', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }), (values) => {
      const indexes = longestIncreasingSubsequence(values);
      for (let i = 1; i < indexes.length; i++) {
        assert.ok((indexes[i] as number) > (indexes[i - 1] as number));
        assert.ok((values[indexes[i] as number] as number) > (values[indexes[i - 1] as number] as number));
      }
      const best = values.map(() => 1);
      values.forEach((v, i) => values.slice(0, i).forEach((u, j) => { if (u < v) best[i] = Math.max(best[i] as number, (best[j] as number) + 1); }));
      assert.equal(indexes.length, values.length === 0 ? 0 : Math.max(...best));
    }), runs(500, 21));
  });
});

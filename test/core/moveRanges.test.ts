import assert from 'node:assert/strict';
import { moveRanges, type LiveRange, type TextChange } from '../../src/core/anchoring/moveRanges';

/** The passage "quote" sits at [10, 15) in every case below. */
function moved(...changes: TextChange[]): LiveRange {
  const range: LiveRange = { start: 10, end: 15 };
  moveRanges([range], changes);
  return range;
}
const insert = (at: number, text: string): TextChange => ({ rangeOffset: at, rangeLength: 0, text });
const remove = (at: number, length: number): TextChange => ({ rangeOffset: at, rangeLength: length, text: '' });
const replace = (at: number, length: number, text: string): TextChange => ({
  rangeOffset: at,
  rangeLength: length,
  text,
});

describe('moveRanges', () => {
  it('shifts a passage by text inserted or deleted before it', () => {
    assert.deepEqual(moved(insert(0, 'abc')), { start: 13, end: 18 });
    assert.deepEqual(moved(remove(2, 4)), { start: 6, end: 11 });
    assert.deepEqual(moved(replace(5, 5, 'x')), { start: 6, end: 11 }, 'a replacement ending right at the start');
  });

  it('leaves a passage alone for edits after it, including right at its end', () => {
    assert.deepEqual(moved(insert(15, 'abc')), { start: 10, end: 15 });
    assert.deepEqual(moved(replace(15, 3, 'x')), { start: 10, end: 15 });
    assert.deepEqual(moved(insert(30, 'x')), { start: 10, end: 15 });
  });

  it('keeps text typed right at the start outside the passage', () => {
    assert.deepEqual(moved(insert(10, 'ab')), { start: 12, end: 17 });
  });

  it('takes text typed inside into the passage and marks it touched', () => {
    assert.deepEqual(moved(insert(12, 'ab')), { start: 10, end: 17, touched: true });
  });

  it('shrinks a passage by text deleted inside it', () => {
    assert.deepEqual(moved(remove(11, 2)), { start: 10, end: 13, touched: true });
  });

  it('covers the replacement when an edit overlaps the start or the end', () => {
    assert.deepEqual(moved(replace(8, 4, 'XY')), { start: 8, end: 13, touched: true });
    assert.deepEqual(moved(replace(13, 5, 'XYZ')), { start: 10, end: 16, touched: true });
  });

  it('collapses a passage whose text was deleted entirely, never backwards', () => {
    assert.deepEqual(moved(remove(5, 20)), { start: 5, end: 5, touched: true });
    assert.deepEqual(moved(replace(10, 5, 'new')), { start: 10, end: 13, touched: true });
  });

  it('applies several changes in order, each in the offsets the previous one left', () => {
    assert.deepEqual(moved(insert(0, 'aa'), insert(0, 'b'), remove(20, 5)), { start: 13, end: 18 });
  });

  it('moves all given ranges and keeps them touched once touched', () => {
    const ranges: LiveRange[] = [
      { start: 0, end: 3 },
      { start: 5, end: 9 },
    ];
    moveRanges(ranges, [insert(1, 'x')]);
    moveRanges(ranges, [insert(0, 'y')]);
    assert.deepEqual(ranges, [
      { start: 1, end: 5, touched: true },
      { start: 7, end: 11 },
    ]);
  });

  it('moves an empty range like a cursor: text typed at it stays before it', () => {
    const range: LiveRange = { start: 4, end: 4 };
    moveRanges([range], [insert(4, 'ab')]);
    assert.deepEqual(range, { start: 6, end: 6 });
  });
});

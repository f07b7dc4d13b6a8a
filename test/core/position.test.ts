import assert from 'node:assert/strict';
import { comparePositions, formatRange, parseRange, sameRange } from '../../src/core/text/position';

const range = (a: number, b: number, c: number, d: number) => ({
  start: { line: a, column: b },
  end: { line: c, column: d },
});

describe('parseRange and formatRange', () => {
  it('parse startLine:startCol-endLine:endCol and write it back', () => {
    assert.deepEqual(parseRange('21:5-21:97'), range(21, 5, 21, 97));
    assert.deepEqual(parseRange(' 3:1-4:1 '), range(3, 1, 4, 1));
    assert.equal(formatRange(range(21, 5, 21, 97)), '21:5-21:97');
    assert.deepEqual(parseRange('7:3-7:3'), range(7, 3, 7, 3), 'an empty range is a range');
  });

  it('refuse malformed, zero-based and backwards ranges', () => {
    for (const bad of [
      '',
      '21:5',
      '21:5-21',
      '21.5-21.97',
      '21:5 - 21:97',
      'a:b-c:d',
      '0:1-1:1',
      '1:0-1:2',
      '3:5-2:1',
      '2:9-2:3',
      '-1:1-2:2',
      '1:1-2:2x',
    ]) {
      assert.equal(parseRange(bad), undefined, `"${bad}" must not parse`);
    }
  });
});

describe('comparePositions and sameRange', () => {
  it('order by line, then column', () => {
    assert.ok(comparePositions({ line: 1, column: 9 }, { line: 2, column: 1 }) < 0);
    assert.ok(comparePositions({ line: 2, column: 3 }, { line: 2, column: 1 }) > 0);
    assert.equal(comparePositions({ line: 2, column: 3 }, { line: 2, column: 3 }), 0);
  });

  it('treat two missing ranges as the same, one missing as different', () => {
    assert.equal(sameRange(range(1, 1, 1, 2), range(1, 1, 1, 2)), true);
    assert.equal(sameRange(range(1, 1, 1, 2), range(1, 1, 1, 3)), false);
    assert.equal(sameRange(undefined, undefined), true);
    assert.equal(sameRange(range(1, 1, 1, 2), undefined), false);
  });
});

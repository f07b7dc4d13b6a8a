import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codingRuns, type Span } from '../../src/core/agreement/codingRuns';
import { oneLine } from '../../src/core/text/oneLine';
import { runs } from '../helpers/fcRuns';

/** The coding of each character, the slow and obvious way. */
function perCharacter(length: number, spansByCoder: readonly Span[][]): boolean[][] {
  return Array.from({ length }, (_, offset) =>
    spansByCoder.map((spans) => spans.some((s) => s.start <= offset && offset < s.end)),
  );
}

const scenarioArb = fc.integer({ min: 0, max: 60 }).chain((length) =>
  fc.record({
    length: fc.constant(length),
    spansByCoder: fc.array(
      fc.array(
        fc
          .tuple(fc.integer({ min: -3, max: length + 3 }), fc.integer({ min: -3, max: length + 3 }))
          .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
        { maxLength: 5 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);

describe('codingRuns', () => {
  it('gives every character the coding it has, in maximal runs that tile the text', () => {
    fc.assert(
      fc.property(scenarioArb, ({ length, spansByCoder }) => {
        const found = codingRuns(length, spansByCoder);
        const expected = perCharacter(length, spansByCoder);
        assert.deepEqual(
          found.flatMap((run) => Array.from({ length: run.end - run.start }, () => run.coded)),
          expected,
        );
        found.forEach((run, i) => {
          assert.equal(run.start, i === 0 ? 0 : found[i - 1]?.end);
          assert.ok(run.start < run.end);
          if (i > 0) assert.notDeepEqual(run.coded, found[i - 1]?.coded);
        });
      }),
      runs(300, 7201),
    );
  });

  it('costs per passage, not per character: a million characters with three passages make a few runs', () => {
    const found = codingRuns(1_000_000, [
      [
        { start: 10, end: 500_000 },
        { start: 400_000, end: 600_000 },
      ],
      [{ start: 20, end: 30 }],
    ]);
    assert.deepEqual(
      found.map((run) => [run.start, run.end, run.coded]),
      [
        [0, 10, [false, false]],
        [10, 20, [true, false]],
        [20, 30, [true, true]],
        [30, 600_000, [true, false]],
        [600_000, 1_000_000, [false, false]],
      ],
    );
  });

  it('gives no runs for an empty text', () => {
    assert.deepEqual(codingRuns(0, [[{ start: 0, end: 4 }], []]), []);
  });
});

describe('oneLine', () => {
  it('joins lines and collapses whitespace', () => {
    assert.equal(oneLine('  Ja.\r\n\r\n  Det går\tbra.  ', 80), 'Ja. Det går bra.');
  });

  it('cuts long text with an ellipsis, never inside an emoji', () => {
    assert.equal(oneLine('abcdefghij', 6), 'abcde…');
    assert.equal(oneLine('abcd😀fghij', 6), 'abcd…');
    assert.equal(oneLine('abc😀efghij', 6), 'abc😀…');
    assert.equal(oneLine('Æøå er norske bokstaver', 8), 'Æøå er…');
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { moveRanges, type LiveRange, type TextChange } from '../../src/core/anchoring/moveRanges';
import { runs } from '../helpers/fcRuns';

/**
 * The model: every character carries an identity (original characters 0..n-1, inserted ones
 * fresh numbers), so "the same text" means the very same characters, not just equal letters.
 */
interface Scenario {
  length: number;
  ranges: [number, number][];
  edits: { at: number; remove: number; insert: number }[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 0, max: 60 }).chain((length) =>
  fc.record({
    length: fc.constant(length),
    ranges: fc.array(
      fc
        .tuple(fc.nat({ max: length }), fc.nat({ max: length }))
        .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
      { minLength: 1, maxLength: 6 },
    ),
    edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.nat({ max: 8 }) }), {
      minLength: 1,
      maxLength: 10,
    }),
  }),
);

/** Turns edit specs into concrete changes on a growing/shrinking text of identities. */
function play(scenario: Scenario, onChange: (change: TextChange, before: number[], after: number[]) => void): void {
  let ids = Array.from({ length: scenario.length }, (_, i) => i);
  let fresh = scenario.length;
  for (const edit of scenario.edits) {
    const at = edit.at % (ids.length + 1);
    const remove = Math.min(edit.remove, ids.length - at);
    const inserted = Array.from({ length: edit.insert }, () => fresh++);
    const after = [...ids.slice(0, at), ...inserted, ...ids.slice(at + remove)];
    onChange({ rangeOffset: at, rangeLength: remove, text: 'x'.repeat(edit.insert) }, ids, after);
    ids = after;
  }
}

const live = (scenario: Scenario): LiveRange[] => scenario.ranges.map(([start, end]) => ({ start, end }));

describe('property: moveRanges keeps passages on their text', () => {
  it('a range whose text no edit touched still covers the very same characters; no range is ever backwards', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const ranges = live(scenario);
        const original = ranges.map((r) => Array.from({ length: r.end - r.start }, (_, i) => r.start + i));
        let ids: number[] = [];
        play(scenario, (change, _before, after) => {
          moveRanges(ranges, [change]);
          ids = after;
          for (const r of ranges)
            assert.ok(
              r.start >= 0 && r.start <= r.end && r.end <= after.length,
              `bad range ${r.start}-${r.end} in ${after.length}`,
            );
        });
        ranges.forEach((r, i) => {
          if (!r.touched) assert.deepEqual(ids.slice(r.start, r.end), original[i]);
        });
      }),
      runs(2000, 11),
    );
  });

  it('an edit that changes characters inside a non-empty range marks it touched, and what survived stays inside', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const ranges = live(scenario);
        play(scenario, (change, before, after) => {
          const previous = ranges.map((r) => ({ ...r, content: before.slice(r.start, r.end) }));
          moveRanges(ranges, [change]);
          ranges.forEach((r, i) => {
            const was = previous[i] as (typeof previous)[number];
            const content = after.slice(r.start, r.end);
            const survivors = was.content.filter((id) => after.includes(id));
            assert.ok(
              survivors.every((id) => content.includes(id)),
              'a surviving character of the passage fell outside it',
            );
            const trivial = change.rangeLength === 0 && change.text === '';
            if (!trivial && was.content.length > 0 && !was.touched) {
              assert.equal(
                !!r.touched,
                content.join() !== was.content.join(),
                'touched must say exactly whether the passage text changed',
              );
            }
          });
        });
      }),
      runs(2000, 12),
    );
  });

  it('typing right at the start or end of a non-empty passage leaves the typed text outside it', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (start, length, n, atStart) => {
          const end = start + length;
          const range: LiveRange = { start, end };
          moveRanges([range], [{ rangeOffset: atStart ? start : end, rangeLength: 0, text: 'y'.repeat(n) }]);
          assert.deepEqual(range, atStart ? { start: start + n, end: end + n } : { start, end });
        },
      ),
      runs(300, 13),
    );
  });

  it('several changes in one call move ranges as the same changes one call at a time', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const together = live(scenario);
        const oneByOne = live(scenario);
        const changes: TextChange[] = [];
        play(scenario, (change) => {
          changes.push(change);
          moveRanges(oneByOne, [change]);
        });
        moveRanges(together, changes);
        assert.deepEqual(together, oneByOne);
      }),
      runs(500, 14),
    );
  });
});

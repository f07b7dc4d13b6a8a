import assert from 'node:assert/strict';
import { mergeAnnotations } from '../../src/core/merge/mergeAnnotations';
import type { Annotation } from '../../src/core/sidecar/annotation';

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 10 } });
const BASE: Annotation = {
  id: 'aaaaaaaa',
  concepts: ['samordning.formell'],
  range: at(3),
  quote: 'Jeg har et team.',
  memo: 'first',
  coder: 'ingrid',
};
const OTHER: Annotation = { id: 'bbbbbbbb', concepts: ['koordinator.fallskjerm'], range: at(7), quote: 'Nummeret.' };

const ids = (list: Annotation[]) => list.map((a) => a.id).sort();

describe('mergeAnnotations', () => {
  it('keeps annotations added on either side', () => {
    const mine: Annotation = { id: 'mmmmmmmm', concepts: ['x'], quote: 'mine' };
    const theirs: Annotation = { id: 'tttttttt', concepts: ['y'], quote: 'theirs' };
    const result = mergeAnnotations([BASE], [BASE, mine], [BASE, theirs]);
    assert.deepEqual(ids(result.annotations), ['aaaaaaaa', 'mmmmmmmm', 'tttttttt']);
    assert.deepEqual(result.conflicts, []);
  });

  it('drops an annotation removed on one side and unchanged on the other', () => {
    for (const [ours, theirs] of [
      [[BASE], [BASE, OTHER]],
      [[BASE, OTHER], [BASE]],
    ] as const) {
      const result = mergeAnnotations([BASE, OTHER], ours, theirs);
      assert.deepEqual(ids(result.annotations), ['aaaaaaaa']);
      assert.deepEqual(result.conflicts, []);
    }
  });

  it('combines edits of different fields', () => {
    const result = mergeAnnotations([BASE], [{ ...BASE, memo: 'ours' }], [{ ...BASE, coder: 'ola' }]);
    assert.deepEqual(result.annotations, [{ ...BASE, memo: 'ours', coder: 'ola' }]);
    assert.deepEqual(result.conflicts, []);
  });

  it('takes a field removed on their side', () => {
    const withoutMemo: Annotation = { ...BASE };
    delete withoutMemo.memo;
    const result = mergeAnnotations([BASE], [BASE], [withoutMemo]);
    assert.deepEqual(result.annotations, [withoutMemo]);
  });

  it('merges concepts element by element: additions from both sides, a removal on one side', () => {
    const base = { ...BASE, concepts: ['a', 'b', 'c'] };
    const result = mergeAnnotations(
      [base],
      [{ ...base, concepts: ['a', 'c', 'æøå'] }],
      [{ ...base, concepts: ['b', 'a', 'c', '😀'] }],
    );
    assert.deepEqual(result.annotations[0]?.concepts, ['a', 'c', 'æøå', '😀']);
    assert.deepEqual(result.conflicts, []);
  });

  it("keeps both sides' concepts when each replaced all of the base's, so an annotation never ends with none", () => {
    const base = { ...BASE, concepts: ['a'] };
    const result = mergeAnnotations([base], [{ ...base, concepts: ['b'] }], [{ ...base, concepts: ['c'] }]);
    assert.deepEqual(result.annotations[0]?.concepts, ['b', 'c']);
  });

  it("takes the one side's range and context; ours when both moved it (they are hints)", () => {
    const moved = mergeAnnotations([BASE], [BASE], [{ ...BASE, range: at(5), before: 'x' }]);
    assert.deepEqual([moved.annotations[0]?.range, moved.annotations[0]?.before], [at(5), 'x']);
    const both = mergeAnnotations(
      [BASE],
      [{ ...BASE, range: at(4), after: 'o' }],
      [{ ...BASE, range: at(5), after: 't' }],
    );
    assert.deepEqual([both.annotations[0]?.range, both.annotations[0]?.after], [at(4), 'o']);
    assert.deepEqual(both.conflicts, []);
  });

  it('lets a removal win over a change of range and context only', () => {
    const result = mergeAnnotations([BASE], [], [{ ...BASE, range: at(9), before: 'moved' }]);
    assert.deepEqual(result, { annotations: [], conflicts: [] });
  });

  it('reports a field changed differently on both sides, with each side as it would win', () => {
    const result = mergeAnnotations(
      [BASE],
      [{ ...BASE, memo: 'ours', coder: 'ola' }],
      [{ ...BASE, memo: 'theirs', concepts: ['x'] }],
    );
    assert.deepEqual(result.conflicts, [
      {
        id: 'aaaaaaaa',
        kind: 'conflict',
        fields: ['memo'],
        ours: { ...BASE, memo: 'ours', coder: 'ola', concepts: ['x'] },
        theirs: { ...BASE, memo: 'theirs', coder: 'ola', concepts: ['x'] },
      },
    ]);
    assert.deepEqual(
      result.annotations,
      [{ ...BASE, memo: 'ours', coder: 'ola', concepts: ['x'] }],
      'ours stands in its place',
    );
  });

  it('accepts the same change made on both sides', () => {
    const changed = { ...BASE, memo: 'same' };
    assert.deepEqual(mergeAnnotations([BASE], [changed], [changed]), { annotations: [changed], conflicts: [] });
  });

  it('reports an annotation changed on one side and removed on the other', () => {
    const changed = { ...BASE, memo: 'changed' };
    const theirsRemoved = mergeAnnotations([BASE], [changed], []);
    assert.deepEqual(theirsRemoved.conflicts, [{ id: 'aaaaaaaa', kind: 'conflict', fields: ['memo'], ours: changed }]);
    const oursRemoved = mergeAnnotations([BASE], [], [{ ...BASE, concepts: ['retagged'] }]);
    assert.deepEqual(oursRemoved.conflicts, [
      { id: 'aaaaaaaa', kind: 'conflict', fields: ['concepts'], theirs: { ...BASE, concepts: ['retagged'] } },
    ]);
    assert.deepEqual(oursRemoved.annotations, [{ ...BASE, concepts: ['retagged'] }]);
  });

  it('merges an id added on both sides without a base field by field', () => {
    const result = mergeAnnotations([], [{ ...OTHER, memo: 'a' }], [{ ...OTHER, memo: 'b', concepts: ['z'] }]);
    assert.deepEqual(result.annotations[0]?.concepts, ['koordinator.fallskjerm', 'z']);
    assert.deepEqual(
      result.conflicts.map((c) => [c.id, c.fields]),
      [['bbbbbbbb', ['memo']]],
    );
  });
});

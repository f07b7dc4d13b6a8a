import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { mergeAnnotations } from '../../src/core/sidecar/mergeAnnotations';

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 10 } });
const BASE: Annotation = { id: 'aaaaaaaa', concepts: ['samordning.formell'], range: at(3), quote: 'Jeg har et team.', memo: 'first', coder: 'ingrid' };
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
    const result = mergeAnnotations([BASE, OTHER], [BASE], [BASE, OTHER]);
    assert.deepEqual(ids(result.annotations), ['aaaaaaaa']);
    assert.deepEqual(result.conflicts, []);
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

  it('unites concepts changed on both sides', () => {
    const result = mergeAnnotations([BASE], [{ ...BASE, concepts: ['samordning.formell', 'a'] }], [{ ...BASE, concepts: ['b'] }]);
    assert.deepEqual(result.annotations[0]?.concepts, ['samordning.formell', 'a', 'b']);
    assert.deepEqual(result.conflicts, []);
  });

  it('keeps our range when both sides moved it (it is only a hint)', () => {
    const result = mergeAnnotations([BASE], [{ ...BASE, range: at(4) }], [{ ...BASE, range: at(5) }]);
    assert.deepEqual(result.annotations[0]?.range, at(4));
    assert.deepEqual(result.conflicts, []);
  });

  it('reports a field changed differently on both sides and keeps ours', () => {
    const result = mergeAnnotations([BASE], [{ ...BASE, memo: 'ours' }], [{ ...BASE, memo: 'theirs' }]);
    assert.equal(result.annotations[0]?.memo, 'ours');
    assert.deepEqual(result.conflicts, ['aaaaaaaa: "memo" was changed on both sides; ours was kept.']);
  });

  it('accepts the same change made on both sides', () => {
    const changed = { ...BASE, memo: 'same' };
    assert.deepEqual(mergeAnnotations([BASE], [changed], [changed]), { annotations: [changed], conflicts: [] });
  });

  it('keeps an annotation changed on one side and removed on the other, and reports it', () => {
    const changed = { ...BASE, memo: 'changed' };
    for (const [ours, theirs] of [[[changed], []], [[], [changed]]] as const) {
      const result = mergeAnnotations([BASE], ours, theirs);
      assert.deepEqual(result.annotations, [changed]);
      assert.deepEqual(result.conflicts, ['aaaaaaaa: changed on one side and removed on the other; the changed annotation was kept.']);
    }
  });

  it('merges an id added on both sides without a base field by field', () => {
    const result = mergeAnnotations([], [{ ...OTHER, memo: 'a' }], [{ ...OTHER, memo: 'b', concepts: ['z'] }]);
    assert.deepEqual(result.annotations[0]?.concepts, ['koordinator.fallskjerm', 'z']);
    assert.deepEqual(result.conflicts, ['bbbbbbbb: "memo" was changed on both sides; ours was kept.']);
  });
});

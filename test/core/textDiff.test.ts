import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffTexts, MAX_CHAR_STEPS, MAX_CHARS, myers, type TextReplacement } from '../../src/core/text/textDiff';
import { runs } from '../helpers/fcRuns';

function apply(text: string, replacements: readonly TextReplacement[]): string {
  let out = text;
  for (const r of [...replacements].reverse()) out = out.slice(0, r.start) + r.text + out.slice(r.start + r.length);
  return out;
}

function assertOrdered(replacements: readonly TextReplacement[]): void {
  replacements.forEach((r, i) => {
    assert.ok(r.length > 0 || r.text.length > 0, 'an empty replacement');
    const next = replacements[i + 1];
    if (next) assert.ok(r.start + r.length < next.start, 'replacements overlap or touch');
  });
}

const PIECES = ['a', 'b', ' ', '\n', 'ø', 'Å', '😀', 'K3: ', 'Ja. ', '\n\n'];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));
const editArb = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: textArb.map((t) => t.slice(0, 12)) });

describe('diffTexts: the character differences of two texts', () => {
  it('finds nothing in equal texts, and one replacement for one edit inside a long line', () => {
    assert.deepEqual(diffTexts('', ''), []);
    assert.deepEqual(diffTexts('I: Hei.\nK3: Ja.\n', 'I: Hei.\nK3: Ja.\n'), []);
    const line = 'K3: Vi ringte koordinatoren hver uke, og hun kom alltid når det brant på.\n';
    const before = `I: Hvordan var det?\n\n${line}\nI: Og så?\n`;
    const after = before.replace('hver uke', 'hver eneste uke');
    assert.deepEqual(diffTexts(before, after), [{ start: before.indexOf('uke,'), length: 0, text: 'eneste ' }]);
  });

  it('finds a paragraph inserted between lines, and a line deleted', () => {
    const before = 'I: En?\n\nK3: Ja.\n\nI: To?\n\nK3: Nei.\n';
    const inserted = before.replace('I: To?', 'I: Mellom?\n\nK3: Kanskje.\n\nI: To?');
    assert.equal(apply(before, diffTexts(before, inserted)), inserted);
    const [insertion, ...more] = diffTexts(before, inserted);
    assert.deepEqual(more, []);
    assert.equal(insertion?.length, 0);
    assert.equal(before.slice(0, insertion?.start).endsWith('\n'), true, 'whole lines are inserted');
    const deleted = before.replace('K3: Ja.\n\n', '');
    assert.deepEqual(diffTexts(before, deleted), [{ start: 8, length: 9, text: '' }]);
  });

  it('gives a rewrite beyond its limit as one replacement', () => {
    const before = 'a'.repeat(MAX_CHAR_STEPS);
    const after = 'b'.repeat(MAX_CHAR_STEPS);
    assert.deepEqual(diffTexts(before, after), [{ start: 0, length: before.length, text: after }]);
    const long = 'x'.repeat(MAX_CHARS);
    assert.deepEqual(diffTexts(`a${long}a`, `a${long}b`), [{ start: long.length + 1, length: 1, text: 'b' }]);
    const whole = diffTexts(`a${long}a`, `b${long}b`).map((r) => [r.start, r.length, r.text.length]);
    assert.deepEqual(whole, [[0, long.length + 2, long.length + 2]], 'a long line that differs at both ends');
    assert.deepEqual(
      myers(3, 3, () => false, 10),
      [],
    );
    assert.equal(
      myers(3, 3, () => false, 5),
      undefined,
    );
  });

  it('property: the replacements turn the one text into the other, in order, none touching another', () => {
    fc.assert(
      fc.property(textArb, fc.array(editArb, { maxLength: 6 }), (before, edits) => {
        let after = before;
        for (const e of edits) {
          const at = e.at % (after.length + 1);
          after = after.slice(0, at) + e.insert + after.slice(at + e.remove);
        }
        const replacements = diffTexts(before, after);
        assert.equal(apply(before, replacements), after);
        assertOrdered(replacements);
      }),
      runs(2000, 51),
    );
  });

  it('property: the equal runs Myers finds are equal, in order, and as long as a longest common subsequence', () => {
    const seqArb = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 14 });
    fc.assert(
      fc.property(seqArb, seqArb, (a, b) => {
        const same = myers(a.length, b.length, (x, y) => a[x] === b[y], 100) ?? [];
        let x = 0;
        let y = 0;
        for (const [sx, sy, length] of same) {
          assert.ok(sx >= x && sy >= y && length > 0);
          for (let i = 0; i < length; i++) assert.equal(a[sx + i], b[sy + i]);
          x = sx + length;
          y = sy + length;
        }
        const total = same.reduce((sum, [, , length]) => sum + length, 0);
        assert.equal(total, lcsLength(a, b));
      }),
      runs(1000, 52),
    );
  });
});

function lcsLength(a: readonly number[], b: readonly number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const value of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = value === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

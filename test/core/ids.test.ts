import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ID_LENGTH, ID_PATTERN, newAnnotationId } from '../../src/core/ids';
import { cryptoRandomBytes } from '../../src/core/port';
import { runs } from '../helpers/fcRuns';
import { scriptedRandomBytes, seededRandomBytes } from '../helpers/random';

describe('newAnnotationId', () => {
  it('makes 8 characters of lower-case Crockford base32 (no i, l, o, u) from any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const id = newAnnotationId(() => bytes);
        assert.equal(id.length, ID_LENGTH);
        assert.match(id, ID_PATTERN);
        assert.doesNotMatch(id, /[ilou]/);
      }),
      runs(500, 31),
    );
  });

  it('maps each byte to one character by its low five bits', () => {
    assert.equal(newAnnotationId(scriptedRandomBytes([0, 1, 9, 10, 17, 18, 31, 32])), '019ahjz0');
  });

  it('tries again until the id is not taken', () => {
    const random = scriptedRandomBytes([0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2, 2, 2]);
    assert.equal(newAnnotationId(random, new Set(['00000000', '11111111'])), '22222222');
  });

  it('is repeatable with a seeded source and varied with the crypto source', () => {
    const a = seededRandomBytes(5);
    const b = seededRandomBytes(5);
    assert.deepEqual([newAnnotationId(a), newAnnotationId(a)], [newAnnotationId(b), newAnnotationId(b)]);
    const ids = new Set(Array.from({ length: 200 }, () => newAnnotationId(cryptoRandomBytes)));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, ID_PATTERN);
  });

  it('rejects ids of the wrong shape', () => {
    for (const bad of ['abcdefg', 'abcdefghj', 'ABCDEFGH', 'abcdefgi', 'abcdefgl', 'abcdefgo', 'abcdefgu', 'abc-efgh'])
      assert.doesNotMatch(bad, ID_PATTERN);
  });
});

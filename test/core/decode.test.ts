import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeUtf8, encodeUtf8, firstInvalidByte } from '../../src/core/text/decode';
import { runs } from '../helpers/fcRuns';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

function failure(input: Uint8Array) {
  const decoded = decodeUtf8(input);
  assert.equal(decoded.ok, false, 'expected the bytes to be refused');
  return decoded as Extract<typeof decoded, { ok: false }>;
}

describe('decodeUtf8', () => {
  it('decodes UTF-8 with Norwegian letters, emoji and astral characters', () => {
    const text = 'Blåbærsyltetøy 😀 𝔄 𓀀 — K3: «ja»\n';
    assert.deepEqual(decodeUtf8(encodeUtf8(text)), { ok: true, text, hadBom: false });
  });

  it('strips a UTF-8 BOM and says it was there', () => {
    assert.deepEqual(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'I: Hei')), { ok: true, text: 'I: Hei', hadBom: true });
  });

  it('keeps a second BOM that is part of the text', () => {
    assert.deepEqual(decodeUtf8(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'x')), {
      ok: true,
      text: '\ufeffx',
      hadBom: true,
    });
  });

  it('decodes an empty file', () => {
    assert.deepEqual(decodeUtf8(new Uint8Array()), { ok: true, text: '', hadBom: false });
  });

  it('refuses a Latin-1 "æ" (0xE6) with its line and column and a Windows-1252 hint', () => {
    const error = failure(bytes('I: Hei\nK3: Bl', [0xe6], 'r'));
    assert.equal(error.line, 2);
    assert.equal(error.column, 7);
    assert.match(error.message, /byte 0xe6/);
    assert.match(error.message, /Windows-1252\/ISO-8859-1/);
    assert.match(error.message, /Save with Encoding/);
  });

  it('counts CRLF and CR line breaks before the bad byte', () => {
    assert.deepEqual(pick(failure(bytes('a\r\nb\rc\n', [0xf8]))), [4, 1]);
  });

  it('counts columns in UTF-16 code units, as the editor does (an emoji is two)', () => {
    assert.deepEqual(pick(failure(bytes('😀x', [0xe6]))), [1, 4]);
  });

  it('reports the place in the text after a UTF-8 BOM', () => {
    assert.deepEqual(pick(failure(bytes([0xef, 0xbb, 0xbf], 'ab', [0xe5]))), [1, 3]);
  });

  it('refuses UTF-16 little- and big-endian files by their BOM, at 1:1', () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const error = failure(bytes(bom, [0x49, 0x00, 0x3a, 0x00]));
      assert.deepEqual(pick(error), [1, 1]);
      assert.match(error.message, /UTF-16/);
    }
  });

  it('refuses a lone continuation byte without the Latin-1 hint', () => {
    const error = failure(bytes('ab', [0x80]));
    assert.deepEqual(pick(error), [1, 3]);
    assert.doesNotMatch(error.message, /Windows-1252/);
  });

  it('refuses a multi-byte character cut off at the end of the file', () => {
    assert.deepEqual(pick(failure(bytes('ok\nå', [0xc3]))), [2, 2]);
  });

  it('refuses overlong encodings, encoded surrogates and bytes above U+10FFFF', () => {
    for (const bad of [
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80],
    ]) {
      assert.deepEqual(pick(failure(bytes('x', bad))), [1, 2], `bytes ${bad.map((b) => b.toString(16)).join(' ')}`);
    }
  });
});

function pick(error: { line: number; column: number }): [number, number] {
  return [error.line, error.column];
}

describe('firstInvalidByte', () => {
  it('is the length for valid UTF-8 and the offset of the first bad byte otherwise', () => {
    assert.equal(firstInvalidByte(bytes('æøå 😀')), bytes('æøå 😀').length);
    assert.equal(firstInvalidByte(bytes('ab', [0xe6], 'c')), 2);
  });

  it('agrees with a strict TextDecoder on random bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (input) => {
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        assert.equal(firstInvalidByte(input) === input.length, valid);
        if (!valid) assert.doesNotThrow(() => strict.decode(input.subarray(0, firstInvalidByte(input))));
      }),
      runs(2000, 3),
    );
  });
});

describe('encodeUtf8', () => {
  it('writes a BOM only when asked, and round-trips through decodeUtf8', () => {
    const text = 'Tromsø 😀\r\n';
    assert.deepEqual([...encodeUtf8('a', true)], [0xef, 0xbb, 0xbf, 0x61]);
    assert.deepEqual(decodeUtf8(encodeUtf8(text, true)), { ok: true, text, hadBom: true });
    assert.deepEqual(decodeUtf8(encodeUtf8(text)), { ok: true, text, hadBom: false });
  });
});

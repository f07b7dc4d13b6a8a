import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeForMatching } from '../../src/core/text/normalize';
import { TranscriptText } from '../../src/core/text/transcriptText';
import { rawPosition, unitsOf } from '../helpers/editedTranscript';
import { runs } from '../helpers/fcRuns';

const pos = (line: number, column: number) => ({ line, column });

describe('TranscriptText', () => {
  it('keeps LF text as it is and maps offsets to 1-based line:column and back', () => {
    const doc = new TranscriptText('I: Hei\n\nK3: Ja.');
    assert.equal(doc.text, 'I: Hei\n\nK3: Ja.');
    assert.equal(doc.lineCount, 3);
    assert.deepEqual(doc.positionAt(0), pos(1, 1));
    assert.deepEqual(doc.positionAt(6), pos(1, 7));
    assert.deepEqual(doc.positionAt(7), pos(2, 1));
    assert.deepEqual(doc.positionAt(8), pos(3, 1));
    assert.equal(doc.offsetAt(pos(3, 5)), 12);
    assert.equal(doc.offsetAt(pos(3, 8)), 15);
  });

  it('reads CRLF and lone CR as line breaks, matching on \\n, with the same line:column as the editor', () => {
    const doc = new TranscriptText('I: Hei\r\n\r\nK3: Ja.\rSlutt');
    assert.equal(doc.text, 'I: Hei\n\nK3: Ja.\nSlutt');
    assert.equal(doc.lineCount, 4);
    assert.deepEqual(doc.positionAt(doc.text.indexOf('Ja')), pos(3, 5));
    assert.deepEqual(doc.positionAt(doc.text.indexOf('Slutt')), pos(4, 1));
    assert.equal(doc.offsetAt(pos(3, 5)), doc.text.indexOf('Ja'));
  });

  it('composes NFD letters (as macOS saves them) and maps columns back to the decomposed line', () => {
    const raw = 'K3: Bla\u030a kafe\u0301 i Tromsø';
    const doc = new TranscriptText(raw);
    assert.equal(doc.text, 'K3: Blå kafé i Tromsø');
    const cafe = doc.text.indexOf('kafé');
    assert.deepEqual(doc.positionAt(cafe), pos(1, raw.indexOf('kafe') + 1));
    assert.deepEqual(doc.positionAt(cafe + 4), pos(1, raw.indexOf(' i ') + 1), 'after é is after its combining accent');
    assert.equal(doc.offsetAt(pos(1, raw.indexOf(' i ') + 1)), cafe + 4);
    assert.deepEqual(doc.positionAt(doc.text.length), pos(1, raw.length + 1));
  });

  it('maps a column between a letter and its combining mark to the start of the letter', () => {
    const doc = new TranscriptText('bla\u030a');
    assert.equal(doc.offsetAt(pos(1, 4)), 2);
  });

  it('leaves already composed (NFC) lines alone when other lines are NFD', () => {
    const doc = new TranscriptText('Tromsø og blå\nbla\u030a');
    assert.equal(doc.text, 'Tromsø og blå\nblå');
    assert.deepEqual(doc.positionAt(13), pos(1, 14));
    assert.deepEqual(doc.positionAt(17), pos(2, 5));
  });

  it('counts emoji and other astral characters as two columns (UTF-16), as the editor does', () => {
    const doc = new TranscriptText('😀 𝔄 ja');
    assert.equal(doc.offsetAt(pos(1, 3)), 2);
    assert.deepEqual(doc.positionAt(doc.text.indexOf('ja')), pos(1, 7));
  });

  it('has no offset for places outside the text', () => {
    const doc = new TranscriptText('ab\ncd');
    assert.equal(doc.offsetAt(pos(3, 1)), undefined);
    assert.equal(doc.offsetAt(pos(1, 4)), undefined);
    assert.equal(doc.offsetAt(pos(1, 0)), undefined);
    assert.equal(doc.offsetAt(pos(0, 1)), undefined);
    assert.equal(doc.offsetAt(pos(1, 3)), 2, 'the end of a line is a place');
  });

  it('clamps far-away positions into the text for nearestOffset', () => {
    const doc = new TranscriptText('ab\ncd');
    assert.equal(doc.nearestOffset(pos(9, 9)), 5);
    assert.equal(doc.nearestOffset(pos(1, 99)), 2);
    assert.equal(doc.nearestOffset(pos(0, 0)), 0);
    assert.equal(doc.nearestOffset(pos(2, 2)), 4);
  });

  it('finds the line of an offset', () => {
    const doc = new TranscriptText('a\nbb\n\nc');
    assert.deepEqual(
      [0, 1, 2, 4, 5, 6, 7].map((o) => doc.lineIndexAt(o)),
      [0, 0, 1, 1, 2, 3, 3],
    );
  });

  it('maps every character boundary of CRLF/NFD/emoji text to the editor position and back', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      ' ',
      'ø',
      'å',
      'a\u030a',
      'e\u0301',
      'o\u0308\u0301',
      '😀',
      '\u030a',
      '\n',
      '\r\n',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const raw = pieces.join('');
        const doc = new TranscriptText(raw);
        assert.equal(doc.text, normalizeForMatching(raw));
        let offset = 0;
        for (const unit of ['', ...unitsOf(raw)]) {
          offset += unit.length;
          const place = rawPosition(raw, offset);
          const normalized = doc.offsetAt(place);
          assert.notEqual(normalized, undefined, `no offset for ${place.line}:${place.column}`);
          assert.deepEqual(doc.positionAt(normalized as number), place);
        }
      }),
      runs(1000, 5),
    );
  });
});

describe('normalizeForMatching', () => {
  it('turns CRLF and CR into LF and composes letters', () => {
    assert.equal(normalizeForMatching('a\r\nb\rc\nbla\u030a'), 'a\nb\nc\nblå');
    assert.equal(normalizeForMatching('plain'), 'plain');
  });
});

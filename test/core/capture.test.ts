import assert from 'node:assert/strict';
import { captureAnchor } from '../../src/core/anchoring/capture';
import { CONTEXT_LENGTH } from '../../src/core/sidecar/annotation';
import { TranscriptText } from '../../src/core/text/transcriptText';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('captureAnchor', () => {
  it('keeps the quote, up to 32 characters of context on each side, and the range', () => {
    const doc = new TranscriptText(
      'I: Hva gjør du utenom kontortid?\n\nK3: Da har jeg nummeret til et par av dem. Det er ikke meningen, men.',
    );
    const start = doc.text.indexOf('Da har');
    const end = doc.text.indexOf(' Det er');
    const anchor = captureAnchor(doc, start, end);
    assert.equal(CONTEXT_LENGTH, 32);
    assert.deepEqual(anchor, {
      quote: 'Da har jeg nummeret til et par av dem.',
      before: ' gjør du utenom kontortid?\n\nK3: ',
      after: ' Det er ikke meningen, men.',
      range: { start: { line: 3, column: 5 }, end: { line: 3, column: 43 } },
    });
  });

  it('takes shorter context at the start and end of the text', () => {
    const doc = new TranscriptText('Kort tekst.');
    assert.deepEqual(captureAnchor(doc, 0, doc.text.length), {
      quote: 'Kort tekst.',
      before: '',
      after: '',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 12 } },
    });
  });

  it('never cuts an emoji in half at the edge of the context', () => {
    const text = `${'😀'.repeat(20)}QUOTE${'😀'.repeat(20)}`;
    const doc = new TranscriptText(text);
    const start = text.indexOf('QUOTE');
    for (const offset of [0, 1]) {
      const anchor = captureAnchor(doc, start + offset, start + 5 - offset);
      assert.doesNotMatch(anchor.before, LONE_SURROGATE);
      assert.doesNotMatch(anchor.after, LONE_SURROGATE);
      assert.ok(anchor.before.length <= 32 && anchor.before.length >= 30);
    }
  });

  it('captures the composed quote and the editor columns of an NFD transcript with CRLF', () => {
    const doc = new TranscriptText('I: Ja\r\nK3: Bla\u030a kafe\u0301.\r\n');
    const start = doc.text.indexOf('Blå');
    const anchor = captureAnchor(doc, start, start + 'Blå kafé'.length);
    assert.equal(anchor.quote, 'Blå kafé');
    assert.equal(anchor.before, 'I: Ja\nK3: ');
    assert.deepEqual(anchor.range, { start: { line: 2, column: 5 }, end: { line: 2, column: 15 } });
  });
});

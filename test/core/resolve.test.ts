import assert from 'node:assert/strict';
import type { Anchor, Resolution } from '../../src/core/anchoring/anchor';
import { isStale } from '../../src/core/anchoring/anchor';
import { captureAnchor } from '../../src/core/anchoring/capture';
import { resolveAnchor, SHORT_QUOTE } from '../../src/core/anchoring/resolve';
import { TranscriptText } from '../../src/core/text/transcriptText';
import { bigTranscript } from '../helpers/bigTranscript';
import { K3_TRANSCRIPT } from '../helpers/project';
import { englishText } from '../../src/core/messages';

const QUOTE = 'Da har jeg nummeret til et par av dem.';

/** The anchor of the first occurrence of `quote` in `raw`. */
function anchorOf(raw: string, quote: string): Required<Anchor> {
  const doc = new TranscriptText(raw);
  const start = doc.text.indexOf(quote.normalize('NFC'));
  assert.ok(start >= 0, `"${quote}" is not in the text`);
  return captureAnchor(doc, start, start + quote.normalize('NFC').length);
}

function found(resolution: Resolution): Extract<Resolution, { start: number }> {
  assert.notEqual(
    resolution.status,
    'orphaned',
    resolution.status === 'orphaned' ? englishText(resolution.reason) : '',
  );
  return resolution as Extract<Resolution, { start: number }>;
}

describe('resolveAnchor', () => {
  it('is exact when the text at the saved range is the quote', () => {
    const anchor = anchorOf(K3_TRANSCRIPT, QUOTE);
    const result = found(resolveAnchor(new TranscriptText(K3_TRANSCRIPT), anchor));
    assert.equal(result.status, 'exact');
    assert.deepEqual(result.range, anchor.range);
    assert.deepEqual(anchor.range, { start: { line: 10, column: 5 }, end: { line: 10, column: 43 } });
    assert.equal(result.confidence, 1);
  });

  it('is moved, with the new range, when text was inserted before the passage', () => {
    const anchor = anchorOf(K3_TRANSCRIPT, QUOTE);
    const edited = K3_TRANSCRIPT.replace('Dato: 02.04.2019\n', 'Dato: 02.04.2019\nSted: hjemme\n\n');
    const result = found(resolveAnchor(new TranscriptText(edited), anchor));
    assert.equal(result.status, 'moved');
    assert.deepEqual(result.range, { start: { line: 12, column: 5 }, end: { line: 12, column: 43 } });
    assert.equal(isStale(result), true);
  });

  it('finds a moved quote without any saved range or context', () => {
    const result = found(resolveAnchor(new TranscriptText(K3_TRANSCRIPT), { quote: QUOTE }));
    assert.equal(result.status, 'moved');
    assert.equal(new TranscriptText(K3_TRANSCRIPT).text.slice(result.start, result.end), QUOTE);
  });

  it('is fuzzy when a typo inside the quote was corrected, and says how confident it is', () => {
    const anchor = anchorOf(K3_TRANSCRIPT, QUOTE);
    const edited = K3_TRANSCRIPT.replace(QUOTE, 'Da har jeg nummerne til et par av dem.');
    const doc = new TranscriptText(edited);
    const result = found(resolveAnchor(doc, anchor));
    assert.equal(result.status, 'fuzzy');
    assert.equal(doc.text.slice(result.start, result.end), 'Da har jeg nummerne til et par av dem.');
    assert.ok(result.confidence >= 0.7 && result.confidence < 1, String(result.confidence));
    assert.equal(isStale(result), true);
  });

  it('is orphaned, with a reason, when the passage was deleted', () => {
    const anchor = anchorOf(K3_TRANSCRIPT, QUOTE);
    const result = resolveAnchor(new TranscriptText(K3_TRANSCRIPT.replace(QUOTE, '')), anchor);
    assert.equal(result.status, 'orphaned');
    assert.match(result.status === 'orphaned' ? englishText(result.reason) : '', /no longer in the transcript/);
    assert.equal(isStale(result), false);
  });

  it('is orphaned, not attached to other text, when the passage was rewritten beyond recognition', () => {
    const anchor = anchorOf(K3_TRANSCRIPT, QUOTE);
    const edited = K3_TRANSCRIPT.replace(QUOTE, 'Jeg ringer legevakten, de svarer alltid.');
    assert.equal(resolveAnchor(new TranscriptText(edited), anchor).status, 'orphaned');
  });

  it('does not take a similar sentence for one rewritten at the end of the transcript, whose context after it is short', () => {
    const quote = 'Er natt psykiatritjenesten.';
    const text =
      'I: Hva skjer når du trenger hjelp?\n\nK3: Tjenester hjelp kommunen kommunen ringte. Hjelp ruskonsulenten ' +
      'veldig ruskonsulenten psykiatritjenesten godt ansvarsgruppe vedtak psykiatritjenesten.\n\nK3: Ansvarsgruppe ' +
      `et fastlegen. Har har ringte blå ruskonsulenten tjenester. Fastlegen godt jeg blå. ${quote}\n`;
    const anchor = anchorOf(text, quote);
    assert.equal(anchor.after, '\n');
    const edited = text.replace(quote, 'asykiatritjenesten.');
    assert.equal(resolveAnchor(new TranscriptText(edited), anchor).status, 'orphaned');
  });

  it('refuses to choose between two equal copies whose context does not tell them apart', () => {
    const text = 'A: Det er greit.\nB: Det er greit.\n';
    const result = resolveAnchor(new TranscriptText(text), { quote: 'Det er greit.', before: 'X: ' });
    assert.equal(result.status, 'orphaned');
    assert.match(result.status === 'orphaned' ? englishText(result.reason) : '', /occurs 2 times/);
  });

  it('picks the copy whose context agrees, even when another copy is nearer the old range', () => {
    const text = 'A: Vi tar det på møtet neste uke.\nB: Vi tar det på møtet neste uke.\n';
    const anchor = {
      quote: 'Vi tar det på møtet neste uke.',
      before: 'B: ',
      after: '\n',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } },
    };
    const result = found(resolveAnchor(new TranscriptText(text), anchor));
    assert.deepEqual(result.range.start, { line: 2, column: 4 });
  });

  it(`re-finds a short quote (under ${SHORT_QUOTE} characters) elsewhere only where some context agrees`, () => {
    const anchor = {
      quote: 'Ja.',
      before: 'K3: ',
      after: ' Det',
      range: { start: { line: 1, column: 5 }, end: { line: 1, column: 8 } },
    };
    assert.equal(resolveAnchor(new TranscriptText('I: Nei.\nJa.\nKanskje.'), anchor).status, 'orphaned');
    const result = found(resolveAnchor(new TranscriptText('I: Hei\nK3: Ja. Det'), anchor));
    assert.equal(result.status, 'moved');
    assert.deepEqual(result.range.start, { line: 2, column: 5 });
  });

  it('orphans an empty quote', () => {
    assert.equal(resolveAnchor(new TranscriptText('abc'), { quote: '' }).status, 'orphaned');
  });

  it("resolves exact in a CRLF transcript, with the editor's columns", () => {
    const crlf = K3_TRANSCRIPT.replace(/\n/g, '\r\n');
    const anchor = anchorOf(crlf, QUOTE);
    assert.deepEqual(anchor.range, { start: { line: 10, column: 5 }, end: { line: 10, column: 43 } });
    assert.equal(anchor.before.includes('\r'), false, 'context is kept with \\n line breaks');
    assert.equal(found(resolveAnchor(new TranscriptText(crlf), anchor)).status, 'exact');
    assert.equal(
      found(resolveAnchor(new TranscriptText(K3_TRANSCRIPT), anchor)).status,
      'exact',
      'and the same anchor in the LF file',
    );
  });

  it('resolves a quote saved in NFC exactly against a transcript saved in NFD, with the NFD columns', () => {
    const nfc = 'I: Hva gjør du på kvelden?\n\nK3: Jeg går på kafé med søsteren min i Tromsø.\n';
    const nfd = nfc.normalize('NFD');
    const quote = 'går på kafé med søsteren min';
    const anchor = anchorOf(nfd, quote);
    assert.equal(anchor.quote, quote, 'the saved quote is composed (NFC)');
    const line3 = nfd.split('\n')[2] as string;
    const startColumn = line3.indexOf('ga\u030ar') + 1;
    const range = {
      start: { line: 3, column: startColumn },
      end: { line: 3, column: startColumn + quote.normalize('NFD').length },
    };
    assert.deepEqual(anchor.range, range);
    const result = found(
      resolveAnchor(new TranscriptText(nfd), { quote, before: anchor.before, after: anchor.after, range }),
    );
    assert.equal(result.status, 'exact');
    assert.deepEqual(result.range, range);
  });

  it('resolves a quote typed in NFD against an NFC transcript', () => {
    const text = 'K3: Jeg går på kafé hver dag.\n';
    const result = found(
      resolveAnchor(new TranscriptText(text), {
        quote: 'går på kafé hver dag'.normalize('NFD'),
        range: { start: { line: 1, column: 9 }, end: { line: 1, column: 29 } },
      }),
    );
    assert.equal(result.status, 'exact');
  });

  it('counts emoji and astral characters as two columns in ranges', () => {
    const text = 'K3: 😀😀 Det var 𝔄 fint å være der, virkelig.\n';
    const anchor = anchorOf(text, 'Det var 𝔄 fint å være der');
    assert.deepEqual(anchor.range, { start: { line: 1, column: 10 }, end: { line: 1, column: 36 } });
    assert.equal(found(resolveAnchor(new TranscriptText(text), anchor)).status, 'exact');
    const moved = found(resolveAnchor(new TranscriptText(`🎉${text}`), anchor));
    assert.deepEqual(moved.range.start, { line: 1, column: 12 });
  });

  it('resolves an annotation near the end of a 5 MB transcript: exact, moved and fuzzy', function () {
    this.timeout(20000);
    const big = bigTranscript(5 * 1024 * 1024);
    assert.ok(new TextEncoder().encode(big).length >= 5 * 1024 * 1024);
    const last = big.lastIndexOf('K3: Det gikk bra');
    const quote = big.slice(last + 4, big.indexOf('\n', last));
    const anchor = anchorOf(big.slice(0, last) + big.slice(last), quote);
    const doc = new TranscriptText(big);
    assert.ok(anchor.range.start.line > 100_000);
    assert.equal(found(resolveAnchor(doc, anchor)).status, 'exact');

    const moved = found(resolveAnchor(new TranscriptText(`Forord.\n\n${big}`), anchor));
    assert.equal(moved.status, 'moved');
    assert.equal(moved.range.start.line, anchor.range.start.line + 2);

    const fuzzy = found(
      resolveAnchor(new TranscriptText(big.replace(quote, quote.replace('planen', 'plannen'))), anchor),
    );
    assert.equal(fuzzy.status, 'fuzzy');
    assert.deepEqual(fuzzy.range.start, anchor.range.start);
  });
});

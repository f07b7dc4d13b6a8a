import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Anchor, Resolution } from '../../src/core/anchoring/anchor';
import { captureAnchor } from '../../src/core/anchoring/capture';
import type { LiveRange } from '../../src/core/anchoring/moveRanges';
import { resolveAnchor } from '../../src/core/anchoring/resolve';
import { resolveThroughDiff } from '../../src/core/anchoring/throughDiff';
import { TranscriptText } from '../../src/core/text/transcriptText';
import {
  applyEdits,
  editSpecArb,
  rawOffsetOfUnit,
  rawPosition,
  unitTextArb,
  type Flavour,
} from '../helpers/editedTranscript';
import { runs } from '../helpers/fcRuns';

const EARLIER = [
  'I: Hvordan var det?',
  '',
  'K3: Vi ringte koordinatoren hver uke. Hun kom alltid når det brant på. Det handler om bolig til slutt.',
  '',
  'I: Og senere?',
  '',
  'K3: Fastlegen visste ikke om ansvarsgruppen. Så fikk vi et vedtak. Nå er det bedre.',
  '',
].join('\n');
const QUOTES = ['Vi ringte koordinatoren hver uke.', 'Det handler om bolig til slutt.', 'Så fikk vi et vedtak.'];

function anchorsIn(raw: string, quotes: readonly string[]): Required<Anchor>[] {
  const doc = new TranscriptText(raw);
  return quotes.map((quote) => {
    const start = doc.text.indexOf(quote);
    return captureAnchor(doc, start, start + quote.length);
  });
}

function textOf(doc: TranscriptText, resolution: Resolution | undefined): string | undefined {
  return resolution && resolution.status !== 'orphaned' ? doc.text.slice(resolution.start, resolution.end) : undefined;
}

describe('resolveThroughDiff: annotations moved by the differences from the text they were written against', () => {
  const anchors = anchorsIn(EARLIER, QUOTES);

  it('moves passages exactly when lines and words are added around them, and keeps unmoved ones exact', () => {
    const current = EARLIER.replace('I: Hvordan', 'Sted: hjemme\n\nI: Hvordan')
      .replace('Hun kom alltid', 'Hun kom faktisk alltid')
      .replace('Nå er det bedre.', 'Nå er det mye bedre.');
    const doc = new TranscriptText(current);
    const resolved = resolveThroughDiff(new TranscriptText(EARLIER), doc, anchors);
    assert.deepEqual(
      resolved?.map((r) => r.status),
      ['moved', 'moved', 'moved'],
    );
    assert.deepEqual(
      resolved?.map((r) => textOf(doc, r)),
      QUOTES,
    );
    const sameLines = EARLIER.replace('Nå er det bedre.', 'Nå er det mye bedre.');
    const unmoved = resolveThroughDiff(new TranscriptText(EARLIER), new TranscriptText(sameLines), anchors);
    assert.deepEqual(
      unmoved?.map((r) => r.status),
      ['exact', 'exact', 'exact'],
    );
  });

  it('resolves a passage edited inside as the resolver does, around the place the differences carried it to', () => {
    const current = `Forord.\n\n${EARLIER.replace('om bolig til slutt', 'om bolig helt til slutt')}`;
    const doc = new TranscriptText(current);
    const resolved = resolveThroughDiff(new TranscriptText(EARLIER), doc, anchors);
    assert.equal(resolved?.[1]?.status, 'fuzzy');
    assert.equal(textOf(doc, resolved?.[1]), 'Det handler om bolig helt til slutt.');
    assert.deepEqual(resolved?.[1], resolveAnchor(doc, anchors[1] as Anchor));
  });

  it('says nothing when the sidecar was not written against the earlier text', () => {
    const other = EARLIER.replace('K3: Fastlegen', 'K3: Jo, fastlegen');
    assert.equal(resolveThroughDiff(new TranscriptText(other), new TranscriptText(EARLIER), anchors), undefined);
    const empty = [{ ...anchors[0], quote: '' }];
    assert.equal(resolveThroughDiff(new TranscriptText(EARLIER), new TranscriptText(EARLIER), empty), undefined);
  });

  it('tells a passage from its copy by where the text around it went, where the saved range alone cannot', () => {
    const phrase = 'Det vet jeg ikke noe om.';
    const earlier = `K3: ${phrase}\nK4: ${phrase}\n`;
    const second = captureAnchor(new TranscriptText(earlier), earlier.lastIndexOf(phrase), earlier.length - 1);
    const doc = new TranscriptText(`I: Hei.\n${earlier}`);
    const alone = resolveAnchor(doc, second);
    assert.deepEqual(alone.status === 'exact' && alone.range.start, { line: 2, column: 5 }, 'alone: the copy');
    const [resolved] = resolveThroughDiff(new TranscriptText(earlier), doc, [second]) ?? [];
    assert.equal(resolved?.status, 'moved');
    assert.deepEqual(resolved?.status === 'moved' && resolved.range.start, { line: 3, column: 5 });
  });

  it('leaves a deleted passage to the resolver', () => {
    const current = EARLIER.replace(' Så fikk vi et vedtak.', '');
    const doc = new TranscriptText(current);
    const resolved = resolveThroughDiff(new TranscriptText(EARLIER), doc, anchors);
    assert.deepEqual(resolved?.[2], resolveAnchor(doc, anchors[2] as Anchor));
    assert.equal(resolved?.[2]?.status, 'orphaned');
  });

  it('reads an earlier text with CRLF and decomposed letters as the same text, columns as each file has them', () => {
    const crlf = EARLIER.replace(/\n/g, '\r\n').normalize('NFD');
    const nfdAnchors = anchorsIn(crlf, QUOTES);
    const current = EARLIER.replace('I: Og senere?', 'I: Og senere, da?');
    const doc = new TranscriptText(current);
    const resolved = resolveThroughDiff(new TranscriptText(crlf), doc, nfdAnchors);
    assert.deepEqual(
      resolved?.map((r) => textOf(doc, r)),
      QUOTES,
    );
    assert.deepEqual(
      resolved?.map((r) => r.status),
      ['exact', 'moved', 'moved'],
    );
  });
});

function checkThroughDiff(flavour: Flavour, numRuns: number, salt: number): void {
  const scenarioArb = unitTextArb(flavour).chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.uniqueArray(fc.nat({ max: text.sentences.length - 1 }), { minLength: 1, maxLength: 8 }),
      fc.array(editSpecArb(flavour), { minLength: 1, maxLength: 10 }),
    ),
  );
  fc.assert(
    fc.property(scenarioArb, ([text, chosen, edits]) => {
      const units = [...text.units];
      const raw0 = units.join('');
      const doc0 = new TranscriptText(raw0);
      const passages: LiveRange[] = chosen.map((index) => {
        const sentence = text.sentences[index] as { start: number; end: number };
        return { start: rawOffsetOfUnit(units, sentence.start), end: rawOffsetOfUnit(units, sentence.end) };
      });
      const at = (doc: TranscriptText, raw: string, offset: number) => doc.offsetAt(rawPosition(raw, offset)) as number;
      const anchors = passages.map((p) => captureAnchor(doc0, at(doc0, raw0, p.start), at(doc0, raw0, p.end)));
      for (const { quote } of anchors) fc.pre(doc0.text.indexOf(quote) === doc0.text.lastIndexOf(quote));
      applyEdits(units, passages, edits);
      const raw = units.join('');
      const doc = new TranscriptText(raw);
      const resolved = resolveThroughDiff(doc0, doc, anchors);
      assert.ok(resolved, 'every annotation is exact in the text it was captured from');
      resolved.forEach((result, i) => {
        const truth = passages[i] as LiveRange;
        const [start, end] = [at(doc, raw, truth.start), at(doc, raw, truth.end)];
        const quote = (anchors[i] as Anchor).quote;
        if (!truth.touched) {
          assert.ok(result.status === 'exact' || result.status === 'moved', `untouched "${quote}": ${result.status}`);
          assert.deepEqual([result.start, result.end], [start, end], `"${quote}" moved to the wrong place`);
        } else if (result.status !== 'orphaned') {
          assert.ok(result.start < end && result.end > start, `edited "${quote}" found where it is not`);
        }
      });
    }),
    runs(numRuns, salt),
  );
}

describe('property: through the differences, every untouched passage lands exactly where it went', () => {
  it('in an LF transcript', () => {
    checkThroughDiff({ lineBreak: '\n', nfd: false }, 300, 61);
  });

  it('in a CRLF transcript with decomposed (NFD) letters', () => {
    checkThroughDiff({ lineBreak: '\r\n', nfd: true }, 150, 62);
  });
});

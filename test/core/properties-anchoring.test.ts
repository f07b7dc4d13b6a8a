import assert from 'node:assert/strict';
import fc from 'fast-check';
import { captureAnchor } from '../../src/core/anchoring/capture';
import type { LiveRange } from '../../src/core/anchoring/moveRanges';
import { resolveAnchor } from '../../src/core/anchoring/resolve';
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

/** The offset into the matching text of a raw offset (the raw file may have CRLF and NFD). */
function docOffset(doc: TranscriptText, raw: string, offset: number): number {
  const found = doc.offsetAt(rawPosition(raw, offset));
  assert.notEqual(found, undefined, `no matching-text offset for raw offset ${offset}`);
  return found as number;
}

const scenarioArb = (flavour: Flavour) =>
  unitTextArb(flavour).chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.uniqueArray(fc.nat({ max: text.sentences.length - 1 }), { minLength: 1, maxLength: 5 }),
      fc.array(editSpecArb(flavour), { minLength: 1, maxLength: 8 }),
    ),
  );

function checkAnchoring(flavour: Flavour, numRuns: number, seed: number): void {
  fc.assert(
    fc.property(scenarioArb(flavour), ([text, chosen, edits]) => {
      const units = [...text.units];
      const raw0 = units.join('');
      const doc0 = new TranscriptText(raw0);
      const passages: LiveRange[] = [];
      const anchors = chosen.map((index) => {
        const sentence = text.sentences[index] as { start: number; end: number };
        const start = rawOffsetOfUnit(units, sentence.start);
        const end = rawOffsetOfUnit(units, sentence.end);
        passages.push({ start, end });
        return captureAnchor(doc0, docOffset(doc0, raw0, start), docOffset(doc0, raw0, end));
      });
      // Distinct sentences can still hold one another ("Jeg 😀 hjelp." holds "😀 hjelp."): such cases are skipped.
      for (const { quote } of anchors)
        fc.pre(quote.length >= 16 && doc0.text.indexOf(quote) === doc0.text.lastIndexOf(quote));

      applyEdits(units, passages, edits);
      const raw = units.join('');
      const doc = new TranscriptText(raw);
      anchors.forEach((anchor, i) => {
        const truth = passages[i] as LiveRange;
        assert.ok(truth.start <= truth.end, 'moveRanges made a backwards range');
        const [truthStart, truthEnd] = [docOffset(doc, raw, truth.start), docOffset(doc, raw, truth.end)];
        const result = resolveAnchor(doc, anchor);
        if (!truth.touched) {
          assert.ok(
            result.status === 'exact' || result.status === 'moved',
            `untouched quote "${anchor.quote}" resolved ${result.status}`,
          );
          assert.deepEqual(
            [result.start, result.end],
            [truthStart, truthEnd],
            `"${anchor.quote}" found at the wrong place`,
          );
          assert.deepEqual(
            result.range,
            { start: rawPosition(raw, truth.start), end: rawPosition(raw, truth.end) },
            'wrong line:column',
          );
        }
        if (result.status === 'exact' || result.status === 'moved') {
          assert.equal(doc.text.slice(result.start, result.end), anchor.quote);
          if (result.status === 'exact') assert.deepEqual(result.range, anchor.range);
        } else if (result.status === 'fuzzy') {
          assert.ok(
            result.start < truthEnd && result.end > truthStart,
            `fuzzy match [${result.start}, ${result.end}) "${doc.text.slice(result.start, result.end)}" is not where "${anchor.quote}" went: [${truthStart}, ${truthEnd})`,
          );
        }
      });
    }),
    runs(numRuns, seed),
  );
}

describe('property: annotations survive transcript edits', () => {
  it('untouched quotes resolve exact or moved to exactly their new place; any match found is the quote or overlaps it', () => {
    checkAnchoring({ lineBreak: '\n', nfd: false }, 250, 1);
  });

  it('the same holds for a CRLF transcript with decomposed (NFD) letters, edited with CRLF and NFD text', () => {
    checkAnchoring({ lineBreak: '\r\n', nfd: true }, 250, 2);
  });
});

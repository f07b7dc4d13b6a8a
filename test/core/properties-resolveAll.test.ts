import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Resolution } from '../../src/core/anchoring/anchor';
import { captureAnchor } from '../../src/core/anchoring/capture';
import type { LiveRange } from '../../src/core/anchoring/moveRanges';
import { resolveAnchor } from '../../src/core/anchoring/resolve';
import { resolveAnchors } from '../../src/core/anchoring/resolveAll';
import { TranscriptText } from '../../src/core/text/transcriptText';
import {
  applyEdits,
  editSpecArb,
  rawOffsetOfUnit,
  rawPosition,
  unitsOf,
  unitTextArb,
  type Flavour,
  type UnitText,
} from '../helpers/editedTranscript';
import { runs } from '../helpers/fcRuns';

/** The offset into the matching text of a raw offset (the raw file may have CRLF and NFD). */
function docOffset(doc: TranscriptText, raw: string, offset: number): number {
  const found = doc.offsetAt(rawPosition(raw, offset));
  assert.notEqual(found, undefined, `no matching-text offset for raw offset ${offset}`);
  return found as number;
}

/** A transcript whose sentences are all annotated, some twice (two coders), edited at random. */
interface Scenario {
  units: string[];
  /** Unit index ranges of the annotated passages. */
  passages: { start: number; end: number }[];
}

/** The text with one sentence copied in after another one, so that its phrase occurs twice; the copy annotated or not. */
function withRepeat(text: UnitText, copied: number, after: number, annotated = true): Scenario {
  const sentence = text.sentences[copied] as { start: number; end: number };
  const place = (text.sentences[after] as { start: number; end: number }).end;
  const copy = ['…', ' ', ...text.units.slice(sentence.start, sentence.end)];
  const units = [...text.units.slice(0, place), ...copy, ...text.units.slice(place)];
  const shift = (at: number) => (at > place ? at + copy.length : at);
  const passages = text.sentences.map((s) => ({ start: shift(s.start), end: shift(s.end) }));
  if (annotated) passages.push({ start: place + 2, end: place + copy.length });
  return { units, passages };
}

interface Outcome {
  resolution: Resolution;
  truth: LiveRange;
  truthStart: number;
  truthEnd: number;
}

/** Found where the passage is not: untouched and not exactly there, or not overlapping it at all. */
function isWrong({ resolution, truth, truthStart, truthEnd }: Outcome): boolean {
  if (resolution.status === 'orphaned') return false;
  if (!truth.touched) return resolution.start !== truthStart || resolution.end !== truthEnd;
  return !(resolution.start < truthEnd && resolution.end > truthStart);
}

/** Anchors every passage, applies the edits, and resolves the anchors together and alone. */
function resolveEdited(scenario: Scenario, twice: readonly number[], edits: Parameters<typeof applyEdits>[2]) {
  const units = [...scenario.units];
  const raw0 = units.join('');
  const doc0 = new TranscriptText(raw0);
  const chosen = [...scenario.passages.keys(), ...twice.map((i) => i % scenario.passages.length)];
  const passages: LiveRange[] = chosen.map((i) => {
    const { start, end } = scenario.passages[i] as { start: number; end: number };
    return { start: rawOffsetOfUnit(units, start), end: rawOffsetOfUnit(units, end) };
  });
  const anchors = passages.map((p) =>
    captureAnchor(doc0, docOffset(doc0, raw0, p.start), docOffset(doc0, raw0, p.end)),
  );
  applyEdits(units, passages, edits);
  const raw = units.join('');
  const doc = new TranscriptText(raw);
  const together = resolveAnchors(doc, anchors);
  const outcome = (resolution: Resolution, i: number): Outcome => {
    const truth = passages[i] as LiveRange;
    return {
      resolution,
      truth,
      truthStart: docOffset(doc, raw, truth.start),
      truthEnd: docOffset(doc, raw, truth.end),
    };
  };
  return {
    raw,
    doc,
    anchors,
    chosen,
    together: together.map(outcome),
    alone: anchors.map((anchor, i) => outcome(resolveAnchor(doc, anchor), i)),
  };
}

function checkTogether(flavour: Flavour, numRuns: number, salt: number): void {
  const scenarioArb = unitTextArb(flavour).map((text) => ({ units: text.units, passages: text.sentences }));
  fc.assert(
    fc.property(
      scenarioArb,
      fc.array(fc.nat(), { maxLength: 4 }),
      fc.array(editSpecArb(flavour), { minLength: 1, maxLength: 10 }),
      (scenario, twice, edits) => {
        const { raw, doc, anchors, chosen, together } = resolveEdited(scenario, twice, edits);
        together.forEach((found, i) => {
          const { resolution, truth } = found;
          const anchor = anchors[i] as (typeof anchors)[number];
          assert.ok(!isWrong(found), `"${anchor.quote}" resolved ${resolution.status} at the wrong place`);
          if (!truth.touched) {
            assert.ok(
              resolution.status === 'exact' || resolution.status === 'moved',
              `untouched: ${resolution.status}`,
            );
            assert.deepEqual(resolution.range, {
              start: rawPosition(raw, truth.start),
              end: rawPosition(raw, truth.end),
            });
          }
          if (resolution.status === 'exact' || resolution.status === 'moved')
            assert.equal(doc.text.slice(resolution.start, resolution.end), anchor.quote);
          if (resolution.status === 'exact') assert.deepEqual(resolution.range, anchor.range);
          const first = chosen.indexOf(chosen[i] as number);
          assert.deepEqual(resolution, together[first]?.resolution, 'two annotations of one passage differ');
        });
      },
    ),
    runs(numRuns, salt),
  );
}

describe('property: resolving a transcript’s annotations together', () => {
  it('finds every untouched passage exactly where it went, and any match where its passage is', () => {
    checkTogether({ lineBreak: '\n', nfd: false }, 200, 41);
  });

  it('the same for a CRLF transcript with decomposed (NFD) letters', () => {
    checkTogether({ lineBreak: '\r\n', nfd: true }, 120, 42);
  });

  it('with a phrase that occurs twice (its copy annotated or not), the neighbours never make a right answer wrong', () => {
    const flavour: Flavour = { lineBreak: '\n', nfd: false };
    const repeatArb = unitTextArb(flavour).chain((text) =>
      fc
        .tuple(fc.nat({ max: text.sentences.length - 1 }), fc.nat({ max: text.sentences.length - 1 }), fc.boolean())
        .map(([copied, after, annotated]) => withRepeat(text, copied, after, annotated)),
    );
    fc.assert(
      fc.property(repeatArb, fc.array(editSpecArb(flavour), { minLength: 1, maxLength: 10 }), (scenario, edits) => {
        const { together, alone, anchors } = resolveEdited(scenario, [], edits);
        together.forEach((found, i) => {
          if (isWrong(found) && !isWrong(alone[i] as Outcome))
            assert.fail(`"${anchors[i]?.quote}": alone right (${alone[i]?.resolution.status}), together wrong`);
        });
      }),
      runs(200, 43),
    );
  });

  it('the repeated phrase is made of whole units', () => {
    const text = {
      units: unitsOf('I: A. B. C.'),
      sentences: [
        { start: 3, end: 5 },
        { start: 6, end: 8 },
      ],
    };
    const { units, passages } = withRepeat(text, 0, 1);
    assert.equal(units.join(''), 'I: A. B.… A. C.');
    assert.deepEqual(
      passages.map((p) => units.slice(p.start, p.end).join('')),
      ['A.', 'B.', 'A.'],
    );
  });
});

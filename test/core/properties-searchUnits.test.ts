import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, speakerRegExp } from '../../src/core/settings/settings';
import { speakerTurns } from '../../src/core/speakers/turns';
import { passageOf, SEARCH_UNITS, UnitText } from '../../src/core/search/units';
import { wordCharacterAt, wordCharacterBefore } from '../../src/core/search/words';
import { runs } from '../helpers/fcRuns';

/** Transcript-like text: speaker labels, words with æøå, punctuation, abbreviations, notes and blank lines. */
const pieceArb = fc.constantFrom(
  'K1: ',
  'I: ',
  'L9: ',
  '\n',
  '\n\n',
  ' ',
  'legevakten',
  'Det',
  'ikke',
  'på',
  'Øyvind',
  'bl.a.',
  'f.eks.',
  '. ',
  '? ',
  '! ',
  '… ',
  '... ',
  '«Ja.» ',
  '[00:21:40]',
  '(K3)',
  '😀',
  'e\u0301',
);
const textArb = fc.array(pieceArb, { maxLength: 40 }).map((pieces) => pieces.join(''));

function source(text: string): UnitText {
  return new UnitText(text, speakerTurns(text, speakerRegExp(DEFAULT_SETTINGS)), speakerRegExp(DEFAULT_SETTINGS));
}

describe('passages of Search and Tag (properties)', () => {
  it('contain the match, start and end at word edges without white space, and nest match ⊆ sentence ⊆ turn', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat({ max: 12 }), (text, at, length) => {
        const start = text.length === 0 ? 0 : at % text.length;
        const match = { start, end: Math.min(text.length, start + Math.max(1, length)) };
        const found = text.slice(match.start, match.end);
        const [words, sentence, turn] = SEARCH_UNITS.map((unit) => passageOf(source(text), unit, match));
        if (found.trim() === '') return assert.deepEqual([words, sentence, turn], [undefined, undefined, undefined]);
        for (const passage of [words, sentence, turn]) {
          assert.ok(passage, 'a passage for a match that is more than white space');
          const tagged = text.slice(passage.start, passage.end);
          assert.equal(tagged, tagged.trim());
          assert.ok(tagged.includes(found.trim()), `${JSON.stringify(tagged)} lacks ${JSON.stringify(found.trim())}`);
          assert.ok(
            !(wordCharacterBefore(text, passage.start) && wordCharacterAt(text, passage.start)),
            'starts inside a word',
          );
          assert.ok(
            !(wordCharacterBefore(text, passage.end) && wordCharacterAt(text, passage.end)),
            'ends inside a word',
          );
        }
        assert.ok(sentence!.start <= words!.start && words!.end <= sentence!.end);
        assert.ok(
          turn!.start <= sentence!.start && sentence!.end <= turn!.end,
          `sentence ${JSON.stringify(text.slice(sentence!.start, sentence!.end))} outside turn ${JSON.stringify(text.slice(turn!.start, turn!.end))}`,
        );
      }),
      runs(400, 11),
    );
  });
});

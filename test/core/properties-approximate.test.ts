import assert from 'node:assert/strict';
import search from 'approx-string-match';
import fc from 'fast-check';
import { ApproximatePattern } from '../../src/core/anchoring/approximate';
import { runs } from '../helpers/fcRuns';

/** Few letters, so that near matches are common; a masked character, Norwegian letters, an emoji. */
const LETTERS = ['a', 'b', 'c', ' ', '\u0000', 'ø', 'å', '😀', '’'];
const textArb = (maxLength: number) =>
  fc.array(fc.constantFrom(...LETTERS), { maxLength }).map((letters) => letters.join(''));

describe('property: approximate matching gives what approx-string-match gives', () => {
  it('the same matches (start, end, errors), in the same order, for short and multi-block patterns', () => {
    fc.assert(
      fc.property(textArb(200), textArb(90), fc.nat({ max: 40 }), (text, pattern, maxErrors) => {
        assert.deepEqual(new ApproximatePattern(pattern).search(text, maxErrors), search(text, pattern, maxErrors));
      }),
      runs(1500, 31),
    );
  });

  it('a pattern prepared once searches any number of texts alike', () => {
    fc.assert(
      fc.property(fc.array(textArb(120), { minLength: 2, maxLength: 4 }), textArb(70), (texts, pattern) => {
        const prepared = new ApproximatePattern(pattern);
        const maxErrors = Math.floor(pattern.length / 4);
        for (const text of texts) assert.deepEqual(prepared.search(text, maxErrors), search(text, pattern, maxErrors));
      }),
      runs(400, 32),
    );
  });

  it('finds a sentence of the transcripts with a typo, where the package finds it', () => {
    const quote = 'Da har jeg nummeret til et par av dem, så jeg ringer dem når det trengs.';
    const text = `I: Og så?\n\nK3: Ja. ${quote.replace('nummeret', 'nummerett')} Det går greit.\n`;
    const found = new ApproximatePattern(quote).search(text, 18);
    assert.deepEqual(found, search(text, quote, 18));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.errors, 1);
  });
});

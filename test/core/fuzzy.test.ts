import assert from 'node:assert/strict';
import {
  commonPrefixLength,
  commonSuffixLength,
  contextSimilarity,
  exactContextScore,
  similarity,
} from '../../src/core/anchoring/context';
import { findFuzzy, MIN_CONFIDENCE, MIN_FUZZY_LENGTH } from '../../src/core/anchoring/fuzzy';

describe('context agreement', () => {
  const text = 'før QUOTE etter';
  it('counts agreeing characters right before and right after a passage', () => {
    assert.equal(commonSuffixLength(text, 4, 'xx før '), 4);
    assert.equal(commonPrefixLength(text, 9, ' etter og mer'), 6);
    assert.equal(exactContextScore(text, 4, 9, 'før ', ' etter'), 10);
    assert.equal(exactContextScore(text, 4, 9, '', ''), 0);
    assert.equal(commonSuffixLength(text, 0, 'abc'), 0, 'nothing before the start of the text');
  });

  it('measures similarity as 1 - edit distance / longer length', () => {
    assert.equal(similarity('', ''), 1);
    assert.equal(similarity('abcd', 'abcd'), 1);
    assert.equal(similarity('abcd', 'abxd'), 0.75);
    assert.equal(similarity('abcd', ''), 0);
  });

  it('weighs before and after similarity by their lengths, and is 1 without saved context', () => {
    assert.equal(contextSimilarity(text, 4, 9, 'før ', ' etter'), 1);
    assert.equal(contextSimilarity(text, 4, 9, '', ''), 1);
    assert.equal(contextSimilarity(text, 4, 9, 'XXX ', ''), 0.25);
    assert.equal(contextSimilarity(text, 4, 9, 'XXX ', ' e'), (4 * 0.25 + 2) / 6, 'a short side weighs little');
  });
});

describe('findFuzzy', () => {
  const text = 'I: Hva skjer?\n\nK3: Da har jeg nummerne til et par av dem. Det er ikke meningen.\n';
  const quote = 'Da har jeg nummeret til et par av dem.';

  it('finds a close match whose context agrees, with its confidence', () => {
    const match = findFuzzy(text, quote, '?\n\nK3: ', ' Det er ikke', 0);
    assert.ok(match);
    assert.equal(text.slice(match.start, match.end), 'Da har jeg nummerne til et par av dem.');
    assert.ok(match.confidence >= MIN_CONFIDENCE && match.confidence < 1);
  });

  it('refuses a close match whose context disagrees', () => {
    assert.equal(findFuzzy(text, quote, 'helt annen tekst før ', ' og helt annen etter', 0), undefined);
  });

  it('demands a nearly identical quote when no context was saved', () => {
    assert.ok(findFuzzy(text, 'Da har jeg nummerne til et par av dem!', '', '', undefined));
    assert.equal(findFuzzy(text, 'Da hadde jeg nummeret til noen av dem.', '', '', undefined), undefined);
  });

  it(`never matches quotes shorter than ${MIN_FUZZY_LENGTH} characters approximately`, () => {
    assert.equal(findFuzzy('K3: Ja takk.', 'Ja tack.', 'K3: ', '', 0), undefined);
  });

  it('finds the passage far from the hint by searching the whole text', () => {
    const far = `${'Fyll. '.repeat(5000)}${text}`;
    const match = findFuzzy(far, quote, '?\n\nK3: ', ' Det er ikke', 0);
    assert.ok(match);
    assert.equal(far.slice(match.start, match.end), 'Da har jeg nummerne til et par av dem.');
  });
});

import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, speakerRegExp } from '../../src/core/settings/settings';
import { informantAt, speakerTurns, turnAt } from '../../src/core/speakers/turns';
import { K3_TRANSCRIPT } from '../helpers/project';

const isCode = (code: string) => /^\p{Lu}{1,2}\d{1,3}$/u.test(code);

describe('speakerTurns', () => {
  const turns = speakerTurns(K3_TRANSCRIPT, speakerRegExp(DEFAULT_SETTINGS));

  it('finds each turn from its label to the next label', () => {
    assert.deepEqual(
      turns.map((t) => t.speaker),
      ['I', 'K3', 'I', 'K3'],
    );
    const [first, second] = turns;
    assert.equal(first?.start, K3_TRANSCRIPT.indexOf('I: Hvem'));
    assert.equal(first?.end, K3_TRANSCRIPT.indexOf('K3: Jeg'));
    assert.equal(second?.start, first?.end);
    assert.equal(turns[turns.length - 1]?.end, K3_TRANSCRIPT.length);
  });

  it('gives the same turns when the pattern is used twice (lastIndex is reset)', () => {
    const pattern = speakerRegExp(DEFAULT_SETTINGS);
    assert.deepEqual(speakerTurns(K3_TRANSCRIPT, pattern), speakerTurns(K3_TRANSCRIPT, pattern));
  });

  it('supports other conventions through the pattern setting (Otter.ai headers, "Speaker 12:")', () => {
    const otter = 'BSR01  00:00\nHei og velkommen.\nINT  00:12\nTakk.\n';
    assert.deepEqual(
      speakerTurns(otter, /^([A-Z]+\d*) {2}\d\d:\d\d$/gmu).map((t) => t.speaker),
      ['BSR01', 'INT'],
    );
    assert.deepEqual(
      speakerTurns('Speaker 12: ja\nInterviewer1 : nei', /^(Speaker \d+|Interviewer\d+)\s*:/gmu).map((t) => t.speaker),
      ['Speaker 12', 'Interviewer1'],
    );
  });

  it('finds no turns in text without labels', () => {
    assert.deepEqual(speakerTurns('Bare tekst.\nIngen etiketter.', speakerRegExp(DEFAULT_SETTINGS)), []);
  });
});

describe('turnAt and informantAt', () => {
  const turns = speakerTurns(K3_TRANSCRIPT, speakerRegExp(DEFAULT_SETTINGS));
  const quote = K3_TRANSCRIPT.indexOf('Da har jeg nummeret');

  it('find the turn an offset falls in, none before the first label', () => {
    assert.equal(turnAt(turns, quote)?.speaker, 'K3');
    assert.equal(turnAt(turns, K3_TRANSCRIPT.indexOf('Hva gjør du'))?.speaker, 'I');
    assert.equal(turnAt(turns, 0), undefined);
    assert.equal(turnAt([], 5), undefined);
    assert.equal(turnAt(turns, K3_TRANSCRIPT.length), undefined, 'past the end of the text');
  });

  it('attribute a passage to the informant of the turn it starts in, not to the interviewer', () => {
    assert.equal(informantAt(turns, quote, isCode), 'K3');
    assert.equal(informantAt(turns, K3_TRANSCRIPT.indexOf('Hva gjør du'), isCode), undefined);
    assert.equal(informantAt(turns, 3, isCode), undefined);
  });
});

import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/loadProject';
import { DEFAULT_SETTINGS, speakerRegExp } from '../../src/core/settings/settings';
import { speakerTurns } from '../../src/core/speakers/turns';
import { sentenceBounds } from '../../src/core/search/sentences';
import { searchTranscripts, tickedByDefault } from '../../src/core/search/searchTranscripts';
import { passageOf, turnBounds, UnitText, type SearchUnit } from '../../src/core/search/units';
import { wholeWords } from '../../src/core/search/words';
import { projectFiles } from '../helpers/project';

function source(text: string): UnitText {
  return new UnitText(text, speakerTurns(text, speakerRegExp(DEFAULT_SETTINGS)), speakerRegExp(DEFAULT_SETTINGS));
}

/** The passage of the unit around the first occurrence of `found` in the text. */
function passage(text: string, unit: SearchUnit, found: string, occurrence = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(found, at + 1);
  assert.ok(at >= 0, `"${found}" is not in the text`);
  const span = passageOf(source(text), unit, { start: at, end: at + found.length });
  return span && text.slice(span.start, span.end);
}

function sentenceOf(text: string, found: string): string {
  const at = text.indexOf(found);
  const span = sentenceBounds(text, { start: at, end: at + found.length }, { start: 0, end: text.length });
  return text.slice(span.start, span.end);
}

describe('wholeWords', () => {
  it('widens a match inside a word to the whole word, æ, ø and å counting as letters', () => {
    const text = 'Og legevakten sender ikke. Søskenbarnet på båtplassen.';
    const widen = (found: string) => {
      const at = text.indexOf(found);
      const span = wholeWords(text, { start: at, end: at + found.length });
      return text.slice(span.start, span.end);
    };
    assert.equal(widen('legevakt'), 'legevakten');
    assert.equal(widen('kenbar'), 'Søskenbarnet');
    assert.equal(widen('båt'), 'båtplassen');
    assert.equal(widen('på'), 'på');
    assert.equal(widen('n sen'), 'legevakten sender');
    assert.equal(widen('kke.'), 'ikke.');
  });

  it('widens across letters outside the Basic Multilingual Plane and combining marks, not across emoji', () => {
    const text = 'ab𝒳cd 😀ja e\u0301n';
    const at = text.indexOf('cd');
    const span = wholeWords(text, { start: at, end: at + 1 });
    assert.equal(text.slice(span.start, span.end), 'ab𝒳cd');
    const ja = text.indexOf('ja');
    assert.deepEqual(wholeWords(text, { start: ja, end: ja + 1 }), { start: ja, end: ja + 2 });
    const n = text.indexOf('n');
    assert.equal(text.slice(wholeWords(text, { start: n, end: n + 1 }).start, n + 1), 'e\u0301n');
  });
});

describe('sentenceBounds', () => {
  it('ends sentences at ".", "?", "!", "…" and "..."', () => {
    const text = 'Hva med NAV? Det finnes en rutine! Den følges ikke… Så vi ringer... Ingen svarer.';
    assert.equal(sentenceOf(text, 'NAV'), 'Hva med NAV?');
    assert.equal(sentenceOf(text, 'rutine'), 'Det finnes en rutine!');
    assert.equal(sentenceOf(text, 'følges'), 'Den følges ikke…');
    assert.equal(sentenceOf(text, 'ringer'), 'Så vi ringer...');
    assert.equal(sentenceOf(text, 'svarer'), 'Ingen svarer.');
  });

  it('does not end a sentence after an abbreviation, an initial, an ordinal or a date', () => {
    const text =
      'Vi møtes f.eks. på tirsdager, bl.a. med K. Hansen fra kl. 14 den 1. mai. Dr. Berg kom 15.01.2020 som avtalt. Neste.';
    assert.equal(
      sentenceOf(text, 'tirsdager'),
      'Vi møtes f.eks. på tirsdager, bl.a. med K. Hansen fra kl. 14 den 1. mai.',
    );
    assert.equal(sentenceOf(text, 'Berg'), 'Dr. Berg kom 15.01.2020 som avtalt.');
  });

  it('keeps closing quotes and brackets with the sentence, and goes on when the next word is in lower case', () => {
    const text = 'Han sa: «Ring meg.» Så gikk han. «Hvorfor?» spurte jeg (ikke høyt.) Til slutt osv. Det var alt.';
    assert.equal(sentenceOf(text, 'Ring'), 'Han sa: «Ring meg.»');
    assert.equal(sentenceOf(text, 'spurte'), '«Hvorfor?» spurte jeg (ikke høyt.)');
    assert.equal(sentenceOf(text, 'slutt'), 'Til slutt osv.');
  });

  it('takes every sentence a match runs across', () => {
    assert.equal(sentenceOf('En. To tre. Fire fem. Seks.', 'tre. Fire'), 'To tre. Fire fem.');
  });
});

describe('passageOf', () => {
  const TRANSCRIPT = [
    'Fokusgruppe, 15.01.2020',
    '',
    'I: Har dere felles journal med legevakten? Hva med NAV?',
    '',
    'L9: Nei. Det er ingen felles journal med legevakten eller med fastlegene. Så det vi vet',
    'er det brukeren selv forteller oss.',
    '',
    'Vi får ikke vite noe.',
    '',
    '[00:21:40]',
    'L7: Det finnes en rutine.',
    '',
  ].join('\n');

  it('gives the match widened to whole words', () => {
    assert.equal(passage(TRANSCRIPT, 'match', 'legevakt', 1), 'legevakten');
    assert.equal(passage(TRANSCRIPT, 'match', ' ingen '), 'ingen');
    assert.equal(passage(TRANSCRIPT, 'match', '\n\n'), undefined);
  });

  it('gives the sentence inside its turn and paragraph, never the speaker label', () => {
    assert.equal(passage(TRANSCRIPT, 'sentence', 'legevakt', 0), 'Har dere felles journal med legevakten?');
    assert.equal(passage(TRANSCRIPT, 'sentence', 'Nei'), 'Nei.');
    assert.equal(
      passage(TRANSCRIPT, 'sentence', 'legevakt', 1),
      'Det er ingen felles journal med legevakten eller med fastlegene.',
    );
    assert.equal(passage(TRANSCRIPT, 'sentence', 'brukeren'), 'Så det vi vet\ner det brukeren selv forteller oss.');
    assert.equal(passage(TRANSCRIPT, 'sentence', 'vite'), 'Vi får ikke vite noe.');
    assert.equal(passage(TRANSCRIPT, 'sentence', '15.01'), 'Fokusgruppe, 15.01.2020');
  });

  it('gives the speaker turn after its label, with all its paragraphs but not a time stamp after them', () => {
    assert.equal(passage(TRANSCRIPT, 'turn', 'NAV'), 'Har dere felles journal med legevakten? Hva med NAV?');
    assert.equal(
      passage(TRANSCRIPT, 'turn', 'vite'),
      'Nei. Det er ingen felles journal med legevakten eller med fastlegene. Så det vi vet\ner det brukeren selv forteller oss.\n\nVi får ikke vite noe.',
    );
    assert.equal(passage(TRANSCRIPT, 'turn', 'rutine'), 'Det finnes en rutine.');
    assert.equal(passage(TRANSCRIPT, 'turn', 'Fokusgruppe'), 'Fokusgruppe, 15.01.2020');
    const notes = 'K1: Ja. [pause]\n\n[latter]\n\n[00:01:02]\nI: Og?\n';
    assert.equal(passage(notes, 'turn', 'Ja'), 'Ja. [pause]');
    assert.equal(passage(notes, 'turn', 'latter'), '[latter]');
    assert.equal(passage(notes, 'sentence', 'latter'), '[latter]');
  });

  it('gives every turn a match runs across, and the label too when the match is in it', () => {
    const text = 'I: Hei der.\n\nK1: Hei.\n';
    const at = text.indexOf('der');
    const span = turnBounds(source(text), { start: at, end: text.indexOf('Hei.') + 2 });
    assert.equal(text.slice(span.start, span.end), 'Hei der.\n\nK1: Hei.');
    assert.equal(passage(text, 'turn', 'K1'), 'K1: Hei.');
  });
});

describe('Search and Tag hits by unit', () => {
  const TEXT =
    'Intervju\n\nI: Var legevakten til hjelp? Legevakt er legevakt.\n\nL9: Nei. Det er ingen journal med legevakten og legevakta.\n';

  async function hits(unit: SearchUnit) {
    const result = searchTranscripts(await loadProject(projectFiles({ 'f.txt': TEXT })), {
      pattern: 'legevakt',
      regex: false,
      caseSensitive: false,
      wholeWord: false,
      unit,
    });
    assert.ok(result.ok);
    return result.hits;
  }

  it('tags whole words, one hit a match', async () => {
    assert.deepEqual(
      (await hits('match')).map((h) => h.text),
      ['legevakten', 'Legevakt', 'legevakt', 'legevakten', 'legevakta'],
    );
  });

  it('tags each sentence or turn once, however many matches it has, and shows the first match in context', async () => {
    const sentences = await hits('sentence');
    assert.deepEqual(
      sentences.map((h) => [h.text, h.match]),
      [
        ['Var legevakten til hjelp?', 'legevakten'],
        ['Legevakt er legevakt.', 'Legevakt'],
        ['Det er ingen journal med legevakten og legevakta.', 'legevakten'],
      ],
    );
    const turns = await hits('turn');
    assert.deepEqual(
      turns.map((h) => [h.text, h.line, h.column, h.speaker]),
      [
        ['Var legevakten til hjelp? Legevakt er legevakt.', 3, 4, 'I'],
        ['Nei. Det er ingen journal med legevakten og legevakta.', 5, 5, 'L9'],
      ],
    );
  });

  it("ticks the hits in informants' turns and leaves the interviewer's unticked", async () => {
    const ticked = (await hits('sentence')).map((h) => [h.speaker, tickedByDefault(h)]);
    assert.deepEqual(ticked, [
      ['I', false],
      ['I', false],
      ['L9', true],
    ]);
  });

  it('counts a registered speaker whose code does not look like an informant code as an informant', async () => {
    const files = projectFiles(
      { 'f.txt': 'I: Hva nå?\n\nANE: Legevakten.\n\nOLA: Legevakta.\n' },
      { 'informants.yaml': 'informants:\n  - code: ANE\n' },
    );
    const result = searchTranscripts(await loadProject(files), {
      pattern: 'legevakt',
      regex: false,
      caseSensitive: false,
      wholeWord: false,
      informants: undefined,
    });
    assert.ok(result.ok);
    assert.deepEqual(
      result.hits.map((h) => [h.speaker, h.informant, tickedByDefault(h)]),
      [
        ['ANE', 'ANE', true],
        ['OLA', undefined, false],
      ],
    );
  });

  it('keeps the speaker label whole in the context, and cuts the context at whole words', async () => {
    const line = 'L9: Nei. Det er ingen felles journal med legevakten eller med fastlegene og andre som kan hjelpe.';
    const result = searchTranscripts(await loadProject(projectFiles({ 'f.txt': `${line}\n` })), {
      pattern: 'legevakt',
      regex: false,
      caseSensitive: false,
      wholeWord: false,
    });
    assert.ok(result.ok);
    const [hit] = result.hits;
    assert.equal(hit?.before, 'L9: Nei. Det er ingen felles journal med ');
    assert.equal(hit?.after, ' eller med fastlegene og andre som kan ');
    const later = searchTranscripts(await loadProject(projectFiles({ 'f.txt': `${line}\n` })), {
      pattern: 'fastlegene',
      regex: false,
      caseSensitive: false,
      wholeWord: false,
    });
    assert.ok(later.ok);
    assert.equal(later.hits[0]?.before, 'felles journal med legevakten eller med ');
  });
});

import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/loadProject';
import { splitCoveredHits } from '../../src/core/search/coveredHits';
import type { SearchQuery } from '../../src/core/search/query';
import { informantTurns, MAX_HITS, searchTranscripts } from '../../src/core/search/searchTranscripts';
import { codedProjectFiles, K3_TRANSCRIPT, projectFiles } from '../helpers/project';

const PLAIN: SearchQuery = { pattern: '', regex: false, caseSensitive: false, wholeWord: false };

async function search(transcripts: Record<string, string>, query: Partial<SearchQuery>) {
  const result = searchTranscripts(await loadProject(projectFiles(transcripts)), { ...PLAIN, ...query });
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
}

const texts = (hits: readonly { text: string }[]) => hits.map((h) => h.text);

describe('searchTranscripts', () => {
  it('finds plain text regardless of case, with place, context and informant', async () => {
    const { hits, capped } = await search({ 'k3.txt': K3_TRANSCRIPT }, { pattern: 'TEAM' });
    assert.equal(capped, false);
    assert.equal(hits.length, 1);
    assert.deepEqual(hits[0], {
      transcript: 'transcripts/k3.txt',
      start: K3_TRANSCRIPT.indexOf('team'),
      end: K3_TRANSCRIPT.indexOf('team') + 4,
      line: 6,
      column: 28,
      text: 'team',
      match: 'team',
      before: 'K3: Jeg har et veldig godt ',
      after: '. Det er ruskonsulenten her i kommunen, ',
      speaker: 'K3',
      informant: 'K3',
    });
  });

  it('matches case only when asked to, and tags whole words', async () => {
    const transcript = { 'a.txt': 'K1: Legevakt og legevakten.\n' };
    assert.deepEqual(texts((await search(transcript, { pattern: 'legevakt' })).hits), ['Legevakt', 'legevakten']);
    assert.deepEqual(texts((await search(transcript, { pattern: 'legevakt', caseSensitive: true })).hits), [
      'legevakten',
    ]);
  });

  it('takes regular expressions, and plain text literally', async () => {
    const transcript = { 'a.txt': 'K1: Vi ventet 3 uker, så 12 uker (K1). Det er a.b, ikke axb.\n' };
    assert.deepEqual(texts((await search(transcript, { pattern: '\\d+ uker', regex: true })).hits), [
      '3 uker',
      '12 uker',
    ]);
    assert.deepEqual(texts((await search(transcript, { pattern: '(K1)' })).hits), ['(K1)']);
    assert.deepEqual(texts((await search(transcript, { pattern: 'a.b' })).hits), ['a.b']);
  });

  it('matches whole words only, counting æ, ø and å as letters', async () => {
    const transcript = { 'a.txt': 'K1: Både båt og båtene, og BÅT. Kom åt, sa Øyvind til søster_øy.\n' };
    assert.deepEqual(texts((await search(transcript, { pattern: 'båt', wholeWord: true })).hits), ['båt', 'BÅT']);
    assert.deepEqual(texts((await search(transcript, { pattern: 'åt', wholeWord: true })).hits), ['åt']);
    assert.deepEqual(texts((await search(transcript, { pattern: 'øy', wholeWord: true })).hits), []);
    assert.deepEqual(texts((await search(transcript, { pattern: 'b\\p{L}t', regex: true, wholeWord: true })).hits), [
      'båt',
      'BÅT',
    ]);
  });

  it('gives offsets into the text and the lines and columns of a CRLF transcript', async () => {
    const raw = 'Intervju\r\n\r\nI: Hva skjedde?\r\n\r\nK1: Ingen ringte meg.\r\n';
    const project = await loadProject(projectFiles({ 'crlf.txt': raw }));
    const result = searchTranscripts(project, { ...PLAIN, pattern: 'ringte' });
    assert.ok(result.ok);
    const [hit] = result.hits;
    assert.equal(project.transcripts[0]?.doc?.text.slice(hit?.start, hit?.end), 'ringte');
    assert.deepEqual(
      [hit?.line, hit?.column, hit?.informant, hit?.before, hit?.after],
      [5, 11, 'K1', 'K1: Ingen ', ' meg.'],
    );
  });

  it('counts columns in UTF-16 code units past emoji and never cuts an emoji out of the context', async () => {
    const line = `K1: 😀${'x'.repeat(38)} bra 🎉 ja`;
    const { hits } = await search({ 'a.txt': `${line}\n` }, { pattern: 'bra' });
    assert.equal(hits[0]?.column, line.indexOf('bra') + 1);
    assert.equal(hits[0]?.before, `${'x'.repeat(38)} `);
    assert.equal(hits[0]?.after, ' 🎉 ja');
    const emoji = await search({ 'a.txt': `${line}\n` }, { pattern: '\\p{Extended_Pictographic}', regex: true });
    assert.deepEqual(texts(emoji.hits), ['😀', '🎉']);
  });

  it('reports an invalid regular expression or an empty pattern instead of throwing', async () => {
    const project = await loadProject(projectFiles({ 'k3.txt': K3_TRANSCRIPT }));
    const invalid = searchTranscripts(project, { ...PLAIN, pattern: 'team(', regex: true });
    assert.ok(!invalid.ok);
    assert.match(invalid.message, /^"team\(" is not a valid regular expression: /);
    assert.equal(invalid.reason, 'invalid');
    const empty = searchTranscripts(project, { ...PLAIN, pattern: '' });
    assert.ok(!empty.ok);
    assert.equal(empty.reason, 'empty');
  });

  it('skips empty matches', async () => {
    assert.deepEqual(texts((await search({ 'a.txt': 'K1: aa b a\n' }, { pattern: 'a*', regex: true })).hits), [
      'aa',
      'a',
    ]);
  });

  it(`stops at ${MAX_HITS} hits and says that it did`, async () => {
    const { hits, capped } = await search({ 'a.txt': `K1: ${'ja '.repeat(MAX_HITS + 1)}\n` }, { pattern: 'ja' });
    assert.equal(hits.length, MAX_HITS);
    assert.equal(capped, true);
  });

  it('keeps only the turns of the informants asked for', async () => {
    const { hits } = await search({ 'k3.txt': K3_TRANSCRIPT }, { pattern: 'det', informants: ['K3'] });
    assert.ok(hits.length > 0);
    assert.ok(hits.every((h) => h.informant === 'K3'));
    const all = await search({ 'k3.txt': K3_TRANSCRIPT }, { pattern: 'det' });
    assert.ok(all.hits.some((h) => h.speaker === 'I' && h.informant === undefined));
  });
});

describe('informantTurns', () => {
  it('gives the text of each turn of the informant without its label and the blank lines after it', async () => {
    const raw =
      'I: Hei.\r\n\r\nK3: Første svar.\r\nFortsetter her.\r\n\r\nI: Og så?\r\n\r\nK3:  Andre 😀 svar.  \r\n\r\n';
    const project = await loadProject(projectFiles({ 'a.txt': raw, 'k3.txt': K3_TRANSCRIPT }));
    const turns = informantTurns(project, 'K3');
    assert.deepEqual(
      turns.map((t) => [t.transcript, t.text, t.line, t.column, t.informant]),
      [
        ['transcripts/a.txt', 'Første svar.\nFortsetter her.', 3, 5, 'K3'],
        ['transcripts/a.txt', 'Andre 😀 svar.', 8, 6, 'K3'],
        [
          'transcripts/k3.txt',
          'Jeg har et veldig godt team. Det er ruskonsulenten her i kommunen, og så har jeg psykiatritjenesten.',
          6,
          5,
          'K3',
        ],
        [
          'transcripts/k3.txt',
          'Da har jeg nummeret til et par av dem. Det er ikke meningen, men det hjelper.',
          10,
          5,
          'K3',
        ],
      ],
    );
    const doc = project.transcripts.find((t) => t.path === 'transcripts/a.txt')?.doc;
    assert.equal(doc?.text.slice(turns[1]?.start, turns[1]?.end), 'Andre 😀 svar.');
  });

  it('lists the turns of a speaker who is not an informant without an informant', async () => {
    const turns = informantTurns(await loadProject(projectFiles({ 'k3.txt': K3_TRANSCRIPT })), 'I');
    assert.deepEqual(
      turns.map((t) => [t.text, t.speaker, t.informant]),
      [
        ['Hvem er det som hjelper deg i hverdagen nå?', 'I', undefined],
        ['Hva gjør du utenom kontortid?', 'I', undefined],
      ],
    );
  });
});

describe('splitCoveredHits', () => {
  it('sets aside hits inside a passage that already has all the concepts', async () => {
    const project = await loadProject(codedProjectFiles());
    const result = searchTranscripts(project, { ...PLAIN, pattern: 'team|hjelper', regex: true });
    assert.ok(result.ok);
    assert.deepEqual(texts(result.hits), ['hjelper', 'team', 'hjelper']);
    const formal = splitCoveredHits(project, result.hits, ['samordning.formell']);
    assert.deepEqual(texts(formal.covered), ['team']);
    assert.deepEqual(texts(formal.fresh), ['hjelper', 'hjelper']);
    const more = splitCoveredHits(project, result.hits, ['samordning.formell', 'koordinator.fallskjerm']);
    assert.deepEqual(more.covered, []);
  });
});

import assert from 'node:assert/strict';
import { checkQuery, parseQuery, runQuery, type QueryResult } from '../../src/core/query';
import type { Project } from '../../src/core/project/model';
import { queryProject, type CodedPassage } from '../helpers/queryProject';

const TEXT = `Intervju med K1

I: Hva skjer om kvelden?

K1: Da ringer jeg henne. Hun svarer alltid.

I: Og i helgene?

K1: Da er det ingen der.

L1: Vi har ikke folk nok.
`;

/** A passage of TEXT by its words (the first time they occur). */
function at(words: string, fields: Omit<CodedPassage, 'start' | 'end'>): CodedPassage {
  const start = TEXT.indexOf(words);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length, ...fields };
}

function project(): Project {
  return queryProject([
    {
      path: 'transcripts/k1.txt',
      text: TEXT,
      passages: [
        at('Intervju med K1', { concepts: ['c'] }),
        at('Da ringer jeg henne.', { concepts: ['a.x'], informant: 'K1', coder: 'ingrid', memo: 'Hjelp i helga.' }),
        at('Hun svarer alltid.', { concepts: ['a.y', 'b'], informant: 'K1', coder: 'ola', key: true }),
        at('ringer jeg henne. Hun svarer', { concepts: ['b'], informant: 'K1', coder: 'ola' }),
        at('Da er det ingen der.', { concepts: ['c'], informant: 'K1', coder: 'ingrid' }),
        at('Vi har ikke folk nok.', { concepts: ['b'], informant: 'L1', coder: 'ingrid' }),
        at('K1: Da er det ingen der.\n\nL1: Vi', { concepts: ['a.x.z'], informant: 'K1' }),
        { start: 0, end: 1, concepts: ['b'], orphan: true },
      ],
    },
  ]);
}

function query(text: string, options = {}): QueryResult {
  const parsed = parseQuery(text);
  assert.ok(parsed.expression, parsed.error?.message);
  return runQuery(parsed.expression, project(), options);
}

function quotes(text: string, options = {}): string[] {
  return query(text, options).passages.map((p) => p.quote);
}

describe('coding queries on a transcript', () => {
  it('take a concept with the concepts below it, joining passages that overlap or touch', () => {
    assert.deepEqual(quotes('a.y'), ['Hun svarer alltid.']);
    assert.deepEqual(quotes('a'), ['Da ringer jeg henne.', 'Hun svarer alltid.', 'K1: Da er det ingen der.\n\nL1: Vi']);
    assert.deepEqual(quotes('a.x or b'), [
      'Da ringer jeg henne. Hun svarer alltid.',
      'K1: Da er det ingen der.\n\nL1: Vi har ikke folk nok.',
    ]);
  });

  it('and is the character overlap, or the union, not the text not coded', () => {
    assert.deepEqual(quotes('a.x and b'), ['ringer jeg henne.', 'Vi']);
    assert.deepEqual(quotes('a.y or c'), ['Intervju med K1', 'Hun svarer alltid.', 'Da er det ingen der.']);
    assert.deepEqual(quotes('not (a or b or c)'), ['I: Hva skjer om kvelden?\n\nK1:', 'I: Og i helgene?']);
  });

  it('overlapping keeps whole passages, within-turn those inside a turn that holds the other', () => {
    assert.deepEqual(quotes('a.x overlapping b'), ['Da ringer jeg henne.', 'K1: Da er det ingen der.\n\nL1: Vi']);
    assert.deepEqual(quotes('c overlapping a.x.z'), ['Da er det ingen der.']);
    assert.deepEqual(quotes('a.x within-turn a.y'), ['Da ringer jeg henne.']);
    assert.deepEqual(quotes('c within-turn b'), [], "the header is in no turn, and K1's second turn has no b");
    assert.deepEqual(quotes('a.x.z within-turn c'), [], 'a passage over two turns is inside neither');
  });

  it('near counts speaker turns either way, followed-by only forward', () => {
    assert.deepEqual(quotes('a.y near 0 c'), []);
    assert.deepEqual(quotes('a.y near 2 c'), ['Hun svarer alltid.']);
    assert.deepEqual(quotes('c near 1 a.y'), []);
    assert.deepEqual(
      quotes('c near 2 a.y'),
      ['Intervju med K1', 'Da er det ingen der.'],
      'the header counts as a turn before the first',
    );
    assert.deepEqual(quotes('c near 0 a.x'), ['Da er det ingen der.'], 'a passage over two turns is near both');
    assert.deepEqual(quotes('a.y followed-by 2 c'), ['Hun svarer alltid.']);
    assert.deepEqual(quotes('a.y followed-by 1 c'), []);
    assert.deepEqual(quotes('c followed-by 5 a.x'), ['Intervju med K1']);
    assert.deepEqual(quotes('a.x followed-by 0 a.y'), ['Da ringer jeg henne.']);
    assert.deepEqual(quotes('a.y followed-by 0 a.x'), []);
  });

  it('filter by informant, attribute, coder, memo and key', () => {
    assert.deepEqual(quotes('informant=L*'), ['Vi har ikke folk nok.']);
    assert.deepEqual(quotes('role=ansatt'), ['Vi har ikke folk nok.']);
    assert.deepEqual(quotes('informant=K1,L1 and c'), ['Da er det ingen der.']);
    assert.deepEqual(quotes('coder=ola'), ['ringer jeg henne. Hun svarer alltid.']);
    assert.deepEqual(quotes('memo~"i HELGA"'), ['Da ringer jeg henne.']);
    assert.deepEqual(quotes('key'), ['Hun svarer alltid.']);
  });

  it('count only the annotations the caller includes (the coder filter)', () => {
    assert.deepEqual(
      quotes('b', { include: (r: { annotation: { coder?: string } }) => r.annotation.coder === 'ingrid' }),
      ['Vi har ikke folk nok.'],
    );
  });

  it('give each passage its place, informant, annotations and concepts', () => {
    const [passage] = query('a.x and b').passages;
    assert.ok(passage);
    assert.equal(passage.transcript.path, 'transcripts/k1.txt');
    assert.deepEqual(passage.range, { start: { line: 5, column: 8 }, end: { line: 5, column: 25 } });
    assert.equal(passage.informant, 'K1');
    assert.deepEqual(
      passage.annotations.map((r) => r.annotation.concepts),
      [['a.x'], ['b']],
    );
    assert.deepEqual(passage.concepts, ['a.x', 'b']);
    const [header] = query('not (a or b or c)').passages;
    assert.equal(header?.informant, undefined, 'the interviewer is no informant');
  });

  it('report the orphans their operands name, and leave them out', () => {
    const result = query('b');
    assert.deepEqual(
      result.orphans.map((r) => r.annotation.concepts),
      [['b']],
    );
    assert.ok(result.passages.every((p) => p.start > 0));
    assert.deepEqual(query('a').orphans, []);
  });
});

describe('checking a query against the project', () => {
  function problems(text: string) {
    const parsed = parseQuery(text);
    assert.ok(parsed.expression);
    return checkQuery(parsed.expression, project()).map((p) => ({
      severity: p.severity,
      code: p.code,
      column: p.column,
      message: p.message,
    }));
  }

  it('finds unknown concepts and attributes, with suggestions', () => {
    const found = problems('a.xx or rolle=ansatt');
    assert.deepEqual(
      found.map((p) => [p.severity, p.code, p.column]),
      [
        ['error', 'unknown-concept', 1],
        ['error', 'unknown-attribute', 9],
      ],
    );
    assert.match(found[0]?.message ?? '', /"a\.xx" is not in codebook\.yaml\. Did you mean "a\.x"/);
    assert.match(found[1]?.message ?? '', /known: code, role/);
  });

  it('warns about informants and coders that match nobody', () => {
    assert.deepEqual(
      problems('informant=K1,Q*,M9 or coder=per').map((p) => [p.severity, p.code]),
      [
        ['warning', 'no-match'],
        ['warning', 'no-match'],
        ['warning', 'no-match'],
      ],
    );
    assert.deepEqual(problems('informant=K* and coder=i* and role=ansatt and key and memo~x'), []);
  });
});

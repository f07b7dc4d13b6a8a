import assert from 'node:assert/strict';
import { ChapterIndex } from '../../src/core/chapters/chapterIndex';
import { renderChapter } from '../../src/core/chapters/renderChapter';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project } from '../../src/core/project/model';
import { findSavedQuery, parseQuery, queryToCsv, queryToJson, queryToMarkdown, runQuery } from '../../src/core/query';
import { codedProjectFiles, expectProblem } from '../helpers/project';

async function withSettings(qcodeYaml: string): Promise<Project> {
  const files = codedProjectFiles();
  files.set('qcode.yaml', qcodeYaml);
  return loadProject(files);
}

describe('saved queries (queries: in qcode.yaml)', () => {
  it('are read by name in the order of the file, with where each is written', async () => {
    const project = await withSettings(
      'queries:\n  formell: samordning.formell and not informant=L5\n  "uformell": \'samordning.uformell\'\n',
    );
    assert.deepEqual(
      project.settings.queries.map((q) => [q.name, q.text, q.line, q.column, q.verbatim]),
      [
        ['formell', 'samordning.formell and not informant=L5', 2, 12, true],
        ['uformell', 'samordning.uformell', 3, 16, true],
      ],
    );
    assert.deepEqual(
      project.problems.filter((p) => p.file === 'qcode.yaml'),
      [],
    );
    assert.equal(findSavedQuery(project.settings.queries, 'uformell')?.text, 'samordning.uformell');
  });

  it('report a syntax error at its line and column in qcode.yaml', async () => {
    const project = await withSettings(
      '# Saved queries\nqueries:\n  feil: samordning and and koordinator\n  sitert: "koordinator or (samordning"\n',
    );
    const found = project.problems.filter((p) => p.code === 'query-syntax');
    assert.deepEqual(
      found.map((p) => [p.file, p.line, p.column, p.severity]),
      [
        ['qcode.yaml', 3, 24, 'error'],
        ['qcode.yaml', 4, 38, 'error'],
      ],
    );
    assert.match(found[0]?.message ?? '', /^The query "feil": An operand is missing before "and"/);
    assert.match(found[1]?.message ?? '', /^The query "sitert": The "\(" at column 16 is not closed/);
  });

  it('report a query written over several lines at its start', async () => {
    const project = await withSettings('queries:\n  lang: >-\n    samordning and\n    and koordinator\n');
    const found = project.problems.filter((p) => p.code === 'query-syntax');
    assert.deepEqual(
      found.map((p) => [p.line, p.column]),
      [[2, 9]],
    );
  });

  it('report concepts and attributes the project does not have, at their column', async () => {
    const project = await withSettings('queries:\n  ukjent: koordinatr or rolle=leder\n  ingen: informant=Q9\n');
    expectProblem(project.problems, {
      code: 'unknown-concept',
      file: 'qcode.yaml',
      line: 2,
      column: 11,
      says: 'Did you mean "koordinator"',
    });
    expectProblem(project.problems, { code: 'unknown-attribute', file: 'qcode.yaml', line: 2, column: 25 });
    expectProblem(project.problems, { code: 'no-match', file: 'qcode.yaml', line: 3, column: 10, severity: 'warning' });
  });

  it('refuse names that cannot be typed, queries that are not text, and a queries: that is not a mapping', async () => {
    const named = await withSettings('queries:\n  to ord: koordinator\n  liste: [a, b]\n  tom:\n');
    expectProblem(named.problems, {
      code: 'bad-value',
      file: 'qcode.yaml',
      line: 2,
      says: 'may hold only letters, digits',
    });
    assert.equal(named.problems.filter((p) => p.code === 'wrong-type' && p.file === 'qcode.yaml').length, 2);
    assert.deepEqual(named.settings.queries, []);
    const listed = await withSettings('queries:\n  - koordinator\n');
    expectProblem(listed.problems, {
      code: 'wrong-type',
      file: 'qcode.yaml',
      line: 2,
      says: '"queries" must be a mapping',
    });
    const unknown = await withSettings('querys:\n  a: koordinator\n');
    assert.ok(
      unknown.problems.some((p) => p.code === 'unknown-key' && p.message.includes('queries')),
      JSON.stringify(unknown.problems),
    );
  });
});

describe('chapters cite a saved query as {{query:NAME}}', () => {
  const SETTINGS = 'queries:\n  formell: samordning.formell\n  feil: koordinatr\n';

  it('render each of its passages as a block quote with its citation', async () => {
    const index = ChapterIndex.of(await withSettings(SETTINGS));
    const { text, problems } = renderChapter('chapters/k.md', '# Formelt\n\n{{query:formell}}\n\nSlutt.\n', index);
    assert.equal(
      text,
      '# Formelt\n\n> Jeg har et veldig godt team. (K3)\n\n> Vi har faste møter hver måned, og det er skrevet ned i en avtale. (L5)\n\nSlutt.\n',
    );
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity]),
      [['orphans-left-out', 'warning']],
    );
  });

  it('report a query that is not saved, cannot run, stands in a sentence or has options', async () => {
    const index = ChapterIndex.of(await withSettings(SETTINGS));
    const { problems } = renderChapter(
      'chapters/k.md',
      '{{query:formel}}\n\n{{query:feil}}\n\nSe {{query:formell}}.\n\n{{query:formell key}}\n',
      index,
    );
    assert.deepEqual(
      problems.map((p) => [p.line, p.column, p.code]),
      [
        [1, 1, 'unknown-query'],
        [3, 1, 'broken-query'],
        [5, 4, 'malformed-reference'],
        [7, 1, 'malformed-reference'],
      ],
    );
    assert.match(problems[0]?.message ?? '', /Did you mean "formell"/);
    assert.match(problems[1]?.message ?? '', /The concept "koordinatr" is not in codebook\.yaml.*line 3/);
  });
});

describe('query results written out', () => {
  async function result() {
    const project = await withSettings('');
    const parsed = parseQuery('samordning.uformell and koordinator');
    assert.ok(parsed.expression);
    return { project, result: runQuery(parsed.expression, project) };
  }

  it('as JSON: the query and each passage with transcript, range, quote, informant, annotations and concepts', async () => {
    const { result: found } = await result();
    assert.deepEqual(JSON.parse(queryToJson('samordning.uformell and koordinator', found)), {
      query: 'samordning.uformell and koordinator',
      passages: [
        {
          transcript: 'transcripts/intervju-K3.txt',
          range: '10:5-10:43',
          quote: 'Da har jeg nummeret til et par av dem.',
          informant: 'K3',
          annotations: ['k3numm00'],
          concepts: ['samordning.uformell', 'koordinator.fallskjerm'],
        },
      ],
    });
  });

  it('as CSV through the same cell function as every export, and as Markdown with project text escaped', async () => {
    const { project, result: found } = await result();
    const csv = queryToCsv(found);
    assert.ok(csv.startsWith('\ufefftranscript,range,informant,quote,concepts,annotations\r\n'));
    assert.ok(
      csv.includes(
        'transcripts/intervju-K3.txt,10:5-10:43,K3,Da har jeg nummeret til et par av dem.,samordning.uformell koordinator.fallskjerm,k3numm00\r\n',
      ),
    );
    const md = queryToMarkdown('uformell and *koordinator*', found, project.settings, project.codebook);
    assert.equal(
      md,
      '# uformell and \\*koordinator\\*\n\n## transcripts/intervju-K3.txt\n\n> Da har jeg nummeret til et par av dem. (K3)\n\n*intervju-K3.txt 10:5-10:43 · Uformell samordning, Fallskjerm*\n',
    );
  });
});

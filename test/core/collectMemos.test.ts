import assert from 'node:assert/strict';
import { collectMemos, memoMatches, memoTitle } from '../../src/core/memos/collectMemos';
import { shiftHeadings } from '../../src/core/memos/memoExport';
import { groupMemos, type MemoGrouping } from '../../src/core/memos/memoGroups';
import { loadProject } from '../../src/core/project/loadProject';
import { codedProjectFiles } from '../helpers/project';

async function project() {
  const files = codedProjectFiles();
  const sidecar = 'transcripts/intervju-K3.txt.annotations.yaml';
  files.set(
    sidecar,
    (files.text(sidecar) ?? '').replace('annotations:', 'memo: "Årsak:  første intervju."\nannotations:'),
  );
  files.set(
    'codebook.yaml',
    (files.text('codebook.yaml') ?? '').replace(
      /(- id: samordning\n(\s+)label: [^\n]*\n)/,
      '$1$2memo: Se Zacka (2017).\n',
    ),
  );
  return loadProject(files);
}

describe('the memos of a project', () => {
  it('lists every kind in order: project files, concepts, transcripts, passages; empty memos are none', async () => {
    const loaded = await project();
    assert.deepEqual(
      loaded.problems.filter((p) => (p.file === 'codebook.yaml' || p.file.includes('K3')) && p.code !== 'orphaned'),
      [],
      'the memos read without problems',
    );
    const memos = collectMemos(loaded, [
      { path: 'memos/b.md', text: 'B' },
      { path: 'memos/a.md', text: 'A {{q:x}}' },
      { path: 'memos/tom.md', text: ' \n' },
    ]);
    assert.deepEqual(memos.map((m) => `${m.kind}: ${memoTitle(m)}`).slice(0, 4), [
      'project: memos/a.md',
      'project: memos/b.md',
      'concept: Samordning',
      'transcript: transcripts/intervju-K3.txt',
    ]);
    assert.ok(memos.slice(4).every((m) => m.kind === 'annotation'));
    assert.equal(
      memos.filter((m) => m.kind === 'annotation').length,
      loaded.transcripts.flatMap((t) => t.annotations).filter((r) => r.annotation.memo?.trim()).length,
    );
  });

  it('matches a search by every word, in the memo or what it is written on, ignoring case and how accents are written', async () => {
    const memos = collectMemos(await project(), []);
    const concept = memos.find((m) => m.kind === 'concept');
    assert.ok(concept);
    assert.ok(memoMatches(concept, 'zacka SAMORDNING'));
    assert.ok(memoMatches(concept, ''));
    assert.ok(!memoMatches(concept, 'zacka helg'));
    const transcript = memos.find((m) => m.kind === 'transcript');
    assert.ok(transcript && memoMatches(transcript, 'a\u030Arsak'), 'å written as a and a combining ring');
  });

  it('shifts Markdown headings deeper, not inside fenced code, and never past six', () => {
    const text = '# A\n\n```\n# not a heading\n```\n\n#### D\n#nohash\n   ## E';
    assert.equal(shiftHeadings(text, 3), '#### A\n\n```\n# not a heading\n```\n\n###### D\n#nohash\n   ##### E');
  });
});

describe('grouping memos', () => {
  it('groups by kind, by concept (a passage under each of its concepts) and by transcript, the rest last', async () => {
    const loaded = await project();
    const memos = collectMemos(loaded, [{ path: 'memos/a.md', text: 'A' }]);
    const titles = (grouping: MemoGrouping) =>
      groupMemos(memos, grouping, loaded.codebook).map((g) => [JSON.stringify(g.title), g.memos.length]);
    assert.deepEqual(titles('kind'), [
      ['{"kind":"project"}', 1],
      ['{"kind":"concept"}', 1],
      ['{"kind":"transcript"}', 1],
      ['{"kind":"annotation"}', 1],
    ]);
    const byConcept = groupMemos(memos, 'concept', loaded.codebook);
    assert.deepEqual(
      byConcept.map((g) => g.title),
      [{ concept: 'Samordning' }, { concept: 'Formell samordning' }, { rest: 'concept' }],
    );
    assert.deepEqual(
      byConcept.at(-1)?.memos.map((m) => m.kind),
      ['project', 'transcript'],
    );
    const byTranscript = groupMemos(memos, 'transcript', loaded.codebook);
    assert.deepEqual(
      byTranscript.map((g) => [g.title, g.memos.map((m) => m.kind)]),
      [
        [{ transcript: 'intervju-K3.txt' }, ['transcript', 'annotation']],
        [{ rest: 'transcript' }, ['project', 'concept']],
      ],
    );
    assert.deepEqual(groupMemos([], 'concept', loaded.codebook), [], 'no empty headings');
  });
});

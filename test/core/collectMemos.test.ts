import assert from 'node:assert/strict';
import { collectMemos, memoMatches, memoTitle } from '../../src/core/memos/collectMemos';
import { shiftHeadings } from '../../src/core/memos/memoExport';
import { loadProject } from '../../src/core/project/loadProject';
import { codedProjectFiles } from '../helpers/project';

async function project() {
  const files = codedProjectFiles();
  const sidecar = 'transcripts/intervju-K3.txt.annotations.yaml';
  files.set(sidecar, (files.text(sidecar) ?? '').replace('annotations:', 'memo: "Årsak:  første intervju."\nannotations:'));
  files.set('codebook.yaml', (files.text('codebook.yaml') ?? '').replace(/(- id: samordning\n(\s+)label: [^\n]*\n)/, '$1$2memo: Se Zacka (2017).\n'));
  return loadProject(files);
}

describe('the memos of a project', () => {
  it('lists every kind in order: project files, concepts, transcripts, passages; empty memos are none', async () => {
    const loaded = await project();
    assert.deepEqual(loaded.problems.filter((p) => (p.file === 'codebook.yaml' || p.file.includes('K3')) && p.code !== 'orphaned'), [], 'the memos read without problems');
    const memos = collectMemos(loaded, [{ path: 'memos/b.md', text: 'B' }, { path: 'memos/a.md', text: 'A {{q:x}}' }, { path: 'memos/tom.md', text: ' \n' }]);
    assert.deepEqual(memos.map((m) => `${m.kind}: ${memoTitle(m)}`).slice(0, 4), ['project: memos/a.md', 'project: memos/b.md', 'concept: Samordning', 'transcript: transcripts/intervju-K3.txt']);
    assert.ok(memos.slice(4).every((m) => m.kind === 'annotation'));
    assert.equal(memos.filter((m) => m.kind === 'annotation').length, loaded.transcripts.flatMap((t) => t.annotations).filter((r) => r.annotation.memo?.trim()).length);
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

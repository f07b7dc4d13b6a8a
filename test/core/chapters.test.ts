import assert from 'node:assert/strict';
import { ChapterIndex } from '../../src/core/chapters/chapterIndex';
import { discoverChapters, discoverMemos } from '../../src/core/chapters/chapterFiles';
import { chapterPattern } from '../../src/core/chapters/chapterPattern';
import { chapterBlocks } from '../../src/core/chapters/chapterBlocks';
import { checkChapters } from '../../src/core/chapters/checkChapters';
import { parseReferences } from '../../src/core/chapters/references';
import { renderChapter } from '../../src/core/chapters/renderChapter';
import { loadProject } from '../../src/core/project/loadProject';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import { codedProjectFiles, expectProblem } from '../helpers/project';

async function chapterIndex(qcodeYaml?: string): Promise<ChapterIndex> {
  const files = codedProjectFiles();
  if (qcodeYaml !== undefined) files.set('qcode.yaml', qcodeYaml);
  return ChapterIndex.of(await loadProject(files));
}

describe('chapter references', () => {
  it('reads quote references alone on a line and inside a sentence, with their line and column', () => {
    const refs = parseReferences('# Kapittel\n\n{{q:k3team00}}\n\nSom hun sa, {{q:l5avta00}}, var det.\n');
    assert.deepEqual(
      refs.map((r) => [r.kind, 'id' in r ? r.id : '', r.block, r.line, r.column]),
      [
        ['quote', 'k3team00', true, 3, 1],
        ['quote', 'l5avta00', false, 5, 13],
      ],
    );
  });

  it('reads a concept reference with its informant and where filters', () => {
    const [ref] = parseReferences('{{concept:koordinator informant=K1,K3 where=role:tjenestemottaker}}');
    assert.equal(ref?.kind, 'concept');
    assert.deepEqual(ref?.kind === 'concept' && [ref.id, ref.informants, ref.where], [
      'koordinator',
      ['K1', 'K3'],
      [{ attribute: 'role', value: 'tjenestemottaker' }],
    ]);
  });

  it('leaves references in code spans, fenced code blocks and escaped openings alone', () => {
    const text =
      'Skriv `{{q:k3team00}}` slik.\n\n```md\n{{q:k3team00}}\n```\n\n~~~~\n{{q:x}}\n~~~~\n\n\\{{q:k3team00}} og ``a ` {{q:y}}``\n';
    assert.deepEqual(parseReferences(text), []);
  });

  it('leaves other double-brace templates (Quarto shortcodes) alone', () => {
    assert.deepEqual(parseReferences('{{< video https://x >}} {{ qq }} {{quote:x}}'), []);
  });

  it('counts columns after a BOM as the editor shows them, and lines with CRLF', () => {
    const refs = parseReferences('\uFEFF{{q:k3team00}}\r\nTekst {{q:l5avta00}}\r\n');
    assert.deepEqual(
      refs.map((r) => [r.line, r.column, r.block]),
      [
        [1, 1, true],
        [2, 7, false],
      ],
    );
  });

  it('reports malformed references: unclosed, empty, with stray words, a concept inside a sentence, an unknown filter', () => {
    const text = '{{q:abc\n{{q:}}\n{{q:abc def}}\nTekst {{concept:koordinator}}\n{{concept:koordinator color=red}}\n';
    const refs = parseReferences(text);
    assert.deepEqual(
      refs.map((r) => [r.kind, r.line, r.column]),
      [1, 2, 3, 4, 5].map((line) => ['malformed', line, line === 4 ? 7 : 1]),
    );
  });
});

describe('rendering a chapter', () => {
  it('replaces block and inline references by the current quote and citation, in English quotation marks', async () => {
    const index = await chapterIndex();
    const { text, problems } = renderChapter(
      'chapters/k.md',
      '# Team\n\n{{q:k3team00}}\n\nHun sa {{q:k3numm00}} om det.\n',
      index,
    );
    assert.deepEqual(problems, []);
    assert.equal(
      text,
      '# Team\n\n> Jeg har et veldig godt team. (K3)\n\nHun sa \u201cDa har jeg nummeret til et par av dem.\u201d (K3) om det.\n',
    );
  });

  it('uses «» for a Norwegian project and its citation template', async () => {
    const index = await chapterIndex('language: nb\ncitation: "({informant}, {transcript})"\n');
    const { text } = renderChapter('chapters/k.md', 'Hun sa {{q:k3numm00}}.', index);
    assert.equal(text, 'Hun sa «Da har jeg nummeret til et par av dem.» (K3, intervju-K3.txt).');
  });

  it("lists a concept's passages below it in export order, leaving out orphans with a warning", async () => {
    const index = await chapterIndex();
    const { text, problems } = renderChapter('chapters/k.md', 'Før\n\n{{concept:samordning}}\n\nEtter\n', index);
    assert.equal(
      text,
      'Før\n\n> Jeg har et veldig godt team. (K3)\n\n> Vi har faste møter hver måned, og det er skrevet ned i en avtale. (L5)\n\n> Da har jeg nummeret til et par av dem. (K3)\n\n> det er veldig personavhengig (M9)\n\nEtter\n',
    );
    expectProblem(problems, { code: 'orphans-left-out', severity: 'warning', line: 3, column: 1 });
  });

  it("filters a concept's passages by informant and attribute", async () => {
    const index = await chapterIndex();
    const { text } = renderChapter('c.md', '{{concept:samordning where=role:leder}}', index);
    assert.equal(text, '> Vi har faste møter hver måned, og det er skrevet ned i en avtale. (L5)');
    assert.equal(
      renderChapter('c.md', '{{concept:samordning.uformell informant=K3}}', index).text,
      '> Da har jeg nummeret til et par av dem. (K3)',
    );
  });

  it('keeps CRLF line breaks and the BOM', async () => {
    const index = await chapterIndex();
    const { text } = renderChapter('c.md', '\uFEFFA\r\n\r\n{{concept:samordning.uformell}}\r\n', index);
    assert.equal(
      text,
      '\uFEFFA\r\n\r\n> Da har jeg nummeret til et par av dem. (K3)\r\n\r\n> det er veldig personavhengig (M9)\r\n',
    );
  });

  it('reports an unknown id, an orphaned annotation, an unknown concept and a malformed reference at chapter:line:column', async () => {
    const index = await chapterIndex();
    const source = 'Tekst {{q:k3team01}}.\n{{q:k3gone00}}\n\n{{concept:samordnig}}\n{{q:}}\n';
    const { text, problems } = renderChapter('chapters/k.md', source, index);
    assert.equal(text, source, 'references that cannot be rendered stay as written');
    expectProblem(problems, {
      code: 'unknown-annotation',
      file: 'chapters/k.md',
      line: 1,
      column: 7,
      severity: 'error',
      says: 'Did you mean "k3team00"',
    });
    expectProblem(problems, { code: 'orphaned-citation', line: 2, column: 1, says: 'transcripts/intervju-K3.txt' });
    expectProblem(problems, { code: 'unknown-concept', line: 4, column: 1, says: 'Did you mean "samordning"' });
    expectProblem(problems, { code: 'malformed-reference', line: 5, column: 1 });
    expectProblem(renderChapter('c.md', '{{concept:samordning where=rolle:leder}}', index).problems, {
      code: 'unknown-attribute',
      line: 1,
      column: 1,
      says: 'known: code, role, age',
    });
    assert.ok(
      problems.every((p) => p.detail !== undefined),
      'every message is translatable',
    );
  });

  it('escapes Markdown in quotes so that a transcript cannot inject HTML or links', async () => {
    const files = codedProjectFiles();
    const index = ChapterIndex.of(await loadProject(files));
    const resolved = index.annotation('k3team00');
    assert.ok(resolved);
    resolved.text = 'K3: <img src=x onerror=alert(1)> [a](javascript:x)';
    assert.equal(
      renderChapter('c.md', 'x {{q:k3team00}}', index).text,
      'x \u201c&lt;img src=x onerror=alert(1)&gt; \\[a\\](javascript:x)\u201d (K3)',
    );
  });

  it('turns a chapter into Word paragraphs: headings, text with inline quotes, and quotes with citations', async () => {
    const index = await chapterIndex();
    const source = '# Om *team*\n\nHun sa {{q:k3numm00}} \\{{ slik\nog mer.\n\n{{q:k3team00}}\n';
    const { citations } = renderChapter('c.md', source, index);
    assert.deepEqual(chapterBlocks(source, citations, index.project.settings), [
      { kind: 'heading', level: 1, text: 'Om team' },
      { kind: 'paragraph', text: 'Hun sa \u201cDa har jeg nummeret til et par av dem.\u201d (K3) {{ slik og mer.' },
      { kind: 'quote', text: '\u201cJeg har et veldig godt team.\u201d', citation: '(K3)' },
    ]);
  });
});

describe('chapter files', () => {
  it('matches the chapters pattern with ** and *', () => {
    const pattern = chapterPattern(DEFAULT_SETTINGS.chapters);
    assert.equal(pattern.folder, 'chapters');
    assert.deepEqual(
      ['chapters/a.md', 'chapters/del/b.md', 'chapters/a.txt', 'memos/a.md', 'chaptersx/a.md'].map(pattern.matches),
      [true, true, false, false, false],
    );
  });

  it('finds the chapters of a project, and reads the pattern from qcode.yaml', async () => {
    const files = codedProjectFiles();
    files.set('chapters/k5.md', '{{q:k3team00}}');
    files.set('chapters/del/k6.md', '');
    files.set('notes/m.md', '{{q:nope}}');
    const project = await loadProject(files);
    assert.deepEqual(await discoverChapters(files, project.settings), ['chapters/del/k6.md', 'chapters/k5.md']);
    files.set('qcode.yaml', 'chapters: "notes/*.md"\n');
    const custom = await loadProject(files);
    assert.deepEqual(
      custom.problems.filter((p) => p.file === 'qcode.yaml'),
      [],
    );
    assert.deepEqual(await discoverChapters(files, custom.settings), ['notes/m.md']);
    expectProblem(await checkChapters(files, custom), {
      code: 'unknown-annotation',
      file: 'notes/m.md',
      line: 1,
      column: 1,
    });
  });

  it('resolves, checks and lists the project memos as it does chapters, from the memos pattern of qcode.yaml', async () => {
    const files = codedProjectFiles();
    files.set('chapters/k5.md', '{{q:k3team00}}');
    files.set('memos/analyse.md', 'Se {{q:nope}}.');
    files.set('memos/del/teori.md', '');
    files.set('transcripts/notes.md', 'A transcript, never a memo.');
    const project = await loadProject(files);
    assert.deepEqual(await discoverMemos(files, project.settings), ['memos/analyse.md', 'memos/del/teori.md']);
    assert.deepEqual(await discoverChapters(files, project.settings), [
      'chapters/k5.md',
      'memos/analyse.md',
      'memos/del/teori.md',
    ]);
    expectProblem(await checkChapters(files, project), {
      code: 'unknown-annotation',
      file: 'memos/analyse.md',
      line: 1,
      column: 4,
    });
    files.set('qcode.yaml', 'memos: "chapters/*.md"\n');
    const custom = await loadProject(files);
    assert.deepEqual(await discoverMemos(files, custom.settings), ['chapters/k5.md']);
    assert.deepEqual(
      await discoverChapters(files, custom.settings),
      ['chapters/k5.md'],
      'a file that is both is listed once',
    );
    files.set('qcode.yaml', 'memos: "/etc/*.md"\n');
    expectProblem((await loadProject(files)).problems, { code: 'path-outside', file: 'qcode.yaml' });
  });

  it('refuses a chapters pattern outside the project', async () => {
    const files = codedProjectFiles();
    files.set('qcode.yaml', 'chapters: "../*.md"\n');
    expectProblem((await loadProject(files)).problems, { code: 'path-outside', file: 'qcode.yaml' });
  });
});

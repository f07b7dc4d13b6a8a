import assert from 'node:assert/strict';
import { exportChoices, findPreset, quoteFilter } from '../../src/core/export/options';
import { citation, collectQuotes } from '../../src/core/export/quotes';
import { chapterBlocks } from '../../src/core/export/chapter';
import { sectionsToMarkdown } from '../../src/core/export/markdown';
import { exportSections, type Section } from '../../src/core/export/sections';
import { InformantRegistry } from '../../src/core/informants/registry';
import { informantMatcher, parseWhere } from '../../src/core/informants/where';
import { loadProject } from '../../src/core/project/loadProject';
import type { ResolvedAnnotation, TranscriptFile } from '../../src/core/project/model';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import { DEFAULT_SETTINGS, readSettings } from '../../src/core/settings/settings';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { coded, codedProjectFiles, expectProblem, K3_TRANSCRIPT, projectFiles } from '../helpers/project';
import { renderSidecar } from '../../src/core/sidecar/render';
import { message } from '../../src/core/messages';

function read(text: string) {
  const file = new YamlFile('qcode.yaml', text);
  return { settings: readSettings(file), problems: file.problems };
}

const KAPITTEL_5 = `language: nb
exports:
  kapittel-5:
    format: docx
    concepts: [koordinator]
    where: { role: tjenestemottaker }
    group: concept
    citation: "({informant})"
    memos: true
    context: false
    keyOnly: true
    out: kapittel-5.docx
  ledere:
    informants: L5
    where: { role: [leder, ansatt], age: 34 }
    group: informant
  tom:
`;

describe('export presets in qcode.yaml', () => {
  it('reads the language and every preset with its choices, in file order', () => {
    const { settings, problems } = read(KAPITTEL_5);
    assert.deepEqual(problems, []);
    assert.equal(settings.language, 'nb');
    assert.deepEqual(settings.exports, [
      {
        name: 'kapittel-5',
        format: 'docx',
        concepts: ['koordinator'],
        where: [{ attribute: 'role', value: 'tjenestemottaker' }],
        group: 'concept',
        citation: '({informant})',
        memos: true,
        context: false,
        keyOnly: true,
        out: 'kapittel-5.docx',
      },
      {
        name: 'ledere',
        informants: ['L5'],
        where: [
          { attribute: 'role', value: 'leder' },
          { attribute: 'role', value: 'ansatt' },
          { attribute: 'age', value: '34' },
        ],
        group: 'informant',
      },
      { name: 'tom' },
    ]);
  });

  it('defaults to English and no presets', () => {
    assert.equal(DEFAULT_SETTINGS.language, 'en');
    assert.deepEqual(read('citation: "[{informant}]"\n').settings.exports, []);
  });

  it('reports bad values where they are and leaves them out', () => {
    const { settings, problems } = read(
      'exports:\n  a:\n    format: pdf\n    group: tema\n    memos: "ja"\n    fargen: blå\n',
    );
    expectProblem(
      problems.filter((p) => p.message.includes('"format"')),
      { code: 'bad-value', line: 3, column: 13, says: 'md, csv, json, docx' },
    );
    expectProblem(
      problems.filter((p) => p.message.includes('"group"')),
      { code: 'bad-value', line: 4, column: 12, says: 'concept, informant' },
    );
    expectProblem(problems, { code: 'wrong-type', line: 5, column: 12, says: '"memos" must be true or false' });
    expectProblem(problems, { code: 'unknown-key', line: 6, column: 5, says: 'Known keys: format, concepts' });
    assert.deepEqual(settings.exports, [{ name: 'a' }]);
  });

  it('refuses a preset named __proto__, a list where a mapping belongs, and a language that is no code', () => {
    expectProblem(read('exports:\n  __proto__: {format: md}\n').problems, {
      code: 'forbidden-key',
      line: 2,
      column: 3,
    });
    expectProblem(read('exports: [a, b]\n').problems, {
      code: 'wrong-type',
      line: 1,
      column: 10,
      says: '"exports" must be a mapping',
    });
    const bad = read('language: "<script>"\n');
    expectProblem(bad.problems, { code: 'bad-value', line: 1, column: 11, says: '"language" must be a language code' });
    assert.equal(bad.settings.language, 'en');
  });
});

describe('exportChoices', () => {
  const settings = read(KAPITTEL_5).settings;

  it('takes the project defaults, then the preset, then what was given', () => {
    assert.deepEqual(exportChoices(DEFAULT_SETTINGS, undefined), {
      format: 'md',
      concepts: [],
      informants: [],
      where: [],
      group: 'concept',
      citation: '({informant})',
      memos: false,
      context: false,
      keyOnly: false,
    });
    const preset = findPreset(settings, 'kapittel-5');
    const choices = exportChoices(settings, preset, {
      group: 'informant',
      citation: '[{informant}, {line}]',
      concepts: undefined,
    });
    assert.equal(choices.format, 'docx');
    assert.deepEqual(choices.concepts, ['koordinator']);
    assert.equal(choices.group, 'informant');
    assert.equal(choices.citation, '[{informant}, {line}]');
    assert.equal(choices.out, 'kapittel-5.docx');
    assert.deepEqual(quoteFilter(choices), {
      concepts: ['koordinator'],
      informants: [],
      where: [{ attribute: 'role', value: 'tjenestemottaker' }],
      keyOnly: true,
    });
    expectProblem(read('exports:\n  x:\n    keyOnly: "yes"\n').problems, {
      code: 'wrong-type',
      line: 3,
      column: 14,
      says: '"keyOnly" must be true or false',
    });
    assert.equal(findPreset(settings, 'finnes-ikke'), undefined);
  });
});

describe('--where', () => {
  const registry = new InformantRegistry([
    { code: 'K1', attributes: { role: 'tjenestemottaker', age: 34 } },
    { code: 'L5', attributes: { role: 'leder' } },
    { code: 'L7', attributes: { role: 'ansatt' } },
  ]);

  it('parses ATTRIBUTE=VALUE, keeping "=" in the value and refusing text without an attribute', () => {
    assert.deepEqual(parseWhere('role=tjenestemottaker'), { attribute: 'role', value: 'tjenestemottaker' });
    assert.deepEqual(parseWhere('unit=a=b æøå'), { attribute: 'unit', value: 'a=b æøå' });
    assert.equal(parseWhere('=leder'), undefined);
    assert.equal(parseWhere('leder'), undefined);
  });

  it('needs every attribute named; values of one attribute are alternatives; numbers compare as written', () => {
    const staff = informantMatcher(registry, [
      { attribute: 'role', value: 'leder' },
      { attribute: 'role', value: 'ansatt' },
    ]);
    assert.deepEqual(['K1', 'L5', 'L7', 'M9', undefined].map(staff), [false, true, true, false, false]);
    const young = informantMatcher(registry, [
      { attribute: 'role', value: 'tjenestemottaker' },
      { attribute: 'age', value: '34' },
    ]);
    assert.deepEqual(['K1', 'L5'].map(young), [true, false]);
    assert.equal(informantMatcher(registry, [{ attribute: 'code', value: 'L7' }])('L7'), true);
    assert.equal(informantMatcher(registry, [])(undefined), true);
  });
});

describe('choosing and grouping passages', () => {
  let index: ProjectIndex;
  before(async () => {
    index = new ProjectIndex(await loadProject(codedProjectFiles()));
  });

  it('keeps only passages of informants with the attribute, dropping concepts left empty', () => {
    const groups = collectQuotes(index, { where: [{ attribute: 'role', value: 'leder' }] });
    assert.deepEqual(
      groups.map((g) => [g.concept.id, g.quotes.map((q) => q.annotation.id)]),
      [
        ['samordning', []],
        ['samordning.formell', ['l5avta00']],
      ],
    );
    assert.deepEqual(collectQuotes(index, { where: [{ attribute: 'role', value: 'ingen' }] }), []);
  });

  it('groups per informant in registry order, then per concept one level lower', () => {
    const sections = exportSections(index, {}, 'informant');
    assert.deepEqual(
      sections.map((s) => [s.level, s.title, s.quotes.map((q) => q.annotation.id)]),
      [
        [1, 'K3', []],
        [2, 'Samordning', []],
        [3, 'Formell samordning', ['k3team00']],
        [3, 'Uformell samordning', ['k3numm00']],
        [2, 'Koordinatorroller', []],
        [3, 'Fallskjerm', ['k3numm00']],
        [1, 'L5', []],
        [2, 'Samordning', []],
        [3, 'Formell samordning', ['l5avta00']],
        [1, 'M9', []],
        [2, 'Samordning', []],
        [3, 'Uformell samordning', ['l5pers00']],
      ],
    );
    assert.equal(sections[0]?.description, 'role: tjenestemottaker, age: 34');
    assert.deepEqual(
      exportSections(index, { informants: ['L5'] }, 'informant').map((s) => s.title),
      ['L5', 'Samordning', 'Formell samordning'],
    );
  });

  it('groups per concept with the top concepts at level 1', () => {
    const sections = exportSections(index, { concepts: ['koordinator'] }, 'concept');
    assert.deepEqual(
      sections.map((s) => [s.level, s.title, s.description]),
      [
        [1, 'Koordinatorroller', undefined],
        [2, 'Fallskjerm', 'Catches the user when things fall apart.'],
      ],
    );
  });

  it('raises a chosen subconcept whose parent was not chosen to a top heading', () => {
    const sections = exportSections(index, { concepts: ['samordning.uformell', 'koordinator'] }, 'concept');
    assert.deepEqual(
      sections.map((s) => [s.level, s.title]),
      [
        [1, 'Uformell samordning'],
        [1, 'Koordinatorroller'],
        [2, 'Fallskjerm'],
      ],
    );
    const perInformant = exportSections(index, { concepts: ['koordinator.fallskjerm'] }, 'informant');
    assert.deepEqual(
      perInformant.map((s) => [s.level, s.title]),
      [
        [1, 'K3'],
        [2, 'Fallskjerm'],
      ],
    );
  });
});

describe('one quote per passage', () => {
  const team = 'Jeg har et veldig godt team.';

  async function formellSection(memos: Record<string, string>) {
    const sidecar = renderSidecar(
      'intervju-K3.txt',
      ['ingrid', 'jonas', 'ola'].map((coder) =>
        coded(K3_TRANSCRIPT, team, {
          id: `${coder}00000`.slice(0, 8),
          concepts: ['samordning.formell'],
          coder,
          ...(memos[coder] ? { memo: memos[coder] } : {}),
        }),
      ),
    );
    const index = new ProjectIndex(
      await loadProject(
        projectFiles({ 'intervju-K3.txt': K3_TRANSCRIPT, 'intervju-K3.txt.annotations.yaml': sidecar }),
      ),
    );
    const section = exportSections(index, {}, 'concept').find((s) => s.title === 'Formell samordning');
    assert.ok(section);
    return section;
  }

  function memoBlocks(section: Section, memos: boolean) {
    return chapterBlocks([section], DEFAULT_SETTINGS, { citation: '({informant})', memos, context: false }).filter(
      (b) => b.kind === 'memo' || b.kind === 'quote',
    );
  }

  it('gives a passage three coders tagged alike once, even when some of them wrote a memo', async () => {
    const section = await formellSection({ jonas: 'Stabilt team.', ola: 'Tillit i teamet.' });
    assert.deepEqual(
      section.quotes.map((q) => q.annotation.id),
      ['ingrid00'],
    );
    assert.deepEqual(
      section.copies?.get(section.quotes[0] as ResolvedAnnotation)?.map((q) => q.annotation.id),
      ['jonas000', 'ola00000'],
    );
  });

  it('writes the quote once with every memo of its coders, each naming its coder when there are several', async () => {
    const blocks = memoBlocks(await formellSection({ jonas: 'Stabilt team.', ola: 'Tillit i teamet.' }), true);
    assert.deepEqual(
      blocks.map((b) => b.kind),
      ['quote', 'memo', 'memo'],
    );
    assert.deepEqual(blocks.slice(1), [
      { kind: 'memo', label: 'Memo (jonas)', text: 'Stabilt team.' },
      { kind: 'memo', label: 'Memo (ola)', text: 'Tillit i teamet.' },
    ]);
  });

  it('writes a single memo once, under the plain label, and no memo when memos are not chosen', async () => {
    const section = await formellSection({ ola: 'Stabilt team.', jonas: 'Stabilt team.' });
    assert.deepEqual(memoBlocks(section, true).slice(1), [{ kind: 'memo', label: 'Memo', text: 'Stabilt team.' }]);
    assert.deepEqual(
      memoBlocks(section, false).map((b) => b.kind),
      ['quote'],
    );
  });

  it('prints the passage once in Markdown', async () => {
    const section = await formellSection({ ola: 'Stabilt team.' });
    assert.equal(sectionsToMarkdown([section], DEFAULT_SETTINGS).split(team).length - 1, 1);
  });
});

describe('citation templates', () => {
  const resolved = {
    annotation: {
      id: 'abcdefgh',
      concepts: ['c'],
      quote: 'q',
      range: { start: { line: 7, column: 1 }, end: { line: 7, column: 2 } },
    },
    resolution: {
      status: 'exact',
      start: 0,
      end: 1,
      range: { start: { line: 21, column: 5 }, end: { line: 21, column: 6 } },
      confidence: 1,
    },
    transcript: { path: 'transcripts/runde 2/intervju-K3.txt' } as TranscriptFile,
    text: 'q',
    line: 1,
    column: 1,
    informant: 'K3',
  } as ResolvedAnnotation;

  it('fills {informant}, {transcript} (the file name) and {line}, each as often as it appears', () => {
    assert.equal(citation('({informant}, {transcript}:{line})', resolved), '(K3, intervju-K3.txt:21)');
    assert.equal(citation('{informant}{informant} {unknown}', resolved), 'K3K3 {unknown}');
  });

  it('gives an orphan the line it was saved at, and "?" without informant or line', () => {
    const orphan = {
      ...resolved,
      informant: undefined,
      resolution: { status: 'orphaned', reason: message('gone') },
    } as ResolvedAnnotation;
    assert.equal(citation('({informant}, {line})', orphan), '(?, 7)');
    assert.equal(citation('{line}', { ...orphan, annotation: { ...orphan.annotation, range: undefined } }), '?');
  });
});

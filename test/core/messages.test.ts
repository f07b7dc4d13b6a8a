import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean, englishText, isMessage, message, renderMessage, type Message } from '../../src/core/messages';
import type { Problem } from '../../src/core/problems';
import { loadProject } from '../../src/core/project/loadProject';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { readSettings } from '../../src/core/settings/settings';
import { readInformants } from '../../src/core/informants/registry';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { codedProjectFiles, projectFiles, K3_TRANSCRIPT } from '../helpers/project';
import { refusalsOfTheCore } from '../helpers/refusals';
import { diffMarkdown } from '../../src/core/diff/diffMarkdown';
import type { ProjectDiff } from '../../src/core/diff/model';

const BOKMAL = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nb.json'), 'utf8')) as Record<
  string,
  string
>;

function templatesOf(m: Message): string[] {
  return [m.template, ...Object.values(m.args).flatMap((arg) => (isMessage(arg) ? templatesOf(arg) : []))];
}

/** Problems from every kind of bad input the readers and checks know, each file on its own. */
async function problemsOfBadInput(): Promise<Problem[]> {
  const sidecars = [
    'qcode: 1\nannotations: {}\n',
    'qcode: 2\ntranscript: t.txt\nannotations: []\n',
    'transcript: t.txt\nsurplus: 1\nannotations:\n  - id: a\n    concepts: []\n    quote: ""\n',
    'qcode: 1\nannotations:\n  - id: a\n    concepts: [x]\n    quote: q\n    range: 9:33-9:5\n  - id: a\n    concepts: [x]\n    quote: q\n    range: nonsense\n',
    'qcode: 1\nannotations:\n  - concepts: [x]\n  - __proto__: 1\n  - id: &a b\n    concepts: [*a]\n    quote: q\n',
    'qcode: 1\nannotations:\n  - id: a\n   concepts: [x]\n',
    'qcode: 1\n<<<<<<< ours\nannotations: []\n=======\nannotations: [x]\n>>>>>>> theirs\n',
    'qcode: 1\nannotations:\n  - id: a\n    concepts: {a: 1}\n    quote: [q]\n    1: x\n',
  ];
  const problems = sidecars.flatMap((text) => readSidecar('t.txt.annotations.yaml', text).file.problems);
  for (const text of [
    'informants:\n  - code: K1\n  - code: K1\n  - alder: [1]\n  - 7\nextra: 1\n',
    'informants: nope\n',
    '- a\n',
  ]) {
    const file = new YamlFile('informants.yaml', text);
    readInformants(file);
    problems.push(...file.problems);
  }
  for (const text of [
    'concepts:\n  - label: no id\n  - id: a\n    color: red\n    label: [x]\n  - id: a\nother: 1\n',
    'concepts: 1\n',
  ]) {
    const file = new YamlFile('codebook.yaml', text);
    readCodebook(file);
    problems.push(...file.problems);
  }
  const settings =
    'codebook: ../out.yaml\nspeakerPattern: "("\nlanguage: "English!"\nextensions: [1, [2]]\nnope: 1\nexports:\n  chapter:\n    format: pdf\n    memos: maybe\n    out: /tmp/x\n    concepts: [[a]]\n    odd: 1\n';
  const settingsFile = new YamlFile('qcode.yaml', settings);
  readSettings(settingsFile);
  problems.push(...settingsFile.problems);
  const coded = await loadProject(codedProjectFiles());
  problems.push(...coded.problems);
  const broken = projectFiles(
    {
      'a.txt': new Uint8Array([0x41, 0xe6, 0x42]),
      'b.txt': new Uint8Array([0xff, 0xfe, 0x41, 0x00]),
      'c.txt': K3_TRANSCRIPT.replace('K3:', 'K9:'),
      'c.txt.annotations.yaml':
        'qcode: 1\ntranscript: other.txt\nannotations:\n  - id: c1\n    concepts: [samordning.formel]\n    informant: K33\n    quote: Jeg har et veldig godt team.\n  - id: c1\n    concepts: [samordning]\n    quote: Jeg har et veldig godt team.\n',
      'gone.txt.annotations.yaml': 'qcode: 1\nannotations: []\n',
    },
    { 'informants.yaml': '' },
  );
  problems.push(...(await loadProject(broken)).problems);
  const noCodebook = projectFiles();
  await noCodebook.remove('codebook.yaml');
  problems.push(...(await loadProject(noCodebook)).problems);
  return problems;
}

describe('messages of the core', () => {
  it('fill their placeholders from their args, nested messages first', () => {
    const fragment = message('the export "{name}"', { name: 'kapittel' });
    const whole = message('Unknown key "{key}" in {what}. Known keys: {known}. Correct or delete it.', {
      key: 'odd',
      what: fragment,
      known: 'a, b',
    });
    assert.equal(
      englishText(whole),
      'Unknown key "odd" in the export "kapittel". Known keys: a, b. Correct or delete it.',
    );
    const bokmal = renderMessage(whole, (template) => BOKMAL[template] ?? template);
    assert.equal(bokmal, 'Ukjent nøkkel «odd» i eksporten «kapittel». Kjente nøkler: a, b. Rett eller slett den.');
  });

  it('keep a placeholder that has no arg, and fill one that occurs twice', () => {
    assert.equal(englishText(message('{a} and {b}; {a}', { a: 1 })), '1 and {b}; 1');
  });

  it('suggest alternatives as the command line always has', () => {
    assert.equal(
      englishText(message('Not here.{hint}', { hint: didYouMean(['a', 'b', 'c']) })),
      'Not here. Did you mean "a" or "b" or "c"?',
    );
    assert.equal(englishText(message('Not here.{hint}', { hint: didYouMean([]) })), 'Not here.');
  });

  it("come with every problem that bad input makes, its English the problem's message, every template translated", async () => {
    const problems = await problemsOfBadInput();
    const kinds = new Set(problems.map((p) => p.code));
    for (const code of [
      'yaml-syntax',
      'alias',
      'forbidden-key',
      'unknown-key',
      'wrong-type',
      'missing-key',
      'duplicate-id',
      'empty-value',
      'bad-range',
      'reversed-range',
      'unsupported-version',
      'bad-pattern',
      'bad-value',
      'path-outside',
      'conflict-markers',
      'not-utf8',
      'unknown-concept',
      'orphaned',
      'missing-transcript',
      'missing-file',
      'transcript-name',
      'bad-color',
    ]) {
      assert.ok(kinds.has(code), `no ${code} problem among ${[...kinds].join(', ')}`);
    }
    for (const problem of problems) {
      assert.ok(problem.detail, `${problem.code} has no detail: ${problem.message}`);
      assert.equal(englishText(problem.detail), problem.message);
      for (const template of templatesOf(problem.detail)) {
        if (!/[A-Za-z]{2}/.test(template.replace(/\{\w+\}/g, ''))) continue;
        assert.ok(BOKMAL[template], `no Bokmål for ${JSON.stringify(template)}`);
      }
    }
  });

  it("let the orphan's problem name its annotation, whatever the wording", async () => {
    const project = await loadProject(codedProjectFiles());
    const orphan = project.problems.find((p) => p.code === 'orphaned');
    assert.equal(orphan?.annotation, 'k3gone00');
  });

  it('come with every refusal of the codebook edits, tagging, search, import, editor settings and agreement', async () => {
    const said = await refusalsOfTheCore();
    assert.ok(said.length >= 40, `only ${said.length} refusals`);
    for (const { what, message: english, detail } of said) {
      assert.ok(detail, `${what} has no message to translate: ${english}`);
      assert.equal(englishText(detail), english, what);
      for (const template of templatesOf(detail)) {
        if (!/[A-Za-z]{2}/.test(template.replace(/\{\w+\}/g, ''))) continue;
        assert.ok(BOKMAL[template], `${what}: no Bokmål for ${JSON.stringify(template)}`);
      }
    }
    const bokmal = said.map(({ detail }) =>
      renderMessage(detail as Message, (template) => BOKMAL[template] ?? template),
    );
    assert.ok(bokmal.includes('Det finnes ikke noe begrep «nope» i kodeboken.'), bokmal.join('\n'));
    assert.ok(
      bokmal.includes(
        'old.doc: er et gammelt Word-dokument (.doc). Åpne det i Word og lagre det som .docx, og importer så den fila.',
      ),
      bokmal.join('\n'),
    );
  });

  it('make the changes report in the language they are said in, English unchanged', () => {
    const said: Message[] = [];
    const english = diffMarkdown(EVERY_CHANGE);
    assert.equal(
      diffMarkdown(EVERY_CHANGE, (m) => (said.push(m), englishText(m))),
      english,
    );
    const templates = new Set(said.flatMap(templatesOf));
    assert.ok(templates.size >= 35, `only ${templates.size} templates`);
    for (const template of templates) assert.ok(BOKMAL[template], `no Bokmål for ${JSON.stringify(template)}`);
    const bokmal = diffMarkdown(EVERY_CHANGE, (m) => renderMessage(m, (template) => BOKMAL[template] ?? template));
    assert.match(
      bokmal,
      /^\*\*Endringer i kodingen:\*\* utdrag 1 lagt til, 1 fjernet, 1 kodet om, 1 med endret memo, 2 merket eller avmerket som nøkkelsitat, 1 med nytt sitat i 1 transkripsjon; .*; memoer endret: 1 om begreper, 1 om transkripsjoner, 3 memofil\(er\)\.$/m,
    );
    assert.match(bokmal, /^\| merket som nøkkelsitat \| 6 \|/m);
    assert.match(
      bokmal,
      /^### Memoer\n\n- la til memoet `memos\/a\.md`\n- fjernet memoet `memos\/b\.md`\n- endret memoet `memos\/c\.md`\n- memo om Samordning `samordning`: “Gammelt” → \(ingen\)\n- memo om `transcripts\/k3\.txt`: \(ingen\) → “Avbrutt\.”$/m,
    );
    assert.match(bokmal, /^\| Endring \| Linje \| Utdrag \| Begreper \| Koder \|$/m);
    assert.match(bokmal, /^### Kodebok$/m);
    assert.match(
      bokmal,
      /^- nye kriterier for Fallskjerm `koordinator\.fallskjerm`: inklusjon \(ingen\) → “Utenom arbeidstid\.”; eksklusjon “Planlagt\.” → \(ingen\)$/m,
    );
    assert.match(
      bokmal,
      /^- eksempler på Fallskjerm `koordinator\.fallskjerm`: \+“Jeg har et veldig godt team\.” \(K3\), −`gone0000`$/m,
    );
    assert.match(
      bokmal,
      /^- slo sammen Fallskjerm `koordinator\.fallskjerm` med Samordning `samordning` \(2 utdrag\)$/m,
    );
    for (const word of [
      'added',
      'removed',
      'retagged',
      'memo changed',
      'key quote',
      'memo on',
      'Memos',
      'Codebook',
      'Informants',
      'the top level',
      '(none)',
    ])
      assert.ok(!bokmal.includes(word), `"${word}" left in English:\n${bokmal}`);
  });
});

const CONCEPT = { id: 'samordning', label: 'Samordning' };
const FALLSKJERM = { id: 'koordinator.fallskjerm', label: 'Fallskjerm' };
const ENTRY = {
  id: 'a1',
  quote: 'Jeg har et veldig godt team.',
  informant: 'K3',
  citation: '(K3)',
  line: 6,
  coder: 'anna',
  concepts: [CONCEPT],
};

/** A diff with a change of every kind. */
const EVERY_CHANGE: ProjectDiff = {
  transcripts: [
    {
      path: 'transcripts/k3.txt',
      added: [ENTRY],
      removed: [{ ...ENTRY, id: 'a2', coder: null, line: null }],
      retagged: [{ ...ENTRY, conceptsAdded: [FALLSKJERM], conceptsRemoved: [CONCEPT] }],
      memoChanged: [{ ...ENTRY, oldMemo: null, newMemo: 'Nytt memo' }],
      keyChanged: [
        { ...ENTRY, key: true },
        { ...ENTRY, id: 'a3', key: false },
      ],
      requoted: [{ ...ENTRY, oldQuote: 'Jeg har et godt team.', newQuote: ENTRY.quote }],
    },
  ],
  codebook: {
    added: [
      { ...FALLSKJERM, parent: null },
      { id: 'samordning.formell', label: null, parent: CONCEPT },
    ],
    removed: [{ ...CONCEPT, parent: null }],
    renamed: [{ id: 'samordning', oldLabel: 'Samarbeid', newLabel: 'Samordning' }],
    moved: [{ ...FALLSKJERM, oldParent: null, newParent: CONCEPT }],
    descriptionChanged: [{ ...CONCEPT, oldDescription: null, newDescription: 'Hvordan tjenestene henger sammen.' }],
    criteriaChanged: [
      {
        ...FALLSKJERM,
        oldInclusion: null,
        newInclusion: 'Utenom arbeidstid.',
        oldExclusion: 'Planlagt.',
        newExclusion: null,
      },
    ],
    examplesChanged: [
      {
        ...FALLSKJERM,
        examplesAdded: [{ id: 'a1', quote: ENTRY.quote, citation: '(K3)' }],
        examplesRemoved: [{ id: 'gone0000', quote: null, citation: null }],
      },
    ],
    merged: [
      { ...FALLSKJERM, into: CONCEPT, annotations: 2 },
      { id: 'x', label: 'X', into: CONCEPT, annotations: 1 },
    ],
  },
  informants: {
    added: [{ code: 'K4', attributes: { rolle: 'leder' } }],
    removed: [{ code: 'K1', attributes: {} }],
    changed: [{ code: 'K3', changes: [{ attribute: 'alder', oldValue: null, newValue: 35 }] }],
  },
  memos: {
    concepts: [{ ...CONCEPT, oldMemo: 'Gammelt', newMemo: null }],
    transcripts: [{ path: 'transcripts/k3.txt', oldMemo: null, newMemo: 'Avbrutt.' }],
    project: [
      { path: 'memos/a.md', change: 'added', oldText: null, newText: 'A' },
      { path: 'memos/b.md', change: 'removed', oldText: 'B', newText: null },
      { path: 'memos/c.md', change: 'changed', oldText: 'C', newText: 'CC' },
    ],
  },
  unreadable: [
    { side: 'base', path: 'codebook.yaml' },
    { side: 'head', path: 'informants.yaml' },
  ],
};

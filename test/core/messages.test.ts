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

const BOKMAL = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nb.json'), 'utf8')) as Record<string, string>;

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
  for (const text of ['informants:\n  - code: K1\n  - code: K1\n  - alder: [1]\n  - 7\nextra: 1\n', 'informants: nope\n', '- a\n']) {
    const file = new YamlFile('informants.yaml', text);
    readInformants(file);
    problems.push(...file.problems);
  }
  for (const text of ['concepts:\n  - label: no id\n  - id: a\n    color: red\n    label: [x]\n  - id: a\nother: 1\n', 'concepts: 1\n']) {
    const file = new YamlFile('codebook.yaml', text);
    readCodebook(file);
    problems.push(...file.problems);
  }
  const settings = 'codebook: ../out.yaml\nspeakerPattern: "("\nlanguage: "English!"\nextensions: [1, [2]]\nnope: 1\nexports:\n  chapter:\n    format: pdf\n    memos: maybe\n    out: /tmp/x\n    concepts: [[a]]\n    odd: 1\n';
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
      'c.txt.annotations.yaml': 'qcode: 1\ntranscript: other.txt\nannotations:\n  - id: c1\n    concepts: [samordning.formel]\n    informant: K33\n    quote: Jeg har et veldig godt team.\n  - id: c1\n    concepts: [samordning]\n    quote: Jeg har et veldig godt team.\n',
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
    const whole = message('Unknown key "{key}" in {what}. Known keys: {known}. Correct or delete it.', { key: 'odd', what: fragment, known: 'a, b' });
    assert.equal(englishText(whole), 'Unknown key "odd" in the export "kapittel". Known keys: a, b. Correct or delete it.');
    const bokmal = renderMessage(whole, (template) => BOKMAL[template] ?? template);
    assert.equal(bokmal, 'Ukjent nøkkel «odd» i eksporten «kapittel». Kjente nøkler: a, b. Rett eller slett den.');
  });

  it('keep a placeholder that has no arg, and fill one that occurs twice', () => {
    assert.equal(englishText(message('{a} and {b}; {a}', { a: 1 })), '1 and {b}; 1');
  });

  it('suggest alternatives as the command line always has', () => {
    assert.equal(englishText(message('Not here.{hint}', { hint: didYouMean(['a', 'b', 'c']) })), 'Not here. Did you mean "a" or "b" or "c"?');
    assert.equal(englishText(message('Not here.{hint}', { hint: didYouMean([]) })), 'Not here.');
  });

  it('come with every problem that bad input makes, its English the problem\'s message, every template translated', async () => {
    const problems = await problemsOfBadInput();
    const kinds = new Set(problems.map((p) => p.code));
    for (const code of ['yaml-syntax', 'alias', 'forbidden-key', 'unknown-key', 'wrong-type', 'missing-key', 'duplicate-id', 'empty-value', 'bad-range', 'reversed-range', 'unsupported-version', 'bad-pattern', 'bad-value', 'path-outside', 'conflict-markers', 'not-utf8', 'unknown-concept', 'orphaned', 'missing-transcript', 'missing-file', 'transcript-name', 'bad-color']) {
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

  it('let the orphan\'s problem name its annotation, whatever the wording', async () => {
    const project = await loadProject(codedProjectFiles());
    const orphan = project.problems.find((p) => p.code === 'orphaned');
    assert.equal(orphan?.annotation, 'k3gone00');
  });
});

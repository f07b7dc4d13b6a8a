import assert from 'node:assert/strict';
import {
  DEFAULT_SETTINGS,
  informantCodeRegExp,
  informantMentionRegExp,
  readSettings,
  speakerRegExp,
} from '../../src/core/settings/settings';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { expectProblem } from '../helpers/project';

function read(text: string) {
  const file = new YamlFile('qcode.yaml', text);
  return { settings: readSettings(file), problems: file.problems };
}

describe('readSettings', () => {
  it('gives the defaults without a file, for an empty file and for a file of comments', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(read('').settings, DEFAULT_SETTINGS);
    assert.deepEqual(read('# nothing set\n').settings, DEFAULT_SETTINGS);
  });

  it('does not share the default extensions list with the settings it returns', () => {
    readSettings(undefined).extensions.push('.docx');
    assert.deepEqual(DEFAULT_SETTINGS.extensions, ['.txt', '.md']);
  });

  it('overrides paths, patterns and citation style', () => {
    const { settings, problems } = read(`codebook: koder.yaml
informants: deltakere.yaml
transcripts: data/intervjuer
speakerPattern: '^(Speaker \\d+)\\s*:'
informantPattern: 'P\\d+'
citation: '[{informant}]'
`);
    assert.deepEqual(problems, []);
    assert.equal(settings.codebook, 'koder.yaml');
    assert.equal(settings.informants, 'deltakere.yaml');
    assert.equal(settings.transcripts, 'data/intervjuer');
    assert.equal(settings.speakerPattern, '^(Speaker \\d+)\\s*:');
    assert.equal(settings.informantPattern, 'P\\d+');
    assert.equal(settings.citation, '[{informant}]');
  });

  it('adds the dot to file endings written without one', () => {
    assert.deepEqual(read('extensions: [txt, .md, vtt]\n').settings.extensions, ['.txt', '.md', '.vtt']);
  });

  it('reports an invalid pattern at its value and keeps the default', () => {
    const { settings, problems } = read('speakerPattern: "^(K\\\\d+"\n');
    expectProblem(problems, {
      code: 'bad-pattern',
      line: 1,
      column: 17,
      says: '"speakerPattern" is not a valid regular expression',
    });
    assert.equal(settings.speakerPattern, DEFAULT_SETTINGS.speakerPattern);
  });

  it('reports unknown keys with the known ones, and wrong types', () => {
    expectProblem(read('transcript: x\n').problems, {
      code: 'unknown-key',
      line: 1,
      column: 1,
      says: 'Known keys: codebook, informants, transcripts, speakerPattern, informantPattern, citation, pseudonyms, chapters, memos, extensions',
    });
    expectProblem(read('extensions: .txt\n').problems, {
      code: 'wrong-type',
      line: 1,
      column: 13,
      says: '"extensions" must be a list',
    });
    expectProblem(read('codebook: [a]\n').problems, {
      code: 'wrong-type',
      line: 1,
      column: 11,
      says: '"codebook" must be text',
    });
  });

  it('refuses __proto__ in qcode.yaml', () => {
    const { settings, problems } = read('__proto__: {codebook: evil.yaml}\n');
    expectProblem(problems, { code: 'forbidden-key', line: 1, column: 1 });
    assert.equal(settings.codebook, 'codebook.yaml');
  });
});

describe('setting patterns', () => {
  it('finds speaker labels at the start of lines, the speaker in group 1', () => {
    const text = 'I: Hei\nK3: Ja\nØ12 : Nei\nk3: nei\nMidt i K3: nei';
    assert.deepEqual(
      [...text.matchAll(speakerRegExp(DEFAULT_SETTINGS))].map((m) => m[1]),
      ['I', 'K3', 'Ø12'],
    );
  });

  it('matches whole informant codes only', () => {
    const code = informantCodeRegExp(DEFAULT_SETTINGS);
    assert.deepEqual(
      ['K3', 'L5', 'M12', 'AB123', 'K', 'k3', 'K3x', 'ABC1'].map((c) => code.test(c)),
      [true, true, true, true, false, false, false, false],
    );
  });

  it('finds informant codes in running text but not inside longer words', () => {
    const mention = informantMentionRegExp(DEFAULT_SETTINGS);
    assert.deepEqual('Som K3 sa (L5), men ikke xK3 eller K3a eller COVID19.'.match(mention), ['K3', 'L5']);
  });
});

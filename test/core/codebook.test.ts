import assert from 'node:assert/strict';
import { Codebook, suggestSimilar } from '../../src/core/codebook/codebook';
import { editDistance } from '../../src/core/text/editDistance';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { CODEBOOK, codes, expectProblem } from '../helpers/project';

function read(text: string) {
  const file = new YamlFile('codebook.yaml', text);
  return { codebook: readCodebook(file), problems: file.problems };
}

describe('readCodebook', () => {
  it('reads the concept tree with ids, labels, descriptions, colours, parents and depths', () => {
    const { codebook, problems } = read(CODEBOOK);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [...codebook.all()].map((c) => [c.id, c.depth, c.parentId ?? null]),
      [
        ['samordning', 0, null],
        ['samordning.formell', 1, 'samordning'],
        ['samordning.uformell', 1, 'samordning'],
        ['koordinator', 0, null],
        ['koordinator.fallskjerm', 1, 'koordinator'],
      ],
    );
    const formell = codebook.get('samordning.formell');
    assert.equal(formell?.label, 'Formell samordning');
    assert.equal(formell?.color, '#4e79a7');
    assert.equal(codebook.get('koordinator.fallskjerm')?.description, 'Catches the user when things fall apart.');
    assert.equal(codebook.size, 5);
  });

  it('uses the id as label when there is none, and numeric ids as written', () => {
    const { codebook, problems } = read('concepts:\n  - id: 1.10\n  - id: 1.1\n    label: Første\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [...codebook.all()].map((c) => [c.id, c.label]),
      [
        ['1.10', '1.10'],
        ['1.1', 'Første'],
      ],
    );
  });

  it('accepts an empty file, an empty concept list and "children:" without items', () => {
    assert.equal(read('').codebook.size, 0);
    assert.equal(read('# only a comment\n').codebook.size, 0);
    assert.deepEqual(read('concepts:\n').problems, []);
    assert.deepEqual(read('concepts: []\n').problems, []);
    const { codebook, problems } = read('concepts:\n  - id: a\n    children:\n');
    assert.deepEqual(problems, []);
    assert.equal(codebook.size, 1);
  });

  it('reports a duplicate concept id at the second concept, naming the line of the first', () => {
    const { codebook, problems } = read('concepts:\n  - id: a\n    children:\n      - id: b\n  - id: b\n');
    expectProblem(problems, {
      code: 'duplicate-id',
      line: 5,
      column: 5,
      severity: 'error',
      says: 'The concept id "b" is already used on line 4',
    });
    assert.equal(codebook.size, 2);
  });

  it('reports unknown keys with the known ones', () => {
    const { problems } = read('concepts:\n  - id: a\n    defintion: typo\n');
    expectProblem(problems, {
      code: 'unknown-key',
      line: 3,
      column: 5,
      says: 'Unknown key "defintion" in a concept. Known keys: id, label, description, inclusion, exclusion, examples, memo, color, guid, children.',
    });
  });

  it('reports an unknown top-level key', () => {
    expectProblem(read('konsepter:\n  - id: a\n').problems, {
      code: 'unknown-key',
      line: 1,
      column: 1,
      says: 'Known keys: concepts',
    });
  });

  it('reports wrong types: concepts not a list, a concept not a mapping, a label not text', () => {
    expectProblem(read('concepts: samordning\n').problems, {
      code: 'wrong-type',
      line: 1,
      column: 11,
      says: 'concepts must be a list',
    });
    expectProblem(read('concepts:\n  - samordning\n').problems, {
      code: 'wrong-type',
      line: 2,
      column: 5,
      says: 'A concept must be a mapping',
    });
    expectProblem(read('concepts:\n  - id: a\n    label: [x]\n').problems, {
      code: 'wrong-type',
      line: 3,
      column: 12,
      says: "The concept's label must be text",
    });
    expectProblem(read('- a\n- b\n').problems, {
      code: 'wrong-type',
      line: 1,
      column: 1,
      says: 'The codebook must be a mapping',
    });
  });

  it('reports a concept without id and leaves it out', () => {
    const { codebook, problems } = read('concepts:\n  - label: Nameless\n  - id: b\n');
    expectProblem(problems, { code: 'missing-key', line: 2, column: 5, says: 'This concept has no id' });
    assert.deepEqual(
      [...codebook.all()].map((c) => c.id),
      ['b'],
    );
  });

  it('warns about a colour that is not #rrggbb and drops it', () => {
    const { codebook, problems } = read('concepts:\n  - id: a\n    color: red\n  - id: b\n    color: "#ABC"\n');
    expectProblem(problems, { code: 'bad-color', severity: 'warning', line: 2, says: 'The colour "red" of "a"' });
    assert.equal(codebook.get('a')?.color, undefined);
    assert.equal(codebook.get('b')?.color, '#ABC');
  });

  it('refuses __proto__ keys and aliases in the codebook', () => {
    assert.deepEqual(codes(read('concepts:\n  - id: a\n    __proto__: x\n').problems), ['forbidden-key']);
    const { problems } = read('concepts:\n  - &c {id: a}\n  - *c\n');
    expectProblem(problems, { code: 'alias', line: 3, column: 5 });
  });

  it('keeps working after a syntax error: no concepts, the error reported', () => {
    const { codebook, problems } = read('concepts:\n  - id: [a\n');
    assert.equal(codebook.size, 0);
    assert.equal(problems[0]?.code, 'yaml-syntax');
  });
});

describe('Codebook', () => {
  const { codebook } = read(CODEBOOK);

  it('answers has/get by id', () => {
    assert.equal(codebook.has('samordning.formell'), true);
    assert.equal(codebook.has('samordning.Formell'), false);
    assert.equal(codebook.get('nope'), undefined);
    assert.equal(Codebook.empty().size, 0);
  });

  it('gives a concept with everything below it', () => {
    assert.deepEqual([...codebook.subtreeIds('samordning')].sort(), [
      'samordning',
      'samordning.formell',
      'samordning.uformell',
    ]);
    assert.deepEqual([...codebook.subtreeIds('samordning.formell')], ['samordning.formell']);
    assert.deepEqual([...codebook.subtreeIds('unknown')], []);
  });

  it('gives the labels from the root down', () => {
    assert.deepEqual(codebook.pathLabels('koordinator.fallskjerm'), ['Koordinatorroller', 'Fallskjerm']);
    assert.deepEqual(codebook.pathLabels('unknown'), []);
  });

  it('suggests close ids for a typo, best first', () => {
    assert.deepEqual(codebook.suggest('samordning.formel'), ['samordning.formell', 'samordning.uformell']);
    assert.deepEqual(codebook.suggest('koordinator.falskjerm'), ['koordinator.fallskjerm']);
    assert.deepEqual(codebook.suggest('zacka'), []);
  });
});

describe('editDistance and suggestSimilar', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('K3', 'K3'), 0);
  });

  it('ignores case, puts the closest first and gives at most three suggestions', () => {
    assert.deepEqual(suggestSimilar('k3', ['L5', 'K3']), ['K3', 'L5']);
    assert.deepEqual(suggestSimilar('psykiatri', ['psykiatrien', 'rus', 'psykisk']), ['psykiatrien']);
    assert.deepEqual(suggestSimilar('K4', ['K1', 'K2', 'K3', 'K5', 'L5']), ['K1', 'K2', 'K3']);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setConceptText } from '../../src/core/codebook/editDefinition';
import { addConceptExample, conceptsToExemplify, removeConceptExample } from '../../src/core/codebook/editExamples';
import { mergeConceptInto } from '../../src/core/codebook/mergeConcept';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { changedLines, editedText as text, refusalOf as refusal } from '../helpers/codebookEdits';
import { expectProblem } from '../helpers/project';

const SAMPLE = readFileSync(join(__dirname, '../../sample-project/codebook.yaml'), 'utf8');

const CRITERIA = `concepts:
  - id: fallskjerm   # the parachute
    label: Fallskjermen
    description: Catches the user.
    inclusion: |-
      The helper is reachable outside working hours.

      Also by text message.
    exclusion: Planned, scheduled follow-up.
    examples: [7f2cq9ma, 49q4zh6q]
  - id: blokk
    label: Blokk
    examples:
      - aaaaaaaa   # first
      - bbbbbbbb
`;

function read(text: string) {
  const file = new YamlFile('codebook.yaml', text);
  return { codebook: readCodebook(file), problems: file.problems };
}

function examplesOf(yaml: string, id: string): string[] | undefined {
  const { codebook, problems } = read(yaml);
  assert.deepEqual(problems, [], yaml);
  return codebook.get(id)?.examples;
}

describe('concept criteria and examples in codebook.yaml', () => {
  it('reads inclusion, exclusion and examples, and where each example is written', () => {
    const { codebook, problems } = read(CRITERIA);
    assert.deepEqual(problems, []);
    const concept = codebook.get('fallskjerm');
    assert.equal(concept?.inclusion, 'The helper is reachable outside working hours.\n\nAlso by text message.');
    assert.equal(concept?.exclusion, 'Planned, scheduled follow-up.');
    assert.deepEqual(concept?.examples, ['7f2cq9ma', '49q4zh6q']);
    assert.deepEqual(codebook.places.get('fallskjerm'), {
      line: 2,
      column: 5,
      examples: [
        { id: '7f2cq9ma', line: 10, column: 16 },
        { id: '49q4zh6q', line: 10, column: 26 },
      ],
    });
    assert.deepEqual(codebook.get('blokk')?.examples, ['aaaaaaaa', 'bbbbbbbb']);
    assert.equal(codebook.get('blokk')?.inclusion, undefined);
  });

  it('takes an empty examples list, or none written after the key, as no examples', () => {
    for (const yaml of ['concepts:\n  - id: a\n    examples: []\n', 'concepts:\n  - id: a\n    examples:\n']) {
      const { codebook, problems } = read(yaml);
      assert.deepEqual(problems, [], yaml);
      assert.equal(codebook.get('a')?.examples, undefined);
    }
  });

  it('refuses examples that are not a list, at the value', () => {
    const { codebook, problems } = read('concepts:\n  - id: a\n    examples: 7f2cq9ma\n');
    expectProblem(problems, {
      code: 'wrong-type',
      line: 3,
      column: 15,
      severity: 'error',
      says: 'The examples of "a" must be a list',
    });
    assert.equal(codebook.get('a')?.examples, undefined);
    expectProblem(read('concepts:\n  - id: a\n    examples: {x: y}\n').problems, {
      code: 'wrong-type',
      line: 3,
      column: 15,
    });
  });

  it('refuses an example that is not text, and keeps the others', () => {
    const { codebook, problems } = read('concepts:\n  - id: a\n    examples:\n      - [x]\n      - 7f2cq9ma\n');
    expectProblem(problems, {
      code: 'wrong-type',
      line: 4,
      column: 9,
      says: 'An example (an annotation id) must be text',
    });
    assert.deepEqual(codebook.get('a')?.examples, ['7f2cq9ma']);
  });

  it('warns about an example listed twice, naming the line of the first, and takes it once', () => {
    const { codebook, problems } = read(
      'concepts:\n  - id: a\n    examples:\n      - 7f2cq9ma\n      - x\n      - 7f2cq9ma\n',
    );
    expectProblem(problems, {
      code: 'duplicate-example',
      line: 6,
      column: 9,
      severity: 'warning',
      says: 'The example "7f2cq9ma" of "a" is already listed on line 4',
    });
    assert.deepEqual(codebook.get('a')?.examples, ['7f2cq9ma', 'x']);
  });

  it('refuses inclusion or exclusion that is not text, and misspelt keys with the known ones', () => {
    expectProblem(read('concepts:\n  - id: a\n    inclusion: [a, b]\n').problems, {
      code: 'wrong-type',
      line: 3,
      column: 16,
      says: 'inclusion must be text',
    });
    expectProblem(read('concepts:\n  - id: a\n    exclusion:\n      x: y\n').problems, {
      code: 'wrong-type',
      says: 'exclusion must be text',
    });
    expectProblem(read('concepts:\n  - id: a\n    example: [x]\n').problems, {
      code: 'unknown-key',
      says: 'Known keys: id, label, description, inclusion, exclusion, examples, ',
    });
  });

  it('accepts a __proto__ id among the examples as plain text, and refuses aliases', () => {
    assert.deepEqual(examplesOf('concepts:\n  - id: a\n    examples: [__proto__]\n', 'a'), ['__proto__']);
    const aliased = read('concepts:\n  - id: a\n    examples: &e [x]\n  - id: b\n    examples: *e\n');
    expectProblem(aliased.problems, { code: 'alias', line: 5, column: 15 });
  });
});

describe('setConceptText: inclusion and exclusion', () => {
  it('adds inclusion after the definition and exclusion after it, nothing else changing', () => {
    const withInclusion = text(setConceptText(SAMPLE, 'koordinator.doraapner', 'inclusion', 'Reachable after hours.'));
    assert.deepEqual(changedLines(SAMPLE, withInclusion), {
      removed: [],
      added: ['        inclusion: Reachable after hours.'],
    });
    const both = text(
      setConceptText(withInclusion, 'koordinator.doraapner', 'exclusion', 'Planned follow-up.\n\nSecond paragraph.'),
    );
    assert.deepEqual(changedLines(withInclusion, both), {
      removed: [],
      added: ['        exclusion: |-', '          Planned follow-up.', '', '          Second paragraph.'],
    });
    const concept = read(both).codebook.get('koordinator.doraapner');
    assert.deepEqual(
      [concept?.inclusion, concept?.exclusion],
      ['Reachable after hours.', 'Planned follow-up.\n\nSecond paragraph.'],
    );
  });

  it('replaces a criterion in place, keeping the comment, and removes it when empty', () => {
    const replaced = text(setConceptText(CRITERIA, 'fallskjerm', 'inclusion', 'Kort.'));
    assert.deepEqual(changedLines(CRITERIA, replaced), {
      removed: [
        '    inclusion: |-',
        '      The helper is reachable outside working hours.',
        '',
        '      Also by text message.',
      ],
      added: ['    inclusion: Kort.'],
    });
    const removed = text(setConceptText(CRITERIA, 'fallskjerm', 'exclusion', ' \n '));
    assert.deepEqual(changedLines(CRITERIA, removed), {
      removed: ['    exclusion: Planned, scheduled follow-up.'],
      added: [],
    });
  });

  it('refuses an unknown concept and a codebook that is not YAML', () => {
    assert.match(refusal(setConceptText(SAMPLE, 'ingen', 'inclusion', 'x')), /There is no concept "ingen"/);
    assert.match(refusal(setConceptText('concepts: [\n', 'a', 'exclusion', 'x')), /not valid YAML/);
  });
});

describe('addConceptExample and removeConceptExample', () => {
  it('adds the first example as a one-line list after the criteria, then appends to it', () => {
    const one = text(addConceptExample(SAMPLE, 'koordinator.doraapner', '7f2cq9ma'));
    assert.deepEqual(changedLines(SAMPLE, one), { removed: [], added: ['        examples: [7f2cq9ma]'] });
    const two = text(addConceptExample(one, 'koordinator.doraapner', '49q4zh6q'));
    assert.deepEqual(changedLines(one, two), {
      removed: ['        examples: [7f2cq9ma]'],
      added: ['        examples: [7f2cq9ma, 49q4zh6q]'],
    });
    assert.deepEqual(examplesOf(two, 'koordinator.doraapner'), ['7f2cq9ma', '49q4zh6q']);
  });

  it('adds a line to a block list and cuts one from it, comments staying', () => {
    const added = text(addConceptExample(CRITERIA, 'blokk', 'cccccccc'));
    assert.deepEqual(changedLines(CRITERIA, added), { removed: [], added: ['      - cccccccc'] });
    const removed = text(removeConceptExample(added, 'blokk', 'bbbbbbbb'));
    assert.deepEqual(changedLines(added, removed), { removed: ['      - bbbbbbbb'], added: [] });
    assert.ok(removed.includes('      - aaaaaaaa   # first\n'));
    assert.deepEqual(examplesOf(removed, 'blokk'), ['aaaaaaaa', 'cccccccc']);
  });

  it('removes the key with the last example', () => {
    const one = text(removeConceptExample(CRITERIA, 'fallskjerm', '7f2cq9ma'));
    assert.deepEqual(changedLines(CRITERIA, one), {
      removed: ['    examples: [7f2cq9ma, 49q4zh6q]'],
      added: ['    examples: [49q4zh6q]'],
    });
    const none = text(removeConceptExample(one, 'fallskjerm', '49q4zh6q'));
    assert.deepEqual(changedLines(one, none), { removed: ['    examples: [49q4zh6q]'], added: [] });
    assert.equal(examplesOf(none, 'fallskjerm'), undefined);
  });

  it('fills an examples key written without a value', () => {
    const yaml = 'concepts:\n  - id: a\n    examples:\n    color: "#4e79a7"\n';
    const out = text(addConceptExample(yaml, 'a', 'x1'));
    assert.equal(out, 'concepts:\n  - id: a\n    examples: [x1]\n    color: "#4e79a7"\n');
  });

  it('edits a flow-style concept within its line, and keeps CRLF', () => {
    const flow = 'concepts:\r\n  - {id: a, label: A}\r\n';
    const out = text(addConceptExample(flow, 'a', 'x1'));
    assert.equal(out, 'concepts:\r\n  - {id: a, label: A, examples: [x1]}\r\n');
    assert.equal(text(removeConceptExample(out, 'a', 'x1')), flow);
  });

  it('refuses an example already there, one that is not there, a bad id, an unknown concept and a list that is not one', () => {
    assert.match(
      refusal(addConceptExample(CRITERIA, 'fallskjerm', '49q4zh6q')),
      /"49q4zh6q" is already an example of "fallskjerm"/,
    );
    assert.match(
      refusal(removeConceptExample(CRITERIA, 'fallskjerm', 'zzzzzzzz')),
      /"zzzzzzzz" is not an example of "fallskjerm"/,
    );
    assert.match(refusal(addConceptExample(CRITERIA, 'fallskjerm', 'a b')), /"a b" is not an annotation id/);
    assert.match(refusal(addConceptExample(CRITERIA, 'fallskjerm', '  ')), /is not an annotation id/);
    assert.match(refusal(addConceptExample(CRITERIA, 'ingen', 'x')), /There is no concept "ingen"/);
    assert.match(
      refusal(addConceptExample('concepts:\n  - id: a\n    examples: x\n', 'a', 'y')),
      /The examples of "a" in codebook.yaml are not a list/,
    );
    assert.match(
      refusal(addConceptExample('concepts:\n<<<<<<< ours\n=======\n>>>>>>> theirs\n', 'a', 'y')),
      /conflict/i,
    );
  });

  it('quotes an id that YAML would read as something else', () => {
    const out = text(addConceptExample(SAMPLE, 'informasjon', '1e5'));
    assert.ok(out.includes('    examples: ["1e5"]\n'), out);
    assert.deepEqual(examplesOf(out, 'informasjon'), ['1e5']);
  });
});

describe('conceptsToExemplify', () => {
  const codebook = read(
    'concepts:\n  - id: a\n    children:\n      - id: a.x\n        examples: [p1]\n      - id: a.y\n  - id: b\n',
  ).codebook;

  it('offers the concepts a passage is tagged with and those above them, not those it already exemplifies', () => {
    assert.deepEqual(conceptsToExemplify(codebook, { id: 'p2', concepts: ['a.x', 'b'] }), ['a.x', 'a', 'b']);
    assert.deepEqual(conceptsToExemplify(codebook, { id: 'p1', concepts: ['a.x', 'a.y'] }), ['a', 'a.y']);
  });

  it('offers nothing for concepts the codebook does not have', () => {
    assert.deepEqual(conceptsToExemplify(codebook, { id: 'p3', concepts: ['ukjent'] }), []);
  });
});

describe('mergeConceptInto', () => {
  const BOOK =
    'concepts:\n  - id: a\n    examples: [p1, p2]\n    children:\n      - id: a.x\n  - id: b   # target\n    examples: [p2, p3]\n';

  it("gives the target the merged concept's examples after its own, each once, and its children", () => {
    const out = text(mergeConceptInto(BOOK, 'a', 'b'));
    assert.equal(examplesOf(out, 'b')?.join(' '), 'p2 p3 p1');
    const { codebook } = read(out);
    assert.equal(codebook.get('a'), undefined);
    assert.equal(codebook.get('a.x')?.parentId, 'b');
    assert.ok(out.includes('  - id: b   # target\n'));
  });

  it('merges a concept without examples as removeConcept does, and refuses an unknown target', () => {
    const out = text(mergeConceptInto(BOOK, 'a.x', 'b'));
    assert.deepEqual(examplesOf(out, 'b'), ['p2', 'p3']);
    assert.match(refusal(mergeConceptInto(BOOK, 'a', 'ingen')), /There is no concept "ingen"/);
  });
});

import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { holdsConcepts, rereadsAs } from '../../src/core/codebook/verifyCodebook';
import { codebookWithConcepts } from '../../src/core/refi/writeConcepts';
import { YamlFile } from '../../src/core/yaml/yamlFile';

const FLOW_CODEBOOK =
  'concepts: [{id: a, label: Alfa, children: [{id: a.b, label: Beta}]}, {id: c, label: "C, med komma"}]\n';

function concepts(text: string): [string, string | null, string][] {
  const file = new YamlFile('codebook.yaml', text);
  const read = [...readCodebook(file).all()].map((c): [string, string | null, string] => [
    c.id,
    c.parentId ?? null,
    c.label,
  ]);
  assert.deepEqual(file.problems, [], text);
  return read;
}

describe('codebook writers read back what they write', () => {
  it('adds imported concepts to a flow-style codebook, each under its parent', () => {
    const result = codebookWithConcepts(FLOW_CODEBOOK, [
      { id: 'c.d', label: 'Delta: [x]', parentId: 'c' },
      { id: 'e', label: '- Eko' },
    ]);
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.deepEqual(concepts(result.text), [
      ['a', null, 'Alfa'],
      ['a.b', 'a', 'Beta'],
      ['c', null, 'C, med komma'],
      ['c.d', 'c', 'Delta: [x]'],
      ['e', null, '- Eko'],
    ]);
  });

  it('refuses, naming the file, a codebook that would not read back with every planned concept', () => {
    const result = codebookWithConcepts(undefined, [
      { id: 'a', label: 'Først' },
      { id: 'a', label: 'Igjen' },
    ]);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /^codebook\.yaml could not be written .* left as it is/);
  });

  it('tells a text that reads as the edit means from one that lost a concept, moved one or added an error', () => {
    const intended = parseDocument('concepts:\n  - id: a\n    label: A\n  - id: b\n    label: B\n');
    assert.equal(rereadsAs('concepts: [{id: a, label: A}, {id: b, label: B}]\n', intended, 0), true);
    assert.equal(rereadsAs('concepts: [{id: a, label: A}]\n', intended, 0), false);
    assert.equal(
      rereadsAs(
        'concepts: [{id: a, label: A}, {id: b, label: B, x: 1}]\n',
        parseDocument('concepts: [{id: a, label: A}, {id: b, label: B, x: 1}]'),
        0,
      ),
      false,
      'an unknown key is an error',
    );
    assert.equal(
      holdsConcepts(
        'concepts: [{id: a, label: A}]\n',
        'concepts: [{id: a, label: A, children: [{id: b, label: B}]}]\n',
        [{ id: 'b', label: 'B', parentId: 'a' }],
      ),
      true,
    );
    assert.equal(
      holdsConcepts('concepts: [{id: a, label: A}]\n', 'concepts: [{id: a, label: A}, {id: b, label: B}]\n', [
        { id: 'b', label: 'B', parentId: 'a' },
      ]),
      false,
    );
  });
});

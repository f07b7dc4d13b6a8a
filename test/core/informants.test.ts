import assert from 'node:assert/strict';
import { InformantRegistry, readInformants } from '../../src/core/informants/registry';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { codes, expectProblem, INFORMANTS } from '../helpers/project';

function read(text: string) {
  const file = new YamlFile('informants.yaml', text);
  return { registry: readInformants(file), problems: file.problems };
}

describe('readInformants', () => {
  it('reads codes in file order with their free attributes, typed as written', () => {
    const { registry, problems } = read(INFORMANTS);
    assert.deepEqual(problems, []);
    assert.deepEqual(registry.codes, ['K1', 'K3', 'L5']);
    assert.deepEqual({ ...registry.get('K3')?.attributes }, { role: 'tjenestemottaker', age: 34 });
    assert.equal(registry.has('L5'), true);
    assert.equal(registry.has('M2'), false);
  });

  it('keeps booleans, dates as text (YAML 1.2) and ignores empty attributes', () => {
    const { registry, problems } = read(
      'informants:\n  - code: K1\n    interviewed: 2019-03-12\n    consent: true\n    note:\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual({ ...registry.get('K1')?.attributes }, { interviewed: '2019-03-12', consent: true });
  });

  it('stores attributes in an object without prototype, so "toString" is just an attribute', () => {
    const { registry } = read('informants:\n  - code: K1\n    toString: x\n');
    const attributes = registry.get('K1')?.attributes;
    assert.equal(Object.getPrototypeOf(attributes), null);
    assert.equal(attributes?.toString, 'x');
  });

  it('accepts an empty file and "informants:" without items', () => {
    assert.deepEqual(read('').registry.codes, []);
    const { registry, problems } = read('informants:\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(registry.codes, []);
  });

  it('reports an informant listed twice, at the second entry', () => {
    const { registry, problems } = read('informants:\n  - code: K1\n  - code: K2\n  - code: K1\n    role: x\n');
    expectProblem(problems, {
      code: 'duplicate-id',
      line: 4,
      column: 5,
      says: 'The informant code "K1" is listed twice',
    });
    assert.deepEqual(registry.codes, ['K1', 'K2']);
  });

  it('reports an informant without code', () => {
    const { registry, problems } = read('informants:\n  - role: leder\n');
    expectProblem(problems, {
      code: 'missing-key',
      line: 2,
      column: 5,
      says: 'This informant has no code. Add "code: K1"',
    });
    assert.deepEqual(registry.codes, []);
  });

  it('reports attributes that are lists or mappings', () => {
    const { problems } = read('informants:\n  - code: K1\n    roles: [a, b]\n');
    expectProblem(problems, {
      code: 'wrong-type',
      line: 3,
      column: 12,
      says: 'The attribute "roles" must be a single value',
    });
  });

  it('reports a code that is not text, unknown top-level keys and a list at the top', () => {
    expectProblem(read('informants:\n  - code: [K1]\n').problems, {
      code: 'wrong-type',
      line: 2,
      column: 11,
      says: 'The informant code must be text',
    });
    expectProblem(read('informanter:\n  - code: K1\n').problems, {
      code: 'unknown-key',
      line: 1,
      column: 1,
      says: 'Known keys: informants',
    });
    expectProblem(read('informants: K1\n').problems, {
      code: 'wrong-type',
      line: 1,
      column: 13,
      says: 'informants must be a list',
    });
    expectProblem(read('- code: K1\n').problems, {
      code: 'wrong-type',
      line: 1,
      column: 1,
      says: 'The informant registry must be a mapping',
    });
  });

  it('refuses __proto__ attributes and aliases', () => {
    const { registry, problems } = read(
      'informants:\n  - code: K1\n    __proto__: {admin: true}\n  - &k {code: K2}\n  - *k\n',
    );
    assert.deepEqual(codes(problems).sort(), ['alias', 'forbidden-key', 'wrong-type']);
    expectProblem(problems, { code: 'forbidden-key', line: 3, column: 5 });
    expectProblem(problems, { code: 'alias', line: 5, column: 5 });
    assert.equal(Object.getPrototypeOf(registry.get('K1')?.attributes), null);
  });
});

describe('InformantRegistry', () => {
  it('looks informants up by code', () => {
    const registry = new InformantRegistry([{ code: 'K1', attributes: { role: 'x' } }]);
    assert.equal(registry.get('K1')?.attributes.role, 'x');
    assert.equal(registry.get('k1'), undefined, 'codes are case-sensitive');
    assert.deepEqual(registry.codes, ['K1']);
  });
});

import assert from 'node:assert/strict';
import { isMap, type YAMLMap } from 'yaml';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { codes, expectProblem } from '../helpers/project';

function rootMap(file: YamlFile): YAMLMap {
  const root = file.document?.contents;
  assert.ok(isMap(root), 'expected a mapping at the top');
  return root;
}

/** The classic "billion laughs": nine levels, each doubling the one before. */
const ALIAS_BOMB = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('YamlFile', () => {
  it('parses valid YAML and locates offsets as 1-based line and column', () => {
    const file = new YamlFile('a.yaml', 'qcode: 1\nname: Tromsø\n');
    assert.equal(file.ok, true);
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.positionOf(9), { line: 2, column: 1 });
    assert.deepEqual(file.positionOf(15), { line: 2, column: 7 });
  });

  it('reports malformed YAML as yaml-syntax at its line and column, and has no document', () => {
    const file = new YamlFile('bad.yaml', 'concepts:\n  - id: a\n    label: [unclosed\n  - id: b\n');
    assert.equal(file.ok, false);
    assert.equal(file.document, undefined);
    const first = file.problems[0];
    assert.ok(first);
    assert.deepEqual([first.file, first.code, first.severity], ['bad.yaml', 'yaml-syntax', 'error']);
    assert.equal(first.line, 4);
    assert.match(first.message, /Fix the YAML at this place/);
    assert.doesNotMatch(
      first.message,
      / at line \d+, column \d+/,
      'the place is in line/column, not repeated in the message',
    );
  });

  it('reports a colon inside a plain value ("a: b: c") at the second colon', () => {
    expectProblem(new YamlFile('x.yaml', 'title: Samordning: formell\n').problems, {
      code: 'yaml-syntax',
      line: 1,
      column: 8,
      says: 'Nested mappings',
    });
  });

  it('reports a duplicated key as a syntax error at the second one', () => {
    expectProblem(new YamlFile('x.yaml', 'qcode: 1\nqcode: 2\n').problems, {
      code: 'yaml-syntax',
      line: 2,
      column: 1,
      says: 'unique',
    });
  });

  it('refuses a file with git merge-conflict markers, at the <<<<<<< line, without parsing it', () => {
    const text = 'qcode: 1\nannotations:\n<<<<<<< HEAD\n  - id: aaaaaaaa\n=======\n  - id: bbbbbbbb\n>>>>>>> theirs\n';
    const file = new YamlFile('s.yaml', text);
    assert.equal(file.ok, false);
    expectProblem(file.problems, {
      code: 'conflict-markers',
      line: 3,
      column: 1,
      says: 'delete the <<<<<<<, ======= and >>>>>>> lines',
    });
  });

  it('finds conflict markers in CRLF files and a lone >>>>>>> line', () => {
    expectProblem(new YamlFile('s.yaml', 'a: 1\r\nb: 2\r\n>>>>>>>\r\n').problems, {
      code: 'conflict-markers',
      line: 3,
    });
  });

  it('refuses the classic alias bomb with code "alias" at each alias, without expanding it', () => {
    const file = new YamlFile('codebook.yaml', ALIAS_BOMB);
    const aliases = file.problems.filter((p) => p.code === 'alias');
    assert.equal(aliases.length, 8 * 9);
    assert.deepEqual([aliases[0]?.line, aliases[0]?.column, aliases[0]?.severity], [2, 8, 'error']);
    assert.match(aliases[0]?.message ?? '', /aliases \(\*name\) are not allowed/);
  });

  it('returns nothing for an alias where a value is expected, and reports the wrong type too', () => {
    const file = new YamlFile('x.yaml', 'a: &x [1]\nb: *x\n');
    const b = rootMap(file).items[1];
    assert.equal(file.plain(b?.value), undefined);
    assert.equal(file.asSeq(b?.value, '"b"', b?.key as never), undefined);
    assert.deepEqual(codes(file.problems), ['alias', 'wrong-type']);
  });

  it('refuses __proto__, constructor and prototype keys with code "forbidden-key"', () => {
    const file = new YamlFile('x.yaml', 'ok: 1\n__proto__: {polluted: true}\nconstructor: x\nprototype: y\n');
    const entries = file.entries(rootMap(file), 'the file');
    assert.deepEqual(
      entries.map((e) => e.key),
      ['ok'],
    );
    const forbidden = file.problems.filter((p) => p.code === 'forbidden-key');
    assert.deepEqual(
      forbidden.map((p) => [p.line, p.column]),
      [
        [2, 1],
        [3, 1],
        [4, 1],
      ],
    );
    assert.match(forbidden[0]?.message ?? '', /"__proto__" is not allowed/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses keys that are not text', () => {
    const file = new YamlFile('x.yaml', 'ok: 1\n12: number key\n[a, b]: list key\n');
    assert.deepEqual(
      file.entries(rootMap(file), 'the file').map((e) => e.key),
      ['ok'],
    );
    assert.deepEqual(
      file.problems.map((p) => [p.code, p.line]),
      [
        ['wrong-type', 2],
        ['wrong-type', 3],
      ],
    );
    assert.match(file.problems[0]?.message ?? '', /Keys in the file must be plain words/);
  });

  it('reads text, and numbers as they are written (1.10 stays 1.10, 007 stays 007)', () => {
    const file = new YamlFile('x.yaml', 'a: Tromsø\nb: 1.10\nc: 007\nd: "1.10"\n');
    assert.deepEqual(
      rootMap(file).items.map((pair) => file.asString(pair.value, 'x')),
      ['Tromsø', '1.10', '007', '1.10'],
    );
  });

  it('says "must be text" for lists, maps, booleans and null where text is expected, at the value', () => {
    const file = new YamlFile('x.yaml', 'a: [1]\nb: {c: 1}\nc: true\nd: null\n');
    for (const pair of rootMap(file).items)
      assert.equal(file.asString(pair.value, 'The value', pair.key as never), undefined);
    assert.deepEqual(
      file.problems.map((p) => [p.code, p.line, p.column]),
      [
        ['wrong-type', 1, 4],
        ['wrong-type', 2, 4],
        ['wrong-type', 3, 4],
        ['wrong-type', 4, 4],
      ],
    );
    assert.equal(file.problems[0]?.message, 'The value must be text.');
  });

  it('says what shape was expected for mappings and lists', () => {
    const file = new YamlFile('x.yaml', 'a: text\n');
    const pair = rootMap(file).items[0];
    assert.equal(file.asMap(pair?.value, 'A concept'), undefined);
    assert.equal(file.asSeq(pair?.value, '"concepts"'), undefined);
    assert.match(file.problems[0]?.message ?? '', /A concept must be a mapping/);
    assert.match(file.problems[1]?.message ?? '', /"concepts" must be a list/);
  });

  it('points a missing value just after its key', () => {
    const file = new YamlFile('x.yaml', 'first: 1\nconcepts:\n');
    const pair = rootMap(file).items[1];
    file.asSeq(pair?.value, '"concepts"', pair?.key as never);
    expectProblem(file.problems, { code: 'wrong-type', line: 2, column: 10 });
  });

  it('lists the known keys when a key is unknown', () => {
    const file = new YamlFile('x.yaml', 'colour: red\n');
    const [entry] = file.entries(rootMap(file), 'a concept');
    assert.ok(entry);
    file.unknownKey(entry.keyNode, entry.key, 'a concept', ['id', 'label', 'color']);
    expectProblem(file.problems, {
      code: 'unknown-key',
      line: 1,
      column: 1,
      says: 'Unknown key "colour" in a concept. Known keys: id, label, color.',
    });
  });
});

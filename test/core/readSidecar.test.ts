import assert from 'node:assert/strict';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { codes, expectProblem } from '../helpers/project';

const PATH = 'transcripts/intervju-K3.txt.annotations.yaml';

const EXAMPLE = `# Annotations of intervju-K3.txt, kept by qcode. Hand edits are welcome.
qcode: 1
transcript: intervju-K3.txt
annotations:
  - id: 7f2cq9ma
    concepts: [koordinator.fallskjerm, bakkebyraakrat.ansvarsoversvommelse]
    informant: K3
    range: 21:5-21:97
    quote: Da har jeg nummeret til et par av dem.
    before: "utenom kontortid?\\n\\nK3: "
    after: " Det er ikke meningen"
    memo: Tilgjengelig utenfor arbeidstid.
    coder: ingrid
    created: 2026-11-20T10:12:00Z
`;

/** A sidecar with one annotation whose lines are given (indented as list item keys). */
function withItem(...lines: string[]): string {
  return `qcode: 1\ntranscript: t.txt\nannotations:\n  - ${lines.join('\n    ')}\n`;
}

const read = (text: string) => readSidecar(PATH, text);

describe('readSidecar', () => {
  it('reads the format of the product description, field by field', () => {
    const parsed = read(EXAMPLE);
    assert.deepEqual(parsed.file.problems, []);
    assert.equal(parsed.transcript, 'intervju-K3.txt');
    assert.equal(parsed.entries.length, 1);
    const [entry] = parsed.entries;
    assert.deepEqual(entry?.annotation, {
      id: '7f2cq9ma',
      concepts: ['koordinator.fallskjerm', 'bakkebyraakrat.ansvarsoversvommelse'],
      informant: 'K3',
      range: { start: { line: 21, column: 5 }, end: { line: 21, column: 97 } },
      quote: 'Da har jeg nummeret til et par av dem.',
      before: 'utenom kontortid?\n\nK3: ',
      after: ' Det er ikke meningen',
      memo: 'Tilgjengelig utenfor arbeidstid.',
      coder: 'ingrid',
      created: '2026-11-20T10:12:00Z',
    });
    assert.deepEqual([entry?.line, entry?.column], [5, 5]);
    assert.deepEqual(
      [...(entry?.pairs.keys() ?? [])],
      ['id', 'concepts', 'informant', 'range', 'quote', 'before', 'after', 'memo', 'coder', 'created'],
    );
  });

  it('reads "yes", numbers and dates as the text they are, and concepts as a block list', () => {
    const parsed = read(
      withItem('id: 12345678', 'concepts:', '  - 1.10', '  - yes', 'quote: yes', 'memo: 1.50', 'coder: 007'),
    );
    assert.deepEqual(parsed.file.problems, []);
    assert.deepEqual(parsed.entries[0]?.annotation, {
      id: '12345678',
      concepts: ['1.10', 'yes'],
      quote: 'yes',
      memo: '1.50',
      coder: '007',
    });
  });

  it('accepts an empty list written as "annotations:" or "annotations: []"', () => {
    for (const text of ['qcode: 1\nannotations:\n', 'qcode: 1\nannotations: []\n', 'qcode: 1\n']) {
      const parsed = read(text);
      assert.deepEqual(parsed.file.problems, [], text);
      assert.deepEqual(parsed.entries, []);
    }
  });

  it('reports malformed YAML with its line and column', () => {
    const parsed = read('qcode: 1\nannotations:\n  - id: abcdefgh\n    concepts: [a\n    quote: x\n');
    assert.equal(parsed.file.ok, false);
    assert.deepEqual(
      parsed.file.problems.map((p) => [p.code, p.line, p.column]),
      [['yaml-syntax', 5, 5]],
    );
    assert.match(
      parsed.file.problems[0]?.message ?? '',
      /Flow sequence .* must be sufficiently indented and end with a \]\. Fix the YAML/,
    );
    assert.deepEqual(parsed.entries, []);
  });

  it('reports an unknown key in an annotation, and still reads the annotation', () => {
    const parsed = read(withItem('id: abcdefgh', 'concepts: [a]', 'quote: x', 'colour: red'));
    expectProblem(parsed.file.problems, {
      code: 'unknown-key',
      line: 7,
      column: 5,
      severity: 'error',
      says: 'Unknown key "colour" in an annotation. Known keys: id, concepts, informant, range, quote',
    });
    assert.equal(parsed.entries.length, 1);
  });

  it('reports an unknown top-level key', () => {
    expectProblem(read('qcode: 1\nannotation: []\n').file.problems, {
      code: 'unknown-key',
      line: 2,
      column: 1,
      says: 'Known keys: qcode, transcript, memo, annotations',
    });
  });

  it('reports wrong types at the value, and the annotation as missing what it lacks', () => {
    const parsed = read(withItem('id: abcdefgh', 'concepts: samordning', 'quote: [x]'));
    assert.match(parsed.file.problems[0]?.message ?? '', /"concepts" must be a list/);
    assert.deepEqual(
      parsed.file.problems.map((p) => [p.code, p.line, p.column]),
      [
        ['wrong-type', 5, 15],
        ['wrong-type', 6, 12],
        ['missing-key', 4, 5],
      ],
    );
    expectProblem(parsed.file.problems, { code: 'missing-key', says: 'This annotation has no "concepts", "quote"' });
    assert.deepEqual(parsed.entries, []);
  });

  it('reports "quote: null", a boolean quote and a list instead of annotations', () => {
    expectProblem(read(withItem('id: abcdefgh', 'concepts: [a]', 'quote: null')).file.problems, {
      code: 'wrong-type',
      line: 6,
      column: 12,
      says: '"quote" must be text',
    });
    expectProblem(read(withItem('id: abcdefgh', 'concepts: [a]', 'quote: true')).file.problems, {
      code: 'wrong-type',
      line: 6,
      column: 12,
    });
    expectProblem(read('qcode: 1\nannotations: {a: 1}\n').file.problems, {
      code: 'wrong-type',
      line: 2,
      column: 14,
      says: '"annotations" must be a list',
    });
    expectProblem(read('qcode: 1\nannotations:\n  - just text\n').file.problems, {
      code: 'wrong-type',
      line: 3,
      column: 5,
      says: 'An annotation must be a mapping',
    });
    expectProblem(read('- qcode: 1\n').file.problems, {
      code: 'wrong-type',
      line: 1,
      column: 1,
      says: 'A sidecar must be a mapping',
    });
  });

  it('reports a duplicate annotation id at the second one, naming the line of the first, and keeps the first', () => {
    const text =
      'qcode: 1\nannotations:\n  - id: abcdefgh\n    concepts: [a]\n    quote: first\n  - id: abcdefgh\n    concepts: [b]\n    quote: second\n';
    const parsed = read(text);
    expectProblem(parsed.file.problems, {
      code: 'duplicate-id',
      line: 6,
      column: 5,
      says: 'The annotation id "abcdefgh" is already used on line 3',
    });
    assert.deepEqual(
      parsed.entries.map((e) => e.annotation.quote),
      ['first'],
    );
  });

  it('reports missing and empty required values', () => {
    expectProblem(read(withItem('concepts: [a]', 'quote: x')).file.problems, {
      code: 'missing-key',
      line: 4,
      column: 5,
      says: 'no "id"',
    });
    expectProblem(read(withItem('id: ""', 'concepts: [a]', 'quote: x')).file.problems, {
      code: 'empty-value',
      line: 4,
      column: 5,
      says: '"id" must not be empty',
    });
    expectProblem(read(withItem('id: abcdefgh', 'concepts: [a]', "quote: ''")).file.problems, {
      code: 'empty-value',
      line: 6,
      column: 5,
      says: '"quote" must not be empty',
    });
    expectProblem(read(withItem('id: abcdefgh', 'concepts: []', 'quote: x')).file.problems, {
      code: 'empty-value',
      line: 5,
      column: 5,
      says: 'at least one concept',
    });
  });

  it('reports bad range strings at the value and keeps the annotation without a range', () => {
    for (const range of ['21:5', 'line 3', '0:1-0:5', '1:1-1:x', '2:1-0:5']) {
      const parsed = read(withItem('id: abcdefgh', 'concepts: [a]', `range: ${range}`, 'quote: x'));
      expectProblem(parsed.file.problems, {
        code: 'bad-range',
        line: 6,
        column: 12,
        says: `"${range}" is not a range. Write startLine:startColumn-endLine:endColumn`,
      });
      assert.deepEqual(parsed.entries[0]?.annotation, { id: 'abcdefgh', concepts: ['a'], quote: 'x' });
    }
  });

  it('reports a range that ends before it starts as its own warning, with the range the other way round', () => {
    const parsed = read(withItem('id: abcdefgh', 'concepts: [a]', 'range: 3:5-2:1', 'quote: x'));
    expectProblem(parsed.file.problems, {
      code: 'reversed-range',
      severity: 'warning',
      line: 6,
      column: 12,
      says: 'The range "3:5-2:1" ends before it starts. Run "qcode check --fix" to set it from where the quote is found, or write the start first (2:1-3:5).',
    });
    assert.equal(
      parsed.file.problems.some((p) => p.code === 'bad-range'),
      false,
    );
    assert.deepEqual(parsed.entries[0]?.annotation, { id: 'abcdefgh', concepts: ['a'], quote: 'x' });
  });

  it('refuses an unsupported format version and a missing one', () => {
    expectProblem(read('qcode: 2\nannotations: []\n').file.problems, {
      code: 'unsupported-version',
      line: 1,
      column: 1,
      says: 'This sidecar is format 2; this qcode reads format 1. Update qcode.',
    });
    expectProblem(read('annotations: []\n').file.problems, {
      code: 'missing-key',
      line: 1,
      column: 1,
      says: 'no "qcode: 1" line',
    });
    assert.deepEqual(read('qcode: "1"\n').file.problems, []);
  });

  it('refuses merge-conflict markers at the <<<<<<< line', () => {
    const text = `${EXAMPLE}<<<<<<< HEAD\n  - id: aaaaaaaa\n=======\n  - id: bbbbbbbb\n>>>>>>> feature\n`;
    const parsed = read(text);
    expectProblem(parsed.file.problems, {
      code: 'conflict-markers',
      line: 15,
      column: 1,
      says: 'merge-conflict markers',
    });
    assert.deepEqual(parsed.entries, []);
  });

  it('refuses an alias bomb with code "alias", also under unknown keys', () => {
    const bomb =
      'qcode: 1\na: &a [x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b]\nannotations: []\n';
    const parsed = read(bomb);
    expectProblem(
      parsed.file.problems.filter((p) => p.line === 3 && p.column === 8),
      { code: 'alias', says: 'aliases (*name) are not allowed' },
    );
    assert.equal(parsed.file.problems.filter((p) => p.code === 'alias').length, 10);
  });

  it('refuses an annotation that is an alias of another', () => {
    const parsed = read('qcode: 1\nannotations:\n  - &x {id: abcdefgh, concepts: [a], quote: q}\n  - *x\n');
    expectProblem(parsed.file.problems, { code: 'alias', line: 4, column: 5 });
    assert.equal(parsed.entries.length, 1);
  });

  it('refuses __proto__ keys at the top and in annotations', () => {
    const top = read('qcode: 1\n__proto__: {qcode: 2}\nannotations: []\n');
    expectProblem(top.file.problems, {
      code: 'forbidden-key',
      line: 2,
      column: 1,
      says: 'The key "__proto__" is not allowed. Delete this line.',
    });
    const inside = read(withItem('id: abcdefgh', 'concepts: [a]', 'quote: x', '__proto__: {memo: evil}'));
    expectProblem(inside.file.problems, { code: 'forbidden-key', line: 7, column: 5 });
    assert.deepEqual(codes(inside.file.problems), ['forbidden-key']);
    assert.equal(Object.getPrototypeOf(inside.entries[0]?.annotation), Object.prototype);
  });

  it('gives every problem the sidecar path', () => {
    assert.ok(read('qcode: 2\nx: 1\n').file.problems.every((p) => p.file === PATH));
  });
});

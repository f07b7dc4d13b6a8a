import assert from 'node:assert/strict';
import { compareAnnotations, type Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';

const PATH = 'transcripts/k3.txt.annotations.yaml';
const at = (line: number, from: number, to: number) => ({ start: { line, column: from }, end: { line, column: to } });
const A: Annotation = { id: 'aaaaaaaa', concepts: ['a'], range: at(1, 1, 5), quote: 'Først' };
const B: Annotation = { id: 'bbbbbbbb', concepts: ['b'], range: at(3, 1, 5), quote: 'Midt' };
const C: Annotation = { id: 'cccccccc', concepts: ['c'], range: at(5, 1, 5), quote: 'Sist' };

function written(previous: string, desired: Annotation[]): string {
  const result = writeSidecar(PATH, previous, 'k3.txt', desired);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  const back = readSidecar(PATH, result.text);
  assert.deepEqual(back.file.problems, [], result.text);
  assert.deepEqual(
    back.entries.map((e) => e.annotation.id),
    [...desired].sort(compareAnnotations).map((a) => a.id),
    result.text,
  );
  return result.text;
}

describe('writeSidecar on layouts other than its own', () => {
  it('rewrites a changed flow-style item whole, in block style at its indent, leaving its neighbours as they are', () => {
    const flow =
      'qcode: 1\nannotations:\n  - {id: aaaaaaaa, concepts: [a], range: 1:1-1:5, quote: Først}\n  - {id: bbbbbbbb, concepts: [b], range: 3:1-3:5, quote: Midt}  # note\n';
    assert.equal(
      written(flow, [A, { ...B, memo: 'a, b: {c}' }]),
      'qcode: 1\nannotations:\n  - {id: aaaaaaaa, concepts: [a], range: 1:1-1:5, quote: Først}\n  - id: bbbbbbbb\n    concepts: [b]\n    range: 3:1-3:5\n    quote: Midt\n    memo: "a, b: {c}"\n',
    );
  });

  it('finds the "-" of an item on a line of its own, to remove or insert before it', () => {
    const alone =
      'qcode: 1\nannotations:\n  -   # the first\n    id: aaaaaaaa\n    concepts: [a]\n    range: 1:1-1:5\n    quote: Først\n  - id: cccccccc\n    concepts: [c]\n    range: 5:1-5:5\n    quote: Sist\n';
    assert.equal(
      written(alone, [C]),
      'qcode: 1\nannotations:\n  - id: cccccccc\n    concepts: [c]\n    range: 5:1-5:5\n    quote: Sist\n',
    );
    assert.ok(written(alone, [A, B, C]).includes('    quote: Først\n  - id: bbbbbbbb\n'));
  });

  it('renders an item anew when the field to remove shares its line with the "-"', () => {
    const memoFirst =
      'qcode: 1\nannotations:\n  - memo: m\n    id: aaaaaaaa\n    concepts: [a]\n    range: 1:1-1:5\n    quote: Først\n';
    assert.equal(
      written(memoFirst, [A]),
      'qcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts: [a]\n    range: 1:1-1:5\n    quote: Først\n',
    );
  });

  it('keeps unchanged items in place when a changed one moves past them', () => {
    const text = written(written('qcode: 1\nannotations: []\n', [A, B, C]), [{ ...A, range: at(9, 1, 5) }, B, C]);
    assert.ok(text.startsWith('qcode: 1\nannotations:\n  - id: bbbbbbbb\n'), text);
    assert.ok(text.endsWith('  - id: aaaaaaaa\n    concepts: [a]\n    range: 9:1-9:5\n    quote: Først\n'), text);
  });

  it('adds the list inside the document: before "...", under an indented mapping, after a byte order mark', () => {
    assert.equal(
      written('---\nqcode: 1\n...\n', [A]),
      '---\nqcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts: [a]\n    range: 1:1-1:5\n    quote: Først\n...\n',
    );
    assert.equal(
      written('  qcode: 1\n', [A]),
      '  qcode: 1\n  annotations:\n    - id: aaaaaaaa\n      concepts: [a]\n      range: 1:1-1:5\n      quote: Først\n',
    );
    assert.ok(written('\ufeffqcode: 1\n', [A]).startsWith('\ufeffqcode: 1\nannotations:\n  - id: aaaaaaaa\n'));
  });

  it('fills "annotations:" with no value, or ~, keeping what follows', () => {
    assert.equal(
      written('qcode: 1\nannotations: ~  # none yet\ntranscript: k3.txt\n', [A]),
      'qcode: 1\nannotations:  # none yet\n  - id: aaaaaaaa\n    concepts: [a]\n    range: 1:1-1:5\n    quote: Først\ntranscript: k3.txt\n',
    );
    assert.equal(
      written('qcode: 1\r\nannotations: # none yet\r\n', [A]),
      'qcode: 1\r\nannotations: # none yet\r\n  - id: aaaaaaaa\r\n    concepts: [a]\r\n    range: 1:1-1:5\r\n    quote: Først\r\n',
    );
    assert.equal(
      written('qcode: 1\nannotations:\ntranscript: k3.txt\n', [A]),
      'qcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts: [a]\n    range: 1:1-1:5\n    quote: Først\ntranscript: k3.txt\n',
    );
  });

  it('writes new lines with the CRLF line breaks of the file', () => {
    const crlf = 'qcode: 1\r\nannotations:\r\n  - {id: aaaaaaaa, concepts: [a], range: 1:1-1:5, quote: Først}\r\n';
    assert.equal(
      written(crlf, [{ ...A, memo: 'm' }, B]),
      'qcode: 1\r\nannotations:\r\n  - id: aaaaaaaa\r\n    concepts: [a]\r\n    range: 1:1-1:5\r\n    quote: Først\r\n    memo: m\r\n  - id: bbbbbbbb\r\n    concepts: [b]\r\n    range: 3:1-3:5\r\n    quote: Midt\r\n',
    );
  });

  it('writes into a list inside a flow mapping as a flow list', () => {
    const text = written('{qcode: 1, annotations: [{id: aaaaaaaa, concepts: [a], range: 1:1-1:5, quote: Først}]}\n', [
      A,
      B,
    ]);
    assert.equal(
      text,
      '{qcode: 1, annotations: [{id: "aaaaaaaa", concepts: ["a"], range: "1:1-1:5", quote: "Først"}, {id: "bbbbbbbb", concepts: ["b"], range: "3:1-3:5", quote: "Midt"}]}\n',
    );
  });

  it('leaves the file alone and names the annotation when one cannot be written so that it reads back the same', () => {
    const previous = 'qcode: 1\nannotations: []\n';
    for (const [desired, id] of [
      [[A, { ...B, quote: '' }], 'bbbbbbbb'],
      [[A, { ...B, concepts: [] }], 'bbbbbbbb'],
      [[A, A], 'aaaaaaaa'],
    ] as const) {
      const result = writeSidecar(PATH, previous, 'k3.txt', desired as unknown as Annotation[]);
      assert.equal(result.ok, false);
      const problem = !result.ok ? result.problems[0] : undefined;
      assert.deepEqual([problem?.file, problem?.line, problem?.code], [PATH, 2, 'unwritable-sidecar']);
      assert.match(problem?.message ?? '', new RegExp(`"${id}".*left as it is`));
    }
  });
});

import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';
import { codes } from '../helpers/project';

const PATH = 'transcripts/k3.txt.annotations.yaml';
const at = (line: number, from: number, to: number) => ({ start: { line, column: from }, end: { line, column: to } });
const A: Annotation = {
  id: 'aaaaaaaa',
  concepts: ['samordning.formell'],
  informant: 'K3',
  range: at(3, 5, 30),
  quote: 'Jeg har et veldig godt team.',
  coder: 'ingrid',
};
const B: Annotation = {
  id: 'bbbbbbbb',
  concepts: ['koordinator.fallskjerm'],
  range: at(7, 5, 40),
  quote: 'Da har jeg nummeret til et par av dem.',
};
const C: Annotation = {
  id: 'cccccccc',
  concepts: ['samordning.uformell'],
  range: at(9, 1, 20),
  quote: 'Det hjelper meg mye.',
};

/** A sidecar as a person left it: comments, quoting styles and key order qcode would not choose. */
const HAND_EDITED = `# Coded by Ingrid, reviewed by Ola.
qcode: 1
transcript: 'k3.txt'   # the file next to this one
annotations:
  # The team passage.
  - id: aaaaaaaa
    concepts: [samordning.formell]
    informant: "K3"
    range: 3:5-3:30
    quote: 'Jeg har et veldig godt team.'
    coder: ingrid

  # Phone numbers, see memo.
  - id: bbbbbbbb
    concepts: [koordinator.fallskjerm]
    range: 7:5-7:40
    quote: Da har jeg nummeret til et par av dem.
# end
`;

function write(previous: string | undefined, desired: Annotation[]): string {
  const result = writeSidecar(PATH, previous, 'k3.txt', desired);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  assert.deepEqual(readSidecar(PATH, result.text).file.problems, [], result.text);
  return result.text;
}

describe('writeSidecar', () => {
  it('renders a new sidecar with the annotations sorted by position', () => {
    assert.equal(write(undefined, [C, A, B]), renderSidecar('k3.txt', [A, B, C]));
  });

  it('returns the previous text unchanged when nothing changed', () => {
    assert.equal(write(HAND_EDITED, [B, A]), HAND_EDITED);
  });

  it('adds an annotation after the last one, before the trailing comment, touching no other line', () => {
    const text = write(HAND_EDITED, [A, B, C]);
    const block =
      '  - id: cccccccc\n    concepts: [samordning.uformell]\n    range: 9:1-9:20\n    quote: Det hjelper meg mye.\n';
    assert.equal(text, HAND_EDITED.replace('# end\n', `${block}# end\n`));
  });

  it('adds an annotation between two others in position order, above the comment of the next', () => {
    const middle: Annotation = { id: 'mmmmmmmm', concepts: ['x'], range: at(5, 1, 10), quote: 'Midt i.' };
    const text = write(HAND_EDITED, [A, B, middle]);
    assert.equal(
      text,
      HAND_EDITED.replace(
        '  - id: bbbbbbbb\n',
        '  - id: mmmmmmmm\n    concepts: [x]\n    range: 5:1-5:10\n    quote: Midt i.\n  - id: bbbbbbbb\n',
      ),
    );
  });

  it('removes an annotation and only its lines', () => {
    const expected = HAND_EDITED.replace(/ {2}- id: aaaaaaaa[\s\S]*?coder: ingrid\n/, '');
    assert.equal(write(HAND_EDITED, [B]), expected);
  });

  it('retags an annotation by rewriting only its concepts value', () => {
    const text = write(HAND_EDITED, [{ ...A, concepts: ['samordning.formell', 'koordinator.fallskjerm'] }, B]);
    assert.equal(
      text,
      HAND_EDITED.replace('concepts: [samordning.formell]', 'concepts: [samordning.formell, koordinator.fallskjerm]'),
    );
  });

  it('updates a stale range in place, keeping the quoting style of the other values', () => {
    const text = write(HAND_EDITED, [{ ...A, range: at(4, 5, 30) }, B]);
    assert.equal(text, HAND_EDITED.replace('range: 3:5-3:30', 'range: 4:5-4:30'));
  });

  it('adds a field after the key before it, and removes a field with its line', () => {
    const withMemo = write(HAND_EDITED, [A, { ...B, memo: 'Ringer ofte.' }]);
    assert.equal(withMemo, HAND_EDITED.replace('dem.\n# end', 'dem.\n    memo: Ringer ofte.\n# end'));
    const noCoder: Annotation = { ...A };
    delete noCoder.coder;
    assert.equal(write(HAND_EDITED, [noCoder, B]), HAND_EDITED.replace('    coder: ingrid\n', ''));
  });

  it('moves an annotation whose position changed order, leaving the others in place', () => {
    const text = write(renderSidecar('k3.txt', [A, B, C]), [{ ...A, range: at(8, 1, 29) }, B, C]);
    assert.deepEqual(
      readSidecar(PATH, text).entries.map((e) => e.annotation.id),
      ['bbbbbbbb', 'aaaaaaaa', 'cccccccc'],
    );
    assert.ok(text.includes(renderSidecar('k3.txt', [B]).split('annotations:\n')[1] as string), 'B is byte-identical');
  });

  it('fills "annotations: []" and empties a list again', () => {
    const empty = renderSidecar('k3.txt', []);
    const one = write(empty, [A]);
    assert.equal(one, renderSidecar('k3.txt', [A]));
    const none = write(one, []);
    assert.deepEqual(readSidecar(PATH, none).entries, []);
    assert.ok(none.startsWith('# Annotations of k3.txt'));
  });

  it('appends the list to a sidecar that has none, keeping what is there', () => {
    assert.equal(
      write('qcode: 1\n# nothing coded yet', [A]),
      `qcode: 1\n# nothing coded yet\nannotations:\n${renderSidecar('k3.txt', [A]).split('annotations:\n')[1]}`,
    );
  });

  it('keeps the list indentation of the file for new annotations', () => {
    const flat = 'qcode: 1\nannotations:\n- id: aaaaaaaa\n  concepts: [samordning.formell]\n  quote: x\n';
    assert.equal(
      write(flat, [
        { id: 'aaaaaaaa', concepts: ['samordning.formell'], quote: 'x' },
        { id: 'zzzzzzzz', concepts: ['b'], quote: 'y' },
      ]),
      `${flat}- id: zzzzzzzz\n  concepts: [b]\n  quote: y\n`,
    );
  });

  it('adds after a last line that has no line break', () => {
    const text = write('qcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts: [a]\n    quote: x', [
      { id: 'aaaaaaaa', concepts: ['a'], quote: 'x' },
      { id: 'zzzzzzzz', concepts: ['b'], quote: 'y' },
    ]);
    assert.equal(
      text,
      'qcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts: [a]\n    quote: x\n  - id: zzzzzzzz\n    concepts: [b]\n    quote: y\n',
    );
  });

  it('retags concepts written as a block list without joining the next line', () => {
    const block = 'qcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts:\n      - a\n      - b\n    quote: x\n';
    const text = write(block, [{ id: 'aaaaaaaa', concepts: ['c'], quote: 'x' }]);
    assert.ok(text.endsWith('\n    quote: x\n'), text);
  });

  it('keeps a comment inside a block list of concepts when retagging', () => {
    const block = 'qcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts:\n      - a\n      # why a\n    quote: x\n';
    assert.equal(
      write(block, [{ id: 'aaaaaaaa', concepts: ['c'], quote: 'x' }]),
      block.replace('      - a\n', '      [c]\n'),
    );
  });

  it('keeps CRLF lines of a Windows checkout byte-identical when adding', () => {
    const crlf = renderSidecar('k3.txt', [A]).replace(/\n/g, '\r\n');
    const text = write(crlf, [A, B]);
    assert.ok(text.startsWith(crlf), 'the existing lines are untouched');
  });

  it('refuses to rewrite a sidecar that does not parse, and says why', () => {
    for (const [broken, code] of [
      ['qcode: 1\nannotations: [\n', 'yaml-syntax'],
      ['qcode: 1\n<<<<<<< HEAD\nannotations: []\n=======\n>>>>>>> x\n', 'conflict-markers'],
      ['qcode: 2\nannotations: []\n', 'unsupported-version'],
      ['qcode: 1\na: &a [1]\nb: *a\nannotations: []\n', 'alias'],
    ] as const) {
      const result = writeSidecar(PATH, broken, 'k3.txt', [A]);
      assert.equal(result.ok, false, broken);
      assert.ok(!result.ok && codes(result.problems).includes(code), `${code} for ${broken}`);
    }
  });

  it('refuses to rewrite a sidecar with a duplicate id rather than lose one of them', () => {
    const dup =
      'qcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts: [a]\n    quote: x\n  - id: aaaaaaaa\n    concepts: [b]\n    quote: y\n';
    const result = writeSidecar(PATH, dup, 'k3.txt', [{ id: 'aaaaaaaa', concepts: ['a'], quote: 'x' }]);
    assert.ok(!result.ok && codes(result.problems).includes('duplicate-id'));
  });

  it('refuses to rewrite a sidecar with an unknown key, which it could not keep track of', () => {
    const unknown = 'qcode: 1\nannotations:\n  - id: aaaaaaaa\n    concepts: [a]\n    quote: x\n    colour: red\n';
    assert.equal(writeSidecar(PATH, unknown, 'k3.txt', []).ok, false);
  });
});

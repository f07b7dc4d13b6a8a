import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderFlowAnnotations, renderSidecar } from '../../src/core/sidecar/render';
import { writeSidecarMemo } from '../../src/core/sidecar/sidecarMemo';
import { updateSidecar, updateSidecarMemo } from '../../src/core/sidecar/updateSidecar';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';
import { expectProblem } from '../helpers/project';
import { MemoryFiles } from '../helpers/memoryFiles';

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

/** Hand-written, with comments and quoting qcode would not choose; the annotation's last line is its coder. */
const HAND = `# Coded by Ingrid.
qcode: 1
transcript: 'k3.txt'   # beside this file
annotations:
  - id: aaaaaaaa   # team
    concepts: [samordning.formell]
    informant: "K3"
    range: 3:5-3:30
    quote: 'Jeg har et veldig godt team.'
    coder: ingrid
`;

function memoWritten(previous: string | undefined, memo: string | undefined): string {
  const result = writeSidecarMemo(PATH, previous, 'k3.txt', memo);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  assert.deepEqual(readSidecar(PATH, result.text).file.problems, [], result.text);
  return result.text;
}

describe('key quotes in a sidecar', () => {
  it('reads "key: true" and "key: false" as they are written', () => {
    const parsed = readSidecar(PATH, HAND.replace('    coder: ingrid', '    key: true\n    coder: ingrid'));
    assert.deepEqual(parsed.file.problems, []);
    assert.equal(parsed.entries[0]?.annotation.key, true);
    assert.equal(
      readSidecar(PATH, HAND.replace('    coder: ingrid', '    key: false\n    coder: ingrid')).entries[0]?.annotation
        .key,
      false,
    );
  });

  it('refuses a key that is not true or false, at its place, rather than guessing', () => {
    for (const value of ['"true"', 'yes', '1', '[true]', 'null']) {
      const parsed = readSidecar(PATH, HAND.replace('    coder: ingrid', `    key: ${value}\n    coder: ingrid`));
      expectProblem(parsed.file.problems, {
        code: 'wrong-type',
        line: 10,
        column: 10,
        severity: 'error',
        says: '"key" must be true or false',
      });
    }
  });

  it('marks a key quote by adding one line after the memo position, and unmarks it by removing that line', () => {
    const marked = writeSidecar(PATH, HAND, 'k3.txt', [{ ...A, key: true }]);
    assert.ok(marked.ok);
    assert.equal(marked.text, HAND.replace('    coder: ingrid', '    key: true\n    coder: ingrid'));
    const unmarked = writeSidecar(PATH, marked.text, 'k3.txt', [A]);
    assert.ok(unmarked.ok);
    assert.equal(unmarked.text, HAND);
  });

  it('writes key unquoted in a new sidecar and in a flow list, so it reads back as a boolean', () => {
    const fresh = renderSidecar('k3.txt', [{ ...A, memo: 'Viktig.', key: true }]);
    assert.match(fresh, /\n {4}memo: Viktig\.\n {4}key: true\n {4}coder: ingrid\n/);
    assert.equal(readSidecar(PATH, fresh).entries[0]?.annotation.key, true);
    const flow = `qcode: 1\ntranscript: k3.txt\nannotations: ${renderFlowAnnotations([{ ...A, key: true }])}\n`;
    assert.deepEqual(readSidecar(PATH, flow).file.problems, []);
    assert.equal(readSidecar(PATH, flow).entries[0]?.annotation.key, true);
  });
});

describe('the memo on a transcript', () => {
  it('reads "memo:" at the top of the sidecar, an empty one as none, and refuses a list', () => {
    assert.equal(
      readSidecar(PATH, HAND.replace('annotations:', 'memo: Første intervju.\nannotations:')).memo,
      'Første intervju.',
    );
    const empty = readSidecar(PATH, HAND.replace('annotations:', 'memo:\nannotations:'));
    assert.deepEqual(empty.file.problems, []);
    assert.equal(empty.memo, undefined);
    const list = readSidecar(PATH, HAND.replace('annotations:', 'memo: [a, b]\nannotations:'));
    expectProblem(list.file.problems, {
      code: 'wrong-type',
      line: 4,
      column: 7,
      says: 'The transcript\'s "memo" must be text',
    });
  });

  it('adds the memo as one line below "transcript:", keeping every other byte', () => {
    const text = memoWritten(HAND, 'Første intervju.\n\nMye om team.');
    assert.equal(text, HAND.replace('annotations:\n', 'memo: "Første intervju.\\n\\nMye om team."\nannotations:\n'));
    assert.equal(readSidecar(PATH, text).memo, 'Første intervju.\n\nMye om team.');
  });

  it('changes the memo in place and removes it with its line', () => {
    const withMemo = HAND.replace('annotations:\n', "memo: 'Gammel'   # a note\nannotations:\n");
    assert.equal(memoWritten(withMemo, 'Ny'), HAND.replace('annotations:\n', 'memo: Ny   # a note\nannotations:\n'));
    assert.equal(memoWritten(withMemo, undefined), HAND);
    assert.equal(memoWritten(withMemo, '  '), HAND, 'a memo of spaces only is no memo');
  });

  it('replaces a multi-line block memo by one line', () => {
    const block = HAND.replace('annotations:\n', 'memo: |\n  Linje en.\n  Linje to.\nannotations:\n');
    assert.equal(memoWritten(block, 'Kort.'), HAND.replace('annotations:\n', 'memo: Kort.\nannotations:\n'));
  });

  it('keeps CRLF line breaks and works on flow-style sidecars', () => {
    const crlf = HAND.replace(/\n/g, '\r\n');
    assert.equal(memoWritten(crlf, 'Notat'), crlf.replace('annotations:\r\n', 'memo: Notat\r\nannotations:\r\n'));
    const flow = '{qcode: 1, transcript: k3.txt, annotations: []}\n';
    assert.equal(readSidecar(PATH, memoWritten(flow, 'Notat')).memo, 'Notat');
  });

  it('creates a sidecar for a memo when there is none, and writes nothing for no memo', () => {
    assert.equal(
      memoWritten(undefined, 'Notat'),
      '# Annotations of k3.txt, kept by qcode. Hand edits are welcome.\nqcode: 1\ntranscript: k3.txt\nmemo: Notat\nannotations: []\n',
    );
    assert.deepEqual(writeSidecarMemo(PATH, undefined, 'k3.txt', undefined), { ok: true, text: '' });
  });

  it('never rewrites a sidecar with errors', () => {
    const broken = HAND.replace('    coder: ingrid', '    colour: red');
    const result = writeSidecarMemo(PATH, broken, 'k3.txt', 'Notat');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.problems.some((p) => p.code === 'unknown-key'));
  });

  it('keeps the memo when annotations are added, changed or removed', () => {
    const withMemo = memoWritten(HAND, 'Notat');
    const added = writeSidecar(PATH, withMemo, 'k3.txt', [
      A,
      { ...A, id: 'bbbbbbbb', range: at(5, 1, 9), quote: 'Og mer.' },
    ]);
    assert.ok(added.ok);
    assert.equal(readSidecar(PATH, added.text).memo, 'Notat');
    const emptied = writeSidecar(PATH, added.text, 'k3.txt', []);
    assert.ok(emptied.ok);
    assert.equal(readSidecar(PATH, emptied.text).memo, 'Notat');
  });
});

describe('updating the transcript memo on disk', () => {
  it('re-reads the sidecar under its lock, so an annotation added meanwhile is kept', async () => {
    const files = new MemoryFiles({ [PATH]: HAND });
    // Someone else adds an annotation after the project was loaded.
    await updateSidecar(files, PATH, 'transcripts/k3.txt', (current) => [
      ...current,
      { ...A, id: 'bbbbbbbb', range: at(5, 1, 9), quote: 'Og mer.' },
    ]);
    const result = await updateSidecarMemo(files, PATH, 'transcripts/k3.txt', 'Notat');
    assert.deepEqual(result, { ok: true, changed: true });
    const read = readSidecar(PATH, files.text(PATH) ?? '');
    assert.equal(read.memo, 'Notat');
    assert.deepEqual(
      read.entries.map((e) => e.annotation.id),
      ['aaaaaaaa', 'bbbbbbbb'],
    );
    assert.equal(files.files.has(`${PATH}.lock`), false, 'the lock is released');
  });

  it('keeps a byte order mark and reports an unchanged memo as no change', async () => {
    const files = new MemoryFiles({ [PATH]: `\uFEFF${HAND}` });
    assert.deepEqual(await updateSidecarMemo(files, PATH, 'transcripts/k3.txt', 'Notat'), { ok: true, changed: true });
    assert.ok(files.text(PATH)?.startsWith('\uFEFF# Coded by Ingrid.'));
    const writes = files.writes.length;
    assert.deepEqual(await updateSidecarMemo(files, PATH, 'transcripts/k3.txt', 'Notat'), { ok: true, changed: false });
    assert.equal(files.writes.length, writes);
  });

  it('leaves a sidecar that is not UTF-8 alone and says where', async () => {
    const files = new MemoryFiles({ [PATH]: new Uint8Array([0x71, 0x3a, 0xff, 0x0a]) });
    const result = await updateSidecarMemo(files, PATH, 'transcripts/k3.txt', 'Notat');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.problems[0]?.code === 'not-utf8');
  });
});

import assert from 'node:assert/strict';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { conflictProblems } from '../../src/core/yaml/explainConflicts';
import { mergeSidecarText, TRANSCRIPT_MEMO } from '../../src/core/merge/mergeSidecar';
import type { TextMerge } from '../../src/core/merge/mergeText';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import { writeSidecarMemo } from '../../src/core/sidecar/sidecarMemo';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';

const PATH = 'transcripts/k3.txt.annotations.yaml';
const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 20 } });
const A: Annotation = {
  id: 'aaaaaaaa',
  concepts: ['samordning.formell'],
  range: at(3),
  quote: 'Jeg har et veldig godt team.',
};
const B: Annotation = { id: 'bbbbbbbb', concepts: ['ressurser'], range: at(9), quote: 'Tre møter på én uke.' };
const BASE = renderSidecar('k3.txt', [A, B], 'Første intervju.');

function withMemo(text: string, memo: string | undefined): string {
  const written = writeSidecarMemo(PATH, text, 'k3.txt', memo);
  assert.ok(written.ok);
  return written.text;
}
function withAnnotations(text: string, annotations: Annotation[]): string {
  const written = writeSidecar(PATH, text, 'k3.txt', annotations);
  assert.ok(written.ok);
  return written.text;
}
const merge = (ours: string, theirs: string, base = BASE) =>
  mergeSidecarText({ path: PATH, base, ours, theirs, labels: { ours: 'HEAD', theirs: 'feature' } });
function merged(result: TextMerge): Extract<TextMerge, { ok: true }> {
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

describe('merging the memo on a transcript', () => {
  it('takes the memo changed on one side and the annotations changed on the other', () => {
    const ours = withMemo(BASE, 'Første intervju, ble avbrutt.');
    const theirs = withAnnotations(BASE, [{ ...A, key: true }, B]);
    const result = merged(merge(ours, theirs));
    assert.deepEqual(result.conflicts, []);
    const read = readSidecar(PATH, result.text);
    assert.equal(read.memo, 'Første intervju, ble avbrutt.');
    assert.deepEqual(
      read.entries.map((e) => e.annotation),
      [{ ...A, key: true }, B],
    );
  });

  it('keeps a memo added on one side, and a removal on one side wins over no change on the other', () => {
    const noMemo = renderSidecar('k3.txt', [A, B]);
    assert.equal(readSidecar(PATH, merged(merge(noMemo, withMemo(noMemo, 'Ny'), noMemo)).text).memo, 'Ny');
    assert.equal(readSidecar(PATH, merged(merge(withMemo(BASE, undefined), BASE)).text).memo, undefined);
  });

  it('puts a memo changed differently on both sides between markers around the memo line alone', () => {
    const ours = withAnnotations(withMemo(BASE, 'Vår lesning.'), [A, { ...B, memo: 'annotasjonens eget' }]);
    const theirs = withMemo(BASE, 'Deres lesning.');
    const result = merged(merge(ours, theirs));
    assert.deepEqual(result.conflicts, [TRANSCRIPT_MEMO]);
    const [block, ...more] = findConflicts(result.text);
    assert.deepEqual(more, []);
    assert.equal(block?.ours, 'memo: Vår lesning.\n');
    assert.equal(block?.theirs, 'memo: Deres lesning.\n');
    assert.equal(readSidecar(PATH, resolveAll(result.text, 'theirs')).memo, 'Deres lesning.');
    assert.equal(
      readSidecar(PATH, resolveAll(result.text, 'ours')).entries[1]?.annotation.memo,
      'annotasjonens eget',
      'the rest is merged',
    );
    const [explained] = conflictProblems(PATH, result.text);
    assert.match(explained?.message ?? '', /memo: "Vår lesning\." \(ours\) vs "Deres lesning\." \(theirs\)/);
  });

  it('puts a memo removed on one side and changed on the other between markers, the removing side empty', () => {
    const result = merged(merge(withMemo(BASE, undefined), withMemo(BASE, 'Endret.')));
    assert.deepEqual(result.conflicts, [TRANSCRIPT_MEMO]);
    const [block] = findConflicts(result.text);
    assert.deepEqual([block?.ours, block?.theirs], ['', 'memo: Endret.\n']);
  });

  it('merges memos of a CRLF sidecar and keeps its line breaks', () => {
    const crlf = BASE.replace(/\n/g, '\r\n');
    const result = merged(merge(withMemo(crlf, 'Vår'), withAnnotations(crlf, [A])));
    assert.ok(!/[^\r]\n/.test(result.text), 'every line break is CRLF');
    const read = readSidecar(PATH, result.text);
    assert.deepEqual([read.memo, read.entries.length], ['Vår', 1]);
  });
});

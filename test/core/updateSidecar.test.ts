import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { renderSidecar } from '../../src/core/sidecar/render';
import { updateSidecar } from '../../src/core/sidecar/updateSidecar';
import { encodeUtf8 } from '../../src/core/text/decode';
import { MemoryFiles } from '../helpers/memoryFiles';

const SIDECAR = 'transcripts/k3.txt.annotations.yaml';
const A: Annotation = { id: 'aaaaaaaa', concepts: ['a'], quote: 'Første sitat.' };
const B: Annotation = { id: 'bbbbbbbb', concepts: ['b'], quote: 'Andre sitat.' };
const add = (annotation: Annotation) => (current: Annotation[]) => [...current, annotation];

describe('updateSidecar', () => {
  it('creates the sidecar when there is none', async () => {
    const files = new MemoryFiles();
    assert.deepEqual(await updateSidecar(files, SIDECAR, 'transcripts/k3.txt', add(A)), { ok: true, changed: true });
    assert.equal(files.text(SIDECAR), renderSidecar('k3.txt', [A]));
  });

  it('applies the edit to the annotations on disk now, and writes only when something changed', async () => {
    const files = new MemoryFiles({ [SIDECAR]: renderSidecar('k3.txt', [A]) });
    let seen: string[] = [];
    await updateSidecar(files, SIDECAR, 'transcripts/k3.txt', (current) => {
      seen = current.map((a) => a.id);
      return current;
    });
    assert.deepEqual(seen, ['aaaaaaaa']);
    assert.deepEqual(files.writes, [], 'nothing changed, nothing written');
    assert.deepEqual(await updateSidecar(files, SIDECAR, 'transcripts/k3.txt', add(B)), { ok: true, changed: true });
    assert.equal(files.text(SIDECAR), renderSidecar('k3.txt', [A, B]));
  });

  it('writes a change that the edit made in place to the annotations it was given', async () => {
    const files = new MemoryFiles({ [SIDECAR]: renderSidecar('k3.txt', [A, B]) });
    const result = await updateSidecar(files, SIDECAR, 'transcripts/k3.txt', (current) => {
      for (const annotation of current) annotation.concepts.push('c');
      (current[0] as Annotation).memo = 'Endret på stedet.';
      return current;
    });
    assert.deepEqual(result, { ok: true, changed: true });
    assert.equal(
      files.text(SIDECAR),
      renderSidecar('k3.txt', [
        { ...A, concepts: ['a', 'c'], memo: 'Endret på stedet.' },
        { ...B, concepts: ['b', 'c'] },
      ]),
    );
  });

  it('keeps a BOM that an editor put in front of the sidecar', async () => {
    const files = new MemoryFiles({ [SIDECAR]: encodeUtf8(renderSidecar('k3.txt', [A]), true) });
    await updateSidecar(files, SIDECAR, 'transcripts/k3.txt', add(B));
    assert.equal(files.text(SIDECAR), `\ufeff${renderSidecar('k3.txt', [A, B])}`);
  });

  it('leaves a sidecar that is not UTF-8 alone and says where it broke', async () => {
    const bytes = Uint8Array.from([...encodeUtf8('qcode: 1\n# bl'), 0xe5, 0x0a]);
    const files = new MemoryFiles({ [SIDECAR]: bytes });
    const result = await updateSidecar(files, SIDECAR, 'transcripts/k3.txt', add(A));
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => [p.file, p.line, p.column, p.code]),
      [[SIDECAR, 2, 5, 'not-utf8']],
    );
    assert.deepEqual(files.writes, []);
  });

  it('leaves a sidecar that does not parse alone', async () => {
    const files = new MemoryFiles({ [SIDECAR]: 'qcode: 1\nannotations: [\n' });
    const result = await updateSidecar(files, SIDECAR, 'transcripts/k3.txt', add(A));
    assert.ok(!result.ok && result.problems[0]?.code === 'yaml-syntax');
    assert.deepEqual(files.writes, []);
  });
});

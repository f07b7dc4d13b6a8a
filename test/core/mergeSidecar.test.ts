import assert from 'node:assert/strict';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { mergeSidecarText } from '../../src/core/merge/mergeSidecar';
import type { TextMerge } from '../../src/core/merge/mergeText';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';

const PATH = 'transcripts/k3.txt.annotations.yaml';
const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 20 } });
const A: Annotation = {
  id: 'aaaaaaaa',
  concepts: ['samordning.formell'],
  informant: 'K3',
  range: at(3),
  quote: 'Jeg har et veldig godt team.',
  memo: 'Første',
  coder: 'ingrid',
};
const B: Annotation = {
  id: 'bbbbbbbb',
  concepts: ['koordinator.fallskjerm'],
  range: at(7),
  quote: 'Da har jeg nummeret.',
  memo: 'Tilgjengelig 😀',
};
const C: Annotation = { id: 'cccccccc', concepts: ['ressurser'], range: at(9), quote: 'Tre møter på én uke.' };
const BASE = `${renderSidecar('k3.txt', [A, B, C]).replace('annotations:\n', 'annotations:\n  # Ingrids koding, gjennomgått\n')}# slutt\n`;

const write = (previous: string, annotations: Annotation[]) => {
  const written = writeSidecar(PATH, previous, 'k3.txt', annotations);
  assert.ok(written.ok);
  return written.text;
};
const merge = (ours: string, theirs: string, base = BASE) =>
  mergeSidecarText({ path: PATH, base, ours, theirs, labels: { ours: 'HEAD', theirs: 'feature' } });
const merged = (result: TextMerge) => {
  assert.ok(result.ok, JSON.stringify(result));
  return result;
};
const annotations = (text: string) => readSidecar(PATH, text).entries.map((e) => e.annotation);

describe('mergeSidecarText', () => {
  it('merges additions, removals and edits of different fields into ours as writeSidecar writes it, comments kept', () => {
    const added: Annotation = { id: 'dddddddd', concepts: ['æøå'], range: at(5), quote: 'Blåbær og rømme.' };
    const ours = write(BASE, [{ ...A, memo: 'Vår' }, B, C, added]);
    const theirs = write(BASE, [{ ...A, coder: 'ola', concepts: ['samordning.formell', 'ny'] }, B]);
    const result = merged(merge(ours, theirs));
    const expected = [{ ...A, memo: 'Vår', coder: 'ola', concepts: ['samordning.formell', 'ny'] }, added, B];
    assert.equal(result.text, write(ours, expected));
    assert.deepEqual(result.conflicts, []);
    assert.match(result.text, /# Ingrids koding, gjennomgått\n[\s\S]*# slutt\n$/);
  });

  it('puts a memo changed on both sides between markers around that annotation alone; the rest is merged', () => {
    const ours = write(BASE, [{ ...A, memo: 'Vår æøå' }, B, C]);
    const theirs = write(BASE, [{ ...A, memo: 'Deres 😀', coder: 'ola' }, { ...B, concepts: ['x'] }, C]);
    const result = merged(merge(ours, theirs));
    assert.deepEqual(result.conflicts, ['aaaaaaaa']);
    const [block, ...more] = findConflicts(result.text);
    assert.deepEqual(more, []);
    assert.deepEqual([block?.oursLabel, block?.theirsLabel, block?.ids], ['HEAD', 'feature', ['aaaaaaaa']]);
    assert.match(block?.ours ?? '', /^ {2}- id: aaaaaaaa\n[\s\S]*memo: Vår æøå\n {4}coder: ola\n$/);
    assert.match(block?.theirs ?? '', /^ {2}- id: aaaaaaaa\n[\s\S]*memo: Deres 😀\n {4}coder: ola\n$/);
    const frame = write(ours, [{ ...A, memo: 'Vår æøå', coder: 'ola' }, { ...B, concepts: ['x'] }, C]);
    assert.equal(
      resolveAll(result.text, 'ours'),
      frame,
      'outside the block the file is the merge as writeSidecar writes it',
    );
    assert.deepEqual(annotations(resolveAll(result.text, 'theirs')), [
      { ...A, memo: 'Deres 😀', coder: 'ola' },
      { ...B, concepts: ['x'] },
      C,
    ]);
  });

  it('puts an annotation removed on one side and retagged on the other between markers, with the removed side empty', () => {
    const result = merged(merge(write(BASE, [A, C]), write(BASE, [A, { ...B, concepts: ['ny'] }, C])));
    const [block] = findConflicts(result.text);
    assert.equal(block?.ours, '');
    assert.match(block?.theirs ?? '', /^ {2}- id: bbbbbbbb\n {4}concepts: \[ny\]\n/);
    assert.deepEqual(
      annotations(resolveAll(result.text, 'ours')).map((a) => a.id),
      ['aaaaaaaa', 'cccccccc'],
    );
  });

  it('lets a removal win over an unchanged annotation and over a refreshed range', () => {
    const result = merged(merge(write(BASE, [A, C]), write(BASE, [A, { ...B, range: at(8), before: 'K3: ' }, C])));
    assert.deepEqual([annotations(result.text).map((a) => a.id), result.conflicts], [['aaaaaaaa', 'cccccccc'], []]);
  });

  it('keeps CRLF line breaks, markers included', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const result = merged(
      merge(crlf(write(BASE, [{ ...A, memo: 'o' }, B, C])), crlf(write(BASE, [{ ...A, memo: 't' }, B, C])), crlf(BASE)),
    );
    assert.equal(result.text.replace(/\r\n/g, ''), result.text.replace(/\r?\n/g, ''), 'every line break is CRLF');
    assert.equal(findConflicts(result.text)[0]?.ours.endsWith('memo: o\r\n    coder: ingrid\r\n'), true);
  });

  it('merges sidecars that both sides created (empty base)', () => {
    const result = merged(merge(renderSidecar('k3.txt', [A]), renderSidecar('k3.txt', [B]), ''));
    assert.deepEqual(
      annotations(result.text).map((a) => a.id),
      ['aaaaaaaa', 'bbbbbbbb'],
    );
  });

  it('refuses to merge when a side does not parse, saying which side and where', () => {
    const result = merge(BASE, BASE.replace('qcode: 1', 'qcode: [1'));
    assert.ok(!result.ok);
    assert.match(result.message, /^theirs cannot be read \(\d+:\d+ /);
  });
});

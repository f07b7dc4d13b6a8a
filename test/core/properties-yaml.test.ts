import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';
import { annotationsArb, textArb } from '../helpers/arbitraries';
import { handSidecar, handStyleArb } from '../helpers/handSidecar';
import { runs } from '../helpers/fcRuns';

const PATH = 'transcripts/t.txt.annotations.yaml';
const RUNS = runs(300, 20261120);

function read(text: string) {
  const parsed = readSidecar(PATH, text);
  assert.deepEqual(parsed.file.problems, [], `problems reading:\n${text}`);
  return parsed;
}

describe('property: sidecar YAML round trip', () => {
  it('renderSidecar then readSidecar gives back the same annotations and transcript name', () => {
    fc.assert(
      fc.property(textArb, annotationsArb(), (name, annotations) => {
        const parsed = read(renderSidecar(name, annotations));
        assert.equal(parsed.transcript, name);
        assert.deepEqual(
          parsed.entries.map((e) => e.annotation),
          annotations,
        );
      }),
      RUNS,
    );
  });

  it('writeSidecar with the annotations just read returns the rendered text byte for byte', () => {
    fc.assert(
      fc.property(textArb, annotationsArb(), (name, annotations) => {
        const text = renderSidecar(name, annotations);
        const again = writeSidecar(
          PATH,
          text,
          name,
          read(text).entries.map((e) => e.annotation),
        );
        assert.deepEqual(again, { ok: true, text });
      }),
      RUNS,
    );
  });

  it('a hand-edited sidecar (comments, quoting, blank lines, indentation) reads as the same annotations', () => {
    fc.assert(
      fc.property(annotationsArb(), handStyleArb, (annotations, style) => {
        const text = handSidecar('t.txt', annotations, style);
        assert.deepEqual(
          read(text).entries.map((e) => e.annotation),
          annotations,
        );
      }),
      RUNS,
    );
  });

  it('writeSidecar leaves a hand-edited sidecar byte-identical when the annotations are unchanged', () => {
    fc.assert(
      fc.property(annotationsArb(), handStyleArb, (annotations, style) => {
        const text = handSidecar('t.txt', annotations, style);
        const again = writeSidecar(
          PATH,
          text,
          't.txt',
          read(text).entries.map((e) => e.annotation),
        );
        assert.deepEqual(again, { ok: true, text });
      }),
      RUNS,
    );
  });

  it('writeSidecar given the annotations in another order still changes nothing (it sorts them)', () => {
    fc.assert(
      fc.property(annotationsArb(), handStyleArb, (annotations, style) => {
        const text = handSidecar('t.txt', annotations, style);
        const again = writeSidecar(PATH, text, 't.txt', [...annotations].reverse());
        assert.deepEqual(again, { ok: true, text });
      }),
      RUNS,
    );
  });
});

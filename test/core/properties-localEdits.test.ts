import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareAnnotations, type Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderAnnotation, withLineBreak } from '../../src/core/sidecar/render';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';
import { annotationArb, annotationsArb } from '../helpers/arbitraries';
import {
  handSidecarWithBlocks,
  handStyleArb,
  linesOf,
  QCODE_STYLE,
  type Block,
  type HandStyle,
} from '../helpers/handSidecar';
import { runs } from '../helpers/fcRuns';

const PATH = 'transcripts/t.txt.annotations.yaml';
const RUNS = runs(300, 4242);
const styleArb = fc.oneof(fc.constant(QCODE_STYLE), handStyleArb);

function write(previous: string, desired: readonly Annotation[]): string {
  const result = writeSidecar(PATH, previous, 't.txt', desired);
  assert.ok(result.ok, `writeSidecar refused:\n${previous}`);
  const parsed = readSidecar(PATH, result.text);
  assert.deepEqual(parsed.file.problems, [], `the written sidecar does not read cleanly:\n${result.text}`);
  assert.deepEqual(
    parsed.entries.map((e) => e.annotation),
    [...desired].sort(compareAnnotations),
    `wrong annotations in:\n${result.text}`,
  );
  return result.text;
}

function leadingEqual(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** True when line index p (a place between lines) is not inside any annotation's block. */
function betweenBlocks(blocks: Block[], p: number): boolean {
  return blocks.every((b) => p <= b.first || p > b.last);
}

const withIndex = <T>(list: fc.Arbitrary<T[]>) =>
  list.chain((items) => fc.tuple(fc.constant(items), fc.nat({ max: items.length - 1 })));

describe('property: one annotation changed, only its lines change', () => {
  it('removing one annotation removes exactly its lines; every other line stays byte-identical', () => {
    fc.assert(
      fc.property(withIndex(annotationsArb(6).filter((a) => a.length > 0)), styleArb, ([annotations, i], style) => {
        const { text, blocks } = handSidecarWithBlocks('t.txt', annotations, style);
        const block = blocks[i] as Block;
        const lines = linesOf(text);
        const expected = [...lines.slice(0, block.first), ...lines.slice(block.last + 1)].join('');
        assert.equal(
          write(
            text,
            annotations.filter((_, k) => k !== i),
          ),
          expected,
        );
      }),
      RUNS,
    );
  });

  it('adding one annotation inserts only its lines, between two blocks, leaving all others byte-identical', () => {
    const arb = annotationsArb(6)
      .filter((a) => a.length > 0)
      .chain((list) =>
        fc.tuple(
          fc.constant(list),
          annotationArb.filter((n) => list.every((a) => a.id !== n.id)),
        ),
      );
    fc.assert(
      fc.property(arb, styleArb, ([annotations, added], style) => {
        const { text, blocks } = handSidecarWithBlocks('t.txt', annotations, style);
        const written = linesOf(write(text, [...annotations, added]));
        const old = linesOf(text);
        const p = leadingEqual(old, written);
        // New lines take the line break of the file (CRLF in a Windows checkout).
        const lineBreak = style.crlf ? '\r\n' : '\n';
        const inserted = linesOf(withLineBreak(renderAnnotation(added, style.indent), lineBreak));
        // Added after a last line that had no line break: that line gets one, nothing else changes.
        const lastLine = old[old.length - 1] ?? '';
        const atEnd = p === old.length - 1 && !lastLine.endsWith('\n') && written[p] === `${lastLine}${lineBreak}`;
        assert.ok(betweenBlocks(blocks, atEnd ? old.length : p), `inserted inside another annotation at line ${p + 1}`);
        const expected = atEnd
          ? [...old.slice(0, p), `${lastLine}${lineBreak}`, ...inserted]
          : [...old.slice(0, p), ...inserted, ...old.slice(p)];
        assert.deepEqual(written, expected);
      }),
      RUNS,
    );
  });

  it('retagging one annotation changes only its concepts; every line outside them stays byte-identical', () => {
    const arb = withIndex(annotationsArb(6).filter((a) => a.length > 0)).chain(([list, i]) =>
      fc.tuple(
        fc.constant(list),
        fc.constant(i),
        annotationArb.map((a) => a.concepts).filter((c) => c.join('\0') !== list[i]?.concepts.join('\0')),
      ),
    );
    fc.assert(
      fc.property(arb, styleArb, ([annotations, i, concepts], style: HandStyle) => {
        const { text, blocks } = handSidecarWithBlocks('t.txt', annotations, style);
        const block = blocks[i] as Block;
        const old = linesOf(text);
        const written = linesOf(
          write(
            text,
            annotations.map((a, k) => (k === i ? { ...a, concepts } : a)),
          ),
        );
        const head = leadingEqual(old, written);
        const tail = leadingEqual([...old].reverse(), [...written].reverse());
        // Lines before the block and after it, and the block's own "- id" line, are untouched.
        assert.ok(head > block.first, `changed a line before the annotation (line ${head + 1})`);
        assert.ok(tail >= old.length - block.last - 1, 'changed a line after the annotation');
        if (!style.blockConcepts) {
          assert.equal(written.length, old.length, 'retagging a flow list must change one line, not add or remove any');
          const changed = old.map((line, k) => (line === written[k] ? -1 : k)).filter((k) => k >= 0);
          assert.ok(
            changed.length <= 1 && changed.every((k) => /^\s*(- )?concepts: /.test(old[k] ?? '')),
            `changed lines other than concepts: ${changed}`,
          );
        }
      }),
      RUNS,
    );
  });
});

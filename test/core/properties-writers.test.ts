import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Node } from 'yaml';
import { compareAnnotations, sameAnnotation, type Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { lineEndAfter, lineStartOf } from '../../src/core/sidecar/splice';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';
import { annotationArb, annotationsArb, rangeArb, textArb } from '../helpers/arbitraries';
import { runs } from '../helpers/fcRuns';
import { sidecarStyleArb, styledSidecar, type SidecarStyle } from '../helpers/styledSidecar';

const PATH = 'transcripts/t.txt.annotations.yaml';
const TRANSCRIPT = 't.txt';
const RUNS = runs(400, 20261210);

/** One change a writer makes; `at` picks an annotation, `mask` the annotations a fix touches. */
type Operation =
  | { kind: 'tag'; annotation: Annotation }
  | { kind: 'retag'; at: number; concepts: string[] }
  | { kind: 'memo'; at: number; memo: string }
  | { kind: 'clear-memo'; at: number }
  | { kind: 'remove'; at: number }
  | { kind: 'fix'; mask: boolean[]; range: Annotation['range']; before: string; after: string; quote?: string }
  | { kind: 'import'; imported: Annotation[]; extra: string[] }
  | { kind: 'none' };

const conceptsArb = fc.uniqueArray(
  fc.constantFrom('samordning.formell', 'ressurser', 'a, b', '{x}', 'yes', 'æøå', '- x', '#t'),
  { minLength: 1, maxLength: 3 },
);
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  annotationArb.map((annotation) => ({ kind: 'tag' as const, annotation })),
  fc.record({ kind: fc.constant('retag' as const), at: fc.nat(), concepts: conceptsArb }),
  fc.record({ kind: fc.constant('memo' as const), at: fc.nat(), memo: textArb }),
  fc.record({ kind: fc.constant('clear-memo' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record(
    {
      kind: fc.constant('fix' as const),
      mask: fc.array(fc.boolean(), { maxLength: 6 }),
      range: rangeArb,
      before: textArb,
      after: textArb,
      quote: textArb.filter((q) => q !== ''),
    },
    { requiredKeys: ['kind', 'mask', 'range', 'before', 'after'] },
  ),
  fc.record({
    kind: fc.constant('import' as const),
    imported: fc.array(annotationArb, { maxLength: 3 }),
    extra: conceptsArb,
  }),
  fc.constant({ kind: 'none' as const }),
);

/** The annotations after an operation, as the writer's caller asks for them. */
function apply(current: readonly Annotation[], op: Operation): Annotation[] {
  const list = current.map((a) => ({ ...a }));
  const at = 'at' in op && list.length > 0 ? op.at % list.length : -1;
  const target = list[at];
  switch (op.kind) {
    case 'tag':
      return list.some((a) => a.id === op.annotation.id) ? list : [...list, op.annotation];
    case 'retag':
      if (target) target.concepts = op.concepts;
      return list;
    case 'memo':
      if (target) target.memo = op.memo;
      return list;
    case 'clear-memo':
      if (target) delete target.memo;
      return list;
    case 'remove':
      return list.filter((_, i) => i !== at);
    case 'fix':
      // Moved ranges: a new place (the order may change), new context; a fuzzy one also a new quote.
      return list.map((a, i) =>
        op.mask[i]
          ? {
              ...a,
              range: op.range,
              before: op.before,
              after: op.after,
              ...(op.quote && i % 2 === 1 ? { quote: op.quote } : {}),
            }
          : a,
      );
    case 'import':
      return mergeIn(list, op.imported, op.extra);
    case 'none':
      return list;
  }
}

/** As import merges a source into a sidecar: new ids are added, a known id gains the concepts it lacks. */
function mergeIn(current: Annotation[], imported: Annotation[], extra: string[]): Annotation[] {
  const byId = new Map(current.map((a) => [a.id, a]));
  for (const annotation of imported) {
    const existing = byId.get(annotation.id);
    if (existing) existing.concepts = [...existing.concepts, ...extra.filter((c) => !existing.concepts.includes(c))];
    else byId.set(annotation.id, annotation);
  }
  if (current[0])
    current[0].concepts = [
      ...current[0].concepts,
      ...extra.filter((c) => !(current[0] as Annotation).concepts.includes(c)),
    ];
  return [...byId.values()];
}

function readBack(text: string): Annotation[] {
  const parsed = readSidecar(PATH, text);
  assert.deepEqual(
    parsed.file.problems.filter((p) => p.severity === 'error'),
    [],
    `the written sidecar has errors:\n${text}`,
  );
  assert.equal(parsed.transcript, TRANSCRIPT, `the transcript name changed:\n${text}`);
  return parsed.entries.map((e) => e.annotation);
}

/** The lines of each annotation's mapping (from its first key to its last value) in a sidecar. */
function itemLines(text: string): Map<string, string> {
  return new Map(
    readSidecar(PATH, text).entries.map((e) => [
      e.annotation.id,
      text.slice(lineStartOf(text, e.item.range?.[0] ?? 0), lineEndAfter(text, e.item.range?.[1] ?? 0)),
    ]),
  );
}

/** Whether the annotations kept by the operation stay in the same order (then none of them has to move). */
function keepsOrder(before: readonly Annotation[], after: readonly Annotation[]): boolean {
  const ids = new Set(after.map((a) => a.id));
  const kept = before.filter((a) => ids.has(a.id)).map((a) => a.id);
  const sorted = [...after]
    .sort(compareAnnotations)
    .filter((a) => kept.includes(a.id))
    .map((a) => a.id);
  return kept.join() === sorted.join();
}

function assertHolds(written: Annotation[], desired: Annotation[], text: string): void {
  const expected = [...desired].sort(compareAnnotations);
  assert.equal(
    written.length,
    expected.length,
    `${written.length} annotations read back, ${expected.length} expected:\n${text}`,
  );
  written.forEach((a, i) =>
    assert.ok(
      sameAnnotation(a, expected[i] as Annotation),
      `annotation ${i + 1} differs:\n${JSON.stringify(a)}\n${JSON.stringify(expected[i])}\n${text}`,
    ),
  );
}

/** One write, with everything the writer promises about it. */
function writeAndCheck(text: string, style: SidecarStyle, op: Operation): string {
  const current = readBack(text);
  const desired = apply(current, op);
  const result = writeSidecar(PATH, text, TRANSCRIPT, desired);
  assert.ok(result.ok, `refused: ${JSON.stringify(!result.ok && result.problems)}\n${text}`);
  assertHolds(readBack(result.text), desired, result.text);
  if (op.kind === 'none') assert.equal(result.text, text, 'nothing to change, yet the text changed');
  const key = readSidecar(PATH, text).annotationsPair?.key as Node | undefined;
  if (key?.range)
    assert.ok(
      result.text.startsWith(text.slice(0, key.range[0])),
      `the lines above "annotations:" changed:\n${result.text}`,
    );
  if (style.list === 'block' && keepsOrder(current, desired)) {
    const original = itemLines(text);
    for (const annotation of current) {
      const kept = desired.find((a) => a.id === annotation.id);
      if (kept && sameAnnotation(kept, annotation))
        assert.ok(
          result.text.includes(original.get(annotation.id) as string),
          `the lines of unchanged ${annotation.id} changed:\n${text}\n---\n${result.text}`,
        );
    }
  }
  return result.text;
}

describe('property: every writer keeps a sidecar valid, in every style check accepts', () => {
  it('the generated styles are sidecars check accepts, holding exactly the generated annotations', () => {
    fc.assert(
      fc.property(annotationsArb(5), sidecarStyleArb, (annotations, style) => {
        const text = styledSidecar(TRANSCRIPT, annotations, style);
        const parsed = readSidecar(PATH, text);
        assert.deepEqual(parsed.file.problems, [], text);
        assert.deepEqual(
          parsed.entries.map((e) => e.annotation),
          annotations,
          text,
        );
      }),
      RUNS,
    );
  });

  it('tag, retag, memo, remove, fix and import each write a sidecar that reads back as exactly what was asked, keeping unchanged lines', () => {
    fc.assert(
      fc.property(annotationsArb(5), sidecarStyleArb, operationArb, (annotations, style, op) => {
        writeAndCheck(styledSidecar(TRANSCRIPT, annotations, style), style, op);
      }),
      RUNS,
    );
  });

  it('a run of operations, each writing over the result of the one before, never loses or breaks anything', () => {
    fc.assert(
      fc.property(
        annotationsArb(4),
        sidecarStyleArb,
        fc.array(operationArb, { minLength: 2, maxLength: 4 }),
        (annotations, style, ops) => {
          let text = styledSidecar(TRANSCRIPT, annotations, style);
          for (const op of ops) text = writeAndCheck(text, style, op);
        },
      ),
      runs(150, 20261211),
    );
  });
});

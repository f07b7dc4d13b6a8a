import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { ANNOTATION_FIELD_KINDS } from '../../src/core/merge/mergeAnnotations';
import { mergeSidecarText } from '../../src/core/merge/mergeSidecar';
import type { TextMerge } from '../../src/core/merge/mergeText';
import { sameValue } from '../../src/core/merge/threeWay';
import { ANNOTATION_KEYS, type Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';
import { annotationArb, annotationsArb, rangeArb, textArb } from '../helpers/arbitraries';
import { runs } from '../helpers/fcRuns';

const PATH = 'transcripts/k3.txt.annotations.yaml';
const HINTS = ['range', 'before', 'after'];

/** One change a coder makes to a sidecar; `at` picks an annotation. */
type Edit =
  | { kind: 'add'; annotation: Annotation }
  | { kind: 'remove'; at: number }
  | { kind: 'retag'; at: number; concepts: string[] }
  | { kind: 'memo'; at: number; memo: string }
  | { kind: 'move'; at: number; range: Annotation['range'] };

const conceptArb = fc.constantFrom('samordning.formell', 'koordinator.fallskjerm', 'æøå', '😀', 'ressurser', 'a, b');
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  annotationArb.map((annotation) => ({ kind: 'add' as const, annotation })),
  fc.nat().map((at) => ({ kind: 'remove' as const, at })),
  fc.record({
    kind: fc.constant('retag' as const),
    at: fc.nat(),
    concepts: fc.uniqueArray(conceptArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('memo' as const), at: fc.nat(), memo: textArb }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), range: rangeArb }),
);
const historyArb = fc.record({
  base: annotationsArb(6),
  ours: fc.array(editArb, { maxLength: 5 }),
  theirs: fc.array(editArb, { maxLength: 5 }),
  crlf: fc.boolean(),
});

function applyEdits(base: readonly Annotation[], edits: readonly Edit[], taken: Set<string>): Annotation[] {
  const list = base.map((a) => ({ ...a }));
  for (const edit of edits) {
    if (edit.kind === 'add') {
      if (!taken.has(edit.annotation.id)) list.push(edit.annotation);
      taken.add(edit.annotation.id);
      continue;
    }
    const index = list.length === 0 ? -1 : edit.at % list.length;
    const target = list[index];
    if (!target) continue;
    if (edit.kind === 'remove') list.splice(index, 1);
    else if (edit.kind === 'retag') target.concepts = edit.concepts;
    else if (edit.kind === 'memo') target.memo = edit.memo;
    else if (edit.range) target.range = JSON.parse(JSON.stringify(edit.range)) as Annotation['range']; // a plain object, as readSidecar makes
  }
  return list;
}

interface History {
  base: Annotation[];
  ours: Annotation[];
  theirs: Annotation[];
  texts: { base: string; ours: string; theirs: string };
}

function history(
  input: fc.Arbitrary<{ base: Annotation[]; ours: Edit[]; theirs: Edit[]; crlf: boolean }> = historyArb,
): fc.Arbitrary<History> {
  return input.map(({ base, ours, theirs, crlf }) => {
    const taken = new Set(base.map((a) => a.id));
    const [o, t] = [applyEdits(base, ours, taken), applyEdits(base, theirs, taken)];
    const baseText = renderSidecar('k3.txt', base);
    const write = (list: Annotation[]) => {
      const written = writeSidecar(PATH, baseText, 'k3.txt', list);
      assert.ok(written.ok);
      return written.text;
    };
    const lineBreaks = (text: string) => (crlf ? text.replace(/\n/g, '\r\n') : text);
    return {
      base,
      ours: o,
      theirs: t,
      texts: { base: lineBreaks(baseText), ours: lineBreaks(write(o)), theirs: lineBreaks(write(t)) },
    };
  });
}

function merged(base: string, ours: string, theirs: string): TextMerge & { ok: true } {
  const result = mergeSidecarText({ path: PATH, base, ours, theirs });
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

/** The annotations of a text that must parse without errors, by id. */
function parsed(text: string): Map<string, Annotation> {
  const read = readSidecar(PATH, text);
  assert.deepEqual(
    read.file.problems.filter((p) => p.severity === 'error'),
    [],
    text,
  );
  return new Map(read.entries.map((e) => [e.annotation.id, e.annotation]));
}

function changedOnlyOn(side: Annotation, other: Annotation, base: Annotation, key: string): boolean {
  const value = (a: Annotation) => (a as unknown as Record<string, unknown>)[key];
  return !sameValue(value(side), value(base)) && sameValue(value(other), value(base));
}

describe('merging sidecars: properties over random histories', () => {
  it('loses nothing: every annotation added on either side and every field changed on one side only is in the result, both ways a conflict is resolved', () => {
    fc.assert(
      fc.property(history(), ({ base, ours, theirs, texts }) => {
        const result = merged(texts.base, texts.ours, texts.theirs);
        assert.equal(findConflicts(result.text).length, result.conflicts.length);
        for (const side of ['ours', 'theirs'] as const) {
          const outcome = parsed(resolveAll(result.text, side));
          const baseIds = new Set(base.map((a) => a.id));
          for (const added of [...ours, ...theirs].filter((a) => !baseIds.has(a.id)))
            assert.ok(outcome.has(added.id), `added ${added.id} is kept`);
          for (const b of base) {
            const [o, t] = [ours.find((a) => a.id === b.id), theirs.find((a) => a.id === b.id)];
            if (!o || !t) continue;
            for (const key of ANNOTATION_KEYS) {
              const pairs: [Annotation, Annotation][] = [
                [o, t],
                [t, o],
              ];
              for (const [mine, other] of pairs) {
                if (!changedOnlyOn(mine, other, b, key)) continue;
                assert.deepEqual(
                  (outcome.get(b.id) as unknown as Record<string, unknown> | undefined)?.[key],
                  (mine as unknown as Record<string, unknown>)[key],
                  `${b.id}.${key}`,
                );
              }
            }
          }
        }
      }),
      runs(150, 4242),
    );
  });

  it('is symmetric: merge(base, ours, theirs) means what merge(base, theirs, ours) means, sides swapped', () => {
    fc.assert(
      fc.property(history(), ({ base, ours, theirs, texts }) => {
        const forward = merged(texts.base, texts.ours, texts.theirs);
        const backward = merged(texts.base, texts.theirs, texts.ours);
        assert.deepEqual([...forward.conflicts].sort(), [...backward.conflicts].sort());
        const movedOnBoth = new Set(
          base
            .filter((b) =>
              HINTS.some((key) =>
                [ours, theirs].every((side) => {
                  const a = side.find((x) => x.id === b.id);
                  return (
                    a &&
                    !sameValue(
                      (a as unknown as Record<string, unknown>)[key],
                      (b as unknown as Record<string, unknown>)[key],
                    )
                  );
                }),
              ),
            )
            .map((b) => b.id),
        );
        const meaning = (text: string) =>
          [...parsed(text).values()]
            .map((a) => comparable(a, movedOnBoth.has(a.id)))
            .sort((x, y) => (String(x.id) < String(y.id) ? -1 : 1));
        assert.deepEqual(meaning(resolveAll(forward.text, 'ours')), meaning(resolveAll(backward.text, 'theirs')));
        assert.deepEqual(meaning(resolveAll(forward.text, 'theirs')), meaning(resolveAll(backward.text, 'ours')));
      }),
      runs(150, 777),
    );
  });

  it('changes nothing when both sides agree, and takes the other side when one side changed nothing', () => {
    fc.assert(
      fc.property(history(), ({ texts }) => {
        const same = merged(texts.base, texts.ours, texts.ours);
        assert.deepEqual([same.conflicts, parsed(same.text)], [[], parsed(texts.ours)]);
        const unchanged = merged(texts.ours, texts.ours, texts.theirs);
        assert.deepEqual([unchanged.conflicts, parsed(unchanged.text)], [[], parsed(texts.theirs)]);
      }),
      runs(150, 99),
    );
  });
});

/** An annotation as it means: concepts as a set, and hints left out where both sides moved it (ours wins there). */
function comparable(annotation: Annotation, movedOnBoth: boolean): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...annotation, concepts: [...annotation.concepts].sort() };
  if (movedOnBoth) for (const key of HINTS) delete copy[key];
  return copy;
}

describe('ANNOTATION_FIELD_KINDS', () => {
  it('treats concepts as a set and range, before and after as hints', () => {
    assert.deepEqual(ANNOTATION_FIELD_KINDS, { concepts: 'set', range: 'hint', before: 'hint', after: 'hint' });
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document } from 'yaml';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { readInformants } from '../../src/core/informants/registry';
import { resolveAll } from '../../src/core/yaml/conflicts';
import { mergeCodebookText } from '../../src/core/merge/mergeCodebook';
import { mergeInformantsText } from '../../src/core/merge/mergeInformants';
import type { MergeInput, TextMerge } from '../../src/core/merge/mergeText';
import { mergeRecords, sameValue } from '../../src/core/merge/threeWay';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { runs } from '../helpers/fcRuns';

type Fields = Record<string, unknown> & { id: string };

/** One kind of file: how to write records as YAML, read them back, and merge. */
interface Kind {
  render(records: readonly Fields[]): string;
  read(text: string): Map<string, Fields>;
  merge(input: MergeInput): TextMerge;
}

const wordArb = fc.constantFrom(
  'Samordning',
  'Døråpneren',
  'Fallskjerm 😀',
  'yes',
  '1.10',
  'a: b',
  '# ikke kommentar',
  'æøå ÆØÅ',
  "it's",
);

const CODEBOOK: Kind = {
  render(records) {
    const node = (r: Fields): Record<string, unknown> => {
      const children = records.filter((c) => c.parent === r.id).map(node);
      return {
        id: r.id,
        label: r.label,
        ...(r.description !== undefined ? { description: r.description } : {}),
        ...(children.length > 0 ? { children } : {}),
      };
    };
    return new Document({ concepts: records.filter((r) => r.parent === undefined).map(node) }).toString({
      lineWidth: 0,
    });
  },
  read(text) {
    const file = new YamlFile('codebook.yaml', text);
    const concepts = [...readCodebook(file).all()];
    assert.deepEqual(file.problems, [], text);
    return new Map(
      concepts.map((c) => [
        c.id,
        {
          id: c.id,
          label: c.label,
          ...(c.description !== undefined ? { description: c.description } : {}),
          ...(c.parentId ? { parent: c.parentId } : {}),
        },
      ]),
    );
  },
  merge: mergeCodebookText,
};

const INFORMANTS: Kind = {
  render: (records) =>
    new Document({ informants: records.map(({ id, ...attributes }) => ({ code: id, ...attributes })) }).toString({
      lineWidth: 0,
    }),
  read(text) {
    const file = new YamlFile('informants.yaml', text);
    const informants = readInformants(file).informants;
    assert.deepEqual(file.problems, [], text);
    return new Map(informants.map((i) => [i.code, { ...i.attributes, id: i.code }]));
  },
  merge: mergeInformantsText,
};

type Edit =
  | { kind: 'add'; id: string; at: number; value: string }
  | { kind: 'remove'; at: number }
  | { kind: 'set'; at: number; field: string; value: string | undefined }
  | { kind: 'move'; at: number; to: number };

const editArb = (fields: string[], newIds: string[], moves: boolean): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom(...newIds), at: fc.nat(), value: wordArb }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('set' as const),
      at: fc.nat(),
      field: fc.constantFrom(...fields),
      value: fc.option(wordArb, { nil: undefined }),
    }),
    ...(moves ? [fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() })] : []),
  );

/** Where a record sits after edits: its parent, unless that would put it under itself. */
function under(records: Fields[], id: string, parent: string | undefined): string | undefined {
  for (let at = parent; at !== undefined; at = records.find((r) => r.id === at)?.parent as string | undefined)
    if (at === id) return undefined;
  return parent;
}

function applyEdits(base: readonly Fields[], edits: readonly Edit[], taken: Set<string>, tree: boolean): Fields[] {
  let list = base.map((r) => ({ ...r }));
  for (const edit of edits) {
    const target = list.length === 0 ? undefined : list[edit.at % list.length];
    if (edit.kind === 'add') {
      if (taken.has(edit.id)) continue;
      taken.add(edit.id);
      list.push(
        tree
          ? { id: edit.id, label: edit.value, ...(target ? { parent: target.id } : {}) }
          : { id: edit.id, role: edit.value },
      );
    } else if (!target) continue;
    else if (edit.kind === 'remove') {
      list = list
        .filter((r) => r !== target)
        .map((r) => (r.parent === target.id ? { ...r, parent: target.parent } : r));
      for (const r of list) if (r.parent === undefined) delete r.parent;
    } else if (edit.kind === 'set') {
      if (edit.value === undefined && edit.field === 'label') continue;
      if (edit.value === undefined) delete target[edit.field];
      else target[edit.field] = edit.value;
    } else {
      const parent = under(list, target.id, list[edit.to % list.length]?.id);
      if (parent === undefined) delete target.parent;
      else target.parent = parent;
    }
  }
  return list;
}

function historyArb(tree: boolean): fc.Arbitrary<{ base: Fields[]; ours: Fields[]; theirs: Fields[] }> {
  const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
  const fields = tree ? ['label', 'description'] : ['role', 'alder', 'kjønn'];
  const baseArb = fc.array(fc.tuple(fc.nat(), wordArb), { minLength: ids.length, maxLength: ids.length }).map((picks) =>
    picks.map(([parent, value], i): Fields => {
      const id = ids[i] as string;
      if (!tree) return { id, role: value };
      return { id, label: value, ...(i > 0 && parent % 3 > 0 ? { parent: ids[parent % i] } : {}) };
    }),
  );
  const edits = fc.array(editArb(fields, ['n1', 'n2', 'n3', 'n4'], tree), { maxLength: 4 });
  return fc.record({ base: baseArb, ours: edits, theirs: edits }).map(({ base, ours, theirs }) => {
    const taken = new Set(base.map((r) => r.id));
    return { base, ours: applyEdits(base, ours, taken, tree), theirs: applyEdits(base, theirs, taken, tree) };
  });
}

function merged(kind: Kind, base: string, ours: string, theirs: string): TextMerge & { ok: true } {
  const result = kind.merge({ path: 'x.yaml', base, ours, theirs });
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

const sorted = (records: Map<string, Fields>) => [...records.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Whether moves on both sides would make a loop of parents, which the merge undoes in ours' favour. */
function loops(base: Fields[], ours: Fields[], theirs: Fields[]): boolean {
  const outcomes = mergeRecords(base, ours, theirs, (r) => r.id, {});
  // A removed record's children move up to its parent, so a chain of parents goes on through it.
  const before = (id: string) => [base, ours, theirs].flatMap((side) => side.filter((r) => r.id === id))[0]?.parent;
  // A conflict may be resolved either way: a loop on either side counts.
  return (['ours', 'theirs'] as const).some((side) => {
    const parents = new Map<string, unknown>();
    for (const o of outcomes)
      parents.set(
        o.id,
        o.kind === 'removed' ? before(o.id) : (o.kind === 'kept' ? o.value : (o[side] ?? o.ours ?? o.theirs))?.parent,
      );
    return [...parents.keys()].some((id) => {
      const seen = new Set<unknown>();
      for (let at: unknown = id; at !== undefined; at = parents.get(at as string)) {
        if (seen.has(at)) return true;
        seen.add(at);
      }
      return false;
    });
  });
}

for (const [name, kind, tree] of [
  ['codebooks', CODEBOOK, true],
  ['informant registries', INFORMANTS, false],
] as const) {
  describe(`merging ${name}: properties over random histories`, () => {
    it('always parses and loses nothing, both ways a conflict is resolved', () => {
      fc.assert(
        fc.property(historyArb(tree), ({ base, ours, theirs }) => {
          const result = merged(kind, kind.render(base), kind.render(ours), kind.render(theirs));
          for (const side of ['ours', 'theirs'] as const) {
            const outcome = kind.read(resolveAll(result.text, side));
            for (const added of [...ours, ...theirs].filter((r) => !base.some((b) => b.id === r.id)))
              assert.ok(outcome.has(added.id), `added ${added.id}`);
            for (const b of base) {
              const [o, t] = [ours.find((r) => r.id === b.id), theirs.find((r) => r.id === b.id)];
              if (!o || !t) continue;
              for (const [mine, other] of [
                [o, t],
                [t, o],
              ] as const) {
                for (const key of new Set([...Object.keys(mine), ...Object.keys(b)].filter((k) => k !== 'parent'))) {
                  if (!sameValue(mine[key], b[key]) && sameValue(other[key], b[key]))
                    assert.deepEqual(outcome.get(b.id)?.[key], mine[key], `${b.id}.${key}`);
                }
              }
            }
          }
        }),
        runs(80, 2026),
      );
    });

    it('is symmetric, and merge(base, x, x) = x and merge(x, x, y) = y', () => {
      fc.assert(
        fc.property(historyArb(tree), ({ base, ours, theirs }) => {
          const texts = [base, ours, theirs].map((r) => kind.render(r)) as [string, string, string];
          if (!loops(base, ours, theirs)) {
            const [forward, backward] = [merged(kind, ...texts), merged(kind, texts[0], texts[2], texts[1])];
            assert.deepEqual(
              sorted(kind.read(resolveAll(forward.text, 'ours'))),
              sorted(kind.read(resolveAll(backward.text, 'theirs'))),
            );
            assert.deepEqual(
              sorted(kind.read(resolveAll(forward.text, 'theirs'))),
              sorted(kind.read(resolveAll(backward.text, 'ours'))),
            );
          }
          const same = merged(kind, texts[0], texts[1], texts[1]);
          assert.deepEqual([same.conflicts, same.text], [[], texts[1]]);
          const unchanged = merged(kind, texts[1], texts[1], texts[2]);
          assert.deepEqual([unchanged.conflicts, sorted(kind.read(unchanged.text))], [[], sorted(kind.read(texts[2]))]);
        }),
        runs(80, 11),
      );
    });
  });
}

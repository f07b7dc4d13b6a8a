import assert from 'node:assert/strict';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { readInformants } from '../../src/core/informants/registry';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { mergeOrKeepBoth, mergeQcodeFile, type MergeInput, type TextMerge } from '../../src/core/merge/mergeText';
import { blockItems, writeVerified, type Layout, type RecordsReader } from '../../src/core/merge/verifiedMerge';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { YamlFile } from '../../src/core/yaml/yamlFile';

const SIDECAR = 'transcripts/k3.txt.annotations.yaml';
const FLOW_SIDECAR = `qcode: 1
transcript: k3.txt
annotations:
  - {id: pgtqbp19, concepts: [ressurser], range: 9:5-9:33, quote: Jeg har et veldig godt team.}
  # Ingrid
  - {id: k7x2mq4r, concepts: [samordning.formell, æøå], range: 12:5-12:22, quote: Det er mye møter., coder: ingrid}
`;

const ok = (result: TextMerge): string => {
  assert.ok(result.ok, JSON.stringify(result));
  return result.text;
};

function annotations(text: string): Map<string, Annotation> {
  const read = readSidecar(SIDECAR, text);
  assert.deepEqual(
    read.file.problems.filter((p) => p.severity === 'error'),
    [],
    text,
  );
  return new Map(read.entries.map((e) => [e.annotation.id, e.annotation]));
}

const mergeSidecar = (ours: string, theirs: string, base = FLOW_SIDECAR) =>
  mergeQcodeFile('sidecar', { path: SIDECAR, base, ours, theirs, labels: { ours: 'HEAD', theirs: 'feature' } });

describe('merging flow-style items', () => {
  it("writes a sidecar that parses and holds a memo one side added to a flow item, and the other side's retag", () => {
    const theirs = FLOW_SIDECAR.replace('godt team.}', 'godt team., memo: m}');
    const ours = FLOW_SIDECAR.replace('concepts: [samordning.formell, æøå]', 'concepts: [samordning.formell, æøå, ny]');
    for (const [o, t] of [
      [ours, theirs],
      [theirs, ours],
      [FLOW_SIDECAR, theirs],
    ] as const) {
      const merged = annotations(ok(mergeSidecar(o, t)));
      assert.equal(merged.get('pgtqbp19')?.memo, 'm');
      assert.deepEqual(
        merged.get('k7x2mq4r')?.concepts,
        o === FLOW_SIDECAR ? ['samordning.formell', 'æøå'] : ['samordning.formell', 'æøå', 'ny'],
      );
      assert.equal(merged.get('k7x2mq4r')?.coder, 'ingrid');
    }
  });

  it("puts a memo changed differently on both sides of a flow item between markers, each way resolving to a sidecar that holds that side's memo", () => {
    const result = mergeSidecar(
      FLOW_SIDECAR.replace('godt team.}', 'godt team., memo: vår}'),
      FLOW_SIDECAR.replace('godt team.}', 'godt team., memo: deres}'),
    );
    const text = ok(result);
    assert.deepEqual(result.ok && result.conflicts, ['pgtqbp19']);
    assert.ok(findConflicts(text).length > 0);
    assert.equal(annotations(resolveAll(text, 'ours')).get('pgtqbp19')?.memo, 'vår');
    assert.equal(annotations(resolveAll(text, 'theirs')).get('pgtqbp19')?.memo, 'deres');
  });

  it('merges a sidecar written as one flow mapping', () => {
    const flat =
      '{qcode: 1, transcript: k3.txt, annotations: [{id: pgtqbp19, concepts: [ressurser], range: 9:5-9:33, quote: Jeg har et veldig godt team.}]}\n';
    const merged = annotations(
      ok(
        mergeSidecar(flat.replace('[ressurser]', '[ressurser, tid]'), flat.replace('team.}', 'team., memo: m}'), flat),
      ),
    );
    assert.deepEqual([merged.get('pgtqbp19')?.concepts, merged.get('pgtqbp19')?.memo], [['ressurser', 'tid'], 'm']);
  });

  it("merges a flow-style codebook and informant registry into files that parse and hold both sides' changes", () => {
    const codebook =
      'concepts:\n  - {id: samordning, label: Samordning, children: [{id: samordning.formell, label: Formell}]}\n  - {id: ressurser, label: Ressurser}\n';
    const mergedCodebook = ok(
      mergeQcodeFile('codebook', {
        path: 'codebook.yaml',
        base: codebook,
        ours: codebook.replace('label: Formell}', 'label: Formell, description: Avtaler}'),
        theirs: codebook.replace('label: Ressurser}', 'label: Ressurser, color: "#aa0000"}'),
      }),
    );
    const file = new YamlFile('codebook.yaml', mergedCodebook);
    const concepts = [...readCodebook(file).all()];
    assert.deepEqual(file.problems, []);
    assert.deepEqual(
      concepts.map((c) => [c.id, c.parentId, c.description, c.color]),
      [
        ['samordning', undefined, undefined, undefined],
        ['samordning.formell', 'samordning', 'Avtaler', undefined],
        ['ressurser', undefined, undefined, '#aa0000'],
      ],
    );

    const informants = 'informants: [{code: K1, role: tjenestemottaker}, {code: L5, role: leder}]\n';
    const mergedInformants = ok(
      mergeQcodeFile('informants', {
        path: 'informants.yaml',
        base: informants,
        ours: informants.replace('role: leder}', 'role: leder, unit: rus}'),
        theirs: informants.replace('tjenestemottaker}', 'tjenestemottaker, age: 34}'),
      }),
    );
    const registry = new YamlFile('informants.yaml', mergedInformants);
    assert.deepEqual(
      readInformants(registry).informants.map((i) => ({ code: i.code, ...i.attributes })),
      [
        { code: 'K1', role: 'tjenestemottaker', age: 34 },
        { code: 'L5', role: 'leder', unit: 'rus' },
      ],
    );
    assert.deepEqual(registry.problems, []);
  });
});

describe('blockItems', () => {
  it('writes flow mappings and lists of them in block style, and leaves flow lists of text and block files alone', () => {
    assert.equal(
      blockItems(FLOW_SIDECAR),
      `qcode: 1
transcript: k3.txt
annotations:
  - id: pgtqbp19
    concepts: [ressurser]
    range: 9:5-9:33
    quote: Jeg har et veldig godt team.
  # Ingrid
  - id: k7x2mq4r
    concepts: [samordning.formell, æøå]
    range: 12:5-12:22
    quote: Det er mye møter.
    coder: ingrid
`,
    );
    const block = 'a:\n  - id: x # note\n    concepts: [a, b]\n';
    assert.equal(blockItems(block), block);
    assert.equal(blockItems('a: [{b: 1}]\r\n'), 'a:\r\n  - b: 1\r\n');
  });
});

describe('writeVerified', () => {
  type Item = { id: string; n: string };
  const reader: RecordsReader<Item> = {
    read(text) {
      const file = new YamlFile('x.yaml', text);
      const items = file.document?.toJS() as { items?: Item[] } | null;
      return { records: items?.items ?? [], problems: file.problems };
    },
    idOf: (item) => item.id,
  };
  const input: MergeInput = {
    path: 'x.yaml',
    base: 'items: []\n',
    ours: 'items: [{id: a, n: "1"}]\n',
    theirs: 'items: [{id: b, n: "2"}]\n',
  };
  const sides = { ours: [{ id: 'a', n: '1' }], theirs: [{ id: 'b', n: '2' }] };
  const expected = { ours: [...sides.ours, ...sides.theirs], theirs: [...sides.ours, ...sides.theirs] };
  const good = 'items:\n  - {id: a, n: "1"}\n  - {id: b, n: "2"}\n';

  it("takes ours' layout when the merge written there reads back as the merged items", () => {
    const layouts: string[] = [];
    const result = writeVerified(
      input,
      sides,
      { conflicts: [], expected, write: (layout: Layout<Item>) => (layouts.push(layout.ours.text), good) },
      reader,
    );
    assert.deepEqual([result, layouts], [{ ok: true, text: good, conflicts: [] }, [input.ours]]);
  });

  it('falls back to block-style items, then to a fresh file, when a layout gives text that does not parse or lacks an item', () => {
    const seen: string[] = [];
    const write = (layout: Layout<Item>) => {
      seen.push(layout.ours.text);
      return seen.length === 1 ? `${good}  memo: m\n` : seen.length === 2 ? 'items:\n  - {id: a, n: "1"}\n' : good;
    };
    assert.deepEqual(writeVerified(input, sides, { conflicts: [], expected, write }, reader), {
      ok: true,
      text: good,
      conflicts: [],
    });
    assert.deepEqual(seen, [input.ours, 'items:\n  - id: a\n    n: "1"\n', '']);
  });

  it('is not ok when no layout reads back, or when a conflicted merge has no markers', () => {
    const broken = writeVerified(input, sides, { conflicts: [], expected, write: () => 'items: [' }, reader);
    assert.deepEqual(broken, {
      ok: false,
      message: 'the merged file would not read back as the merged items, in any layout',
    });
    const unmarked = writeVerified(input, sides, { conflicts: ['a'], expected, write: () => good }, reader);
    assert.equal(unmarked.ok, false);
  });

  it('is what makes the merge keep both sides whole when nothing can be written', () => {
    const result = mergeOrKeepBoth('sidecar', {
      path: SIDECAR,
      base: FLOW_SIDECAR,
      ours: FLOW_SIDECAR,
      theirs: 'qcode: [1\n',
    });
    assert.equal(result.text, `<<<<<<< ours\n${FLOW_SIDECAR}=======\nqcode: [1\n>>>>>>> theirs\n`);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document, isMap, isSeq, Scalar, visit } from 'yaml';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { readInformants } from '../../src/core/informants/registry';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { mergeOrKeepBoth, type MergeKind } from '../../src/core/merge/mergeText';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import { formatRange } from '../../src/core/text/position';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { annotationArb, annotationsArb, textArb } from '../helpers/arbitraries';
import { runs } from '../helpers/fcRuns';

const SIDECAR = 'transcripts/k3.txt.annotations.yaml';
const LABELS = { ours: 'HEAD', theirs: 'koder/ola' };

/** One kind of file: random contents as text, and what a text holds (each item as JSON, by id). */
interface Kind {
  kind: MergeKind;
  path: string;
  textArb: fc.Arbitrary<string>;
  items(text: string): Map<string, unknown>;
}

function errorsOf(file: YamlFile): unknown[] {
  return file.problems.filter((p) => p.severity === 'error');
}

const SIDECAR_KIND: Kind = {
  kind: 'sidecar',
  path: SIDECAR,
  textArb: annotationsArb(6).map((list) => renderSidecar('k3.txt', list)),
  items(text) {
    const read = readSidecar(SIDECAR, text);
    assert.deepEqual(errorsOf(read.file), [], text);
    return new Map(read.entries.map((e) => [e.annotation.id, e.annotation]));
  },
};

const wordArb = fc.constantFrom(
  'Samordning',
  'Døråpneren 😀',
  'yes',
  '1.10',
  'a: b',
  '# ikke kommentar',
  "it's",
  '[x]',
);
const recordsArb = (key: string, field: string) =>
  fc
    .uniqueArray(fc.record({ id: fc.constantFrom('c1', 'c2', 'c3', 'n1', 'n2', 'n3.x'), value: wordArb }), {
      maxLength: 6,
      selector: (r) => r.id,
    })
    .map((records) => records.map((r) => ({ [key]: r.id, [field]: r.value })));

const CODEBOOK_KIND: Kind = {
  kind: 'codebook',
  path: 'codebook.yaml',
  textArb: recordsArb('id', 'label').map((concepts) => new Document({ concepts }).toString({ lineWidth: 0 })),
  items(text) {
    const file = new YamlFile('codebook.yaml', text);
    const concepts = [...readCodebook(file).all()];
    assert.deepEqual(errorsOf(file), [], text);
    return new Map(concepts.map((c) => [c.id, [c.label, c.description, c.parentId]]));
  },
};

const INFORMANTS_KIND: Kind = {
  kind: 'informants',
  path: 'informants.yaml',
  textArb: recordsArb('code', 'role').map((informants) => new Document({ informants }).toString({ lineWidth: 0 })),
  items(text) {
    const file = new YamlFile('informants.yaml', text);
    const informants = readInformants(file).informants;
    assert.deepEqual(errorsOf(file), [], text);
    return new Map(informants.map((i) => [i.code, { ...i.attributes }]));
  },
};

/**
 * A side that holds nothing to merge, or cannot be read: what a broken editor, a bad hand edit or an old conflict
 * leaves.
 */
const oddSideArb = (readable: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(''),
    fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
    fc
      .array(
        fc.oneof(
          textArb.map((t) => `# ${t.replace(/[\r\n\u0085\u2028\u2029]/g, ' ')}`),
          fc.constant(''),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((lines) => `${lines.join('\n')}\n`),
    fc
      .tuple(readable, fc.constantFrom('\nbroken: [', '\n"unterminated', '\n  - loose item\n x: y'))
      .map(([text, tail]) => text + tail),
    fc.tuple(readable, readable).map(([a, b]) => `<<<<<<< HEAD\n${a}=======\n${b}>>>>>>> other\n`),
  );

const oddHistoryArb = (kind: Kind) =>
  fc.record({
    base: fc.oneof(kind.textArb, fc.constantFrom('', '\n', '# ny\n')),
    readable: kind.textArb,
    odd: oddSideArb(kind.textArb),
    oddSide: fc.constantFrom('ours' as const, 'theirs' as const),
    crlf: fc.boolean(),
  });

for (const kind of [SIDECAR_KIND, CODEBOOK_KIND, INFORMANTS_KIND]) {
  describe(`merging ${kind.path} with a side that is empty, blank, comment-only, invalid or conflicted: properties`, () => {
    it('is a conflict that keeps the whole of the readable side: every item it has is in the file, resolved to that side', () => {
      fc.assert(
        fc.property(oddHistoryArb(kind), ({ base, readable, odd, oddSide, crlf }) => {
          const lineBreaks = (text: string) => (crlf ? text.replace(/\r?\n/g, '\r\n') : text);
          const [readableText, oddText] = [lineBreaks(readable), lineBreaks(odd)];
          const [ours, theirs] = oddSide === 'ours' ? [oddText, readableText] : [readableText, oddText];
          const result = mergeOrKeepBoth(kind.kind, {
            path: kind.path,
            base: lineBreaks(base),
            ours,
            theirs,
            labels: LABELS,
          });
          assert.match(
            result.unmerged ?? '',
            new RegExp(`^${oddSide} `),
            'a conflict, naming the side that cannot be read',
          );
          const readableSide = oddSide === 'ours' ? 'theirs' : 'ours';
          assert.ok(result.text.includes(readableText), 'the readable side is in the file, whole');
          const [block] = findConflicts(result.text);
          if (!oddText.includes('<<<<<<<')) {
            assert.equal(block?.[readableSide], readableText + (readableText.endsWith('\n') ? '' : '\n'));
            assert.deepEqual(kind.items(resolveAll(result.text, readableSide)), kind.items(readableText));
          }
        }),
        runs(120, 1010),
      );
    });
  });
}

/** A sidecar in which each annotation is written as a flow mapping ({id: ..., concepts: [...]}) or in block style. */
function styledSidecar(list: readonly Annotation[], flow: readonly boolean[], crlf: boolean): string {
  const plain = list.map(
    (a) => JSON.parse(JSON.stringify({ ...a, range: a.range && formatRange(a.range) })) as Record<string, unknown>,
  );
  const doc = new Document({ qcode: 1, transcript: 'k3.txt', annotations: plain });
  visit(doc, {
    Seq: (_, seq) =>
      void seq.items.forEach((item, i) => {
        if (isMap(item)) item.flow = flow[i % Math.max(flow.length, 1)] ?? false;
      }),
  });
  visit(doc, {
    Seq: (_, seq) => {
      if (isSeq(seq) && seq.items.every((item) => !isMap(item))) seq.flow = true;
    },
  });
  // yaml writes a plain scalar with a line break over several lines, which a flow mapping cannot hold.
  visit(doc, {
    Scalar: (_, scalar) => {
      if (typeof scalar.value === 'string' && /[\r\n\u0085\u2028\u2029]/.test(scalar.value))
        scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const text = doc.toString({ lineWidth: 0 });
  assert.deepEqual(
    SIDECAR_KIND.items(text),
    new Map(list.map((a) => [a.id, a])),
    'the generated sidecar holds the annotations',
  );
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

const flowHistoryArb = fc.record({
  all: fc.uniqueArray(annotationArb, { minLength: 1, maxLength: 8, selector: (a) => a.id }),
  split: fc.tuple(fc.nat(), fc.nat()),
  memos: fc.array(fc.option(textArb, { nil: undefined }), { maxLength: 8 }),
  retags: fc.array(
    fc.option(fc.uniqueArray(fc.constantFrom('ny', 'æøå', 'a, b', 'ressurser'), { minLength: 1, maxLength: 2 }), {
      nil: undefined,
    }),
    { maxLength: 8 },
  ),
  flow: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  crlf: fc.boolean(),
});

describe('merging sidecars whose items are in flow style: properties', () => {
  it('writes a file that parses and holds exactly the merge: memos set on one side, concepts on the other, additions of both', () => {
    fc.assert(
      fc.property(flowHistoryArb, ({ all, split, memos, retags, flow, crlf }) => {
        const cut = split[0] % (all.length + 1);
        const added = all.slice(cut);
        const base = all.slice(0, cut);
        const oursAdded = added.slice(0, split[1] % (added.length + 1));
        const theirsAdded = added.slice(oursAdded.length);
        const ours = [...base.map((a, i) => (memos[i] === undefined ? a : { ...a, memo: memos[i] })), ...oursAdded];
        const theirs = [
          ...base.map((a, i) => (retags[i] === undefined ? a : { ...a, concepts: retags[i] })),
          ...theirsAdded,
        ];
        const texts = [base, ours, theirs].map((list) => styledSidecar(list, flow, crlf)) as [string, string, string];
        const result = mergeOrKeepBoth('sidecar', { path: SIDECAR, base: texts[0], ours: texts[1], theirs: texts[2] });
        assert.deepEqual([result.unmerged, result.conflicts], [undefined, []], result.text);
        const expected = [
          ...base.map((a, i) => ({
            ...a,
            ...(memos[i] !== undefined ? { memo: memos[i] } : {}),
            ...(retags[i] !== undefined ? { concepts: retags[i] } : {}),
          })),
          ...oursAdded,
          ...theirsAdded,
        ];
        assert.deepEqual(SIDECAR_KIND.items(result.text), new Map(expected.map((a) => [a.id, a])));
      }),
      runs(120, 2024),
    );
  });
});

describe('merging sidecars whose items are in flow style, memos changed on both sides: properties', () => {
  it("puts exactly the annotations whose memo both sides changed differently between markers; each way resolved, the file parses and holds that side's memos", () => {
    const arb = fc.record({
      base: annotationsArb(6),
      ours: fc.array(fc.option(textArb, { nil: undefined }), { maxLength: 6 }),
      theirs: fc.array(fc.option(textArb, { nil: undefined }), { maxLength: 6 }),
      flow: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ base, ours, theirs, flow }) => {
        const memoed = (memos: (string | undefined)[]) =>
          base.map((a, i) => (memos[i] === undefined ? a : { ...a, memo: memos[i] }));
        const [o, t] = [memoed(ours), memoed(theirs)];
        const result = mergeOrKeepBoth('sidecar', {
          path: SIDECAR,
          base: styledSidecar(base, flow, false),
          ours: styledSidecar(o, flow, false),
          theirs: styledSidecar(t, flow, false),
        });
        const changed = (side: Annotation[], i: number) => side[i]?.memo !== base[i]?.memo;
        const both = base
          .filter((_, i) => changed(o, i) && changed(t, i) && o[i]?.memo !== t[i]?.memo)
          .map((a) => a.id);
        assert.deepEqual([result.unmerged, [...result.conflicts].sort()], [undefined, [...both].sort()]);
        for (const [side, mine, other] of [
          ['ours', o, t],
          ['theirs', t, o],
        ] as const) {
          const resolved = SIDECAR_KIND.items(resolveAll(result.text, side)) as Map<string, Annotation>;
          base.forEach((a, i) =>
            assert.equal(
              resolved.get(a.id)?.memo,
              changed(mine, i) ? mine[i]?.memo : other[i]?.memo,
              `${side}: ${a.id}`,
            ),
          );
        }
      }),
      runs(80, 3131),
    );
  });
});

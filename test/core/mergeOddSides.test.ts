import assert from 'node:assert/strict';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { readInformants } from '../../src/core/informants/registry';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { mergeOrKeepBoth, mergeQcodeFile, type MergeKind } from '../../src/core/merge/mergeText';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { YamlFile } from '../../src/core/yaml/yamlFile';

const LABELS = { ours: 'HEAD', theirs: 'feature' };

/** One of qcode's files: a base, a readable change of it, and what it holds (each item as JSON, by id). */
interface Kind {
  kind: MergeKind;
  path: string;
  base: string;
  changed: string;
  invalid: string;
  items(text: string): Map<string, string>;
}

function itemsOf(file: YamlFile, records: { id: string }[]): Map<string, string> {
  assert.deepEqual(
    file.problems.filter((p) => p.severity === 'error'),
    [],
    file.text,
  );
  return new Map(records.map((r) => [r.id, JSON.stringify(r)]));
}

const SIDECAR_BASE = `qcode: 1
transcript: k3.txt
annotations:
  - id: aaaaaaaa
    concepts: [ressurser]
    range: 3:1-3:20
    quote: Jeg har et veldig godt team.
  - id: bbbbbbbb
    concepts: [samordning.formell]
    range: 7:1-7:20
    quote: Da har jeg nummeret.
`;

const SIDECAR: Kind = {
  kind: 'sidecar',
  path: 'transcripts/k3.txt.annotations.yaml',
  base: SIDECAR_BASE,
  changed: `${SIDECAR_BASE.replace('quote: Da har jeg nummeret.', 'quote: Da har jeg nummeret.\n    memo: Tilgjengelig 😀')}  - id: cccccccc\n    concepts: [æøå]\n    range: 9:1-9:20\n    quote: Tre møter på én uke.\n`,
  invalid: SIDECAR_BASE.replace('concepts: [ressurser]', 'concepts: [ressurser'),
  items(text) {
    const read = readSidecar(this.path, text);
    return itemsOf(
      read.file,
      read.entries.map((e) => e.annotation),
    );
  },
};

const CODEBOOK_BASE = `# Kodebok
concepts:
  - id: samordning
    label: Samordning
    children:
      - id: samordning.formell
        label: Formell samordning
  - id: ressurser
    label: Ressurser
`;

const CODEBOOK: Kind = {
  kind: 'codebook',
  path: 'codebook.yaml',
  base: CODEBOOK_BASE,
  changed: `${CODEBOOK_BASE.replace('label: Ressurser', 'label: Ressurser\n    description: Tid og folk.')}  - id: arena\n    label: Arenaer\n`,
  invalid: CODEBOOK_BASE.replace('label: Samordning', 'label: "Samordning'),
  items(text) {
    const file = new YamlFile(this.path, text);
    return itemsOf(
      file,
      [...readCodebook(file).all()].map((c) => ({
        id: c.id,
        label: c.label,
        description: c.description,
        parent: c.parentId,
      })),
    );
  },
};

const INFORMANTS_BASE = `informants:
  - code: K1
    role: tjenestemottaker
  - code: L5
    role: leder
`;

const INFORMANTS: Kind = {
  kind: 'informants',
  path: 'informants.yaml',
  base: INFORMANTS_BASE,
  changed: `${INFORMANTS_BASE.replace('role: leder', 'role: leder\n    unit: Psykisk helse')}  - code: M2\n    role: pårørende\n`,
  invalid: INFORMANTS_BASE.replace('  - code: L5', '  - code: L5\n  role leder: [x'),
  items(text) {
    const file = new YamlFile(this.path, text);
    return itemsOf(
      file,
      readInformants(file).informants.map((i) => ({ id: i.code, ...i.attributes })),
    );
  },
};

const KINDS = [SIDECAR, CODEBOOK, INFORMANTS];

const ODD_SIDES = [
  { name: 'empty (0 bytes)', text: '', reason: /is empty: a file with nothing in it cannot be merged item by item/ },
  { name: 'whitespace only', text: '  \n\t\n\n', reason: /holds only whitespace/ },
  { name: 'comment only', text: '# alt er flyttet\n', reason: /holds only comments/ },
];

const merge = (kind: Kind, base: string, ours: string, theirs: string) =>
  mergeOrKeepBoth(kind.kind, { path: kind.path, base, ours, theirs, labels: LABELS });
const keptWhole = (ours: string, theirs: string) => `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> feature\n`;

for (const kind of KINDS) {
  describe(`merging ${kind.path} with a side that cannot be read`, () => {
    for (const odd of [
      ...ODD_SIDES,
      { name: 'invalid YAML', text: kind.invalid, reason: /cannot be read \(\d+:\d+ / },
    ]) {
      it(`keeps the whole of both sides between markers when ours is ${odd.name}, and says that ours is why`, () => {
        const result = merge(kind, kind.base, odd.text, kind.changed);
        assert.equal(result.text, keptWhole(odd.text, kind.changed));
        assert.match(result.unmerged ?? '', new RegExp(`^ours ${odd.reason.source}`));
        assert.deepEqual(
          kind.items(resolveAll(result.text, 'theirs')),
          kind.items(kind.changed),
          'every item of theirs is in the file',
        );
      });

      it(`keeps the whole of both sides between markers when theirs is ${odd.name}, also when ours is the base`, () => {
        for (const ours of [kind.changed, kind.base]) {
          const result = merge(kind, kind.base, ours, odd.text);
          assert.equal(result.text, keptWhole(ours, odd.text));
          assert.match(result.unmerged ?? '', new RegExp(`^theirs ${odd.reason.source}`));
          assert.deepEqual(kind.items(resolveAll(result.text, 'ours')), kind.items(ours));
        }
        assert.equal(
          mergeQcodeFile(kind.kind, { path: kind.path, base: kind.base, ours: kind.changed, theirs: odd.text }).ok,
          false,
        );
      });
    }

    it('keeps both sides whole when a side already has conflict markers', () => {
      const conflicted = keptWhole(kind.base, kind.changed);
      const result = merge(kind, kind.base, kind.changed, conflicted);
      assert.equal(result.text, keptWhole(kind.changed, conflicted));
      assert.match(result.unmerged ?? '', /^theirs cannot be read \(1:1 The file contains git merge-conflict markers/);
    });

    for (const base of ['', ' \n', '# ny fil\n']) {
      it(`merges item by item when the base is ${JSON.stringify(base)}: both sides added the file`, () => {
        const result = merge(kind, base, kind.base, kind.changed);
        assert.equal(result.unmerged, undefined);
        assert.deepEqual(result.conflicts.length > 0, findConflicts(result.text).length > 0);
        const ids = [...kind.items(resolveAll(result.text, 'ours')).keys()].sort();
        assert.deepEqual(ids, [...kind.items(kind.changed).keys()].sort(), 'every item of either side');
      });
    }
  });
}

describe('bothSidesKept, as the merge writes it', () => {
  it('uses CRLF markers when ours uses CRLF, and ends a side without a final line break', () => {
    const result = merge(SIDECAR, SIDECAR_BASE, SIDECAR_BASE.replace(/\n/g, '\r\n'), '   ');
    assert.equal(
      result.text,
      `<<<<<<< HEAD\r\n${SIDECAR_BASE.replace(/\n/g, '\r\n')}=======\r\n   \r\n>>>>>>> feature\r\n`,
    );
  });
});

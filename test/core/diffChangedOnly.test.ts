import assert from 'node:assert/strict';
import fc from 'fast-check';
import { conceptIds, generateTranscript } from '../../bench/generate';
import { IdMaker, Rng } from '../../bench/prng';
import { changedTranscriptsOnly, comparisonNeedsAll } from '../../src/core/diff/changedOnly';
import { diffProjects } from '../../src/core/diff/diffProjects';
import { loadProject } from '../../src/core/project/loadProject';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { runs } from '../helpers/fcRuns';
import { MemoryFiles } from '../helpers/memoryFiles';
import { copyOf, editSidecar, editText } from '../helpers/projectEdits';

const TRANSCRIPTS = 6;

/** Six generated transcripts of ten passages each, with a codebook of their concepts. */
function generatedProject(): { files: MemoryFiles; names: string[] } {
  const files = new MemoryFiles({
    'codebook.yaml': `concepts:\n${conceptIds()
      .map((id) => `  - id: ${id}\n    label: ${id}\n`)
      .join('')}`,
  });
  const ids = new IdMaker(new Rng(7));
  const names: string[] = [];
  for (let i = 0; i < TRANSCRIPTS; i++) {
    const t = generateTranscript(11, i, 10, ids);
    files.set(`transcripts/${t.name}`, t.text);
    files.set(`transcripts/${t.name}.annotations.yaml`, t.sidecar);
    names.push(`transcripts/${t.name}`);
  }
  return { files, names };
}

type Change = { transcript: number; kind: 'retag' | 'memo' | 'key' | 'remove' | 'text' | 'delete'; at: number };

const change: fc.Arbitrary<Change> = fc.record({
  transcript: fc.nat(TRANSCRIPTS - 1),
  kind: fc.constantFrom('retag', 'memo', 'key', 'remove', 'text', 'delete'),
  at: fc.nat(9),
});

async function apply(files: MemoryFiles, names: string[], { transcript, kind, at }: Change): Promise<void> {
  const name = names[transcript] as string;
  const sidecar = `${name}.annotations.yaml`;
  if (kind === 'text') return editText(files, name, (text) => `${text}\nI: Et tillegg.\n`);
  if (kind === 'delete') return void (await files.remove(sidecar));
  if (!files.files.has(sidecar)) return;
  const at_ = (list: Annotation[]) => at % Math.max(1, list.length);
  await editSidecar(files, name, (list) => {
    const i = at_(list);
    if (kind === 'remove') return list.filter((_, k) => k !== i);
    return list.map((a, k) =>
      k !== i
        ? a
        : kind === 'retag'
          ? {
              ...a,
              concepts: [
                ...a.concepts.filter((c) => c !== 'relasjon.tillit'),
                ...(a.concepts.includes('relasjon.tillit') ? [] : ['relasjon.tillit']),
              ],
            }
          : kind === 'memo'
            ? { ...a, memo: `${a.memo ?? ''} endret` }
            : { ...a, key: !a.key },
    );
  }).catch(() => undefined); // an edit that changes nothing (a key set to what it was) is no change
}

/** The project's files that differ between the two, or are in one only. */
function changedBetween(a: MemoryFiles, b: MemoryFiles): Set<string> {
  const same = (x?: Uint8Array, y?: Uint8Array) =>
    x !== undefined && y !== undefined && x.length === y.length && x.every((v, i) => v === y[i]);
  return new Set([...a.files.keys(), ...b.files.keys()].filter((path) => !same(a.files.get(path), b.files.get(path))));
}

describe('comparing only the transcripts that changed', () => {
  it('reports what comparing every transcript reports (property)', async () => {
    const { files: base, names } = generatedProject();
    const everything = await loadProject(base);
    let reported = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        const head = copyOf(base);
        for (const c of changes) await apply(head, names, c);
        const changed = changedBetween(base, head);
        assert.equal(comparisonNeedsAll(changed, DEFAULT_SETTINGS, []), false);
        const only = (files: MemoryFiles) => changedTranscriptsOnly(files, changed, DEFAULT_SETTINGS.transcripts);
        const [partBase, partHead] = [await loadProject(only(base)), await loadProject(only(head))];
        const touched = new Set(changes.map((c) => c.transcript));
        assert.equal(
          partBase.transcripts.length,
          [...touched].filter((t) => changed.has(names[t] as string) || changed.has(`${names[t]}.annotations.yaml`))
            .length,
        );
        const full = diffProjects(everything, await loadProject(head));
        assert.deepEqual(diffProjects(partBase, partHead), full);
        if (full.transcripts.length > 0) reported++;
      }),
      runs(25, 9401),
    );
    assert.ok(reported > 0, 'some changes were reported');
  });

  it('lists, in the transcripts folder, only transcripts whose text or sidecar changed, with their sidecars', async () => {
    const { files, names } = generatedProject();
    const [first, second] = names.map((n) => n.slice('transcripts/'.length));
    const view = changedTranscriptsOnly(
      files,
      new Set([`transcripts/${first}`, `transcripts/${second}.annotations.yaml`, 'codebook.yaml']),
      'transcripts',
    );
    assert.deepEqual(
      (await view.list('transcripts')).map((e) => e.name).sort(),
      [first, `${first}.annotations.yaml`, second, `${second}.annotations.yaml`].sort(),
    );
    assert.deepEqual(
      (await view.list('')).map((e) => e.name),
      (await files.list('')).map((e) => e.name),
    );
  });

  it('needs every transcript when the settings or the codebook changed, or a chapter cites by concept or query', () => {
    const sidecar = new Set(['transcripts/a.txt.annotations.yaml']);
    assert.equal(
      comparisonNeedsAll(sidecar, DEFAULT_SETTINGS, [{ path: 'chapters/1.md', text: 'Som K3 sier: {{q:7f2cq9ma}}' }]),
      false,
    );
    assert.equal(comparisonNeedsAll(new Set([...sidecar, 'qcode.yaml']), DEFAULT_SETTINGS, []), true);
    assert.equal(comparisonNeedsAll(new Set([...sidecar, 'codebook.yaml']), DEFAULT_SETTINGS, []), true);
    assert.equal(
      comparisonNeedsAll(
        new Set([...sidecar, 'begreper/kodebok.yaml']),
        { ...DEFAULT_SETTINGS, codebook: 'begreper/kodebok.yaml' },
        [],
      ),
      true,
    );
    assert.equal(
      comparisonNeedsAll(sidecar, DEFAULT_SETTINGS, [
        { path: 'chapters/1.md', text: '{{concept:koordinator informant=K3}}' },
      ]),
      true,
    );
    assert.equal(
      comparisonNeedsAll(sidecar, DEFAULT_SETTINGS, [{ path: 'chapters/1.md', text: '{{query:kveld}}' }]),
      true,
    );
  });
});

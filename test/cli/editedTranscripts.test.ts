import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { moveRanges, type LiveRange } from '../../src/core/anchoring/moveRanges';
import { checkJson, read, scratchProject, write } from './cliHarness';

/** A small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = [
  '[pause] ',
  'Altså, ',
  '\n[00:12:00]\n',
  '\nI: Kan du utdype?\n\nK9: Nei.\n',
  ' (uklart)',
  'æøå ÆØÅ 😀 ',
];

interface Tracked extends LiveRange {
  id: string;
  quote: string;
}

function lineColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  return `${lines.length}:${(lines[lines.length - 1] as string).length + 1}`;
}

/** Edits a transcript at random places outside every quote, tracking where each quote goes. */
function editOutsideQuotes(text: string, tracked: Tracked[], random: () => number, edits: number): string {
  for (let n = 0; n < edits; n++) {
    const at = Math.floor(random() * text.length);
    const inside = tracked.some((t) => at > t.start && at < t.end);
    if (inside) continue;
    const kind = random();
    const deleteLength =
      kind < 0.3 ? Math.min(3, ...tracked.map((t) => (t.start >= at ? t.start - at : Infinity)), text.length - at) : 0;
    const insert = kind < 0.3 ? '' : (INSERTS[Math.floor(random() * INSERTS.length)] as string);
    moveRanges(tracked, [{ rangeOffset: at, rangeLength: deleteLength, text: insert }]);
    text = text.slice(0, at) + insert + text.slice(at + deleteLength);
  }
  return text;
}

describe('sample transcripts edited after coding', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`leaves every untouched annotation exact or moved to the right place (seed ${seed})`, async () => {
      const dir = scratchProject();
      const random = seeded(seed);
      const original = await checkJson(dir);
      const expected = new Map<string, string>();
      for (const file of original.files) {
        const text = read(dir, file.transcript);
        const tracked: Tracked[] = file.annotations.map((a) => {
          const start = offsetOf(text, a.range as string);
          return { id: a.id, quote: a.quote, start, end: start + a.quote.length };
        });
        const edited = editOutsideQuotes(text, tracked, random, 40);
        for (const t of tracked)
          if (!t.touched) expected.set(t.id, `${lineColumn(edited, t.start)}-${lineColumn(edited, t.end)}`);
        write(dir, file.transcript, seed % 2 === 0 ? edited.replace(/\n/g, '\r\n') : edited);
      }
      const report = await checkJson(dir);
      const wrong = report.files
        .flatMap((f) => f.annotations)
        .filter(
          (a) =>
            expected.has(a.id) && (a.status === 'fuzzy' || a.status === 'orphaned' || a.range !== expected.get(a.id)),
        );
      assert.deepEqual(wrong, []);
      assert.ok(expected.size >= 40);
      assert.equal(report.code, 0);
    });
  }

  it('finds every passage again when the transcripts are saved in NFD with a BOM', async () => {
    const dir = scratchProject();
    for (const name of readdirSync(`${dir}/transcripts`).filter((n) => n.endsWith('.txt'))) {
      write(dir, `transcripts/${name}`, '\ufeff' + read(dir, `transcripts/${name}`).normalize('NFD'));
    }
    const report = await checkJson(dir);
    const statuses = new Set(report.files.flatMap((f) => f.annotations).map((a) => a.status));
    assert.deepEqual(
      [...statuses].filter((s) => s !== 'exact' && s !== 'moved'),
      [],
    );
    assert.deepEqual(
      report.problems.filter((p) => p.severity === 'error'),
      [],
    );
  });
});

function offsetOf(text: string, range: string): number {
  const [line, column] = range.split('-')[0]?.split(':').map(Number) as [number, number];
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

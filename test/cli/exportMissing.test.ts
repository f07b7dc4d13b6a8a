import assert from 'node:assert/strict';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { elements, unpackQdpx } from '../helpers/refiFiles';
import { fixtureEntries } from '../helpers/refiFixtures';
import { checkJson, qcode, read, scratchProject, write } from './cliHarness';

// An export must never leave annotations out without a word: those of a transcript that is missing
// (renamed, not yet pulled) are exported from the quotes saved in the sidecar, marked as such, and
// the exit code is 1.

const SIDECAR = 'transcripts/intervju-K3.txt.annotations.yaml';
const STDERR =
  /^(\d+) annotations were exported from the quote saved in the sidecar, marked as such, since the transcript does not have them: transcripts\/intervju-K3\.txt \((\d+), transcript missing or unreadable\)\. Restore the transcripts or run "qcode check" to see them\.$/m;
const MARK = 'quoted from the sidecar: the transcript is missing or cannot be read';

/** The sample project with intervju-K3.txt renamed away, and the quotes its sidecar holds. */
function withoutK3(): { dir: string; quotes: string[] } {
  const dir = scratchProject();
  renameSync(join(dir, 'transcripts', 'intervju-K3.txt'), join(dir, 'renamed-K3.txt'));
  const quotes = readSidecar(SIDECAR, read(dir, SIDECAR)).entries.map((e) => e.annotation.quote);
  assert.ok(quotes.length >= 5);
  return { dir, quotes };
}

function assertReported(stderr: string, count: number): void {
  const match = STDERR.exec(stderr);
  assert.ok(match, stderr);
  assert.deepEqual([Number(match[1]), Number(match[2])], [count, count]);
}

describe('qcode export with a transcript missing', () => {
  it("exports the missing transcript's annotations from their saved quotes in md, csv, json and docx, marked, and exits 1", async () => {
    const { dir, quotes } = withoutK3();
    const distinct = [...new Set(quotes)];
    const md = await qcode('export', dir, '--format', 'md');
    assert.equal(md.code, 1);
    assertReported(md.stderr, quotes.length);
    for (const quote of distinct) assert.ok(md.stdout.includes(quote.split('\n')[0] ?? quote), `md lacks ${quote}`);
    assert.ok(md.stdout.includes(`*Quoted from the sidecar: the transcript is missing or cannot be read.*`));

    const csv = await qcode('export', dir, '--format', 'csv');
    assert.equal(csv.code, 1);
    assertReported(csv.stderr, quotes.length);
    const k3Rows = csv.stdout.split('\r\n').filter((row) => row.includes('transcripts/intervju-K3.txt,'));
    assert.ok(k3Rows.length >= quotes.length);
    for (const row of k3Rows) assert.ok(row.includes(',,orphaned,') && row.endsWith(`,${MARK}`), row);

    const json = await qcode('export', dir, '--format', 'json');
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout) as {
      concepts: { quotes: { transcript: string; text: string; note: string | null; status: string }[] }[];
    };
    const k3 = parsed.concepts.flatMap((c) => c.quotes).filter((q) => q.transcript === 'transcripts/intervju-K3.txt');
    assert.deepEqual([...new Set(k3.map((q) => q.note))], [MARK]);
    assert.deepEqual(new Set(k3.map((q) => q.text)), new Set(distinct));

    const out = join(dir, 'kapittel.docx');
    const docx = await qcode('export', dir, '--format', 'docx', '--out', out);
    assert.equal(docx.code, 1);
    assertReported(docx.stderr, quotes.length);
    const document = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml'] ?? new Uint8Array());
    assert.ok(document.includes(`intervju-K3.txt, ${MARK}`), 'the Word file does not mark the quotes');
  });

  it('says it in the language of the export', async () => {
    const { dir } = withoutK3();
    write(dir, 'qcode.yaml', 'language: nb\n');
    const md = await qcode('export', dir, '--format', 'md');
    assert.equal(md.code, 1);
    assert.ok(
      md.stdout.includes('*Sitert fra sidecar-fila: transkripsjonen mangler eller kan ikke leses.*'),
      md.stdout,
    );
  });

  it('exits 0 when nothing chosen is missing, and 1 with the file named when a sidecar cannot be read', async () => {
    const { dir } = withoutK3();
    const others = await qcode('export', dir, '--format', 'md', '--informant', 'K1');
    assert.equal(others.code, 0, others.stderr);
    assert.equal(others.stderr, '');
    const whole = scratchProject();
    assert.equal((await qcode('export', whole, '--format', 'csv')).code, 0);
    write(whole, 'transcripts/intervju-K1.txt.annotations.yaml', 'qcode: 1\nannotations: [\n');
    const broken = await qcode('export', whole, '--format', 'csv');
    assert.equal(broken.code, 1);
    assert.match(
      broken.stderr,
      /^transcripts\/intervju-K1\.txt\.annotations\.yaml could not be read in full, so annotations of it may be missing from the export\. Run "qcode check" to see why\.\n$/m,
    );
  });

  it('keeps them in a .qdpx as a source of saved quotes, which qcode import turns back into orphans', async () => {
    const { dir, quotes } = withoutK3();
    const before = await checkJson(dir);
    const out = join(dir, 'prosjekt.qdpx');
    const result = await qcode('export', dir, '--format', 'qdpx', '--out', out);
    assert.equal(result.code, 1);
    assertReported(result.stderr, quotes.length);
    const unpacked = unpackQdpx(new Uint8Array(readFileSync(out)));
    const source = elements(unpacked.root, 'TextSource').find(
      (s) => s.getAttribute('name') === 'intervju-K3 (quotes from the sidecar).txt',
    );
    assert.ok(source, 'no source of saved quotes');
    assert.equal(elements(source, 'PlainTextSelection').length, quotes.length);
    assert.equal(
      unpacked.text(`sources/${source.getAttribute('guid')}.txt`),
      `${quotes.map((q) => q.replace(/\r\n?/g, '\n')).join('\n\n')}\n`,
    );

    const into = scratchProject(null);
    const imported = await qcode('import', out, '--into', into);
    assert.equal(imported.code, 1, 'the orphans are reported');
    assert.match(imported.stdout, /transcripts\/intervju-K3\.txt: saved-quotes/);
    const after = await checkJson(into);
    const annotations = (check: typeof before) =>
      check.files.flatMap((f) => f.annotations.map((a) => `${f.transcript} ${a.id}`)).sort();
    assert.deepEqual(annotations(after), annotations(before));
    const back = readSidecar(SIDECAR, read(into, SIDECAR)).entries.map((e) => e.annotation.quote);
    assert.deepEqual(back.sort(), quotes.map((q) => q.replace(/\r\n?/g, '\n')).sort());
  });

  it('does not lose the annotations of an ATLAS.ti project imported without its sources in a round trip', async () => {
    const entries = fixtureEntries('atlas');
    delete entries['intervju-M2.txt'];
    const first = scratchProject(null);
    const file = join(first, 'atlas.qdpx');
    writeFileSync(file, zipSync(entries));
    assert.equal((await qcode('import', file, '--into', join(first, 'a'))).code, 1);
    const sidecar = 'transcripts/intervju-M2.txt.annotations.yaml';
    const original = read(join(first, 'a'), sidecar);
    assert.equal(readSidecar(sidecar, original).entries.length, 3);
    const exported = await qcode('export', join(first, 'a'), '--format', 'qdpx', '--out', join(first, 'a.qdpx'));
    assert.equal(exported.code, 1);
    assert.match(exported.stdout, /3 selections; 3 annotations from saved quotes\.\n$/);
    assert.equal((await qcode('import', join(first, 'a.qdpx'), '--into', join(first, 'b'))).code, 1);
    assert.equal(read(join(first, 'b'), sidecar), original);
  });
});

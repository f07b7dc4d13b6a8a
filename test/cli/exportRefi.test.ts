import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assertNoBomNoCr, assertValid, elements, sliceCodePoints, unpackQdpx } from '../helpers/refiFiles';
import { hardProjectFiles } from '../helpers/refiProject';
import { qcode, read, scratchProject, write } from './cliHarness';

/** Runs qcode with `folder` as the current folder. */
async function qcodeIn(folder: string, ...argv: string[]) {
  const previous = process.cwd();
  process.chdir(folder);
  try {
    return await qcode(...argv);
  } finally {
    process.chdir(previous);
  }
}

function hardProjectOnDisk(): string {
  const dir = scratchProject(null);
  mkdirSync(join(dir, 'transcripts'));
  for (const [path, content] of Object.entries(hardProjectFiles())) write(dir, path, content);
  return dir;
}

describe('qcode export --format qdpx|qdc', () => {
  it('writes <project folder>.qdpx into the current folder and sums up what went in', async () => {
    const dir = scratchProject();
    const cwd = scratchProject(null);
    const result = await qcodeIn(cwd, 'export', dir, '--format', 'qdpx');
    assert.equal(result.code, 0, result.stderr);
    const file = join(cwd, `${basename(dir)}.qdpx`);
    assert.ok(existsSync(file), `${file} was not written`);
    const unpacked = unpackQdpx(new Uint8Array(readFileSync(file)));
    await assertValid(unpacked.xmlBytes, 'project');
    const selections = elements(unpacked.root, 'PlainTextSelection').length;
    assert.ok(selections > 0);
    assert.equal(
      result.stdout,
      `Wrote ${basename(file)}: 7 sources, ${elements(unpacked.root, 'Code').length} codes, ${elements(unpacked.root, 'Case').length} cases, ${selections} selections; 0 annotations from saved quotes.\n`,
    );
    assert.equal(unpacked.root.getAttribute('name'), basename(dir));
  });

  it('writes the codebook alone as codebook.qdc, or where --out says', async () => {
    const dir = scratchProject();
    const cwd = scratchProject(null);
    const byDefault = await qcodeIn(cwd, 'export', dir, '--format', 'qdc');
    assert.equal(byDefault.code, 0, byDefault.stderr);
    const xml = readFileSync(join(cwd, 'codebook.qdc'));
    await assertValid(xml, 'codebook');
    assertNoBomNoCr(xml, 'codebook.qdc');
    assert.match(byDefault.stdout, /^Wrote codebook\.qdc: \d+ codes\.\n$/);
    const out = join(cwd, 'nested', 'koder.qdc');
    mkdirSync(join(cwd, 'nested'));
    const chosen = await qcode('export', dir, '--format', 'qdc', '--out', out);
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.deepEqual(readFileSync(out), xml);
  });

  it('keeps an orphaned annotation in a source of saved quotes, says so, exits 1, and still writes a valid package', async () => {
    const dir = hardProjectOnDisk();
    const out = join(dir, 'ut.qdpx');
    const result = await qcode('export', dir, '--format', 'qdpx', '--out', out);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /: 3 sources, 5 codes, 3 cases, 6 selections; 1 annotation from saved quotes\.\n$/);
    assert.match(
      result.stderr,
      /1 annotation was exported from the quote saved in the sidecar, marked as such, since the transcript does not have them: transcripts\/crlf-K1\.txt \(1, not found in the text\)/,
    );
    assert.match(result.stderr, /named "<transcript> \(quotes from the sidecar\)"/);
    assert.match(result.stderr, /1 coding of concepts missing from codebook\.yaml left out/);
    assert.match(result.stderr, /qcode check/);
    const bytes = new Uint8Array(readFileSync(out));
    const unpacked = unpackQdpx(bytes);
    await assertValid(unpacked.xmlBytes, 'project');
    for (const [name, entry] of Object.entries(unpacked.entries)) assertNoBomNoCr(entry, name);
    const source = elements(unpacked.root, 'TextSource').find((s) => s.getAttribute('name') === 'emoji-K2.txt');
    const selection = source && elements(source, 'PlainTextSelection')[0];
    assert.ok(selection);
    const text = unpacked.text(`sources/${source.getAttribute('guid')}.txt`);
    assert.ok(
      sliceCodePoints(
        text,
        Number(selection.getAttribute('startPosition')),
        Number(selection.getAttribute('endPosition')),
      ).startsWith('Først noen emoji'),
    );
  });

  it('writes the same bytes twice', async () => {
    const dir = hardProjectOnDisk();
    await qcode('export', dir, '--format', 'qdpx', '--out', join(dir, 'a.qdpx'));
    await qcode('export', dir, '--format', 'qdpx', '--out', join(dir, 'b.qdpx'));
    assert.deepEqual(readFileSync(join(dir, 'b.qdpx')), readFileSync(join(dir, 'a.qdpx')));
  });

  it('refuses quote filters with REFI formats and an unknown format (exit 2), and an empty codebook for .qdc (exit 1)', async () => {
    const dir = scratchProject();
    const filtered = await qcode('export', dir, '--format', 'qdpx', '--concept', 'samordning');
    assert.equal(filtered.code, 2);
    assert.match(filtered.stderr, /--concept and --informant do not apply to --format qdpx/);
    assert.equal((await qcode('export', dir, '--format', 'qdx')).code, 2);
    write(dir, 'codebook.yaml', 'concepts: []\n');
    const empty = await qcode('export', dir, '--format', 'qdc', '--out', join(dir, 'tom.qdc'));
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /codebook\.yaml has no concepts/);
    assert.equal(existsSync(join(dir, 'tom.qdc')), false);
    assert.ok(read(dir, 'codebook.yaml').startsWith('concepts'));
  });
});

import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { ZipArchive } from '../../src/core/refi/zipArchive';
import { gzipPieces, ZipWriter } from '../../src/core/refi/zipWriter';

describe('writing a zip archive', () => {
  it('writes entries that fflate and qcode read back, names with æøå and empty entries included', async () => {
    const zip = new ZipWriter();
    zip.add('project.qde', await gzipPieces(['<Project>', 'Blåbær 🫐 '.repeat(50_000), '</Project>']));
    zip.add('sources/blåbær.txt', await gzipPieces(['K1: Ja.\n']));
    zip.add('tom.txt', await gzipPieces([]));
    const bytes = zip.finish();
    const unzipped = unzipSync(bytes);
    assert.deepEqual(Object.keys(unzipped), ['project.qde', 'sources/blåbær.txt', 'tom.txt']);
    assert.equal(strFromU8(unzipped['project.qde'] as Uint8Array), `<Project>${'Blåbær 🫐 '.repeat(50_000)}</Project>`);
    const archive = new ZipArchive(bytes);
    assert.deepEqual(
      archive.entries.map((e) => e.name),
      ['project.qde', 'sources/blåbær.txt', 'tom.txt'],
    );
    assert.equal(strFromU8(archive.read(archive.entries[1] as (typeof archive.entries)[number])), 'K1: Ja.\n');
    assert.equal(archive.read(archive.entries[2] as (typeof archive.entries)[number]).length, 0);
  });

  it('gives the same bytes for the same entries', async () => {
    const build = async () => {
      const zip = new ZipWriter();
      zip.add('a.txt', await gzipPieces(['en ', 'to']));
      zip.add('b.txt', await gzipPieces(['tre']));
      return zip.finish();
    };
    assert.deepEqual(await build(), await build());
  });

  it('passes on a failure of the pieces rather than waiting for them', async () => {
    function* failing(): Generator<string> {
      yield 'begynnelsen';
      throw new Error('stopp');
    }
    await assert.rejects(gzipPieces(failing()), /stopp/);
  });

  it('refuses more entries than a zip without zip64 holds', async () => {
    const zip = new ZipWriter();
    const empty = await gzipPieces([]);
    for (let i = 0; i < 0xffff; i++) zip.add(`${i}.txt`, empty);
    assert.throws(() => zip.add('one-too-many.txt', empty), /would need zip64/);
  });
});

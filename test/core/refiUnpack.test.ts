import assert from 'node:assert/strict';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { importRefi } from '../../src/core/refi/importRefi';
import { RefiReadError } from '../../src/core/refi/readError';
import { checkInputSize, readRefiInput } from '../../src/core/refi/readPackage';
import { inflateInJs, type Inflater, type UnpackLimits } from '../../src/core/refi/zipArchive';
import { zlibInflate } from '../../src/node/inflate';
import { handZip } from '../helpers/handZip';
import { MemoryFiles } from '../helpers/memoryFiles';
import { projectXml } from '../helpers/refiHostile';

const SOURCE = 'a0000000-0000-4000-8000-000000000001';
const OTHER = 'a0000000-0000-4000-8000-000000000002';
const QDE = projectXml({
  sources: [
    { guid: SOURCE, name: 'K1', selections: [{ guid: 'b0000000-0000-4000-8000-000000000001', start: 0, end: 3 }] },
  ],
});
const SMALL: UnpackLimits = { entryBytes: 1000, totalBytes: 1500 };
/** Not deflate data at all: inflating it fails at once, so an entry made of it must never be read. */
const NOT_DEFLATE = new Uint8Array([0xff, 0xff, 0xff, 0xff]);

function refused(run: () => unknown, message: RegExp): void {
  assert.throws(
    run,
    (error: unknown) => error instanceof RefiReadError && message.test(error.message),
    `expected a RefiReadError matching ${message}`,
  );
}

const INFLATERS: [string, Inflater][] = [
  ["the core's inflater", inflateInJs],
  ["Node's zlib", zlibInflate],
];

for (const [inflaterName, inflate] of INFLATERS)
  describe(`reading a .qdpx within limits (${inflaterName})`, () => {
    it('unpacks only project.qde and the sources it names, never other entries, whatever they declare', () => {
      const bytes = handZip([
        { name: 'project.qde', data: QDE },
        { name: `sources/${SOURCE}.txt`, data: 'Ja.' },
        ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: `sources/bomb-${n}.txt`, raw: NOT_DEFLATE, declaredSize: 2 ** 30 })),
        { name: 'media/video.mp4', raw: NOT_DEFLATE, declaredSize: 2 ** 31 },
      ]);
      const pkg = readRefiInput({ name: 'p.qdpx', bytes }, { limits: SMALL, inflate });
      assert.deepEqual([...pkg.sourceFiles.keys()], [SOURCE]);
      assert.equal(new TextDecoder().decode(pkg.sourceFiles.get(SOURCE)), 'Ja.');
    });

    it('refuses, before inflating, an entry that declares more than the limit, saying how large', () => {
      const bytes = handZip([
        { name: 'project.qde', data: QDE },
        { name: `sources/${SOURCE}.txt`, raw: NOT_DEFLATE, declaredSize: 5000 },
      ]);
      refused(
        () => readRefiInput({ name: 'p.qdpx', bytes }, { limits: SMALL, inflate }),
        /^p\.qdpx: cannot be imported: sources\/a0000000-0000-4000-8000-000000000001\.txt is too large \(5 KB unpacked, limit 1 KB\)\. Nothing was written\.$/,
      );
      const qde = handZip([{ name: 'project.qde', raw: NOT_DEFLATE, declaredSize: 2 ** 30 }]);
      refused(
        () => readRefiInput({ name: 'q.qdpx', bytes: qde }, { inflate }),
        /project\.qde is too large \(1024 MB unpacked, limit 512 MB\)/,
      );
    });

    it('refuses sources that are within the limit one by one but not together', () => {
      const qde = projectXml({ sources: [SOURCE, OTHER].map((guid) => ({ guid, name: guid, selections: [] })) });
      const bytes = handZip([
        { name: 'project.qde', data: qde },
        ...[SOURCE, OTHER].map((guid) => ({ name: `sources/${guid}.txt`, data: 'x'.repeat(900) })),
      ]);
      refused(
        () =>
          readRefiInput(
            { name: 'p.qdpx', bytes },
            { limits: { entryBytes: 1000, totalBytes: qde.length + 1500 }, inflate },
          ),
        /its entries are too large together \(\d+ KB unpacked, limit \d+ KB\)/,
      );
      assert.equal(
        readRefiInput({ name: 'p.qdpx', bytes }, { limits: { entryBytes: 1000, totalBytes: 10000 }, inflate })
          .sourceFiles.size,
        2,
      );
    });

    it('stops inflating an entry that gives more than it declares (a zip bomb lies about its size)', () => {
      const bytes = handZip([
        { name: 'project.qde', data: QDE },
        { name: `sources/${SOURCE}.txt`, data: new Uint8Array(4 * 1024 * 1024), declaredSize: 100 },
      ]);
      refused(
        () => readRefiInput({ name: 'p.qdpx', bytes }, { limits: SMALL, inflate }),
        /sources\/a0000000-0000-4000-8000-000000000001\.txt is too large: it unpacks to more than the 1 KB it declares/,
      );
    });

    it('reads entries stored without compression, as some tools write them', () => {
      const bytes = zipSync({
        'project.qde': [strToU8(QDE), { level: 0 }],
        [`sources/${SOURCE}.txt`]: [strToU8('Ja.'), { level: 0 }],
      });
      assert.equal(
        new TextDecoder().decode(
          readRefiInput({ name: 'p.qdpx', bytes }, { limits: SMALL, inflate }).sourceFiles.get(SOURCE),
        ),
        'Ja.',
      );
    });

    it('says "truncated or damaged" only for an archive that is', () => {
      const whole = handZip([{ name: 'project.qde', data: QDE }]);
      refused(
        () => readRefiInput({ name: 'p.qdpx', bytes: whole.subarray(0, whole.length - 30) }, { inflate }),
        /cannot be unpacked \(it has no zip directory at its end\); the archive is truncated or damaged/,
      );
      const short = handZip([{ name: 'project.qde', data: QDE, declaredSize: QDE.length + 10 }]);
      refused(
        () => readRefiInput({ name: 'p.qdpx', bytes: short }, { inflate }),
        /unpacks to \d+ bytes, not the \d+ it declares\); the archive is truncated or damaged/,
      );
      const notDeflate = handZip([{ name: 'project.qde', raw: NOT_DEFLATE, declaredSize: 100 }]);
      refused(
        () => readRefiInput({ name: 'p.qdpx', bytes: notDeflate }, { inflate }),
        /cannot be unpacked \(project\.qde cannot be inflated \(.+\)\); the archive is truncated or damaged/,
      );
      const cut = handZip([{ name: 'project.qde', raw: deflateSync(strToU8(QDE)).subarray(0, 20), declaredSize: 900 }]);
      refused(
        () => readRefiInput({ name: 'p.qdpx', bytes: cut }, { inflate }),
        /cannot be unpacked \(project\.qde (cannot be inflated \(.+\)|unpacks to \d+ bytes, not the 900 it declares)\); the archive is truncated or damaged/,
      );
    });

    it('refuses a bare .qde larger than an entry may be', () => {
      refused(
        () =>
          readRefiInput(
            { name: 'p.qde', bytes: new TextEncoder().encode(QDE) },
            { limits: { entryBytes: 100, totalBytes: 100 }, inflate },
          ),
        /^p\.qde: is too large \(\d+ KB, limit 1 KB\)\.$/,
      );
    });

    it('refuses an input file larger than all it may unpack to before reading it', () => {
      refused(
        () => checkInputSize('stor.qdpx', 3000, SMALL),
        /^stor\.qdpx: is too large \(3 KB, limit 2 KB\)\. Nothing was written\.$/,
      );
      assert.doesNotThrow(() => checkInputSize('liten.qdpx', 1500, SMALL));
    });

    it('writes nothing into the project when the package is refused', async () => {
      const files = new MemoryFiles({ 'codebook.yaml': 'concepts: []\n' });
      const bytes = handZip([
        { name: 'project.qde', data: QDE },
        { name: `sources/${SOURCE}.txt`, raw: NOT_DEFLATE, declaredSize: 2 ** 30 },
      ]);
      await assert.rejects(importRefi(files, { name: 'p.qdpx', bytes }, { limits: SMALL, inflate }), /too large/);
      assert.deepEqual(files.writes, []);
    });
  });

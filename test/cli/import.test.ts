import { strict as assert } from 'node:assert';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureQdpx, REFI_FIXTURES } from '../helpers/refiFixtures';
import { checkJson, qcode, read, scratchProject } from './cliHarness';

function qdpxFile(folder: string): string {
  const path = join(scratchProject(null), `${folder}.qdpx`);
  writeFileSync(path, fixtureQdpx(folder).bytes);
  return path;
}

describe('qcode import', () => {
  it('imports an NVivo project into a new folder that qcode check then accepts', async () => {
    const into = join(scratchProject(null), 'studie');
    const result = await qcode('import', qdpxFile('nvivo-win'), '--into', into);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /3 codes -> 3 concepts added/);
    assert.match(result.stdout, /4 selections, 4 codings -> 3 annotations added/);
    assert.match(
      result.stdout,
      /transcripts\/Intervju K3\.txt: written; positions read as UTF-16 code units, CRLF as two/,
    );
    const check = await checkJson(into);
    assert.equal(check.code, 0, JSON.stringify(check.problems));
    assert.deepEqual(
      check.files[0]?.annotations.map((a) => [a.status, a.quote]),
      [
        ['exact', 'Jeg ringer koordinatoren min.'],
        ['exact', 'Hun svarer nesten alltid.'],
        ['exact', 'Også utenom kontortid?\nK3: Da har jeg nummeret til et par av dem.'],
      ],
    );
    assert.match(read(into, 'codebook.yaml'), /guid: 0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9/);
  });

  it('prints the summary as JSON and exits 1 when something could not be placed', async () => {
    const into = scratchProject(null);
    const result = await qcode('import', qdpxFile('missing-source'), '--into', into, '--format', 'json');
    assert.equal(result.code, 1);
    const summary = JSON.parse(result.stdout) as {
      counts: { selections: number };
      annotations: { orphaned: number };
      problems: { kind: string }[];
    };
    assert.equal(summary.counts.selections, 4);
    assert.equal(summary.annotations.orphaned, 3);
    assert.ok(summary.problems.some((p) => p.kind === 'missing-source'));
  });

  it('imports into the current folder by default and reports a conflicting transcript on the second run with other text', async () => {
    const into = scratchProject(null);
    const cwd = process.cwd();
    process.chdir(into);
    try {
      assert.equal((await qcode('import', qdpxFile('maxqda'))).code, 0);
    } finally {
      process.chdir(cwd);
    }
    writeFileSync(join(into, 'transcripts', 'Intervju L5.txt'), 'Endret tekst.\n');
    const again = await qcode('import', qdpxFile('maxqda'), '--into', into);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /conflict: transcripts\/Intervju L5\.txt exists with other text/);
    assert.equal(read(into, 'transcripts/Intervju L5.txt'), 'Endret tekst.\n');
  });

  it('says clearly why a file cannot be read, and writes nothing', async () => {
    const into = join(scratchProject(null), 'tom');
    const result = await qcode('import', join(REFI_FIXTURES, 'not-xml.qdc'), '--into', into);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^qcode import: not-xml\.qdc: is not XML/);
    assert.equal(existsSync(join(into, 'codebook.yaml')), false);
  });

  it('is a usage error without a file, with a missing file or with an unknown format', async () => {
    assert.equal((await qcode('import')).code, 2);
    assert.equal((await qcode('import', 'nowhere.qdpx')).code, 2);
    assert.equal((await qcode('import', join(REFI_FIXTURES, 'taguette.qdc'), '--format', 'xml')).code, 2);
  });
});

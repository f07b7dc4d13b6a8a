import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureQdpx } from '../helpers/refiFixtures';
import { checkJson, qcode, scratchProject } from './cliHarness';

/** What check may still find after an import that reported it: passages or sources it could not place. */
const REPORTED = new Set(['orphaned', 'missing-transcript']);

describe('qcode check after qcode import', () => {
  for (const fixture of [
    'atlas',
    'maxqda',
    'missing-source',
    'nvivo-mac',
    'nvivo-win',
    'qc',
    'qualcoder',
    'third-party',
  ]) {
    it(`accepts the project imported from ${fixture}, or reports only what the import reported`, async () => {
      const dir = scratchProject(null);
      const file = join(dir, `${fixture}.qdpx`);
      writeFileSync(file, fixtureQdpx(fixture).bytes);
      const imported = await qcode('import', file, '--into', join(dir, 'p'), '--format', 'json');
      const summary = JSON.parse(imported.stdout) as { problems: { kind: string }[]; informants: { speakers: number } };
      const check = await checkJson(join(dir, 'p'));
      const errors = check.problems.filter((p) => p.severity === 'error');
      if (imported.code === 0) assert.equal(check.code, 0, JSON.stringify(errors));
      else {
        assert.ok(summary.problems.some((p) => p.kind === 'missing-source' || p.kind === 'orphan'));
        assert.deepEqual(
          errors.filter((p) => !REPORTED.has(p.code)),
          [],
        );
      }
    });
  }

  it('registers the speakers that imported passages name and no case does', async () => {
    const dir = scratchProject(null);
    const file = join(dir, 'atlas.qdpx');
    writeFileSync(file, fixtureQdpx('atlas').bytes);
    const imported = await qcode('import', file, '--into', join(dir, 'p'));
    assert.match(
      imported.stdout,
      /0 cases -> 1 informants added \(1 of them speakers in the transcripts\), 0 already registered/,
    );
  });
});

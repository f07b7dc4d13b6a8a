import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkJson, qcode, SAMPLE, scratchProject, write } from './cliHarness';
import { scratchDir } from '../helpers/scratch';

/** The sample project in wrapper/project, so that what lands beside it in wrapper/ can be seen. */
function wrappedProject(): { wrapper: string; dir: string } {
  const wrapper = scratchDir('qcode-wrapper-');
  const dir = join(wrapper, 'project');
  cpSync(SAMPLE, dir, { recursive: true });
  return { wrapper, dir };
}

describe('paths in qcode.yaml stay inside the project', () => {
  it('a transcripts folder above the project is refused at its line and column, and nothing there is read', async () => {
    const { wrapper, dir } = wrappedProject();
    mkdirSync(join(wrapper, 'andre'));
    writeFileSync(join(wrapper, 'andre', 'fremmed.txt'), 'K9: Ikke herfra.\n');
    write(dir, 'qcode.yaml', '# settings\ntranscripts: ../andre\n');
    const report = await checkJson(dir);
    assert.equal(report.code, 1);
    const refused = report.problems.filter((p) => p.code === 'path-outside');
    assert.deepEqual(
      refused.map((p) => [p.file, p.line, p.column, p.severity]),
      [['qcode.yaml', 2, 14, 'error']],
    );
    assert.match(refused[0]?.message ?? '', /"transcripts" must be a path inside the project folder/);
    assert.equal(
      report.files.some((f) => f.transcript.includes('fremmed')),
      false,
    );
  });

  it('a transcripts folder that does not exist (a typo) is an error, not an empty project', async () => {
    const dir = scratchProject();
    write(dir, 'qcode.yaml', 'transcripts: transkripsjoner\n');
    const result = await qcode('check', dir);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /^qcode\.yaml:1:14: error missing-folder: The transcripts folder "transkripsjoner" does not exist\. Correct the path/m,
    );
  });

  it('a fresh project from qcode init checks clean', async () => {
    const dir = scratchProject(null);
    assert.equal((await qcode('init', dir)).code, 0);
    const result = await qcode('check', dir);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /^0 transcripts, 0 annotations: .*; 0 errors, 0 warnings\.\n$/);
  });

  it('an export preset whose out: leaves the project writes nothing there; --out on the command line may', async () => {
    const { wrapper, dir } = wrappedProject();
    const absolute = join(scratchDir('qcode-absolute-'), 'kapittel.md');
    write(
      dir,
      'qcode.yaml',
      `exports:\n  opp:\n    format: md\n    out: ../rømt.md\n  absolutt:\n    format: md\n    out: ${absolute}\n`,
    );
    const report = await checkJson(dir);
    assert.deepEqual(
      report.problems.filter((p) => p.code === 'path-outside').map((p) => [p.line, p.column]),
      [
        [4, 10],
        [7, 10],
      ],
    );
    for (const preset of ['opp', 'absolutt']) {
      const refused = await qcode('export', dir, '--preset', preset);
      assert.equal(refused.code, 1, refused.stderr);
      assert.equal(refused.stdout, '');
      assert.match(
        refused.stderr,
        new RegExp(`qcode\\.yaml:4:10: .*path-outside|qcode\\.yaml:4:10: .*inside the project.*--preset ${preset}`),
      );
    }
    assert.deepEqual(readdirSync(wrapper), ['project']);
    assert.equal(existsSync(absolute), false);
    const chosen = await qcode('export', dir, '--format', 'md', '--out', join(wrapper, 'valgt.md'));
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.ok(existsSync(join(wrapper, 'valgt.md')));
  });
});

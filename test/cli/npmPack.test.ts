import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE } from './cliHarness';

// The command line installs on its own: `npm pack` (whose prepack builds dist/cli.js) gives a
// tarball of the bundle alone, `npm install -g` installs it offline into a fresh prefix, and the
// installed `qcode` checks a copy of the sample project outside the repository.

const ROOT = join(__dirname, '..', '..');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** This process's environment without npm's settings, which `npm test` would pass down. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the command line as an npm package', function () {
  this.timeout(180000);
  let dir: string;
  let qcode: (...args: string[]) => { code: number; stdout: string };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'qcode-pack-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('packs the CLI bundle alone, with the package description, README, LICENSE and CHANGELOG', () => {
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as {
      filename: string;
      files: { path: string }[];
    }[];
    assert.ok(packed);
    assert.equal(packed.filename, `qcode-${version}.tgz`);
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'package.json',
    ]);
  });

  it('installs globally into a new prefix without the network, needing no other package', () => {
    const prefix = join(dir, 'prefix');
    npm(
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--offline',
        '--no-audit',
        '--no-fund',
        join(dir, `qcode-${version}.tgz`),
      ],
      dir,
    );
    const installed = join(prefix, 'lib', 'node_modules', 'qcode');
    assert.ok(existsSync(join(installed, 'dist', 'cli.js')));
    assert.ok(!existsSync(join(installed, 'node_modules')), 'no dependencies were installed');
    const bin = join(prefix, 'bin', 'qcode');
    qcode = (...args) => {
      try {
        return {
          code: 0,
          stdout: execFileSync(bin, args, {
            cwd: dir,
            env: cleanEnv(),
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          }),
        };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { code: failed.status, stdout: failed.stdout };
      }
    };
    assert.deepEqual(qcode('--version'), { code: 0, stdout: `qcode ${version}\n` });
  });

  it('checks a copy of the sample project outside the repository', () => {
    assert.ok(qcode, 'the install step ran');
    const project = join(dir, 'study');
    cpSync(SAMPLE, project, { recursive: true });
    const checked = qcode('check', 'study', '--format', 'json');
    assert.equal(checked.code, 0, checked.stdout);
    const report = JSON.parse(checked.stdout) as {
      files: { annotations: { status: string }[] }[];
      problems: unknown[];
    };
    const statuses = report.files.flatMap((f) => f.annotations.map((a) => a.status));
    assert.ok(
      report.files.length >= 5 && statuses.length >= 50,
      `${report.files.length} files, ${statuses.length} annotations`,
    );
    assert.deepEqual([...new Set(statuses)], ['exact']);
    assert.deepEqual(report.problems, []);
    const sidecar = join(project, 'transcripts', 'intervju-K3.txt.annotations.yaml');
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace(/concepts: \[/, 'concepts: [ukjent-begrep, '));
    const broken = qcode('check', 'study');
    assert.equal(broken.code, 1, broken.stdout);
    assert.match(
      broken.stdout,
      /intervju-K3\.txt\.annotations\.yaml:\d+:\d+: error unknown-concept: .*"ukjent-begrep"/,
    );
  });

  it('gives help for a command', () => {
    const help = qcode('diff', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage:\n {2}qcode diff <base-rev>/);
  });
});

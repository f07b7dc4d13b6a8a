import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
let built: string | undefined;

/**
 * The command line bundled from the sources as they are now (dist/cli.js, built once per test run),
 * for tests that run it as a process of its own; QCODE_CLI names another build.
 */
export function builtCli(): string {
  if (process.env.QCODE_CLI) return process.env.QCODE_CLI;
  if (built) return built;
  const build = spawnSync(process.execPath, ['esbuild.js', '--only', 'dist/cli.js'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building dist/cli.js failed:\n${build.stderr}`);
  built = join(REPO, 'dist', 'cli.js');
  return built;
}

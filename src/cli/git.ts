import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { joinPath, SIDECAR_SUFFIX } from '../core/paths';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/settings';

const run = promisify(execFile);

/** The files qcode merges item by item: sidecars, and the codebook and informant registry by name. */
export function mergedPatterns(settings: Pick<Settings, 'codebook' | 'informants'>): string[] {
  const names = [DEFAULT_SETTINGS.codebook, DEFAULT_SETTINGS.informants, settings.codebook, settings.informants].map(
    (name) => joinPath(name),
  );
  return [...new Set([`*${SIDECAR_SUFFIX}`, ...names.filter((name) => name !== '' && !/[\s"\\]/.test(name))])];
}

/**
 * Makes git merge qcode's files item by item: the attributes go into .gitattributes (shared with
 * the team), the driver into this clone's git config. Returns what it did.
 */
export async function registerMergeDriver(
  root: string,
  patterns: readonly string[] = mergedPatterns(DEFAULT_SETTINGS),
): Promise<string[]> {
  const done: string[] = [];
  const attributesPath = join(root, '.gitattributes');
  const attributes = await readFile(attributesPath, 'utf8').catch(() => '');
  const present = new Set(attributes.split(/\r?\n/));
  const missing = patterns.map((pattern) => `${pattern} merge=qcode`).filter((line) => !present.has(line));
  if (missing.length > 0) {
    await writeFile(
      attributesPath,
      `${attributes}${attributes && !attributes.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`,
    );
    done.push('added the qcode merge driver to .gitattributes');
  }
  if (!(await isGitRepository(root))) return done;
  const driver = `${driverProgram()} merge-driver %O %A %B %P`;
  const current = await git(root, ['config', '--local', '--get', 'merge.qcode.driver']).catch(() => '');
  if (current.trim() !== driver) {
    await git(root, [
      'config',
      '--local',
      'merge.qcode.name',
      'qcode: merges annotations, concepts and informants item by item',
    ]);
    await git(root, ['config', '--local', 'merge.qcode.driver', driver]);
    done.push('registered the merge driver in .git/config');
  }
  return done;
}

async function isGitRepository(root: string): Promise<boolean> {
  return git(root, ['rev-parse', '--git-dir']).then(
    () => true,
    () => false,
  );
}

async function git(cwd: string, args: string[]): Promise<string> {
  return (await run('git', args, { cwd, encoding: 'utf8' })).stdout;
}

/**
 * This very program as git should start it: the same Node (git may run without Node on its PATH)
 * with the same loader options (so that `npx tsx src/cli/main.ts init` registers a driver that runs).
 */
function driverProgram(): string {
  return [process.execPath, ...process.execArgv, process.argv[1] ?? 'qcode']
    .map((part) => JSON.stringify(part))
    .join(' ');
}

import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ATTRIBUTE = '*.annotations.yaml merge=qcode';

/**
 * Makes git merge sidecars annotation by annotation: the attribute goes into .gitattributes (shared
 * with the team), the driver into this clone's git config. Returns what it did.
 */
export async function registerMergeDriver(root: string): Promise<string[]> {
  const done: string[] = [];
  const attributesPath = join(root, '.gitattributes');
  const attributes = await readFile(attributesPath, 'utf8').catch(() => '');
  if (!attributes.split(/\r?\n/).includes(ATTRIBUTE)) {
    await writeFile(attributesPath, `${attributes}${attributes && !attributes.endsWith('\n') ? '\n' : ''}${ATTRIBUTE}\n`);
    done.push('added the qcode merge driver to .gitattributes');
  }
  if (!(await isGitRepository(root))) return done;
  const driver = `node ${JSON.stringify(process.argv[1] ?? 'qcode')} merge-driver %O %A %B %P`;
  const current = await git(root, ['config', '--local', '--get', 'merge.qcode.driver']).catch(() => '');
  if (current.trim() !== driver) {
    await git(root, ['config', '--local', 'merge.qcode.name', 'qcode annotation merge']);
    await git(root, ['config', '--local', 'merge.qcode.driver', driver]);
    done.push('registered the merge driver in .git/config');
  }
  return done;
}

async function isGitRepository(root: string): Promise<boolean> {
  return git(root, ['rev-parse', '--git-dir']).then(() => true, () => false);
}

async function git(cwd: string, args: string[]): Promise<string> {
  return (await run('git', args, { cwd, encoding: 'utf8' })).stdout;
}

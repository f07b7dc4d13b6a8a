import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CommandError, UsageError } from './usage';

const execFileAsync = promisify(execFile);
/** Room for the file listing of a large repository. */
const MAX_OUTPUT = 512 * 1024 * 1024;

export const GIT_MISSING = 'git was not found. Install git or put it on PATH: qcode reads revisions through it.';

/** Runs git in a folder and returns what it printed. */
export async function runGit(cwd: string, args: readonly string[]): Promise<string> {
  try {
    return (await execFileAsync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT })).stdout;
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) throw new CommandError(GIT_MISSING);
    const said = String((error as { stderr?: unknown }).stderr ?? '')
      .trim()
      .split('\n')[0];
    throw new CommandError(`git ${args[0] ?? ''} failed${said ? `: ${said}` : ''}.`);
  }
}

/** Where a folder is inside its git working tree: '' at the top, else like 'studies/k3/'; undefined outside one. */
export async function repositoryPrefix(folder: string): Promise<string | undefined> {
  try {
    return (await runGit(folder, ['rev-parse', '--show-prefix'])).trim();
  } catch (error) {
    if ((error as Error).message === GIT_MISSING) throw error;
    return undefined;
  }
}

/** The commit a revision names (branch, tag, commit, origin/main, HEAD~2), or a usage error. */
export async function resolveCommit(folder: string, revision: string): Promise<string> {
  if (revision === '' || revision.startsWith('-'))
    throw new UsageError(`"${revision}" is not a revision. Name a branch, tag or commit.`);
  try {
    return (
      await runGit(folder, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])
    ).trim();
  } catch (error) {
    if ((error as Error).message === GIT_MISSING) throw error;
    throw new UsageError(
      `Unknown revision "${revision}". Name a branch, tag or commit, e.g. main or origin/main (run "git fetch" first if it is only on the remote).`,
    );
  }
}

export function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * The files below a folder that differ in the working tree from `commit`, or are new and not ignored, as paths from the
 * folder.
 */
export async function workingTreeChanges(folder: string, commit: string): Promise<Set<string>> {
  const changed = await runGit(folder, ['diff', '--name-only', '-z', '--no-renames', '--relative', commit, '--']);
  const untracked = await runGit(folder, ['ls-files', '-z', '--others', '--exclude-standard']);
  return new Set([...changed.split('\0'), ...untracked.split('\0')].filter((path) => path !== ''));
}

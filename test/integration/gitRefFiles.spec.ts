// The editor's reader of files at a git ref (through the git extension) against the command
// line's (git cat-file): the same bytes for every file, absent for the same paths, a failure for the
// same bad ref. The workspace is a git repository with the sample project committed on main; the
// spec adds a branch made with git's plumbing, so the working tree does not change.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ProjectFiles } from '../../src/core/port';
import { GitRefFiles as CliGitRefFiles } from '../../src/cli/gitRefFiles';
import { repositoryOf } from '../../src/extension/features/changes/gitApi';
import { GitRefFiles as EditorGitRefFiles } from '../../src/extension/features/changes/gitRefFiles';
import { WorkspaceFiles } from '../../src/extension/shared/host/workspaceFiles';
import { activated } from './helpers';

const BRANCH = 'qcode-contract';
/** Files only the branch has: bytes that a reader decoding text would change. */
const ODD_FILES: Record<string, Uint8Array> = {
  'transcripts/latin1.txt': Uint8Array.from([0x4b, 0x33, 0x3a, 0x20, 0x48, 0xe5, 0x70, 0x20, 0xe6, 0xf8, 0x0a]),
  'transcripts/bom-crlf.txt': new TextEncoder().encode('\uFEFFI: Hei\r\nK3: Hå 🙂\r\n'),
  'transcripts/nul.txt': Uint8Array.from([0x00, 0xff, 0xfe, 0x0a]),
};
/** On disk but not on the branch. */
const LEFT_OUT = 'transcripts/intervju-K1.txt';

describe('reading a project at a git ref in a real VS Code', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/');
  let scratch = '';

  before(async () => {
    await activated();
    scratch = mkdtempSync(join(tmpdir(), 'qcode-contract-'));
    makeBranch(folder.fsPath, join(scratch, 'index'));
  });
  after(() => {
    git(folder.fsPath, ['update-ref', '-d', `refs/heads/${BRANCH}`]);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reads the same bytes as the command line, and the same paths as absent', async () => {
    const repository = await repositoryOf(folder);
    assert.ok(repository, 'the git extension knows the workspace repository');
    const current = new WorkspaceFiles(folder);
    const editor = await EditorGitRefFiles.at(repository, BRANCH, current);
    const cli = await CliGitRefFiles.open(folder.fsPath, BRANCH);
    try {
      const paths = [...(await filesIn(cli)), LEFT_OUT, 'transcripts/not-there.txt', 'transcripts'];
      assert.ok(paths.length > 20, `the branch has the sample project (${paths.length} paths)`);
      for (const path of paths) {
        const [fromEditor, fromCli] = await Promise.all([editor.read(path), cli.read(path)]);
        assert.deepEqual(fromEditor && [...fromEditor], fromCli && [...fromCli], path);
      }
      assert.deepEqual(
        [...((await editor.read('transcripts/latin1.txt')) ?? [])],
        [...ODD_FILES['transcripts/latin1.txt']!],
      );
      assert.equal(await editor.read(LEFT_OUT), undefined, 'a file on disk that the ref does not have is absent');
    } finally {
      cli.close();
    }
  });

  it('fails for a ref git does not know, as the command line does, and says so', async () => {
    const repository = await repositoryOf(folder);
    assert.ok(repository);
    await assert.rejects(CliGitRefFiles.open(folder.fsPath, 'no-such-branch'), /Unknown revision "no-such-branch"/);
    await assert.rejects(
      EditorGitRefFiles.at(repository, 'no-such-branch', new WorkspaceFiles(folder)),
      /git could not read \. at no-such-branch/,
    );
  });
});

/**
 * A branch from main with the odd files added and one transcript left out, made without touching the working tree or
 * the index.
 */
function makeBranch(cwd: string, index: string): void {
  const env = {
    ...process.env,
    GIT_INDEX_FILE: index,
    GIT_AUTHOR_NAME: 'qcode tests',
    GIT_AUTHOR_EMAIL: 'tests@qcode.invalid',
  };
  Object.assign(env, { GIT_COMMITTER_NAME: env.GIT_AUTHOR_NAME, GIT_COMMITTER_EMAIL: env.GIT_AUTHOR_EMAIL });
  git(cwd, ['read-tree', 'main'], env);
  git(cwd, ['update-index', '--force-remove', LEFT_OUT], env);
  for (const [path, bytes] of Object.entries(ODD_FILES)) {
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd, input: bytes, encoding: 'utf8' }).trim();
    git(cwd, ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], env);
  }
  const tree = git(cwd, ['write-tree'], env);
  const commit = git(cwd, ['commit-tree', tree, '-p', 'main', '-m', 'Odd bytes'], env);
  git(cwd, ['update-ref', `refs/heads/${BRANCH}`, commit]);
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

async function filesIn(files: ProjectFiles, folder = ''): Promise<string[]> {
  const entries = await files.list(folder);
  const paths = await Promise.all(
    entries.map((e) => {
      const path = folder === '' ? e.name : `${folder}/${e.name}`;
      return e.kind === 'folder' ? filesIn(files, path) : [path];
    }),
  );
  return paths.flat();
}

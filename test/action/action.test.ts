import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { qcode, SAMPLE } from '../cli/cliHarness';
import { cleanEnvironment, readAction, runAction, type RunContext } from './actionRunner';

// The composite action (action.yml) run step by step, as a pull request's job would run it: the
// study is a repository whose project lives in study/, a pull request's merge commit is checked
// out shallow as actions/checkout does, and the action is a copy of this repository's files.

const ROOT = join(__dirname, '..', '..');
const K3 = 'study/transcripts/intervju-K3.txt';
const K3_SIDECAR = `${K3}.annotations.yaml`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=qcode tests', '-c', 'user.email=tests@qcode.invalid', ...args], {
    cwd,
    env: cleanEnvironment(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The files of this repository as a fresh clone of its current state would have them. */
function copyOfRepository(to: string): string {
  const listed = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0');
  for (const file of listed.filter((f) => f !== '')) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), join(to, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted, not yet committed
    }
  }
  return to;
}

/** A pull request: a branch off main with `change` made in it, and the merge commit GitHub makes. */
async function pullRequest(author: string, number: number, change: () => Promise<void>): Promise<void> {
  git(author, 'checkout', '-q', '-B', `pr${number}`, 'main');
  await change();
  git(author, 'commit', '-q', '-am', `Coding of pull request ${number}`);
  git(author, 'push', '-q', 'origin', `pr${number}`);
  git(author, 'checkout', '-q', '--detach', 'main');
  git(author, 'merge', '-q', '--no-ff', '-m', `Merge pr${number} into main`, `pr${number}`);
  git(author, 'push', '-q', 'origin', `HEAD:refs/pull/${number}/merge`);
}

/** What actions/checkout does for a pull request: the merge commit alone, depth 1. */
function checkout(origin: string, to: string, number: number): string {
  mkdirSync(to);
  git(to, 'init', '-q');
  git(to, 'remote', 'add', 'origin', `file://${origin}`);
  git(
    to,
    'fetch',
    '-q',
    '--no-tags',
    '--depth=1',
    'origin',
    `+refs/pull/${number}/merge:refs/remotes/pull/${number}/merge`,
  );
  git(to, 'checkout', '-q', '--detach', `refs/remotes/pull/${number}/merge`);
  return to;
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(600000);
  const action = readAction(join(ROOT, 'action.yml'));
  let dir: string;
  let origin: string;
  let author: string;
  let context: (workspace: string, number: number) => RunContext;
  const path: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qcode-action-'));
    const actionPath = copyOfRepository(join(dir, 'action'));
    origin = join(dir, 'origin.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
    author = join(dir, 'author');
    cpSync(SAMPLE, join(author, 'study'), { recursive: true });
    git(author, 'init', '-q', '-b', 'main');
    git(author, 'add', '-A');
    git(author, 'commit', '-q', '-m', 'The study');
    git(author, 'remote', 'add', 'origin', origin);
    git(author, 'push', '-q', 'origin', 'main');
    const temp = join(dir, 'runner-temp');
    mkdirSync(temp);
    context = (workspace, number) => ({
      actionPath,
      workspace,
      temp,
      path,
      inputs: { project: 'study' },
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: `pr${number}` },
    });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is a composite action whose steps run in bash with inputs passed through env', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['base', 'head', 'project']);
    assert.ok(action.runs.steps.some((s) => s.id === 'install') && action.runs.steps.some((s) => s.id === 'diff'));
  });

  it('installs qcode, passes the check and puts the new passage in the job summary', async () => {
    const line = readFileSync(join(author, K3), 'utf8').split('\n')[24] as string;
    await pullRequest(author, 1, async () => {
      const tagged = await qcode(
        'tag',
        join(author, K3),
        '--range',
        `25:5-25:${line.length + 1}`,
        '--concept',
        'koordinator.fallskjerm',
        '--coder',
        'kari',
      );
      assert.equal(tagged.code, 0, tagged.stderr);
    });
    const workspace = checkout(origin, join(dir, 'pr1'), 1);
    assert.throws(
      () => git(workspace, 'rev-parse', '--verify', 'origin/main'),
      'the checkout has only the merge commit',
    );

    const run = runAction(action, action.runs.steps, context(workspace, 1));
    const report = run.steps
      .map((s) => `${s.step}: ${s.outcome}\n${s.outcome === 'failure' ? s.output : ''}`)
      .join('\n');
    assert.equal(run.failed, false, report);
    assert.deepEqual(
      run.steps.map((s) => s.outcome),
      ['skipped', 'success', 'success', 'success'],
      report,
    );
    assert.match(run.steps[1]?.output ?? '', /^qcode \d+\.\d+\.\d+$/m);
    assert.doesNotMatch(run.steps[2]?.output ?? '', /::error/);
    assert.match(run.summary, /^## qcode: coding changes against origin\/main\n/);
    assert.match(run.summary, /Det reddet meg, kanskje/);
    assert.match(run.summary, /Fallskjermen/);
    assert.equal(
      readFileSync(run.outputs.report as string, 'utf8'),
      run.summary.slice(run.summary.indexOf('\n\n') + 2),
    );
  });

  it('fails on a concept the codebook lacks, shown on its line, and still reports the change', async () => {
    await pullRequest(author, 2, async () => {
      const sidecar = join(author, K3_SIDECAR);
      writeFileSync(
        sidecar,
        readFileSync(sidecar, 'utf8').replace(
          'concepts: [tjenestemodell.integrert]',
          'concepts: [tjenestemodell.integret]',
        ),
      );
    });
    const workspace = checkout(origin, join(dir, 'pr2'), 2);
    const steps = action.runs.steps.filter((s) => s.id !== 'install' && s.uses === undefined);
    const run = runAction(action, steps, { ...context(workspace, 2), outcomes: { install: 'success' } });
    assert.equal(run.failed, true);
    const [check, diff] = run.steps;
    assert.equal(check?.outcome, 'failure');
    assert.match(
      check?.output ?? '',
      /^::error file=study\/transcripts\/intervju-K3\.txt\.annotations\.yaml,line=5,col=\d+.*tjenestemodell\.integret/m,
    );
    assert.equal(diff?.outcome, 'success', diff?.output);
    assert.match(run.summary, /Jeg har et veldig godt team\./);
    assert.match(run.summary, /tjenestemodell\.integret/);
  });

  it('outside a pull request, without a base, says so and leaves the summary empty', () => {
    const workspace = join(dir, 'pr1');
    const steps = action.runs.steps.filter((s) => s.id === 'diff');
    const run = runAction(action, steps, {
      ...context(workspace, 1),
      env: { GITHUB_EVENT_NAME: 'push' },
      outcomes: { install: 'success' },
    });
    assert.equal(run.failed, false, run.steps[0]?.output);
    assert.match(run.steps[0]?.output ?? '', /^::notice title=qcode::Not a pull request/m);
    assert.equal(run.summary, '');
  });
});

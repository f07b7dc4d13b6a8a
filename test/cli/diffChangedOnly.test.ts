import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../helpers/scratch';
import { qcode, read, SAMPLE, write } from './cliHarness';

// qcode diff reads only the transcripts whose text or sidecar changed, unless the comparison
// needs them all (see comparisonNeedsAll); a qcode.yaml of only a comment changes no setting but
// makes it read them all, so the two reports can be held side by side.

const K2 = 'transcripts/intervju-K2.txt';
const K3_SIDECAR = 'transcripts/intervju-K3.txt.annotations.yaml';
const L5_SIDECAR = 'transcripts/intervju-L5.txt.annotations.yaml';

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
}

/**
 * The sample project whose chapter cites passages by id only, on main, with an unchanged sidecar that cannot be read.
 */
function repository(): string {
  const repo = scratchDir('qcode-diff-changed-');
  cpSync(SAMPLE, repo, { recursive: true });
  rmSync(join(repo, 'chapters'), { recursive: true });
  mkdirSync(join(repo, 'chapters'));
  writeFileSync(join(repo, 'chapters', 'k.md'), 'K2 forteller: {{q:6adhh8nj}}\n');
  write(repo, L5_SIDECAR, `<<<<<<< HEAD\n${read(repo, L5_SIDECAR)}=======\n>>>>>>> other\n`);
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'Coded sample');
  git(repo, 'checkout', '--quiet', '-b', 'coding');
  return repo;
}

describe('qcode diff of a change to a few transcripts', () => {
  it('reports what reading every transcript reports, but for unchanged sidecars, which it does not read', async () => {
    const repo = repository();
    const tagged = await qcode(
      'tag',
      join(repo, K2),
      '--range',
      '21:5-21:25',
      '--concept',
      'ressurser',
      '--coder',
      'kari',
    );
    assert.equal(tagged.code, 0, tagged.stderr);
    write(
      repo,
      K3_SIDECAR,
      read(repo, K3_SIDECAR).replace('memo: Tilgjengelig utenfor arbeidstid.', 'memo: Tilgjengelig også i helgene.'),
    );
    write(repo, 'transcripts/ny.txt', 'I: Hvem ringer du?\n\nK9: Koordinatoren, alltid.\n');
    assert.equal(
      (await qcode('tag', join(repo, 'transcripts/ny.txt'), '--range', '3:5-3:26', '--concept', 'ressurser')).code,
      0,
    );

    const changed = await qcode('diff', 'main', repo, '--format', 'json');
    assert.equal(changed.code, 0, changed.stderr);
    const report = JSON.parse(changed.stdout) as { transcripts: { path: string }[]; unreadable: { path: string }[] };
    assert.deepEqual(
      report.transcripts.map((t) => t.path),
      [K2, 'transcripts/intervju-K3.txt', 'transcripts/ny.txt'],
    );
    assert.deepEqual(report.unreadable, [], 'the unchanged sidecar that cannot be read was not read');

    write(repo, 'qcode.yaml', '# A comment changes no setting.\n');
    const everything = JSON.parse((await qcode('diff', 'main', repo, '--format', 'json')).stdout) as typeof report;
    assert.deepEqual(
      everything.unreadable.map((u) => u.path),
      [L5_SIDECAR, L5_SIDECAR],
    );
    assert.deepEqual({ ...report, unreadable: [] }, { ...everything, unreadable: [] });

    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'Coding and a comment');
    git(repo, 'checkout', '--quiet', '-b', 'without-comment');
    git(repo, 'rm', '--quiet', 'qcode.yaml');
    git(repo, 'commit', '--quiet', '-m', 'No comment');
    const committed = JSON.parse(
      (await qcode('diff', 'main', 'without-comment', repo, '--format', 'json')).stdout,
    ) as typeof report;
    assert.deepEqual(committed, report);
  });
});

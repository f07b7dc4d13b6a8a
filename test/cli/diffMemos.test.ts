import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { qcode, read, scratchProject, write } from './cliHarness';

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
}

interface MemoJson {
  summary: { memos: Record<string, number>; annotations: Record<string, number> };
  memos: {
    concepts: { id: string; newMemo: string }[];
    transcripts: { path: string; oldMemo: string | null }[];
    project: { path: string; change: string; newText: string | null }[];
  };
}

describe('qcode diff and memos', () => {
  it('reports memo files, concept and transcript memos and key quotes changed since a revision', async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, 'memos'));
    write(dir, 'memos/gammel.md', 'Tidlig notat.\n');
    write(dir, 'memos/endres.md', 'Før.\n');
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'Coded');
    git(dir, 'rm', '--quiet', 'memos/gammel.md');
    write(dir, 'memos/endres.md', 'Etter, med {{q:49q4zh6q}}.\n');
    write(dir, 'memos/ny.md', 'Nytt.\n');
    write(
      dir,
      'codebook.yaml',
      read(dir, 'codebook.yaml').replace(
        '        label: Fallskjermen\n',
        '        label: Fallskjermen\n        memo: Se Zacka.\n',
      ),
    );
    const k3 = 'transcripts/intervju-K3.txt.annotations.yaml';
    write(
      dir,
      k3,
      read(dir, k3)
        .replace('annotations:\n', 'memo: Avbrutt.\nannotations:\n')
        .replace(
          '    memo: Tilgjengelig utenfor arbeidstid.\n',
          '    memo: Tilgjengelig utenfor arbeidstid.\n    key: true\n',
        ),
    );
    const json = await qcode('diff', 'main', dir, '--format', 'json');
    assert.equal(json.code, 0, json.stderr);
    const diff = JSON.parse(json.stdout) as MemoJson;
    assert.deepEqual(
      diff.memos.project.map((m) => [m.path, m.change]),
      [
        ['memos/endres.md', 'changed'],
        ['memos/gammel.md', 'removed'],
        ['memos/ny.md', 'added'],
      ],
    );
    assert.deepEqual(
      diff.memos.concepts.map((c) => [c.id, c.newMemo]),
      [['koordinator.fallskjerm', 'Se Zacka.']],
    );
    assert.deepEqual(diff.memos.transcripts, [
      { path: 'transcripts/intervju-K3.txt', oldMemo: null, newMemo: 'Avbrutt.' },
    ]);
    assert.deepEqual(diff.summary.memos, { concepts: 1, transcripts: 1, project: 3 });
    assert.equal(diff.summary.annotations.keyChanged, 1);
    const md = await qcode('diff', 'main', dir);
    assert.match(md.stdout, /^- added the memo `memos\/ny\.md`$/m);
    assert.match(md.stdout, /^\| marked as a key quote \| 21 \|/m);
  });
});

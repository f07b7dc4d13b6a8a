import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitRefFiles } from '../../src/cli/gitRefFiles';
import { scratchDir } from '../helpers/scratch';

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd },
  );
}

/** Two commits: same.txt alike in both (with æøå), changed.txt changed, new.txt only in the second. */
function repository(): string {
  const repo = scratchDir('qcode-git-ref-');
  git(repo, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(join(repo, 'same.txt'), 'K1: Jeg ringer koordinatoren. Æ, ø og å.\r\n');
  writeFileSync(join(repo, 'changed.txt'), 'før\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'first');
  writeFileSync(join(repo, 'changed.txt'), 'etter\n');
  writeFileSync(join(repo, 'new.txt'), '');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'second');
  return repo;
}

const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

describe('two revisions read through git', () => {
  it('read a file both hold alike once for both, each getting bytes of its own', async () => {
    const repo = repository();
    const [base, head] = [await GitRefFiles.open(repo, 'HEAD~1'), await GitRefFiles.open(repo, 'HEAD')];
    try {
      head.shareWith(base);
      const [fromBase, fromHead] = await Promise.all([base.read('same.txt'), head.read('same.txt')]);
      assert.equal(text(fromHead), 'K1: Jeg ringer koordinatoren. Æ, ø og å.\r\n');
      assert.deepEqual(fromBase, fromHead);
      assert.notEqual(fromBase, fromHead);
      (fromBase as Uint8Array)[0] = 0x58;
      assert.equal(text(fromHead)?.[0], 'K', "changing one side's bytes changed the other's");
      assert.equal(text(await head.read('same.txt')), text(fromHead), 'a third read reads it again');
      assert.deepEqual(
        [text(await base.read('changed.txt')), text(await head.read('changed.txt'))],
        ['før\n', 'etter\n'],
      );
      assert.deepEqual([await base.read('new.txt'), text(await head.read('new.txt'))], [undefined, '']);
    } finally {
      base.close();
      head.close();
    }
  });
});

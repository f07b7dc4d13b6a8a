import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { addConcept } from '../../src/core/codebook/addConcept';
import { findConflicts } from '../../src/core/yaml/conflicts';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { checkJson, qcode, read, scratchProject, write } from './cliHarness';

const SIDECAR = 'transcripts/intervju-K3.txt.annotations.yaml';
const TRANSCRIPT = 'transcripts/intervju-K3.txt';
const MAIN = join(__dirname, '..', '..', 'src', 'cli', 'main.ts');
const MEMO = 'memo: Tilgjengelig utenfor arbeidstid.';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-gpg-sign', '-m', message);
}

async function tag(dir: string, range: string, concept: string, coder: string): Promise<void> {
  const result = await qcode('tag', join(dir, TRANSCRIPT), '--range', range, '--concept', concept, '--coder', coder);
  assert.equal(result.code, 0, result.stderr);
}

function addToCodebook(dir: string, parent: string, id: string, label: string): void {
  const added = addConcept(read(dir, 'codebook.yaml'), parent, { id, label });
  assert.ok(added.ok);
  write(dir, 'codebook.yaml', added.text);
}

const ids = (dir: string) => readSidecar(SIDECAR, read(dir, SIDECAR)).entries.map((e) => e.annotation);

describe('merging a qcode project with git', function () {
  this.timeout(60000);

  it("merges two coders' annotations and concepts without conflict, and marks a true conflict that check explains", async () => {
    const dir = scratchProject();
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'user.name', 'Ingrid');
    git(dir, 'config', 'user.email', 'ingrid@example.invalid');
    assert.equal((await qcode('init', dir)).code, 0);
    assert.match(git(dir, 'config', 'merge.qcode.driver'), /merge-driver %O %A %B %P\n$/);
    // In-process, init registered the test runner as the program; run the command line from source instead.
    git(
      dir,
      'config',
      'merge.qcode.driver',
      `"${process.execPath}" --require "${require.resolve('tsx/cjs')}" "${MAIN}" merge-driver %O %A %B %P`,
    );
    commitAll(dir, 'base');
    const before = ids(dir);

    git(dir, 'checkout', '-q', '-b', 'ola');
    await tag(dir, '25:5-25:29', 'koordinator.fallskjerm', 'ola');
    write(
      dir,
      SIDECAR,
      read(dir, SIDECAR).replace(
        'concepts: [tjenestemodell.parallell, samordning.horisontal]',
        'concepts: [tjenestemodell.parallell, samordning.horisontal, ressurser]',
      ),
    );
    addToCodebook(dir, 'koordinator', 'koordinator.nettverk', 'Nettverksbyggeren');
    commitAll(dir, 'ola codes');

    git(dir, 'checkout', '-q', 'main');
    await tag(dir, '12:5-12:22', 'samordning.formell', 'ingrid');
    write(dir, SIDECAR, read(dir, SIDECAR).replace(MEMO, 'memo: Tilgjengelig også i helgene, æøå 😀.'));
    addToCodebook(dir, 'arena', 'arena.kafe', 'Kaféen');
    commitAll(dir, 'ingrid codes');

    const clean = spawnSync('git', ['merge', '--no-edit', '--no-gpg-sign', 'ola'], { cwd: dir, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    const merged = ids(dir);
    assert.equal(merged.length, before.length + 2);
    assert.ok(merged.some((a) => a.quote === 'Det reddet meg, kanskje.' && a.coder === 'ola'));
    assert.ok(merged.some((a) => a.quote === 'Det er mye møter.' && a.coder === 'ingrid'));
    assert.deepEqual(merged.find((a) => a.id === 'shpngy5g')?.concepts, [
      'tjenestemodell.parallell',
      'samordning.horisontal',
      'ressurser',
    ]);
    assert.equal(merged.find((a) => a.id === '49q4zh6q')?.memo, 'Tilgjengelig også i helgene, æøå 😀.');
    assert.match(read(dir, 'codebook.yaml'), /id: koordinator\.nettverk[\s\S]*id: arena\.kafe/);
    assert.equal((await qcode('check', dir)).code, 0);

    git(dir, 'checkout', '-q', '-b', 'jonas');
    write(
      dir,
      SIDECAR,
      read(dir, SIDECAR).replace('memo: Tilgjengelig også i helgene, æøå 😀.', 'memo: Bare på hverdager.'),
    );
    commitAll(dir, 'jonas memo');
    git(dir, 'checkout', '-q', 'main');
    write(dir, SIDECAR, read(dir, SIDECAR).replace('memo: Tilgjengelig også i helgene, æøå 😀.', 'memo: Hele døgnet.'));
    commitAll(dir, 'ingrid memo');
    const oursBefore = read(dir, SIDECAR);

    const conflicted = spawnSync('git', ['merge', '--no-edit', '--no-gpg-sign', 'jonas'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.notEqual(conflicted.status, 0);
    assert.match(
      conflicted.stdout,
      /CONFLICT \(content\): Merge conflict in transcripts\/intervju-K3\.txt\.annotations\.yaml/,
    );
    const text = read(dir, SIDECAR);
    const [block, ...more] = findConflicts(text);
    assert.deepEqual(more, []);
    assert.deepEqual([block?.oursLabel, block?.theirsLabel, block?.ids], ['HEAD', 'jonas', ['49q4zh6q']]);
    assert.match(block?.ours ?? '', /^ {2}- id: 49q4zh6q\n[\s\S]*memo: Hele døgnet\.\n[\s\S]*created: .*\n$/);
    assert.match(block?.theirs ?? '', /^ {2}- id: 49q4zh6q\n[\s\S]*memo: Bare på hverdager\.\n[\s\S]*created: .*\n$/);
    const lines = text.split('\n');
    assert.equal(
      [
        ...lines.slice(0, block?.startLine),
        ...(block?.ours.split('\n').slice(0, -1) ?? []),
        ...lines.slice((block?.endLine ?? 0) + 1),
      ].join('\n'),
      oursBefore,
      'only that annotation is between markers',
    );

    const check = await checkJson(dir);
    assert.equal(check.code, 1);
    const problem = check.problems.find((p) => p.code === 'conflict-markers');
    assert.deepEqual([problem?.file, problem?.line], [SIDECAR, (block?.startLine ?? 0) + 1]);
    assert.match(
      problem?.message ?? '',
      /annotation 49q4zh6q: memo: "Hele døgnet\." \(ours\) vs "Bare på hverdager\." \(theirs\)\. Resolve the conflict: take ours or theirs in the editor/,
    );
  });
});

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { qcode, read, SAMPLE, scratchProject, write } from './cliHarness';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const SIDECAR = 'transcripts/intervju-K3.txt.annotations.yaml';

describe('qcode init', () => {
  it('creates the missing project files, registers the merge driver, and is repeatable', async () => {
    const dir = scratchProject(null);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const first = await qcode('init', dir);
    assert.equal(first.code, 0);
    assert.match(first.stdout, /created qcode\.yaml\ncreated codebook\.yaml\ncreated informants\.yaml\ncreated transcripts\//);
    assert.match(read(dir, '.gitattributes'), /^\*\.annotations\.yaml merge=qcode$/m);
    assert.match(execFileSync('git', ['config', 'merge.qcode.driver'], { cwd: dir, encoding: 'utf8' }), /merge-driver %O %A %B %P/);
    const check = await qcode('check', dir);
    assert.equal(check.code, 0, check.stdout);
    const again = await qcode('init', dir);
    assert.equal(again.stdout, 'Nothing to do: the project is already set up.\n');
  });

  it('leaves existing files alone', async () => {
    const dir = scratchProject();
    const codebook = read(dir, 'codebook.yaml');
    await qcode('init', dir);
    assert.equal(read(dir, 'codebook.yaml'), codebook);
    assert.ok(existsSync(join(dir, 'qcode.yaml')));
  });
});

describe('qcode merge-driver', () => {
  it('merges independent edits of two coders annotation by annotation', async () => {
    const dir = scratchProject();
    const base = read(dir, SIDECAR);
    write(dir, 'base.yaml', base);
    write(dir, 'ours.yaml', base.replace('concepts: [tjenestemodell.integrert]', 'concepts: [tjenestemodell.integrert, ressurser]'));
    write(dir, 'theirs.yaml', base.replace('    memo: Tilgjengelig utenfor arbeidstid.\n', '    memo: Tilgjengelig også i helgene.\n'));
    const result = await qcode('merge-driver', join(dir, 'base.yaml'), join(dir, 'ours.yaml'), join(dir, 'theirs.yaml'), SIDECAR);
    assert.equal(result.code, 0, result.stderr);
    const merged = read(dir, 'ours.yaml');
    assert.match(merged, /concepts: \[tjenestemodell\.integrert, ressurser\]/);
    assert.match(merged, /memo: Tilgjengelig også i helgene\./);
    assert.equal(merged.split('\n').length, base.split('\n').length);
  });

  it('reports a memo changed differently on both sides as a conflict (exit 1), keeping ours', async () => {
    const dir = scratchProject();
    const base = read(dir, SIDECAR);
    write(dir, 'base.yaml', base);
    write(dir, 'ours.yaml', base.replace('memo: Tilgjengelig utenfor arbeidstid.', 'memo: Ours.'));
    write(dir, 'theirs.yaml', base.replace('memo: Tilgjengelig utenfor arbeidstid.', 'memo: Theirs.'));
    const result = await qcode('merge-driver', join(dir, 'base.yaml'), join(dir, 'ours.yaml'), join(dir, 'theirs.yaml'), SIDECAR);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /49q4zh6q: "memo" was changed on both sides; ours was kept\./);
    assert.match(read(dir, 'ours.yaml'), /memo: Ours\./);
  });
});

describe('the built qcode bin', () => {
  it('runs as a program with the documented exit codes', () => {
    const ok = spawnSync(process.execPath, [CLI, 'check', SAMPLE], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const usage = spawnSync(process.execPath, [CLI, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Unknown command "frobnicate"/);
  });
});

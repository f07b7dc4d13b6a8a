import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { qcode, read, SAMPLE, scratchProject, write } from './cliHarness';
import { builtCli } from '../helpers/builtCli';

const SIDECAR = 'transcripts/intervju-K3.txt.annotations.yaml';

describe('qcode init', () => {
  it('creates the missing project files, registers the merge driver, and is repeatable', async () => {
    const dir = scratchProject(null);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const first = await qcode('init', dir);
    assert.equal(first.code, 0);
    assert.match(
      first.stdout,
      /created qcode\.yaml\ncreated codebook\.yaml\ncreated informants\.yaml\ncreated transcripts\//,
    );
    assert.equal(
      read(dir, '.gitattributes'),
      '*.annotations.yaml merge=qcode\ncodebook.yaml merge=qcode\ninformants.yaml merge=qcode\n',
    );
    assert.match(
      execFileSync('git', ['config', 'merge.qcode.driver'], { cwd: dir, encoding: 'utf8' }),
      /merge-driver %O %A %B %P/,
    );
    const check = await qcode('check', dir);
    assert.equal(check.code, 0, check.stdout);
    const again = await qcode('init', dir);
    assert.equal(again.stdout, 'Nothing to do: the project is already set up.\n');
  });

  it('keeps existing .gitattributes lines and also registers the codebook and informants named in qcode.yaml', async () => {
    const dir = scratchProject();
    write(dir, 'qcode.yaml', 'codebook: koder/kodebok.yaml\ninformants: informanter.yaml\n');
    write(dir, '.gitattributes', '*.txt text eol=lf\r\n*.annotations.yaml merge=qcode');
    await qcode('init', dir);
    assert.equal(
      read(dir, '.gitattributes'),
      '*.txt text eol=lf\r\n*.annotations.yaml merge=qcode\ncodebook.yaml merge=qcode\ninformants.yaml merge=qcode\nkoder/kodebok.yaml merge=qcode\ninformanter.yaml merge=qcode\n',
    );
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
    write(
      dir,
      'ours.yaml',
      base.replace('concepts: [tjenestemodell.integrert]', 'concepts: [tjenestemodell.integrert, ressurser]'),
    );
    write(
      dir,
      'theirs.yaml',
      base.replace('    memo: Tilgjengelig utenfor arbeidstid.\n', '    memo: Tilgjengelig også i helgene.\n'),
    );
    const result = await qcode(
      'merge-driver',
      join(dir, 'base.yaml'),
      join(dir, 'ours.yaml'),
      join(dir, 'theirs.yaml'),
      SIDECAR,
    );
    assert.equal(result.code, 0, result.stderr);
    const merged = read(dir, 'ours.yaml');
    assert.match(merged, /concepts: \[tjenestemodell\.integrert, ressurser\]/);
    assert.match(merged, /memo: Tilgjengelig også i helgene\./);
    assert.equal(merged.split('\n').length, base.split('\n').length);
  });

  it('puts a memo changed differently on both sides between conflict markers around that annotation, and exits 1', async () => {
    const dir = scratchProject();
    const base = read(dir, SIDECAR);
    write(dir, 'base.yaml', base);
    write(dir, 'ours.yaml', base.replace('memo: Tilgjengelig utenfor arbeidstid.', 'memo: Ours.'));
    write(dir, 'theirs.yaml', base.replace('memo: Tilgjengelig utenfor arbeidstid.', 'memo: Theirs.'));
    const result = await qcode(
      'merge-driver',
      join(dir, 'base.yaml'),
      join(dir, 'ours.yaml'),
      join(dir, 'theirs.yaml'),
      SIDECAR,
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /49q4zh6q was changed differently on both sides/);
    const merged = read(dir, 'ours.yaml');
    assert.match(
      merged,
      /^<<<<<<< ours\n {2}- id: 49q4zh6q\n(?: {4}.*\n)*? {4}memo: Ours\.\n(?: {4}.*\n)*=======\n {2}- id: 49q4zh6q\n(?: {4}.*\n)*? {4}memo: Theirs\.\n(?: {4}.*\n)*>>>>>>> theirs\n {2}- id: /m,
    );
    assert.equal(
      merged.split('\n').length,
      base.split('\n').length + 10 + 3,
      'the annotation twice, three marker lines, nothing else',
    );
  });

  it('keeps a BOM of ours and merges the codebook and informants by their default names', async () => {
    const dir = scratchProject();
    const codebook = read(dir, 'codebook.yaml');
    write(dir, 'base.yaml', codebook);
    write(dir, 'ours.yaml', `\ufeff${codebook.replace('label: Fallskjermen', 'label: Fallskjermen æøå')}`);
    write(dir, 'theirs.yaml', codebook.replace('label: Døråpneren', 'label: Døråpneren 😀'));
    const result = await qcode(
      'merge-driver',
      join(dir, 'base.yaml'),
      join(dir, 'ours.yaml'),
      join(dir, 'theirs.yaml'),
      'codebook.yaml',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      read(dir, 'ours.yaml'),
      `\ufeff${codebook.replace('label: Fallskjermen', 'label: Fallskjermen æøå').replace('label: Døråpneren', 'label: Døråpneren 😀')}`,
    );
  });

  it("merges a file that is not one of qcode's line by line, as git would, and exits 1", async () => {
    const dir = scratchProject();
    write(dir, 'base.yaml', 'a\nb\nc\n');
    write(dir, 'ours.yaml', 'A\nb\nc\n');
    write(dir, 'theirs.yaml', 'a\nb\nC\n');
    const result = await qcode(
      'merge-driver',
      join(dir, 'base.yaml'),
      join(dir, 'ours.yaml'),
      join(dir, 'theirs.yaml'),
      'notes/plan.yaml',
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /notes\/plan\.yaml: not a qcode file.*merged line by line instead/);
    assert.equal(read(dir, 'ours.yaml'), 'A\nb\nC\n');
  });

  it('keeps the whole of both sides between markers when a side does not parse, saying which and where, and exits 1', async () => {
    const dir = scratchProject();
    const base = read(dir, SIDECAR);
    const broken = base.replace('qcode: 1', 'qcode: [1');
    write(dir, 'base.yaml', base);
    write(dir, 'ours.yaml', broken);
    write(dir, 'theirs.yaml', base);
    const result = await qcode(
      'merge-driver',
      join(dir, 'base.yaml'),
      join(dir, 'ours.yaml'),
      join(dir, 'theirs.yaml'),
      SIDECAR,
    );
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /ours cannot be read \(\d+:\d+ .*\)\. Both sides are kept whole between conflict markers/,
    );
    assert.equal(read(dir, 'ours.yaml'), `<<<<<<< ours\n${broken}=======\n${base}>>>>>>> theirs\n`);
  });
});

describe('the built qcode bin', () => {
  it('runs as a program with the documented exit codes', () => {
    const ok = spawnSync(process.execPath, [builtCli(), 'check', SAMPLE], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const usage = spawnSync(process.execPath, [builtCli(), 'frobnicate'], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Unknown command "frobnicate"/);
  });
});

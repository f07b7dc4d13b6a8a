import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { readInformants } from '../../src/core/informants/registry';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { checkJson, qcode, read, scratchProject, write } from './cliHarness';

const SIDECAR = 'transcripts/intervju-K3.txt.annotations.yaml';
const TRANSCRIPT = 'transcripts/intervju-K3.txt';
const MAIN = join(__dirname, '..', '..', 'src', 'cli', 'main.ts');

const FLOW_SIDECAR = `# Annotations of intervju-K3.txt, written by hand in flow style.
qcode: 1
transcript: intervju-K3.txt
annotations:
  - {id: pgtqbp19, concepts: [tjenestemodell.integrert], informant: K3, range: 8:5-8:33, quote: Jeg har et veldig godt team.}
  - {id: shpngy5g, concepts: [tjenestemodell.parallell, samordning.horisontal], informant: K3, range: 12:214-12:246, quote: Så det blir tre møter på én uke.}
`;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-gpg-sign', '-m', message);
}

/** The sample project in a git repository with qcode's merge driver registered (run from source). */
async function gitProject(): Promise<string> {
  const dir = scratchProject();
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Ingrid');
  git(dir, 'config', 'user.email', 'ingrid@example.invalid');
  assert.equal((await qcode('init', dir)).code, 0);
  git(
    dir,
    'config',
    'merge.qcode.driver',
    `"${process.execPath}" --require "${require.resolve('tsx/cjs')}" "${MAIN}" merge-driver %O %A %B %P`,
  );
  return dir;
}

function merge(dir: string, branch: string): { status: number | null; output: string } {
  const result = spawnSync('git', ['merge', '--no-edit', '--no-gpg-sign', branch], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

async function tag(dir: string, range: string, concept: string): Promise<void> {
  const result = await qcode('tag', join(dir, TRANSCRIPT), '--range', range, '--concept', concept, '--coder', 'ola');
  assert.equal(result.code, 0, result.stderr);
}

const annotationIds = (text: string) => {
  const read = readSidecar(SIDECAR, text);
  assert.deepEqual(
    read.file.problems.filter((p) => p.severity === 'error'),
    [],
    text,
  );
  return read.entries.map((e) => e.annotation.id).sort();
};

describe('git merge of a qcode project where one branch emptied a file', function () {
  this.timeout(120000);

  it('is a conflict that keeps every annotation of the other branch when a sidecar was emptied on either side', async () => {
    for (const emptiedOn of ['main', 'ola'] as const) {
      const dir = await gitProject();
      commitAll(dir, 'base');
      git(dir, 'checkout', '-q', '-b', 'ola');
      if (emptiedOn === 'ola') write(dir, SIDECAR, '');
      else await tag(dir, '25:5-25:29', 'koordinator.fallskjerm');
      commitAll(dir, 'ola');
      git(dir, 'checkout', '-q', 'main');
      if (emptiedOn === 'main') write(dir, SIDECAR, '');
      else await tag(dir, '12:5-12:22', 'samordning.formell');
      commitAll(dir, 'main');
      const kept = git(dir, 'show', `${emptiedOn === 'main' ? 'ola' : 'main'}:${SIDECAR}`);
      assert.ok(annotationIds(kept).length > 10);

      const result = merge(dir, 'ola');
      assert.notEqual(result.status, 0, result.output);
      assert.match(
        result.output,
        /CONFLICT \(content\): Merge conflict in transcripts\/intervju-K3\.txt\.annotations\.yaml/,
      );
      const emptiedSide = emptiedOn === 'main' ? 'ours' : 'theirs';
      assert.match(
        result.output,
        new RegExp(
          `${SIDECAR.replace(/\./g, '\\.')}: ${emptiedSide} is empty: .*Both sides are kept whole between conflict markers`,
        ),
      );
      const text = read(dir, SIDECAR);
      assert.equal(
        text,
        emptiedOn === 'main'
          ? `<<<<<<< HEAD\n=======\n${kept}>>>>>>> ola\n`
          : `<<<<<<< HEAD\n${kept}=======\n>>>>>>> ola\n`,
      );
      assert.deepEqual(
        annotationIds(resolveAll(text, emptiedSide === 'ours' ? 'theirs' : 'ours')),
        annotationIds(kept),
      );
      const check = await checkJson(dir);
      assert.equal(check.code, 1);
      assert.ok(check.problems.some((p) => p.file === SIDECAR && p.code === 'conflict-markers' && p.line === 1));
    }
  });

  it('is a conflict that keeps every concept and informant of the other branch when the codebook was emptied and the registry blanked', async () => {
    const dir = await gitProject();
    commitAll(dir, 'base');
    git(dir, 'checkout', '-q', '-b', 'ola');
    write(dir, 'codebook.yaml', read(dir, 'codebook.yaml').concat('  - id: arena\n    label: Arenaer\n'));
    write(dir, 'informants.yaml', read(dir, 'informants.yaml').concat('  - code: M9\n    role: pårørende\n'));
    commitAll(dir, 'ola');
    git(dir, 'checkout', '-q', 'main');
    write(dir, 'codebook.yaml', '');
    write(dir, 'informants.yaml', '\n  \n');
    commitAll(dir, 'main');

    const result = merge(dir, 'ola');
    assert.notEqual(result.status, 0, result.output);
    assert.match(result.output, /codebook\.yaml: ours is empty/);
    assert.match(result.output, /informants\.yaml: ours holds only whitespace/);
    const codebook = new YamlFile('codebook.yaml', resolveAll(read(dir, 'codebook.yaml'), 'theirs'));
    const theirsCodebook = new YamlFile('codebook.yaml', git(dir, 'show', 'ola:codebook.yaml'));
    assert.deepEqual(
      [...readCodebook(codebook).all()].map((c) => c.id),
      [...readCodebook(theirsCodebook).all()].map((c) => c.id),
    );
    assert.ok([...readCodebook(codebook).all()].some((c) => c.id === 'arena'));
    const informants = readInformants(
      new YamlFile('informants.yaml', resolveAll(read(dir, 'informants.yaml'), 'theirs')),
    );
    assert.deepEqual(
      informants.codes,
      readInformants(new YamlFile('informants.yaml', git(dir, 'show', 'ola:informants.yaml'))).codes,
    );
    assert.ok(informants.has('M9'));
  });
});

describe('git merge of sidecars written in flow style', function () {
  this.timeout(120000);

  it('merges a memo added to a flow item on one branch with a retag on the other into a sidecar that parses, and check accepts it', async () => {
    const dir = await gitProject();
    write(dir, SIDECAR, FLOW_SIDECAR);
    commitAll(dir, 'base');
    assert.equal((await qcode('check', dir)).code, 0, 'the flow-style sidecar is valid');
    git(dir, 'checkout', '-q', '-b', 'ola');
    write(dir, SIDECAR, FLOW_SIDECAR.replace('godt team.}', 'godt team., memo: m}'));
    commitAll(dir, 'ola memo');
    git(dir, 'checkout', '-q', 'main');
    write(dir, SIDECAR, FLOW_SIDECAR.replace('samordning.horisontal]', 'samordning.horisontal, ressurser]'));
    commitAll(dir, 'ingrid retag');

    const result = merge(dir, 'ola');
    assert.equal(result.status, 0, result.output);
    const text = read(dir, SIDECAR);
    assert.deepEqual(findConflicts(text), []);
    const merged = readSidecar(SIDECAR, text);
    assert.deepEqual(
      merged.file.problems.filter((p) => p.severity === 'error'),
      [],
      text,
    );
    const byId = new Map(merged.entries.map((e) => [e.annotation.id, e.annotation]));
    assert.equal(byId.get('pgtqbp19')?.memo, 'm');
    assert.deepEqual(byId.get('shpngy5g')?.concepts, [
      'tjenestemodell.parallell',
      'samordning.horisontal',
      'ressurser',
    ]);
    assert.equal((await qcode('check', dir)).code, 0);
  });
});

describe('qcode merge-driver with a side it cannot read', () => {
  const runDriver = async (
    dir: string,
    base: string | Uint8Array,
    ours: string | Uint8Array,
    theirs: string | Uint8Array,
    name = SIDECAR,
  ) => {
    write(dir, 'base.yaml', base);
    write(dir, 'ours.yaml', ours);
    write(dir, 'theirs.yaml', theirs);
    return qcode('merge-driver', join(dir, 'base.yaml'), join(dir, 'ours.yaml'), join(dir, 'theirs.yaml'), name);
  };

  it('keeps ours whole when theirs is empty and ours is the base, where a line merge would write the empty side', async () => {
    const dir = scratchProject();
    const base = read(dir, SIDECAR);
    const result = await runDriver(dir, base, base, '');
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^qcode merge transcripts\/intervju-K3\.txt\.annotations\.yaml: theirs is empty: .*Both sides are kept whole between conflict markers \(<<<<<<< ours \.\.\. ======= \.\.\. >>>>>>> theirs\)/,
    );
    assert.equal(read(dir, 'ours.yaml'), `<<<<<<< ours\n${base}=======\n>>>>>>> theirs\n`);
  });

  it('keeps both sides byte for byte when one is not UTF-8, naming the side, line and column', async () => {
    const dir = scratchProject();
    const informants = read(dir, 'informants.yaml');
    const latin1 = Buffer.concat([
      Buffer.from(informants, 'utf8'),
      Buffer.from('  - code: M9\n    role: p\xe5r\xf8rende\n', 'latin1'),
    ]);
    const result = await runDriver(dir, informants, informants, latin1, 'informants.yaml');
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /informants\.yaml: theirs cannot be read \(\d+:\d+ The file is not valid UTF-8: byte 0xe5/,
    );
    const written = readFileSync(join(dir, 'ours.yaml'));
    assert.deepEqual(
      written,
      Buffer.concat([Buffer.from(`<<<<<<< ours\n${informants}=======\n`), latin1, Buffer.from('>>>>>>> theirs\n')]),
    );
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitRefFiles } from '../../src/cli/gitRefFiles';
import type { EditResult } from '../../src/core/codebook/editResult';
import { moveConcept } from '../../src/core/codebook/moveConcept';
import { renameConcept } from '../../src/core/codebook/renameConcept';
import { bigTranscript } from '../helpers/bigTranscript';
import { qcode, read, SAMPLE, scratchProject, write } from './cliHarness';
import { scratchDir } from '../helpers/scratch';

const K2 = 'transcripts/intervju-K2.txt';
const K3_SIDECAR = 'transcripts/intervju-K3.txt.annotations.yaml';

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
}

/** A repository whose main branch holds the sample project in study/, checked out on a new branch. */
function sampleRepository(): { repo: string; study: string } {
  const repo = scratchDir('qcode-diff-');
  const study = join(repo, 'study');
  mkdirSync(study);
  cpSync(SAMPLE, study, { recursive: true });
  writeFileSync(join(repo, 'README.md'), 'A study.\n');
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'Coded sample');
  git(repo, 'checkout', '--quiet', '-b', 'coding');
  return { repo, study };
}

function edit(dir: string, path: string, change: (text: string) => string): void {
  const text = read(dir, path);
  const changed = change(text);
  assert.notEqual(changed, text, `the edit of ${path} changed nothing`);
  write(dir, path, changed);
}

function editCodebook(dir: string, change: (text: string) => EditResult): void {
  const result = change(read(dir, 'codebook.yaml'));
  assert.ok(result.ok, JSON.stringify(result));
  write(dir, 'codebook.yaml', result.text);
}

/**
 * Tags, retags, edits a memo, removes an annotation, renames and moves a concept, shifts a transcript. Returns the new
 * id.
 */
async function codeOnBranch(study: string): Promise<string> {
  const tagged = await qcode(
    'tag',
    join(study, K2),
    '--range',
    '21:5-21:25',
    '--concept',
    'ressurser',
    '--coder',
    'kari',
  );
  assert.equal(tagged.code, 0, tagged.stderr);
  edit(study, K3_SIDECAR, (t) =>
    t
      .replace('concepts: [tjenestemodell.integrert]\n', 'concepts: [tjenestemodell.integrert, samordning.formell]\n')
      .replace('memo: Tilgjengelig utenfor arbeidstid.', 'memo: Tilgjengelig også i helgene.')
      .replace(/ {2}- id: shpngy5g\n(?: {4}.*\n)+/, ''),
  );
  editCodebook(study, (t) => renameConcept(t, 'koordinator.fallskjerm', 'Fallskjerm'));
  editCodebook(study, (t) => moveConcept(t, 'samordning.uformell', 'koordinator'));
  edit(study, 'transcripts/intervju-L5.txt', (t) => `Transkribert av: Åse Ødegård\n\n${t}`);
  return tagged.stdout.split(' ')[0] as string;
}

async function inFolder<T>(folder: string, action: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(folder);
  try {
    return await action();
  } finally {
    process.chdir(previous);
  }
}

interface DiffJson {
  summary: { transcripts: number };
  transcripts: {
    path: string;
    added: { id: string; line: number; quote: string; citation: string; coder: string }[];
    removed: { id: string; line: number }[];
    retagged: { id: string; conceptsAdded: { id: string }[]; conceptsRemoved: unknown[] }[];
    memoChanged: { id: string; oldMemo: string; newMemo: string }[];
    requoted: unknown[];
  }[];
  codebook: Record<string, { id: string }[]>;
  informants: Record<string, unknown[]>;
  unreadable: unknown[];
}

describe('qcode diff', () => {
  let repo: string;
  let study: string;
  let newId: string;

  before(async () => {
    ({ repo, study } = sampleRepository());
    newId = await codeOnBranch(study);
  });

  it('reports the working tree changes against main as Markdown, and not the shifted transcript', async () => {
    const result = await qcode('diff', 'main', study);
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.equal(
      md.split('\n')[0],
      '**Coding changes:** passages 1 added, 1 removed, 1 retagged, 1 memo changed in 2 transcripts; concepts 1 renamed, 1 moved.',
    );
    assert.deepEqual(md.match(/^### .*$/gm), [
      '### `transcripts/intervju-K2.txt`',
      '### `transcripts/intervju-K3.txt`',
      '### Codebook',
    ]);
    assert.match(
      md,
      /^\| added \| 21 \| Der har jeg vært på \(K2\) \| Ressurser og arbeidspress `ressurser` \| kari \|$/m,
    );
    assert.match(
      md,
      /^\| removed \| 12 \| Så det blir tre møter på én uke\. \(K3\) \| Parallelle tjenester `tjenestemodell\.parallell`, Horisontal samordning `samordning\.horisontal` \| ingrid \|$/m,
    );
    assert.match(
      md,
      /^\| retagged: \+Formell samordning `samordning\.formell` \| 8 \| Jeg har et veldig godt team\. \(K3\) \|/m,
    );
    assert.match(
      md,
      /^\| memo changed: “Tilgjengelig utenfor arbeidstid\.” → “Tilgjengelig også i helgene\.” \| 21 \|/m,
    );
    assert.match(md, /^- renamed `koordinator\.fallskjerm`: Fallskjermen → Fallskjerm$/m);
    assert.match(
      md,
      /^- moved Uformell samordning `samordning\.uformell` from Samordning `samordning` to Koordinatorroller `koordinator`$/m,
    );
    assert.doesNotMatch(md, /intervju-L5/);
    assert.equal((await inFolder(study, () => qcode('diff', 'main'))).stdout, md);
  });

  it('reports exactly the same changes between main and the committed branch as JSON', async () => {
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'More coding');
    const result = await qcode('diff', 'main', 'HEAD', study, '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    const diff = JSON.parse(result.stdout) as DiffJson;
    assert.deepEqual(
      diff.transcripts.map((t) => t.path),
      [K2, 'transcripts/intervju-K3.txt'],
    );
    const [k2, k3] = diff.transcripts;
    assert.deepEqual(
      k2?.added.map((a) => [a.id, a.line, a.quote, a.citation, a.coder]),
      [[newId, 21, 'Der har jeg vært på', '(K2)', 'kari']],
    );
    assert.deepEqual([k2?.removed, k2?.retagged, k2?.memoChanged, k2?.requoted], [[], [], [], []]);
    assert.deepEqual([k3?.added, k3?.removed.map((r) => [r.id, r.line]), k3?.requoted], [[], [['shpngy5g', 12]], []]);
    assert.deepEqual(
      k3?.retagged.map((r) => [r.id, r.conceptsAdded.map((c) => c.id), r.conceptsRemoved]),
      [['pgtqbp19', ['samordning.formell'], []]],
    );
    assert.deepEqual(
      k3?.memoChanged.map((m) => [m.id, m.oldMemo, m.newMemo]),
      [['49q4zh6q', 'Tilgjengelig utenfor arbeidstid.', 'Tilgjengelig også i helgene.']],
    );
    const codebook = Object.fromEntries(
      Object.entries(diff.codebook).map(([kind, list]) => [kind, list.map((c) => c.id)]),
    );
    assert.deepEqual(codebook, {
      added: [],
      removed: [],
      renamed: ['koordinator.fallskjerm'],
      moved: ['samordning.uformell'],
      descriptionChanged: [],
      criteriaChanged: [],
      examplesChanged: [],
      merged: [],
    });
    assert.deepEqual(diff.informants, { added: [], removed: [], changed: [] });
    assert.deepEqual(diff.unreadable, []);
    const same = await qcode('diff', 'HEAD', study);
    assert.equal(same.stdout, 'No coding changes.\n');
  });

  it('refuses an unknown revision, a missing one and a folder outside git as usage errors', async () => {
    const unknown = await qcode('diff', 'no-such-branch', study);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown revision "no-such-branch"\. Name a branch, tag or commit/);
    assert.equal((await qcode('diff')).code, 2);
    const outside = await qcode('diff', 'main', scratchProject());
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /is not inside a git repository/);
    const notProject = await qcode('diff', 'main', 'HEAD', repo);
    assert.equal(notProject.code, 2);
    assert.match(notProject.stderr, /is not a qcode project: it has no codebook\.yaml in main nor in HEAD/);
  });

  it('asks for both revisions when the folder named is also a revision', async () => {
    git(repo, 'branch', 'study', 'main');
    const ambiguous = await inFolder(repo, () => qcode('diff', 'main', 'study'));
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /"study" is both a folder and a revision\. Give both revisions, then the folder/);
    assert.equal((await inFolder(repo, () => qcode('diff', 'main', 'study', 'study'))).stdout, 'No coding changes.\n');
  });

  it('says so when git is not installed, with exit code 1', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(repo, 'no-bin');
    try {
      const result = await qcode('diff', 'main', study);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /git was not found\. Install git or put it on PATH/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('reads a revision through a read-only file port', async () => {
    const files = await GitRefFiles.open(study, 'main');
    try {
      assert.match(new TextDecoder().decode(await files.read('codebook.yaml')), /label: Fallskjermen/);
      assert.equal(await files.read('transcripts/nope.txt'), undefined);
      const onDisk = readdirSync(SAMPLE, { withFileTypes: true })
        .map((e) => `${e.isDirectory() ? 'folder' : 'file'} ${e.name}`)
        .sort();
      assert.deepEqual((await files.list('')).map((e) => `${e.kind} ${e.name}`).sort(), onDisk);
      assert.ok((await files.list('transcripts')).some((e) => e.name === 'intervju-K2.txt.annotations.yaml'));
      await assert.rejects(files.write('codebook.yaml', new Uint8Array()), /cannot be written: it is read from main/);
    } finally {
      files.close();
    }
  });

  it('reads large files and many at once through one git process, each whole and in order', async () => {
    const big = `${bigTranscript(400_000)}K3: Slutt 😀 æøå\n`;
    write(study, 'transcripts/stor.txt', big);
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'A long interview');
    const files = await GitRefFiles.open(study, 'HEAD');
    try {
      const paths = [
        'transcripts/stor.txt',
        'codebook.yaml',
        'transcripts/nope.txt',
        K3_SIDECAR,
        'transcripts/stor.txt',
      ];
      const texts = (await Promise.all(paths.map((path) => files.read(path)))).map(
        (bytes) => bytes && new TextDecoder().decode(bytes),
      );
      assert.deepEqual(texts, [big, read(study, 'codebook.yaml'), undefined, read(study, K3_SIDECAR), big]);
    } finally {
      files.close();
    }
  });

  it('gives GitHub annotations paths from the top of the repository', async () => {
    edit(study, K3_SIDECAR, (t) =>
      t.replace('  - id: pgtqbp19\n', '<<<<<<< HEAD\n  - id: pgtqbp19\n=======\n>>>>>>> other\n'),
    );
    const result = await qcode('check', study, '--format', 'github');
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /^::error file=study\/transcripts\/intervju-K3\.txt\.annotations\.yaml,line=5,col=1,title=qcode conflict-markers::/m,
    );
  });
});

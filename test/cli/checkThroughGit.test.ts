import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { checkJson, qcode, read, write } from './cliHarness';
import { scratchDir } from '../helpers/scratch';

const TRANSCRIPT = 'transcripts/intervju-K3.txt';
const SIDECAR = `${TRANSCRIPT}.annotations.yaml`;
const PHRASE = 'Det vet jeg ikke noe om, egentlig.';
const OTHER = 'Men vi ringte henne hver uke.';
/**
 * The same line twice, then another: after a line is inserted above, the saved range of the second
 * reads the first, so alone that annotation is exact where it is not; the third line's is not
 * exact, so qcode check asks git.
 */
const TEXT = `K3: ${PHRASE}\nK3: ${PHRASE}\nK3: ${OTHER}\n`;
const SAVED = `2:5-2:${5 + PHRASE.length}`;
const BELOW = `3:5-3:${5 + PHRASE.length}`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
}

/** A project whose transcript has its second and third lines tagged, committed in a new repository if asked. */
async function codedProject(transcript: string | Uint8Array = TEXT, commit = true): Promise<string> {
  const dir = scratchDir('qcode-earlier-');
  write(dir, 'codebook.yaml', 'concepts:\n  - id: tvil\n    label: Tvil\n    description: Usikkerhet.\n');
  write(dir, TRANSCRIPT, transcript);
  for (const range of [SAVED, `3:5-3:${5 + OTHER.length}`]) {
    const tagged = await qcode('tag', join(dir, TRANSCRIPT), '--range', range, '--concept', 'tvil', '--coder', 'kari');
    assert.equal(tagged.code, 0, tagged.stderr);
  }
  if (commit) {
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'Coded');
  }
  return dir;
}

/** Renames the transcript and its sidecar with git mv (staged, not committed), the sidecar naming the new name. */
function renameTranscript(dir: string): string {
  const renamed = 'transcripts/intervju-K4.txt';
  git(dir, 'mv', TRANSCRIPT, renamed);
  git(dir, 'mv', SIDECAR, `${renamed}.annotations.yaml`);
  const sidecar = read(dir, `${renamed}.annotations.yaml`);
  write(
    dir,
    `${renamed}.annotations.yaml`,
    sidecar.replace('transcript: intervju-K3.txt', 'transcript: intervju-K4.txt'),
  );
  write(dir, renamed, `I: Hei.\n${TEXT}`);
  return renamed;
}

/** The transcript with a line inserted above the tagged passage. */
function insertLineAbove(dir: string): void {
  write(
    dir,
    TRANSCRIPT,
    `I: Hei.\n${read(dir, TRANSCRIPT)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n')}`,
  );
}

/** How qcode check resolves the annotation of the second line. */
async function secondLine(dir: string): Promise<{ status: string; range: string | null }> {
  const result = await checkJson(dir);
  const annotation = result.files[0]?.annotations.find((a) => a.quote === PHRASE);
  assert.ok(annotation, JSON.stringify(result));
  return { status: annotation.status, range: annotation.range };
}

/** What the saved range alone gives: it now reads the copy on line 2, so it is taken as exact. */
const ALONE = { status: 'exact', range: SAVED };
const THROUGH_GIT = { status: 'moved', range: BELOW };

describe('qcode check moves annotations through the differences from the committed transcript', () => {
  it('follows the passage down past its copy, and --fix saves its new range', async () => {
    const dir = await codedProject();
    insertLineAbove(dir);
    assert.deepEqual(await secondLine(dir), THROUGH_GIT);
    const fixed = await qcode('check', dir, '--fix');
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(read(dir, SIDECAR), new RegExp(`range: ${BELOW}\\n`));
    assert.deepEqual(await secondLine(dir), { status: 'exact', range: BELOW });
  });

  it('reads a project in a folder of the repository', async () => {
    const repo = scratchDir('qcode-earlier-repo-');
    const dir = await codedProject(TEXT, false);
    execFileSync('cp', ['-r', dir, join(repo, 'studie')]);
    git(repo, 'init', '--quiet', '--initial-branch=main');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'Coded');
    insertLineAbove(join(repo, 'studie'));
    assert.deepEqual(await secondLine(join(repo, 'studie')), THROUGH_GIT);
  });

  it('reads a committed transcript with a BOM and CRLF line breaks as the same text', async () => {
    const dir = await codedProject(`\uFEFF${TEXT.replace(/\n/g, '\r\n')}`);
    insertLineAbove(dir);
    assert.deepEqual(await secondLine(dir), THROUGH_GIT);
  });

  it('follows a transcript renamed in a commit with its sidecar', async () => {
    const dir = await codedProject();
    const renamed = renameTranscript(dir);
    write(dir, renamed, TEXT);
    git(dir, 'commit', '--quiet', '-am', 'Renamed');
    write(dir, renamed, `I: Hei.\n${TEXT}`);
    assert.deepEqual(await secondLine(dir), THROUGH_GIT);
  });
});

describe('qcode check falls back to the annotations alone, silently, when git cannot tell', () => {
  async function assertFallsBack(dir: string): Promise<void> {
    const result = await qcode('check', dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.deepEqual(await secondLine(dir), ALONE);
  }

  it('outside a git repository', async () => {
    const dir = await codedProject(TEXT, false);
    insertLineAbove(dir);
    await assertFallsBack(dir);
  });

  it('when git is not installed', async () => {
    const dir = await codedProject();
    insertLineAbove(dir);
    const path = process.env.PATH;
    process.env.PATH = scratchDir('qcode-no-git-');
    try {
      await assertFallsBack(dir);
    } finally {
      process.env.PATH = path;
    }
  });

  it('in a shallow clone that does not reach the commit the sidecar was written in', async () => {
    const origin = await codedProject();
    insertLineAbove(origin);
    git(origin, 'commit', '--quiet', '-am', 'A line above');
    const clone = join(scratchDir('qcode-shallow-'), 'clone');
    git(origin, 'clone', '--quiet', '--depth', '1', `file://${origin}`, clone);
    assert.equal(git(clone, 'rev-parse', '--is-shallow-repository').trim(), 'true');
    await assertFallsBack(clone);
  });

  /** A repository in which only some of the project's files were committed. */
  async function committedOnly(...paths: string[]): Promise<string> {
    const dir = await codedProject(TEXT, false);
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', 'codebook.yaml', ...paths);
    git(dir, 'commit', '--quiet', '-m', 'Part of the project');
    insertLineAbove(dir);
    return dir;
  }

  it('when the sidecar was committed without its transcript', async () => {
    await assertFallsBack(await committedOnly(SIDECAR));
  });

  it('when the sidecar was never committed', async () => {
    await assertFallsBack(await committedOnly(TRANSCRIPT));
  });

  it('when the committed transcript is not UTF-8 (Latin-1)', async () => {
    const dir = await codedProject();
    write(dir, TRANSCRIPT, Buffer.from(`${TEXT}I: Øyvind?\n`, 'latin1'));
    write(dir, SIDECAR, `# Kodet på nytt.\n${read(dir, SIDECAR)}`);
    git(dir, 'commit', '--quiet', '-am', 'Saved in Latin-1');
    write(dir, TRANSCRIPT, `I: Hei.\n${TEXT}`);
    await assertFallsBack(dir);
  });

  it('when the transcript and its sidecar were renamed since, and no commit has the new names', async () => {
    const dir = await codedProject();
    renameTranscript(dir);
    await assertFallsBack(dir);
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { checkJson, qcode, read, scratchProject, write } from './cliHarness';
import { builtCli } from '../helpers/builtCli';

const TRANSCRIPT = 'transcripts/intervju-K3.txt';
const SIDECAR = `${TRANSCRIPT}.annotations.yaml`;
/** Where "Jeg har et veldig godt team." is once `added` lines have been put in front of the transcript. */
const rangeAfter = (added: number) => `${8 + added}:5-${8 + added}:33`;

interface Run {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the built command line as its own process, as a second terminal or a script would. */
function start(dir: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli(), ...args], {
      cwd: dir,
      env: { ...process.env, QCODE_CODER: 'samtidig' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ args, code, stdout, stderr }));
  });
}

/** Starts `tags` tag commands and `fixes` check --fix commands on the same transcript at once, and waits for all. */
async function round(
  dir: string,
  name: string,
  range: string,
  tags: number,
  fixes: number,
): Promise<{ tagged: Run[]; fixed: Run[] }> {
  const tagRuns = Array.from({ length: tags }, (_, n) =>
    start(dir, ['tag', TRANSCRIPT, '--range', range, '--concept', 'ressurser', '--memo', `${name}-${n}`]),
  );
  const fixRuns = Array.from({ length: fixes }, () => start(dir, ['check', '.', '--fix']));
  return { tagged: await Promise.all(tagRuns), fixed: await Promise.all(fixRuns) };
}

/**
 * The project with that one transcript and its sidecar, so that each of the many processes starts fast; no chapters
 * cite the others.
 */
function onlyTranscript(dir: string, transcript: string): string {
  rmSync(join(dir, 'chapters'), { recursive: true, force: true });
  for (const name of readdirSync(join(dir, 'transcripts'))) {
    if (!`transcripts/${name}`.startsWith(transcript)) rmSync(join(dir, 'transcripts', name));
  }
  return dir;
}

async function statuses(dir: string): Promise<string[]> {
  return (await checkJson(dir)).files.find((f) => f.transcript === TRANSCRIPT)?.annotations.map((a) => a.status) ?? [];
}

function sidecarAnnotations(dir: string) {
  const sidecar = readSidecar(SIDECAR, read(dir, SIDECAR));
  assert.deepEqual(
    sidecar.file.problems.filter((p) => p.severity === 'error'),
    [],
  );
  return sidecar.entries.map((e) => e.annotation);
}

describe('qcode processes writing one sidecar at the same time', function () {
  this.timeout(300_000);

  before(() => builtCli());

  it('keep every annotation a tag command reported, and every range check --fix rewrote', async () => {
    const dir = onlyTranscript(scratchProject(), TRANSCRIPT);
    let expected = sidecarAnnotations(dir).length;
    for (const [index, [name, tags, fixes]] of (
      [
        ['first', 12, 1],
        ['second', 16, 2],
      ] as const
    ).entries()) {
      write(dir, TRANSCRIPT, `Runde ${name}.\n${read(dir, TRANSCRIPT)}`);
      assert.deepEqual(
        new Set(await statuses(dir)),
        new Set(['moved']),
        'a line put in front moved every annotation, so check --fix has ranges to write',
      );
      const { tagged, fixed } = await round(dir, name, rangeAfter(index + 1), tags, fixes);
      for (const run of [...tagged, ...fixed])
        assert.equal(run.code, 0, `qcode ${run.args.join(' ')} exited ${run.code}: ${run.stderr}`);
      const annotations = sidecarAnnotations(dir);
      const ids = new Set(annotations.map((a) => a.id));
      for (const run of tagged) {
        const id = run.stdout.split(' ')[0] ?? '';
        assert.ok(ids.has(id), `${id} was reported by qcode ${run.args.join(' ')} but is not in the sidecar`);
      }
      assert.equal(
        annotations.filter((a) => a.memo?.startsWith(`${name}-`)).length,
        tagged.length,
        `${name}: as many new annotations as reported successes`,
      );
      expected += tagged.length;
      assert.equal(annotations.length, expected);
      assert.deepEqual(
        new Set(await statuses(dir)),
        new Set(['exact']),
        `${name}: the ranges check --fix rewrote were not overwritten by a tag command`,
      );
    }
    const check = await qcode('check', dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.deepEqual(
      readdirSync(join(dir, 'transcripts')).filter((name) => /\.(lock|break|tmp)$/.test(name)),
      [],
      'no lock or temporary file is left behind',
    );
  });
});

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { NodeProjectFiles } from '../../src/node/nodeFiles';
import { FileAccessError } from '../../src/core/port';
import { checkJson, qcode, read, SAMPLE, scratchProject, write, type CheckJson } from './cliHarness';
import { scratchDir } from '../helpers/scratch';
import { builtCli } from '../helpers/builtCli';

const K1 = 'transcripts/intervju-K1.txt';
const K3 = 'transcripts/intervju-K3.txt';
const L5 = 'transcripts/intervju-L5.txt';
const sidecar = (transcript: string) => `${transcript}.annotations.yaml`;
/** What the rest of the project must still show. */
const L5_ANNOTATIONS = (read(SAMPLE, sidecar(L5)).match(/^ {2}- id:/gm) ?? []).length;

function problemAt(report: CheckJson, file: string) {
  const found = report.problems.filter((p) => p.file === file);
  assert.equal(found.length, 1, JSON.stringify(report.problems, null, 2));
  return found[0] as CheckJson['problems'][number];
}

function annotationsOf(report: CheckJson, transcript: string): number | undefined {
  return report.files.find((f) => f.transcript === transcript)?.annotations.length;
}

/** A folder beside the project with a transcript-looking file in it, to link to. */
function outsideFolder(): string {
  const dir = scratchDir('qcode-outside-');
  writeFileSync(join(dir, 'hemmelig.txt'), 'K9: Dette skal ikke leses.\n');
  return dir;
}

/** `qcode check --format json` in a child process with a time limit, so that a hang fails the test. */
function checkInChild(dir: string, options: { uid?: number; gid?: number } = {}) {
  const result = spawnSync(process.execPath, [builtCli(), 'check', dir, '--format', 'json'], {
    encoding: 'utf8',
    timeout: 15000,
    ...options,
  });
  assert.equal(result.signal, null, `qcode check was stopped (${result.signal}): it hung`);
  return { code: result.status, report: JSON.parse(result.stdout) as CheckJson, stderr: result.stderr };
}

/** Each path has its one not-a-file problem. */
function assertNotOpened(report: CheckJson, paths: string[]): void {
  for (const pipe of paths) {
    const p = problemAt(report, pipe);
    assert.deepEqual([p.code, p.severity, p.line, p.column], ['not-a-file', 'error', 1, 1]);
    assert.match(
      p.message,
      /is not a regular file \(a named pipe, socket or device\), so qcode does not open it\. Put the file itself in its place\./,
    );
  }
}

describe('qcode check and odd files', () => {
  it('reports a named pipe or a socket in place of a sidecar or a transcript instead of hanging, and checks the rest', async () => {
    const dir = scratchProject();
    renameSync(join(dir, sidecar(K3)), join(dir, 'k3.yaml'));
    execFileSync('mkfifo', [join(dir, sidecar(K3)), join(dir, 'transcripts/ventende.txt')]);
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(join(dir, 'transcripts/kontakt.txt'), resolve));
    try {
      const { code, report, stderr } = checkInChild(dir);
      assert.equal(code, 1, stderr);
      assertNotOpened(report, [sidecar(K3), 'transcripts/ventende.txt', 'transcripts/kontakt.txt']);
      assert.equal(annotationsOf(report, L5), L5_ANNOTATIONS);
    } finally {
      socket.close();
    }
  });

  it('reports a folder where a sidecar should be, with exit 1, instead of counting no annotations', async () => {
    const dir = scratchProject();
    renameSync(join(dir, sidecar(K3)), join(dir, 'k3.yaml'));
    mkdirSync(join(dir, sidecar(K3)));
    const report = await checkJson(dir);
    assert.equal(report.code, 1);
    assert.match(
      problemAt(report, sidecar(K3)).message,
      /is a folder, where the annotations of intervju-K3\.txt should be a file/,
    );
    assert.equal(annotationsOf(report, L5), L5_ANNOTATIONS);
  });

  it('follows a link to a transcript inside the project, and not a link out of it', async () => {
    const dir = scratchProject();
    const outside = outsideFolder();
    mkdirSync(join(dir, 'originaler'));
    renameSync(join(dir, K1), join(dir, 'originaler/intervju-K1.txt'));
    symlinkSync('../originaler/intervju-K1.txt', join(dir, K1));
    symlinkSync(join(outside, 'hemmelig.txt'), join(dir, 'transcripts/lenke.txt'));
    symlinkSync(outside, join(dir, 'transcripts/arkiv'));
    const report = await checkJson(dir);
    assert.equal(report.code, 1);
    assert.ok(report.files.find((f) => f.transcript === K1)?.annotations.every((a) => a.status === 'exact'));
    assert.equal(
      report.problems.some((p) => p.file === sidecar(K1)),
      false,
      'the linked transcript is not missing',
    );
    for (const link of ['transcripts/lenke.txt', 'transcripts/arkiv']) {
      const p = problemAt(report, link);
      assert.equal(p.code, 'outside-project');
      assert.match(p.message, /is a link to a place outside the project folder, which qcode does not follow/);
    }
    assert.equal(
      report.files.some((f) => f.transcript.includes('hemmelig')),
      false,
    );
  });

  it('--fix writes through a linked sidecar to its target and keeps the link', async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, 'koding'));
    renameSync(join(dir, sidecar(K3)), join(dir, 'koding/k3.yaml'));
    symlinkSync('../koding/k3.yaml', join(dir, sidecar(K3)));
    write(dir, K3, `Transkribert av: A. N. Onym\n\n${read(dir, K3)}`);
    const fixed = await qcode('check', dir, '--fix');
    assert.match(fixed.stderr, /^Updated \d+ annotation\(s\) in 1 sidecar\(s\)\.\n$/);
    assert.ok(lstatSync(join(dir, sidecar(K3))).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, sidecar(K3))), '../koding/k3.yaml');
    assert.match(read(dir, 'koding/k3.yaml'), /range: 10:5-10:33\n/, 'the target holds the new ranges');
    assert.deepEqual(
      readdirSync(join(dir, 'transcripts')).filter((name) => name.endsWith('.tmp')),
      [],
    );
    const after = await checkJson(dir);
    assert.deepEqual([after.code, after.problems], [0, []]);
  });

  it('reports a sidecar it may not read (EACCES) by name and checks the rest', () => {
    // Root reads anything, so as root the check runs as the unprivileged user "nobody".
    const asRoot = process.getuid?.() === 0;
    const dir = scratchProject();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, sidecar(K3)), 0o000);
    const { code, report } = checkInChild(dir, asRoot ? { uid: 65534, gid: 65534 } : {});
    assert.equal(code, 1);
    const p = problemAt(report, sidecar(K3));
    assert.deepEqual([p.code, p.severity], ['unreadable-file', 'error']);
    assert.match(p.message, /cannot be read: permission denied\. Make it readable for yourself/);
    assert.equal(annotationsOf(report, L5), L5_ANNOTATIONS);
  });

  it('never reads or writes through a path or a linked folder that leads out of the project', async () => {
    const dir = scratchProject();
    const outside = outsideFolder();
    symlinkSync(outside, join(dir, 'transcripts/arkiv'));
    const files = new NodeProjectFiles(dir);
    const refused = (reason: string) => (error: unknown) => error instanceof FileAccessError && error.reason === reason;
    await assert.rejects(files.read('../hemmelig.txt'), refused('outside-project'));
    await assert.rejects(files.read('transcripts/arkiv/hemmelig.txt'), refused('outside-project'));
    await assert.rejects(files.list('transcripts/arkiv'), refused('outside-project'));
    await assert.rejects(
      files.write('transcripts/arkiv/ny.txt.annotations.yaml', new TextEncoder().encode('qcode: 1\n')),
      refused('outside-project'),
    );
    await assert.rejects(files.write('../ny.yaml', new Uint8Array()), refused('outside-project'));
    assert.deepEqual(readdirSync(outside), ['hemmelig.txt']);
  });
});

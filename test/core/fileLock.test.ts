import assert from 'node:assert/strict';
import { FileLockTimeout, withFileLock, withFileLocks } from '../../src/core/lock/fileLock';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { updateSidecar } from '../../src/core/sidecar/updateSidecar';
import { LockClock, lockFileText } from '../helpers/lockClock';
import { MemoryFiles } from '../helpers/memoryFiles';

const SIDECAR = 'transcripts/k3.txt.annotations.yaml';
const LOCK = `${SIDECAR}.lock`;

function annotation(n: number): Annotation {
  return { id: `a${String(n).padStart(7, '0')}`, concepts: ['ressurser'], quote: `Sitat ${n}.` };
}

describe('withFileLock', () => {
  let clock: LockClock;
  beforeEach(() => {
    clock = new LockClock();
  });

  it('holds <path>.lock with an owner token and the time while the work runs, and removes it afterwards', async () => {
    const files = new MemoryFiles();
    const held = await withFileLock(files, SIDECAR, async () => files.text(LOCK), clock);
    assert.match(held ?? '', /^\{"owner":"[0-9a-f]{16}","created":"2026-11-20T10:00:00\.000Z"\}\n$/);
    assert.equal(files.text(LOCK), undefined);
  });

  it('makes a second writer wait until the first has released the lock', async () => {
    const files = new MemoryFiles();
    const order: string[] = [];
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = withFileLock(
      files,
      SIDECAR,
      async () => {
        order.push('first starts');
        await gate;
        order.push('first ends');
      },
      clock,
    );
    const second = withFileLock(files, SIDECAR, async () => void order.push('second runs'), clock);
    for (let turn = 0; turn < 1000 && clock.sleeps.length < 5; turn++)
      await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['first starts'], 'the second waits while the first holds the lock');
    open();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first starts', 'first ends', 'second runs']);
    assert.ok(
      clock.sleeps.every((ms) => ms >= 2.5 && ms <= 150),
      `waits stay short and bounded: ${clock.sleeps.join(', ')}`,
    );
  });

  it('removes a lock left behind more than 30 s ago and goes ahead', async () => {
    const files = new MemoryFiles({ [LOCK]: lockFileText('0123456789abcdef', clock.ago(31)) });
    const ran = await withFileLock(files, SIDECAR, async () => files.text(LOCK)?.includes('0123456789abcdef'), clock);
    assert.equal(ran, false, 'the work ran under its own lock');
    assert.deepEqual([...files.files.keys()], [], 'neither the lock nor the file that guards its removal is left');
  });

  it('removes a lock whose content is not a lock record once it has stayed the same for 30 s', async () => {
    const files = new MemoryFiles({ [LOCK]: '' });
    const started = clock.time;
    assert.equal(await withFileLock(files, SIDECAR, async () => 'ran', clock), 'ran');
    assert.ok(clock.time - started > 30_000 && clock.time - started < 31_000, `waited ${clock.time - started} ms`);
  });

  it('gives up waiting for a lock someone holds, naming the lock file and what to do, and leaves it alone', async () => {
    const since = clock.ago(1);
    const held = lockFileText('fedcba9876543210', since);
    const files = new MemoryFiles({ [LOCK]: held });
    let ran = false;
    const waiting = withFileLock(files, SIDECAR, async () => void (ran = true), { ...clock, timeoutMs: 5_000 });
    await assert.rejects(waiting, (error: unknown) => {
      assert.ok(error instanceof FileLockTimeout);
      assert.equal(
        error.message,
        `${LOCK}: another qcode program (a command or an editor window) is writing this file and has held its lock since ${since}; gave up after 5 s. Try again; if no qcode is running, delete ${LOCK}.`,
      );
      assert.deepEqual(
        [error.problem.file, error.problem.line, error.problem.column, error.problem.code],
        [LOCK, 1, 1, 'locked'],
      );
      return true;
    });
    assert.equal(ran, false);
    assert.equal(files.text(LOCK), held);
  });

  it('releases the lock when the work fails, and passes the failure on', async () => {
    const files = new MemoryFiles();
    await assert.rejects(
      withFileLock(
        files,
        SIDECAR,
        async () => {
          assert.ok(files.files.has(LOCK));
          throw new Error('disk full');
        },
        clock,
      ),
      /disk full/,
    );
    assert.equal(files.text(LOCK), undefined);
    assert.equal(
      await withFileLock(files, SIDECAR, async () => 'next', clock),
      'next',
      'the next writer gets the lock at once',
    );
    assert.deepEqual(clock.sleeps, []);
  });

  it('does not remove a lock that is no longer its own', async () => {
    const files = new MemoryFiles();
    const other = lockFileText('1111111111111111', clock.ago(0));
    await withFileLock(files, SIDECAR, async () => files.set(LOCK, other), clock);
    assert.equal(files.text(LOCK), other);
  });

  it('serialises many writers of one sidecar in one process, so that every annotation lands', async () => {
    const files = new MemoryFiles();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        updateSidecar(files, SIDECAR, 'transcripts/k3.txt', (current) => [...current, annotation(n)]),
      ),
    );
    assert.ok(results.every((r) => r.ok && r.changed));
    const ids = readSidecar(SIDECAR, files.text(SIDECAR) ?? '')
      .entries.map((e) => e.annotation.id)
      .sort();
    assert.deepEqual(
      ids,
      Array.from({ length: 25 }, (_, n) => annotation(n).id),
    );
    assert.equal(files.text(LOCK), undefined);
  });

  it('keeps waiting while the lock passes from one writer to the next, up to the longest wait', async () => {
    const files = new MemoryFiles();
    let turn = 0;
    const read = files.read.bind(files);
    files.read = async (path) =>
      path === LOCK
        ? new TextEncoder().encode(lockFileText(`${++turn}`.padStart(16, '0'), new Date().toISOString()))
        : read(path);
    files.createExclusive = async () => false;
    const started = Date.now();
    const result = await withFileLock(files, SIDECAR, async () => 'ran', { timeoutMs: 100, maxWaitMs: 600 }).catch(
      (error: unknown) => error,
    );
    assert.ok(result instanceof FileLockTimeout, String(result));
    assert.ok(Date.now() - started >= 600 && turn > 3, `looked ${turn} times in ${Date.now() - started} ms`);
  });

  it('updateSidecar turns a lock it cannot get into a problem of the lock file, writing nothing', async () => {
    const files = new MemoryFiles();
    files.createExclusive = async () => Promise.reject(new FileLockTimeout(LOCK, undefined, 35));
    const result = await updateSidecar(files, SIDECAR, 'transcripts/k3.txt', () => [annotation(1)]);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => [p.file, p.line, p.column, p.severity, p.code]),
      [[LOCK, 1, 1, 'error', 'locked']],
    );
    assert.match(
      result.problems[0]?.message ?? '',
      /gave up after 35 s\. Try again; if no qcode is running, delete transcripts\/k3\.txt\.annotations\.yaml\.lock\.$/,
    );
    assert.deepEqual(files.writes, []);
  });
});

describe('withFileLocks', () => {
  it('takes every lock, lets writers inside go straight through, and releases them all', async () => {
    const clock = new LockClock();
    const files = new MemoryFiles();
    const other = 'transcripts/k1.txt.annotations.yaml';
    const result = await withFileLocks(
      files,
      [SIDECAR, 'codebook.yaml', other],
      async (locked) => {
        assert.deepEqual([...files.files.keys()].sort(), ['codebook.yaml.lock', `${other}.lock`, LOCK]);
        return updateSidecar(locked, SIDECAR, 'transcripts/k3.txt', () => [annotation(1)]);
      },
      { ...clock, timeoutMs: 1_000 },
    );
    assert.deepEqual(result, { ok: true, changed: true });
    assert.deepEqual(clock.sleeps, [], 'the sidecar writer did not wait for the lock its caller holds');
    assert.deepEqual([...files.files.keys()], [SIDECAR]);
  });

  it('makes a writer on other files wait for the locks it holds', async () => {
    const clock = new LockClock();
    const files = new MemoryFiles();
    const timing = { ...clock, timeoutMs: 1_000 };
    const outside = withFileLocks(
      files,
      [SIDECAR],
      async () => withFileLock(files, SIDECAR, async () => 'ran', timing),
      timing,
    );
    await assert.rejects(outside, FileLockTimeout);
    assert.deepEqual([...files.files.keys()], [], 'the outer lock was released after the failure');
  });
});

import { cryptoRandomBytes, type ProjectFiles } from '../port';
import { englishText, message, type Message } from '../messages';
import { problem, type Problem } from '../problems';
import { holding, holdsLock } from './heldLocks';
import { BREAK_SUFFIX, LOCK_SUFFIX, lockBytes, lockText, ownedBy, parseLock, randomOwner } from './lockRecord';

/** How locks are waited for. A writer holds its lock only for the few milliseconds of one read-modify-write. */
export interface LockTiming {
  /** A lock older than this was left behind by a process that stopped, and is removed. */
  staleMs: number;
  /**
   * How long to wait while the lock stays with one holder (or cannot be read) before giving up;
   * longer than staleMs, so that a waiter outlasts a stale lock.
   */
  timeoutMs: number;
  /** How long to wait at most, also while the lock keeps passing from one writer to the next. */
  maxWaitMs: number;
  /** Retries wait a random time around minDelayMs, doubling with each retry up to maxDelayMs. */
  minDelayMs: number;
  maxDelayMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_LOCK_TIMING: LockTiming = {
  staleMs: 30_000,
  timeoutMs: 35_000,
  maxWaitMs: 300_000,
  minDelayMs: 5,
  maxDelayMs: 100,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** Waiting for a lock took too long: someone holds it, or it was left behind less than staleMs ago. */
export class FileLockTimeout extends Error {
  constructor(
    readonly lockPath: string,
    readonly since: string | undefined,
    readonly waitedSeconds: number,
  ) {
    super(englishText(lockTimeoutMessage(lockPath, since, waitedSeconds)));
  }

  get detail(): Message {
    return lockTimeoutMessage(this.lockPath, this.since, this.waitedSeconds);
  }

  get problem(): Problem {
    return problem(this.lockPath, 1, 1, 'error', 'locked', this.detail);
  }
}

/**
 * Runs `work` while holding the lock of `path` (the file `<path>.lock`), which every qcode
 * process that writes the file takes first: two commands, the command line beside the editor,
 * two editor windows. Waits for a lock someone holds, removes one older than staleMs, and
 * always releases its own. Throws FileLockTimeout when the lock has not changed hands for
 * timeoutMs, or after maxWaitMs in all.
 */
export async function withFileLock<T>(
  files: ProjectFiles,
  path: string,
  work: () => Promise<T>,
  timing: Partial<LockTiming> = {},
): Promise<T> {
  if (holdsLock(files, path)) return work();
  const lock = new LockAcquisition(files, path + LOCK_SUFFIX, { ...DEFAULT_LOCK_TIMING, ...timing });
  await lock.take();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
  await lock.release();
  return result;
}

/**
 * Runs `work` holding the locks of all `paths`, taken in path order so that two processes that
 * lock several files never wait for each other. `work` gets files on which taking one of these
 * locks again (updateSidecar, withFileLock) goes straight through.
 */
export async function withFileLocks<T>(
  files: ProjectFiles,
  paths: readonly string[],
  work: (locked: ProjectFiles) => Promise<T>,
  timing: Partial<LockTiming> = {},
): Promise<T> {
  const sorted = [...new Set(paths)].sort();
  const locked = holding(files, sorted);
  const takeFrom = (index: number): Promise<T> => {
    const path = sorted[index];
    return path === undefined ? work(locked) : withFileLock(files, path, () => takeFrom(index + 1), timing);
  };
  return takeFrom(0);
}

/** How long a lock file has been seen with the same content, or how old it says it is, whichever is more. */
class AgeWatch {
  private seen: { text: string; since: number } | undefined;

  age(text: string, now: number): number {
    if (this.seen?.text !== text) this.seen = { text, since: now };
    const created = parseLock(text)?.created;
    return Math.max(now - this.seen.since, created === undefined ? 0 : now - Date.parse(created));
  }
}

class LockAcquisition {
  private readonly owner = randomOwner(cryptoRandomBytes);
  private readonly lockWatch = new AgeWatch();
  private readonly breakWatch = new AgeWatch();

  constructor(
    private readonly files: ProjectFiles,
    private readonly lockPath: string,
    private readonly timing: LockTiming,
  ) {}

  /**
   * Takes the lock, waiting as long as other writers make progress with it; throws FileLockTimeout when they do not.
   */
  async take(): Promise<void> {
    const started = this.timing.now();
    const progress = { holder: undefined as string | undefined, since: started };
    for (let attempt = 0; ; attempt++) {
      if (await this.create(this.lockPath)) return;
      const held = lockText(await this.files.read(this.lockPath));
      if (held !== undefined && this.isStale(this.lockWatch, held) && (await this.breakStale(held))) continue;
      const now = this.timing.now();
      if (held !== undefined && held !== progress.holder) Object.assign(progress, { holder: held, since: now });
      if (now - progress.since >= this.timing.timeoutMs || now - started >= this.timing.maxWaitMs) {
        throw new FileLockTimeout(
          this.lockPath,
          held === undefined ? undefined : parseLock(held)?.created,
          Math.round((now - started) / 1000),
        );
      }
      await this.timing.sleep(this.backoff(attempt));
    }
  }

  async release(): Promise<void> {
    if (ownedBy(lockText(await this.files.read(this.lockPath)), this.owner)) await this.files.remove(this.lockPath);
  }

  private create(path: string): Promise<boolean> {
    return this.files.createExclusive(path, lockBytes(this.owner, this.timing.now()));
  }

  private isStale(watch: AgeWatch, text: string): boolean {
    return watch.age(text, this.timing.now()) > this.timing.staleMs;
  }

  /**
   * Removes a stale lock if it is still the one seen, holding `<path>.lock.break` meanwhile so that
   * two waiters never both remove it (the second would remove the first one's fresh lock). True
   * when the lock should be tried again at once.
   */
  private async breakStale(stale: string): Promise<boolean> {
    const breakPath = this.lockPath.slice(0, -LOCK_SUFFIX.length) + BREAK_SUFFIX;
    if (!(await this.create(breakPath))) {
      const other = lockText(await this.files.read(breakPath));
      if (other !== undefined && this.isStale(this.breakWatch, other)) await this.files.remove(breakPath);
      return false;
    }
    try {
      if (lockText(await this.files.read(this.lockPath)) === stale) await this.files.remove(this.lockPath);
      return true;
    } finally {
      await this.files.remove(breakPath);
    }
  }

  private backoff(attempt: number): number {
    const { minDelayMs, maxDelayMs, random } = this.timing;
    return Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(attempt, 16)) * (0.5 + random());
  }
}

function lockTimeoutMessage(lockPath: string, since: string | undefined, waitedSeconds: number): Message {
  const held = since ? message(' and has held its lock since {since}', { since }) : '';
  return message(
    '{lock}: another qcode program (a command or an editor window) is writing this file{held}; gave up after {seconds} s. Try again; if no qcode is running, delete {lock}.',
    { lock: lockPath, held, seconds: waitedSeconds },
  );
}

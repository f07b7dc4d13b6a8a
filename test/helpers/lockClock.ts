import type { LockTiming } from '../../src/core/lock/fileLock';

/** Lock timing on a clock that moves only when a waiter sleeps, so that waiting 30 s takes no time. */
export class LockClock implements Partial<LockTiming> {
  time = Date.parse('2026-11-20T10:00:00Z');
  /** Every wait asked for, in milliseconds. */
  readonly sleeps: number[] = [];
  readonly now = (): number => this.time;
  readonly random = (): number => 0.5;
  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += ms;
    await new Promise((resolve) => setImmediate(resolve));
  };

  /** The ISO time `seconds` before now, as a lock file holds it. */
  ago(seconds: number): string {
    return new Date(this.time - seconds * 1000).toISOString();
  }
}

/** The text of a lock file taken by `owner` at `created`. */
export function lockFileText(owner: string, created: string): string {
  return `${JSON.stringify({ owner, created })}\n`;
}

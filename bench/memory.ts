/** Peak memory over the run: sampled on a timer and at every checkpoint the measurements call. */
export class MemoryPeak {
  rss = 0;
  heapUsed = 0;
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs = 25): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > this.rss) this.rss = rss;
    if (heapUsed > this.heapUsed) this.heapUsed = heapUsed;
  }
}

export const memory = new MemoryPeak();

/** Collects garbage when node runs with --expose-gc, so that one measurement does not pay for another's garbage. */
export function collectGarbage(): void {
  memory.sample();
  globalThis.gc?.();
  globalThis.gc?.();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The p-quantile (0..1) by nearest rank. */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

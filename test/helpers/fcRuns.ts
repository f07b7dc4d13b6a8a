import type { Parameters } from 'fast-check';

/**
 * The run's fast-check seed: fresh for each run of the tests, so that every run tries other cases,
 * or QCODE_FC_SEED to replay a run (the tests print the seed they used).
 */
export const runSeed =
  process.env.QCODE_FC_SEED === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(process.env.QCODE_FC_SEED);

/**
 * fast-check parameters: a number of runs, and a seed made of the run's seed and the property's own
 * number, so that two properties do not see the same cases. QCODE_FC_SCALE=20 multiplies the runs,
 * for a longer hunt on demand.
 */
export function runs(numRuns: number, salt: number): Parameters<unknown> {
  const scale = Number(process.env.QCODE_FC_SCALE) || 1;
  return { numRuns: Math.round(numRuns * scale), seed: (runSeed + salt) | 0 };
}

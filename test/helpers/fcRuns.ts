import type { Parameters } from 'fast-check';

/**
 * fast-check parameters: a fixed number of runs and a fixed seed, so the suite is fast and
 * repeatable. QCODE_FC_SCALE=20 multiplies the runs and QCODE_FC_SEED=<n> picks another seed,
 * for a longer hunt on demand.
 */
export function runs(numRuns: number, seed: number): Parameters<unknown> {
  const scale = Number(process.env.QCODE_FC_SCALE) || 1;
  const chosenSeed = process.env.QCODE_FC_SEED === undefined ? seed : Number(process.env.QCODE_FC_SEED);
  return { numRuns: Math.round(numRuns * scale), seed: chosenSeed };
}

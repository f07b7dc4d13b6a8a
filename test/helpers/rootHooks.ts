// Mocha root hooks for every unit, command-line and Word test: one fast-check seed for the whole run
// (fresh each run, printed so that a failure can be replayed with QCODE_FC_SEED), and the removal
// of the temporary folders the tests made.
import fc from 'fast-check';
import { runSeed } from './fcRuns';
import { removeScratchDirs } from './scratch';

fc.configureGlobal({ seed: runSeed });
process.stdout.write(`fast-check seed ${runSeed} (replay with QCODE_FC_SEED=${runSeed})\n`);

export const mochaHooks = {
  afterAll(): void {
    removeScratchDirs();
  },
};

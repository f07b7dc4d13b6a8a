import assert from 'node:assert/strict';
import { inOrder } from '../../src/core/inOrder';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inOrder', () => {
  it('gives the results in the order of the items, with at most so many at work at once', async () => {
    let working = 0;
    let most = 0;
    const results = await inOrder([30, 5, 20, 1, 10, 2, 8], 3, async (ms) => {
      most = Math.max(most, ++working);
      await tick(ms);
      working--;
      return ms * 2;
    });
    assert.deepEqual(results, [60, 10, 40, 2, 20, 4, 16]);
    assert.equal(most, 3);
  });

  it('starts nothing after a failure, and throws it once the started work is done', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    await assert.rejects(
      inOrder([1, 2, 3, 4, 5, 6], 2, async (n) => {
        started.push(n);
        await tick(n === 2 ? 1 : 20);
        if (n === 2) throw new Error('nummer to');
        finished.push(n);
      }),
      /nummer to/,
    );
    assert.deepEqual(started, [1, 2]);
    assert.deepEqual(finished, [1]);
  });
});

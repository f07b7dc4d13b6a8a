import * as assert from 'node:assert/strict';
import { LoadingHold } from '../../src/extension/shared/host/loadingHold';

/** Whether the promise has settled after the pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('LoadingHold (the whole project loads while no coding change is being written)', () => {
  it('lets the load go on at once when nothing holds it', async () => {
    assert.equal(await settled(new LoadingHold().idle()), true);
  });

  it('holds the load until every hold is released, each release counting once', async () => {
    const hold = new LoadingHold();
    const first = hold.hold();
    const second = hold.hold();
    first();
    first();
    assert.equal(await settled(hold.idle()), false);
    second();
    assert.equal(await settled(hold.idle()), true);
  });

  it('releases a hold by itself after the longest time', async () => {
    const hold = new LoadingHold(20);
    hold.hold();
    assert.equal(await settled(hold.idle()), false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(await settled(hold.idle()), true);
  });

  it('holds again after it was released', async () => {
    const hold = new LoadingHold();
    hold.hold()();
    const again = hold.hold();
    assert.equal(await settled(hold.idle()), false);
    again();
    assert.equal(await settled(hold.idle()), true);
  });
});

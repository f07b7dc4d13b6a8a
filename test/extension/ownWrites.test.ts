import * as assert from 'node:assert/strict';
import { OwnWrites } from '../../src/extension/shared/host/ownWrites';

const bytes = (text: string) => new TextEncoder().encode(text);

describe("OwnWrites (the file watcher's echo of qcode's own write loads nothing)", () => {
  let clock = 0;
  const writes = () => new OwnWrites(5000, () => clock);
  const disk = new Map<string, Uint8Array>();
  const read = async (path: string) => disk.get(path);
  beforeEach(() => {
    clock = 0;
    disk.clear();
  });

  it('takes an event for a file that holds what qcode wrote for an echo', async () => {
    const own = writes();
    own.wrote('a.txt.annotations.yaml', bytes('qcode: 1\nannotations: []\n'));
    disk.set('a.txt.annotations.yaml', bytes('qcode: 1\nannotations: []\n'));
    assert.equal(own.has('a.txt.annotations.yaml'), true);
    assert.equal(await own.isEcho('a.txt.annotations.yaml', read), true);
  });

  it('takes anything else on disk for a change: other bytes, one byte more, a removal, a file never written', async () => {
    const own = writes();
    own.wrote('a.yaml', bytes('ø: 1\n'));
    disk.set('a.yaml', bytes('ø: 2\n'));
    assert.equal(await own.isEcho('a.yaml', read), false, 'other bytes');
    disk.set('a.yaml', bytes('ø: 1\n\n'));
    assert.equal(await own.isEcho('a.yaml', read), false, 'one byte more');
    disk.delete('a.yaml');
    assert.equal(await own.isEcho('a.yaml', read), false, 'removed');
    disk.set('b.yaml', bytes('x'));
    assert.equal(await own.isEcho('b.yaml', read), false, 'never written by qcode');
    assert.equal(own.has('b.yaml'), false);
  });

  it('forgets a write after a while, and at once when qcode removes the file or writes it again', async () => {
    const own = writes();
    own.wrote('a.yaml', bytes('x'));
    own.wrote('b.yaml', bytes('y'));
    own.forget('b.yaml');
    assert.equal(own.has('b.yaml'), false);
    clock = 5001;
    assert.equal(own.has('a.yaml'), false);
  });

  it('takes a file that cannot be read for a change', async () => {
    const own = writes();
    own.wrote('a.yaml', bytes('x'));
    assert.equal(await own.isEcho('a.yaml', () => Promise.reject(new Error('EACCES'))), false);
  });
});

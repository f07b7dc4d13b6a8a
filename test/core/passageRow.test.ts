import * as assert from 'node:assert/strict';
import { hasSeveralCoders, passageRowDescription } from '../../src/core/operations/passageRow';

describe('passageRowDescription (Annotations view rows)', () => {
  const parts = {
    informant: 'K3',
    conceptLabels: ['Tillit', 'Ressurser'],
    coder: 'kari',
    start: { line: 8, column: 246 },
  };

  it('names the coder when the transcript has several coders', () => {
    assert.equal(passageRowDescription({ ...parts, severalCoders: true }), 'K3 · Tillit, Ressurser · kari · 8:246');
  });

  it('leaves the coder out when there is one coder', () => {
    assert.equal(passageRowDescription({ ...parts, severalCoders: false }), 'K3 · Tillit, Ressurser · 8:246');
  });

  it('tells apart two rows with the same informant and concepts by where they start', () => {
    const first = passageRowDescription({ ...parts, severalCoders: false });
    const second = passageRowDescription({ ...parts, severalCoders: false, start: { line: 12, column: 1 } });
    assert.notEqual(first, second);
  });

  it('leaves out what an orphan or an unnamed informant lacks', () => {
    assert.equal(passageRowDescription({ conceptLabels: ['Tillit'], severalCoders: true }), 'Tillit');
  });
});

describe('hasSeveralCoders', () => {
  it('is true for two named coders, or a named and an unnamed one', () => {
    assert.equal(hasSeveralCoders(['kari', 'ola', 'kari']), true);
    assert.equal(hasSeveralCoders(['kari', undefined]), true);
  });

  it('is false for one coder', () => {
    assert.equal(hasSeveralCoders(['kari', 'kari']), false);
    assert.equal(hasSeveralCoders([]), false);
  });
});

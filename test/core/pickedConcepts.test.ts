import * as assert from 'node:assert/strict';
import { acceptedConcepts, quoteStart } from '../../src/core/operations/pickedConcepts';

describe('acceptedConcepts (Enter in the concept picker)', () => {
  it('takes the highlighted concept when nothing is ticked', () => {
    assert.deepEqual(acceptedConcepts([], 'tillit'), ['tillit']);
  });

  it('takes the ticked concepts, not the highlighted one, when some are ticked', () => {
    assert.deepEqual(acceptedConcepts(['ressurser', 'tillit', 'ressurser'], 'samordning'), ['ressurser', 'tillit']);
  });

  it('takes nothing when nothing is ticked or highlighted (a filter that matches no concept)', () => {
    assert.deepEqual(acceptedConcepts([], undefined), []);
  });
});

describe('quoteStart', () => {
  it('keeps a short quote whole on one line', () => {
    assert.equal(quoteStart('Bedre team\n skal du lete'), 'Bedre team skal du lete');
  });

  it('cuts a long quote with an ellipsis within the length', () => {
    const cut = quoteStart('Ingen hadde sagt noe om at det fantes en koordinator', 20);
    assert.equal(cut, 'Ingen hadde sagt no…');
    assert.ok(cut.length <= 20);
  });
});

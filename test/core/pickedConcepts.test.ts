import * as assert from 'node:assert/strict';
import { acceptedConcepts, highlightedRow, quoteStart } from '../../src/core/operations/pickedConcepts';

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

describe('highlightedRow (what typing in the concept picker highlights)', () => {
  const rows = [
    { label: 'Samordning', detail: 'How services are connected' },
    { label: '\u2002Uformell samordning', description: 'Samordning' },
    { label: '\u2002Formell samordning', description: 'Samordning', detail: 'Written routines' },
    { label: '\u2002Døråpneren', description: 'Koordinatorroller' },
  ];

  it('prefers a label that starts with the filter over one that only contains it', () => {
    assert.equal(highlightedRow(rows, 'formell')?.label, '\u2002Formell samordning');
  });

  it('prefers an exact label, whatever the case, over a longer one', () => {
    assert.equal(highlightedRow(rows, 'SAMORDNING')?.label, 'Samordning');
  });

  it('takes the first label containing the filter when none starts with it', () => {
    assert.equal(highlightedRow(rows, 'ordning ')?.label, 'Samordning');
  });

  it('falls back to a description or definition that contains the filter', () => {
    assert.equal(highlightedRow(rows, 'routines')?.label, '\u2002Formell samordning');
    assert.equal(highlightedRow(rows, 'koordinator')?.label, '\u2002Døråpneren');
  });

  it('highlights nothing for an empty filter or one that matches no row', () => {
    assert.equal(highlightedRow(rows, '  '), undefined);
    assert.equal(highlightedRow(rows, 'tillit'), undefined);
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

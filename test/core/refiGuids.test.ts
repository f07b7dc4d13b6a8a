import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { annotationGuid, annotationIdOfGuid, normalizeGuid, stableGuid } from '../../src/core/refi/guids';
import { ID_PATTERN } from '../../src/core/ids';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const annotationId = fc.stringMatching(/^[0-9a-hjkmnp-tv-z]{8}$/);

describe('REFI-QDA GUIDs', () => {
  it('gives an annotation id back from the GUID it was exported under', () => {
    fc.assert(
      fc.property(annotationId, (id) => {
        const guid = annotationGuid(id);
        assert.match(guid, GUID);
        assert.equal(annotationIdOfGuid(guid), id);
        assert.equal(annotationIdOfGuid(`{${guid.toUpperCase()}}`), id);
      }),
    );
  });

  it('derives a valid, repeatable id from a GUID another tool wrote, whatever its case or braces', () => {
    const nvivo = '{8A3C1F2E-5B7D-4E9A-A1C3-0F2E4D6B8A9C}';
    const id = annotationIdOfGuid(nvivo);
    assert.match(id, ID_PATTERN);
    assert.equal(annotationIdOfGuid('8a3c1f2e-5b7d-4e9a-a1c3-0f2e4d6b8a9c'), id);
    assert.notEqual(annotationIdOfGuid('8a3c1f2e-5b7d-4e9a-a1c3-0f2e4d6b8a9d'), id);
  });

  it('makes stable, distinct, well-formed GUIDs per kind and key', () => {
    assert.equal(stableGuid('concept', 'samordning.formell'), stableGuid('concept', 'samordning.formell'));
    assert.notEqual(stableGuid('concept', 'samordning.formell'), stableGuid('case', 'samordning.formell'));
    const keys = ['K1', 'K2', 'K3', 'L5', 'M1', 'M2', 'æøå', '🙂', ''];
    const guids = new Set(keys.map((k) => stableGuid('case', k)));
    assert.equal(guids.size, keys.length);
    for (const guid of guids) assert.match(guid, GUID);
  });

  it('gives the GUIDs and annotation ids it always gave, so that packages of every version import alike', () => {
    assert.equal(stableGuid('concept', 'samordning.formell'), '464e3091-8d06-54f5-a31c-32e90cdfe2e4');
    assert.equal(stableGuid('coding', '7f2cq9ma:koordinator.fallskjerm'), '547cc457-1db3-5047-bec9-fd6ff4a8ac94');
    assert.equal(stableGuid('source', 'transcripts/intervju-K3 æøå 😀.txt'), '4915e46b-4ccc-5e0f-9dad-02145e4f1403');
    assert.equal(annotationIdOfGuid('{8A3C1F2E-5B7D-4E9A-A1C3-0F2E4D6B8A9C}'), 'msy34sg2');
    assert.equal(annotationIdOfGuid('b5c6d7e8-f90a-4b12-a3c4-e5f6a7b8c9d0'), '1k826ebj');
  });

  it('normalises case and braces', () => {
    assert.equal(normalizeGuid(' {ABCDEF01-2345-6789-ABCD-EF0123456789} '), 'abcdef01-2345-6789-abcd-ef0123456789');
  });
});

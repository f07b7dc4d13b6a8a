import assert from 'node:assert/strict';
import { captureAnchor } from '../../src/core/anchoring/capture';
import { resolveAnchor } from '../../src/core/anchoring/resolve';
import { TranscriptText } from '../../src/core/text/transcriptText';

describe('resolveAnchor with a repeated phrase', () => {
  const phrase = 'Det handler nesten alltid om bolig og økonomi til slutt.';
  const original = `I: Hva er viktigst?\n\nK4: Vi ønsker burde dagen lett gjorde. ${phrase} Da viktig kontoret følger døra.\n\nI: Og senere?\n\nK4: Brukeren ringte fra kontoret. ${phrase} Så gikk vi hjem igjen.\n`;
  const start = original.indexOf(phrase);
  const anchor = captureAnchor(new TranscriptText(original), start, start + phrase.length);

  it('follows the edited passage rather than jumping to the other, unedited copy', () => {
    const at = start + phrase.indexOf('til slutt');
    const edited = original.slice(0, at) + 'helt ' + original.slice(at);
    const result = resolveAnchor(new TranscriptText(edited), anchor);
    assert.equal(result.status, 'fuzzy');
    assert.deepEqual(result.status === 'fuzzy' && [result.start, result.end], [
      start,
      start + phrase.length + 'helt '.length,
    ]);
  });

  it('accepts the one remaining exact copy when no approximate match with agreeing context exists', () => {
    const edited = original.replace(
      `Vi ønsker burde dagen lett gjorde. ${phrase} Da viktig kontoret følger døra.`,
      'Nei.',
    );
    const result = resolveAnchor(new TranscriptText(edited), anchor);
    assert.equal(result.status === 'moved' && edited.slice(result.start, result.end), phrase);
  });
});

import assert from 'node:assert/strict';
import type { Anchor, Resolution } from '../../src/core/anchoring/anchor';
import { captureAnchor } from '../../src/core/anchoring/capture';
import { findFuzzy, PREDICTED_SLACK } from '../../src/core/anchoring/fuzzy';
import { resolveAnchor } from '../../src/core/anchoring/resolve';
import { resolveAnchors } from '../../src/core/anchoring/resolveAll';
import { englishText } from '../../src/core/messages';
import { TranscriptText } from '../../src/core/text/transcriptText';

const SENTENCES = [
  'Vi ringte koordinatoren hver uke i fjor.',
  'Hun kom alltid når det brant på.',
  'Det handler nesten alltid om bolig og økonomi til slutt.',
  'Fastlegen visste ikke om ansvarsgruppen.',
  'Så fikk vi endelig et vedtak fra kommunen.',
  'Nå er det bedre, men det tok to år.',
];
const ORIGINAL = `I: Hvordan var det?\n\nK3: ${SENTENCES.slice(0, 3).join(' ')}\n\nI: Og senere?\n\nK3: ${SENTENCES.slice(3).join(' ')}\n`;

/** Anchors of the given sentences of a text. */
function anchorsOf(text: string, sentences: readonly string[]): Required<Anchor>[] {
  const doc = new TranscriptText(text);
  return sentences.map((sentence) => {
    const start = doc.text.indexOf(sentence);
    assert.ok(start >= 0, `"${sentence}" is not in the text`);
    return captureAnchor(doc, start, start + sentence.length);
  });
}

function textOf(doc: TranscriptText, resolution: Resolution): string | undefined {
  return resolution.status === 'orphaned' ? undefined : doc.text.slice(resolution.start, resolution.end);
}

/** Every sentence found whole, each where resolving it alone finds it. */
function assertAllFoundAsAlone(doc: TranscriptText, given: readonly Anchor[], together: readonly Resolution[]): void {
  assert.deepEqual(
    together.map((r) => textOf(doc, r)),
    given.map((a) => a.quote),
  );
  assert.deepEqual(
    together,
    given.map((a) => resolveAnchor(doc, a)),
  );
}

const anchors = anchorsOf(ORIGINAL, SENTENCES);

describe('resolveAnchors: a transcript’s annotations together', () => {
  it('moves every passage after an edit exactly, as resolving each alone does', () => {
    const edited = `Forord.\n\n${ORIGINAL.replace(/K3: /g, 'K3 (leder): ')}`;
    const doc = new TranscriptText(edited);
    const together = resolveAnchors(doc, anchors);
    assert.deepEqual(
      together.map((r) => r.status),
      SENTENCES.map(() => 'moved'),
    );
    assertAllFoundAsAlone(doc, anchors, together);
  });

  it('follows passages down when lines are inserted above them, and across a line by columns', () => {
    const edited = ORIGINAL.replace('K3: Vi ringte', '[00:01:10]\nK3: Ja. Vi ringte').replace(
      '\n\nI: Og senere?',
      '\n\nI: Hm.\n\nK3: Mm.\n\nI: Og senere?',
    );
    const doc = new TranscriptText(edited);
    const together = resolveAnchors(doc, anchors);
    assert.deepEqual(
      together.map((r) => textOf(doc, r)),
      SENTENCES,
    );
    assert.deepEqual(
      together.map((r) => r.status !== 'orphaned' && r.range.start.line),
      [4, 4, 4, 12, 12, 12],
    );
  });

  it('keeps exact passages exact and finds an edited passage between them approximately', () => {
    const edited = ORIGINAL.replace('hver uke i fjor', 'hver eneste uke i fjor');
    const doc = new TranscriptText(edited);
    const together = resolveAnchors(doc, anchors);
    assert.deepEqual(
      together.map((r) => r.status),
      ['fuzzy', 'moved', 'moved', 'exact', 'exact', 'exact'],
    );
    assert.equal(textOf(doc, together[0] as Resolution), 'Vi ringte koordinatoren hver eneste uke i fjor.');
    assert.deepEqual(
      together,
      anchors.map((a) => resolveAnchor(doc, a)),
    );
  });

  it('gives each annotation the same result whatever order they are given in', () => {
    const edited = ORIGINAL.replace('Hun kom', 'Hun kom faktisk').replace('I: Og senere?', 'I: Og så, senere?');
    const doc = new TranscriptText(edited);
    const forwards = resolveAnchors(doc, anchors);
    const backwards = resolveAnchors(doc, [...anchors].reverse()).reverse();
    assert.deepEqual(backwards, forwards);
  });

  it('resolves two coders’ annotations of one passage alike', () => {
    const edited = `Forord.\n\n${ORIGINAL}`;
    const doc = new TranscriptText(edited);
    const twice = [anchors[2], anchors[2], anchors[4]] as Anchor[];
    const [first, second] = resolveAnchors(doc, twice);
    assert.deepEqual(first, second);
    assert.equal(first?.status, 'moved');
  });

  it('resolves annotations without a range, and with an empty quote, as alone', () => {
    const doc = new TranscriptText(`Forord.\n\n${ORIGINAL}`);
    const given: Anchor[] = [{ quote: SENTENCES[3] as string }, { ...anchors[1], quote: '' }, anchors[0] as Anchor];
    const together = resolveAnchors(doc, given);
    assert.deepEqual(
      together.slice(0, 2),
      given.slice(0, 2).map((a) => resolveAnchor(doc, a)),
    );
    assert.equal(together[1]?.status === 'orphaned' && englishText(together[1].reason), 'The quote is empty.');
    assert.equal(together[2]?.status, 'moved');
  });

  it('still follows the edited passage rather than an unedited copy of its phrase elsewhere', () => {
    const phrase = SENTENCES[2] as string;
    const text = `${ORIGINAL}\nI: Og til slutt?\n\nK3: Ja. ${phrase} Mer er det ikke.\n`;
    const given = anchorsOf(text, SENTENCES).slice(0, 4);
    const edited = text.replace(phrase, phrase.replace('til slutt', 'helt til slutt'));
    const doc = new TranscriptText(edited);
    const together = resolveAnchors(doc, given);
    assert.equal(together[2]?.status, 'fuzzy');
    assert.equal(textOf(doc, together[2] as Resolution), phrase.replace('til slutt', 'helt til slutt'));
    assert.deepEqual(together[2], resolveAnchor(doc, given[2] as Anchor));
  });
});

describe('resolveAnchors: where the neighbours decide', () => {
  const phrase = 'Det vet jeg ikke noe om, egentlig.';

  it('takes the copy where the neighbours say the passage is, where alone its context cannot tell', () => {
    const said = 'Vi tok det opp med dem på møtet.';
    const text = `K12: ${said} ${phrase}, sa hun.\nK4: ${said} ${phrase} i det hele tatt.\n`;
    const doc0 = new TranscriptText(text);
    const second = doc0.text.lastIndexOf(phrase);
    const neighbour = captureAnchor(doc0, doc0.text.lastIndexOf(said), doc0.text.lastIndexOf(said) + said.length);
    const passage = captureAnchor(doc0, second, second + phrase.length);
    const edited = `I: Hei.\n${text.replace(' i det hele tatt.', '! Slutt.')}`;
    const doc = new TranscriptText(edited);
    const alone = resolveAnchor(doc, passage);
    assert.match(alone.status === 'orphaned' ? englishText(alone.reason) : '', /occurs 2 times/);
    const [foundNeighbour, foundPassage] = resolveAnchors(doc, [neighbour, passage]);
    assert.equal(foundNeighbour?.status, 'moved');
    assert.equal(foundPassage?.status, 'moved');
    assert.deepEqual(foundPassage && 'range' in foundPassage && foundPassage.range.start, { line: 3, column: 38 });
  });

  it('takes a short quote at the predicted place only with all its saved context, else resolves it alone', () => {
    const text = 'K3: Det gikk fint. Ja. Så dro vi hjem.\n';
    const doc0 = new TranscriptText(text);
    const ja = doc0.text.indexOf('Ja.');
    const neighbour = captureAnchor(doc0, 4, ja - 1);
    const short = captureAnchor(doc0, ja, ja + 3);
    const unchanged = new TranscriptText(`I: Hei.\n${text}`);
    assert.equal(resolveAnchors(unchanged, [neighbour, short])[1]?.status, 'moved');
    const edited = new TranscriptText('I: Hei.\nK3: Det gikk fint. Ja. Nei, så ble vi der.\n');
    const [, together] = resolveAnchors(edited, [neighbour, short]);
    assert.deepEqual(together, resolveAnchor(edited, short));
  });

  it('moves a passage found whole just after an edit on its line, whose context after it agrees', () => {
    const edited = ORIGINAL.replace('Hun kom alltid', 'Ja, altså. Hun kom alltid');
    const doc = new TranscriptText(`Forord.\n\n${edited}`);
    assertAllFoundAsAlone(doc, anchors, resolveAnchors(doc, anchors));
  });

  it('does not take a copy near the predicted place on the strength of a short context', () => {
    const last = 'Det ordner seg nok til slutt.';
    const text = `I: Og da?\n\nK3: Han sa det. ${last}\n\nK3: ${last}\n`;
    const doc0 = new TranscriptText(text);
    const at = doc0.text.lastIndexOf(last);
    const given = [captureAnchor(doc0, 17, 30), captureAnchor(doc0, at, at + last.length)];
    assert.equal(given[1]?.after, '\n');
    const edited = `Ja. ${text.slice(0, at)}${last.replace('nok', 'vel')}\n`;
    const doc = new TranscriptText(edited);
    const together = resolveAnchors(doc, given);
    assert.deepEqual(together[1], resolveAnchor(doc, given[1] as Anchor));
    assert.equal(textOf(doc, together[1] as Resolution), last.replace('nok', 'vel'));
  });

  it('does not take an approximate match that the window around a prediction cuts off', () => {
    const quote =
      'Hun sa at det var altfor sent å søke om plass, men vi søkte likevel i mars, og i mai fikk vi ' +
      'svar om at saken var sendt videre til bydelen, der den ble liggende til over sommeren.';
    const text = `${'Og så videre. '.repeat(40)}K3: ${quote.replace('søkte', 'sendte')} Ferdig.\n`;
    const start = text.indexOf('Hun sa');
    const predicted = start - 2 * PREDICTED_SLACK;
    const cut = findFuzzy(text, quote, 'videre. K3: ', ' Ferdig.', undefined, {
      predicted: [predicted],
      nearOnly: true,
    });
    const alone = findFuzzy(text, quote, 'videre. K3: ', ' Ferdig.', start);
    assert.deepEqual(cut, alone);
    assert.deepEqual([alone?.start, alone?.end], [start, start + quote.length + 1]);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChapterIndex } from '../../src/core/chapters/chapterIndex';
import { parseReferences } from '../../src/core/chapters/references';
import { renderChapter } from '../../src/core/chapters/renderChapter';
import { loadProject } from '../../src/core/project/loadProject';
import { runs } from '../helpers/fcRuns';
import { codedProjectFiles } from '../helpers/project';

const RUNS = runs(300, 20261202);
const IDS = ['k3team00', 'k3numm00', 'l5avta00'];
const QUOTES: Record<string, string> = {
  k3team00: '\u201cJeg har et veldig godt team.\u201d (K3)',
  k3numm00: '\u201cDa har jeg nummeret til et par av dem.\u201d (K3)',
  l5avta00: '\u201cVi har faste møter hver måned, og det er skrevet ned i en avtale.\u201d (L5)',
};

/** Prose without anything that starts Markdown code, an escape or a reference. */
const proseArb = fc
  .string({ unit: fc.constantFrom('a', 'ø', ' ', '.', '{', '}', 'q', ':', '#', '>', '*', '\u{1F600}'), maxLength: 12 })
  .filter((s) => !s.includes('{{'));
const breakArb = fc.constantFrom('\n', '\r\n');
type Piece = { kind: 'prose'; text: string } | { kind: 'ref'; id: string } | { kind: 'break' };
const pieceArb: fc.Arbitrary<Piece> = fc.oneof(
  proseArb.map((text) => ({ kind: 'prose' as const, text })),
  fc.constantFrom(...IDS).map((id) => ({ kind: 'ref' as const, id })),
  fc.constant({ kind: 'break' as const }),
);

/**
 * The chapter, where each reference is, and what it renders to, built side by side. Every line
 * starts with "x ", so that each reference is inside a sentence and renders inline.
 */
function compose(pieces: readonly Piece[], newline: string, bom: boolean) {
  let text = bom ? '\uFEFFx ' : 'x ';
  let expected = text;
  let line = 1;
  let column = 3;
  const places: [number, number][] = [];
  for (const piece of pieces) {
    // Prose ending in "{" would join the reference's braces; a space keeps them apart.
    const written =
      piece.kind === 'prose' ? `${piece.text} ` : piece.kind === 'ref' ? `{{q:${piece.id}}}` : `${newline}x `;
    if (piece.kind === 'ref') places.push([line, column]);
    text += written;
    expected += piece.kind === 'ref' ? QUOTES[piece.id] : written;
    if (piece.kind === 'break') [line, column] = [line + 1, 3];
    else column += written.length;
  }
  return { text, expected, places };
}

describe('chapter references (properties)', () => {
  let index: ChapterIndex;
  before(async () => {
    index = ChapterIndex.of(await loadProject(codedProjectFiles()));
  });

  it('finds every reference at its line and column, with LF or CRLF and with or without a BOM', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 25 }), breakArb, fc.boolean(), (pieces, newline, bom) => {
        const { text, places } = compose(pieces, newline, bom);
        assert.deepEqual(
          parseReferences(text).map((r) => [r.line, r.column]),
          places,
        );
      }),
      RUNS,
    );
  });

  it('renders every inline reference to its quote and keeps every other character', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 25 }), breakArb, fc.boolean(), (pieces, newline, bom) => {
        const { text, expected } = compose(pieces, newline, bom);
        const rendered = renderChapter('c.md', text, index);
        assert.deepEqual(rendered.problems, []);
        assert.equal(rendered.text, expected);
      }),
      RUNS,
    );
  });

  it('leaves a chapter without references exactly as it is', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(proseArb, breakArb), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        assert.equal(renderChapter('c.md', text, index).text, text);
      }),
      RUNS,
    );
  });

  it('leaves references inside code spans, fenced code blocks and after a backslash alone', () => {
    const hiddenArb = fc
      .tuple(
        fc.constantFrom(...IDS),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('span', 'fence', 'tilde', 'escape'),
      )
      .map(([id, n, how]) => {
        const ref = `{{q:${id}}}`;
        if (how === 'span') return `${'`'.repeat(n)} ${ref} ${'`'.repeat(n)}`;
        if (how === 'escape') return `\\${ref}`;
        const fence = (how === 'fence' ? '`' : '~').repeat(n + 2);
        return `\n${fence}\n${ref}\n${fence}\n`;
      });
    fc.assert(
      fc.property(fc.array(fc.oneof(proseArb, hiddenArb), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        assert.deepEqual(parseReferences(text), []);
        assert.equal(renderChapter('c.md', text, index).text, text);
      }),
      RUNS,
    );
  });
});

import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { chapterBlocks, contextOf } from '../../src/core/export/chapter';
import { blocksToDocx, quotesToDocx, xmlSafe } from '../../src/core/export/docx';
import type { Section } from '../../src/core/export/sections';
import type { ResolvedAnnotation, TranscriptFile } from '../../src/core/project/model';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings/settings';
import { TranscriptText } from '../../src/core/text/transcriptText';
import { message } from '../../src/core/messages';

const TEXT = 'I: Hva skjer når det går galt?\n\nK3: Da har jeg nummeret til et par av dem. Det er ikke meningen.\n';
const QUOTE = 'Da har jeg nummeret til et par av dem.';

function passage(text: string, fields: Partial<ResolvedAnnotation> = {}): ResolvedAnnotation {
  const start = TEXT.indexOf(QUOTE);
  return {
    annotation: { id: 'abcdefgh', concepts: ['c'], quote: text, memo: 'Tilgjengelig & <b>sent</b>.' },
    resolution: {
      status: 'exact',
      start,
      end: start + QUOTE.length,
      range: { start: { line: 3, column: 5 }, end: { line: 3, column: 43 } },
      confidence: 1,
    },
    transcript: { path: 'transcripts/intervju-K3.txt', doc: new TranscriptText(TEXT) } as TranscriptFile,
    text,
    line: 1,
    column: 1,
    informant: 'K3',
    ...fields,
  };
}

const NB: Settings = { ...DEFAULT_SETTINGS, language: 'nb' };
const PLAIN = { citation: '({informant})', memos: false, context: false };
const sections = (...quotes: ResolvedAnnotation[]): Section[] => [
  { level: 1, title: 'Koordinatorroller', description: 'Functions of the coordinator.', quotes: [] },
  { level: 2, title: 'Fallskjermen', quotes },
];

describe('chapterBlocks', () => {
  it('gives headings, definitions, and per passage the quote with its citation and then its source', () => {
    assert.deepEqual(chapterBlocks(sections(passage(QUOTE)), NB, PLAIN), [
      { kind: 'heading', level: 1, text: 'Koordinatorroller' },
      { kind: 'definition', text: 'Functions of the coordinator.' },
      { kind: 'heading', level: 2, text: 'Fallskjermen' },
      { kind: 'quote', text: `«${QUOTE}»`, citation: '(K3)' },
      { kind: 'source', text: 'intervju-K3.txt, linje 3' },
    ]);
  });

  it('uses English quotation marks and words unless the language is Norwegian', () => {
    const blocks = chapterBlocks(sections(passage(QUOTE)), DEFAULT_SETTINGS, {
      ...PLAIN,
      citation: '({informant}, {transcript}:{line})',
    });
    assert.deepEqual(blocks.slice(3), [
      { kind: 'quote', text: `\u201c${QUOTE}\u201d`, citation: '(K3, intervju-K3.txt:3)' },
      { kind: 'source', text: 'intervju-K3.txt, line 3' },
    ]);
  });

  it('adds the context around the passage and its memo when asked', () => {
    const blocks = chapterBlocks(sections(passage(QUOTE)), NB, { ...PLAIN, memos: true, context: true }).slice(3);
    assert.deepEqual(
      blocks.map((b) => b.kind),
      ['context', 'quote', 'context', 'source', 'memo'],
    );
    assert.deepEqual(blocks[0], { kind: 'context', text: 'I: Hva skjer når det går galt?\nK3:' });
    assert.deepEqual(blocks[2], { kind: 'context', text: 'Det er ikke meningen.' });
    assert.deepEqual(blocks[4], { kind: 'memo', label: 'Memo', text: 'Tilgjengelig & <b>sent</b>.' });
  });

  it('cuts long context between words and marks the cut; an orphan gets its saved context and no line', () => {
    const long = `${'ord '.repeat(100)}${QUOTE}`;
    const start = long.indexOf(QUOTE);
    const far = passage(QUOTE, {
      transcript: { path: 'a/b.txt', doc: new TranscriptText(long) } as TranscriptFile,
      resolution: {
        status: 'exact',
        start,
        end: long.length,
        range: { start: { line: 1, column: start + 1 }, end: { line: 1, column: long.length + 1 } },
        confidence: 1,
      },
    });
    const { before, after } = contextOf(far);
    assert.match(before, /^…ord( ord)+$/);
    assert.ok(before.length <= 161, `${before.length} characters`);
    assert.equal(after, '');
    const orphan = passage(QUOTE, {
      resolution: { status: 'orphaned', reason: message('gone') },
      annotation: { id: 'x', concepts: ['c'], quote: QUOTE, before: ' spør om\n\nK3: ', after: ' Det er' },
    });
    assert.deepEqual(contextOf(orphan), { before: 'spør om\nK3:', after: 'Det er' });
    assert.equal(
      chapterBlocks(sections(orphan), NB, PLAIN).at(-1)?.text,
      'intervju-K3.txt, sitert fra sidecar-fila: ikke funnet i teksten',
    );
  });

  it('keeps hostile text as text: markup, ampersands, quotes, emoji, æøå and CRLF', () => {
    const hostile = '<script>alert("x")</script> & "sitat" 🙂 æøå\r\nneste linje';
    const [quote] = chapterBlocks(sections(passage(hostile)), NB, PLAIN).filter((b) => b.kind === 'quote');
    assert.deepEqual(quote, { kind: 'quote', text: `«${hostile}»`, citation: '(K3)' });
  });
});

describe('quotesToDocx', () => {
  async function documentXml(bytes: Uint8Array): Promise<{ body: string; styles: string }> {
    const files = unzipSync(bytes);
    return {
      body: strFromU8(files['word/document.xml'] as Uint8Array),
      styles: strFromU8(files['word/styles.xml'] as Uint8Array),
    };
  }

  it('writes a Word file with heading styles, a Quote style, and the quote followed by its citation', async () => {
    const bytes = await quotesToDocx(sections(passage(QUOTE)), NB, PLAIN);
    assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a zip file');
    const { body, styles } = await documentXml(bytes);
    assert.match(styles, /w:styleId="Quote"[\s\S]*?w:ind w:left="720" w:right="720"/);
    assert.match(styles, /w:lang w:val="nb-NO"/);
    assert.match(
      body,
      /<w:pStyle w:val="Heading1"\/>[\s\S]*Koordinatorroller[\s\S]*<w:pStyle w:val="Heading2"\/>[\s\S]*Fallskjermen/,
    );
    assert.match(
      body,
      /<w:pStyle w:val="Quote"\/>[\s\S]*?«Da har jeg nummeret til et par av dem\.»<\/w:t>[\s\S]*?> \(K3\)<\/w:t>/,
    );
  });

  it('escapes markup, keeps emoji and æøå, turns line breaks into breaks and drops characters XML cannot hold', async () => {
    const hostile = `<script>alert("x")</script> & 🙂 æøå\u0007\uD800\r\n${'lang '.repeat(2000)}`;
    const { body } = await documentXml(await quotesToDocx(sections(passage(hostile)), NB, { ...PLAIN, memos: true }));
    assert.ok(
      body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 🙂 æøå</w:t>') ||
        body.includes('&lt;script&gt;alert("x")&lt;/script&gt; &amp; 🙂 æøå</w:t>'),
      'escaped markup',
    );
    assert.ok(!body.includes('<script>') && !body.includes('\u0007'));
    assert.match(body, /<w:br\/>/);
    assert.ok(body.includes('lang '.repeat(2000).trim()));
    assert.match(body, /Tilgjengelig &amp; &lt;b&gt;sent&lt;\/b&gt;\./);
  });

  it('limits headings to six levels', async () => {
    const { body } = await documentXml(await blocksToDocx([{ kind: 'heading', level: 9, text: 'Dypt' }], 'en'));
    assert.match(body, /Heading6/);
    assert.equal(xmlSafe('a\u0000b\uDC00c\r\nd'), 'abc\nd');
  });
});

import { Document, HeadingLevel, Packer, Paragraph, TextRun, type IParagraphStyleOptions } from 'docx';
import type { Settings } from '../settings/settings';
import { chapterBlocks, type Block, type ChapterChoices } from './chapter';
import type { Section } from './sections';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
const GREY = '6E6E6E';
const INDENT = { left: 720, right: 720 };

/** Paragraph styles of the document, so a chapter author can restyle all quotes at once. */
const STYLES: IParagraphStyleOptions[] = [
  {
    id: 'Definition',
    name: 'Definition',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { italics: true },
    paragraph: { spacing: { after: 160 } },
  },
  {
    id: 'Quote',
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: { indent: INDENT, spacing: { before: 160, after: 40 } },
  },
  {
    id: 'QuoteContext',
    name: 'Quote Context',
    basedOn: 'Quote',
    next: 'Quote',
    run: { color: GREY, size: 20 },
    paragraph: { spacing: { before: 80, after: 40 } },
  },
  {
    id: 'QuoteSource',
    name: 'Quote Source',
    basedOn: 'Quote',
    next: 'Normal',
    run: { color: GREY, size: 18 },
    paragraph: { spacing: { before: 0, after: 160 } },
  },
  {
    id: 'Memo',
    name: 'Memo',
    basedOn: 'Quote',
    next: 'Normal',
    run: { size: 20 },
    paragraph: { spacing: { before: 0, after: 200 } },
  },
];

/** A Word document of the passages under their headings. */
export function quotesToDocx(
  sections: readonly Section[],
  settings: Settings,
  choices: ChapterChoices,
): Promise<Uint8Array> {
  return blocksToDocx(chapterBlocks(sections, settings, choices), settings.language);
}

export async function blocksToDocx(blocks: readonly Block[], language: string): Promise<Uint8Array> {
  const document = new Document({
    creator: 'qcode',
    styles: { default: { document: { run: { language: { value: languageTag(language) } } } }, paragraphStyles: STYLES },
    sections: [{ children: blocks.map(paragraphOf) }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function paragraphOf(block: Block): Paragraph {
  switch (block.kind) {
    case 'heading':
      return new Paragraph({
        heading: HEADINGS[Math.min(block.level, HEADINGS.length) - 1],
        children: runs(block.text),
      });
    case 'paragraph':
      return new Paragraph({ children: runs(block.text) });
    case 'definition':
      return new Paragraph({ style: 'Definition', children: runs(block.text) });
    case 'quote':
      return new Paragraph({
        style: 'Quote',
        children: [...runs(block.text), new TextRun({ text: ` ${xmlSafe(block.citation)}` })],
      });
    case 'context':
      return new Paragraph({ style: 'QuoteContext', children: runs(block.text) });
    case 'source':
      return new Paragraph({ style: 'QuoteSource', children: runs(block.text) });
    case 'memo':
      return new Paragraph({
        style: 'Memo',
        children: [new TextRun({ text: `${xmlSafe(block.label)}: `, bold: true }), ...runs(block.text)],
      });
    case 'labelled':
      return new Paragraph({
        children: [
          new TextRun({ text: `${xmlSafe(block.label)}:${block.text ? ' ' : ''}`, bold: true }),
          ...(block.text ? runs(block.text) : []),
        ],
      });
  }
}

/** Text with its line breaks kept as breaks within the paragraph. */
function runs(text: string): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

/** Leaves out what XML cannot hold: control characters and unpaired surrogates. */
export function xmlSafe(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/\r\n?/g, '\n');
}

function languageTag(language: string): string {
  const regions: Record<string, string> = {
    nb: 'nb-NO',
    nn: 'nn-NO',
    no: 'nb-NO',
    en: 'en-GB',
    sv: 'sv-SE',
    da: 'da-DK',
  };
  return language.includes('-') ? language : (regions[language] ?? language);
}

import type { Block } from '../export/chapter';
import { blockQuote, markdownText } from '../export/markdown';

/**
 * The appendix as Markdown: a heading of level n as n "#", a labelled paragraph with its label in
 * bold, an example as a block quote ending in its citation. Text from the project is escaped.
 */
export function appendixMarkdown(blocks: readonly Block[]): string {
  return blocks.map(markdownOf).join('\n\n') + '\n';
}

function markdownOf(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(block.level, 6))} ${markdownText(block.text).replace(/\n/g, ' ')}`;
    case 'quote':
      return blockQuote(block.text, block.citation);
    case 'labelled':
    case 'memo':
      return `**${markdownText(block.label)}:**${block.text === '' ? '' : ` ${paragraphs(block.text)}`}`;
    case 'definition':
    case 'source':
      return `*${paragraphs(block.text)}*`;
    default:
      return paragraphs(block.text);
  }
}

/** Text of one or more paragraphs, escaped; a line break inside a paragraph stays one. */
function paragraphs(text: string): string {
  return markdownText(text).replace(/\n(?!\n)/g, '  \n');
}

import type { Block } from '../export/chapter';
import type { Settings } from '../settings/settings';
import { chapterLines, type ChapterLine } from './chapterLines';
import type { Citation } from './citations';
import { QuoteWriter } from './quoteMarkdown';

const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^ {0,3}([-*+]|\d+[.)])\s/;

/**
 * The paragraphs of a chapter for a Word document, every reference rendered: headings, text
 * paragraphs (Markdown escapes undone), and block references as quotes followed by their citation.
 * Call only when every reference can be rendered.
 */
export function chapterBlocks(text: string, citations: readonly Citation[], settings: Settings): Block[] {
  return new BlockBuilder(text, citations, new QuoteWriter(settings)).build();
}

class BlockBuilder {
  private readonly blocks: Block[] = [];
  private paragraph: string[] = [];
  private fence: string[] | undefined;
  private readonly onLine = new Map<number, Citation[]>();

  constructor(
    private readonly text: string,
    citations: readonly Citation[],
    private readonly writer: QuoteWriter,
  ) {
    for (const c of citations) this.onLine.set(c.reference.line, [...(this.onLine.get(c.reference.line) ?? []), c]);
  }

  build(): Block[] {
    for (const line of chapterLines(this.text)) this.add(line);
    if (this.fence) this.blocks.push({ kind: 'paragraph', text: this.fence.join('\n') });
    this.endParagraph();
    return this.blocks;
  }

  private add(line: ChapterLine): void {
    const content = this.text.slice(line.start, line.end);
    if (this.fence) return this.addInFence(content);
    const cited = this.onLine.get(line.number) ?? [];
    const block = cited.find((c) => c.reference.block);
    const heading = HEADING.exec(content);
    if (FENCE.test(content) || content.trim() === '' || block || heading || LIST_ITEM.test(content))
      this.endParagraph();
    if (FENCE.test(content)) this.fence = [];
    else if (block) this.blocks.push(...this.quoteBlocks(block));
    else if (heading)
      this.blocks.push({ kind: 'heading', level: (heading[1] as string).length, text: plain(heading[2] as string) });
    else if (content.trim() !== '')
      this.paragraph.push(
        this.lineText(line, cited)
          .replace(/^ {0,3}>\s?/, '')
          .trim(),
      );
  }

  private addInFence(content: string): void {
    if (!/^ {0,3}(`{3,}|~{3,})\s*$/.test(content)) {
      this.fence?.push(content);
      return;
    }
    this.blocks.push({ kind: 'paragraph', text: (this.fence ?? []).join('\n') });
    this.fence = undefined;
  }

  private endParagraph(): void {
    if (this.paragraph.length > 0) this.blocks.push({ kind: 'paragraph', text: this.paragraph.join(' ') });
    this.paragraph = [];
  }

  private quoteBlocks(citation: Citation): Block[] {
    if (!('quotes' in citation)) return [];
    return citation.quotes.map((q) => ({
      kind: 'quote' as const,
      text: this.writer.marked(q),
      citation: this.writer.citation(q),
    }));
  }

  /** The line's text with inline references replaced by their quote and citation. */
  private lineText(line: ChapterLine, cited: readonly Citation[]): string {
    let at = line.start;
    let out = '';
    for (const c of cited) {
      out += plain(this.text.slice(at, c.reference.start));
      const quote = 'quotes' in c ? c.quotes[0] : undefined;
      out += quote
        ? `${this.writer.marked(quote)} ${this.writer.citation(quote)}`
        : this.text.slice(c.reference.start, c.reference.end);
      at = c.reference.end;
    }
    return out + plain(this.text.slice(at, line.end));
  }
}

/** Markdown text as read: backslash escapes undone, emphasis and code marks left out. */
function plain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])|[*_`]+/g, (_, escaped: string | undefined) => escaped ?? '');
}

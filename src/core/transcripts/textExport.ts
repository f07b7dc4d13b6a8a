import type { SourceParagraph } from './paragraphs';

const MARKDOWN_BOLD = /^\*\*(.{1,60}?)\*\*/u;

/** The lines of a text or Markdown export as paragraphs; a line right below another goes on from it. */
export function textParagraphs(text: string): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  let previousBlank = true;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim() === '') {
      previousBlank = true;
      return;
    }
    const bold = MARKDOWN_BOLD.exec(line.trim());
    const plain = bold ? `${bold[1]}${line.trim().slice(bold[0].length)}` : line;
    paragraphs.push({
      text: plain,
      line: index + 1,
      ...(bold ? { bold: bold[1] as string } : {}),
      ...(previousBlank ? {} : { follows: true }),
    });
    previousBlank = false;
  });
  return paragraphs;
}

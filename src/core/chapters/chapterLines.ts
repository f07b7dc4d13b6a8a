/** One line of a chapter: offsets of its content (without the line break) in the text. */
export interface ChapterLine {
  /** 1-based. */
  number: number;
  start: number;
  end: number;
}

/**
 * The lines of a text with \n, \r\n or \r line breaks; a BOM, which the editor does not show, is not part of the first.
 */
export function chapterLines(text: string): ChapterLine[] {
  const lines: ChapterLine[] = [];
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  let start = bom;
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lines.push({ number: lines.length + 1, start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ number: lines.length + 1, start, end: text.length });
  return lines;
}

/** The line break the text uses: its first one, else \n. */
export function lineBreakOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

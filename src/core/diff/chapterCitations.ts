import { ChapterIndex } from '../chapters/chapterIndex';
import type { ChapterFile } from '../chapters/chapterFiles';
import { cite, type Citation } from '../chapters/citations';
import { QuoteWriter } from '../chapters/quoteMarkdown';
import { parseReferences } from '../chapters/references';
import { code, plain, shorten } from './markdownText';

/** A reference of a chapter whose quotes read differently in the two revisions. */
export interface ChangedCitation {
  chapter: string;
  line: number;
  column: number;
  /** The reference as written, e.g. "{{q:7f2cq9ma}}". */
  reference: string;
  /**
   * The quotes as they read (several for a concept, separated by blank lines); null where the reference cannot be
   * rendered.
   */
  oldQuote: string | null;
  newQuote: string | null;
}

/** The references of the chapters whose quote text differs between `base` and `head`. */
export function changedCitations(
  base: ChapterIndex,
  head: ChapterIndex,
  chapters: readonly ChapterFile[],
): ChangedCitation[] {
  const before = new QuoteWriter(base.project.settings);
  const after = new QuoteWriter(head.project.settings);
  return chapters.flatMap((chapter) =>
    parseReferences(chapter.text).flatMap((reference) => {
      if (reference.kind === 'malformed') return [];
      const oldQuote = quoteOf(cite(reference, base), before);
      const newQuote = quoteOf(cite(reference, head), after);
      if (oldQuote === newQuote) return [];
      const { line, column } = reference;
      return [
        {
          chapter: chapter.path,
          line,
          column,
          reference: chapter.text.slice(reference.start, reference.end),
          oldQuote,
          newQuote,
        },
      ];
    }),
  );
}

function quoteOf(citation: Citation, writer: QuoteWriter): string | null {
  return 'quotes' in citation ? citation.quotes.map((q) => writer.text(q)).join('\n\n') : null;
}

const QUOTE_LENGTH = 120;

/** A Markdown section listing the changed citations, or nothing when there are none. */
export function changedCitationsMarkdown(changes: readonly ChangedCitation[]): string {
  if (changes.length === 0) return '';
  const rows = changes.map(
    (c) =>
      `| ${code(`${c.chapter}:${c.line}:${c.column}`)} | ${code(c.reference)} | ${quoteCell(c.oldQuote)} | ${quoteCell(c.newQuote)} |`,
  );
  return (
    [
      '### Chapter citations whose quotes changed',
      '',
      '| where | reference | was | is now |',
      '| --- | --- | --- | --- |',
      ...rows,
    ].join('\n') + '\n'
  );
}

function quoteCell(quote: string | null): string {
  return quote === null ? '*(cannot be rendered)*' : plain(shorten(quote, QUOTE_LENGTH));
}

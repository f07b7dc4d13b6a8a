import type { Problem } from '../problems';
import type { ChapterIndex } from './chapterIndex';
import { lineBreakOf } from './chapterLines';
import { chapterProblems } from './chapterProblems';
import { cite, type Citation } from './citations';
import { QuoteWriter } from './quoteMarkdown';
import { parseReferences } from './references';

export interface RenderedChapter {
  /** The chapter with every reference that can be rendered replaced by its quotes. */
  text: string;
  citations: Citation[];
  problems: Problem[];
}

/** What a reference that cannot be rendered becomes; by default it is left as written. */
export type BrokenMark = (citation: Extract<Citation, { trouble: unknown }>, written: string) => string;

/**
 * The chapter in Markdown with the current quotes: a reference alone on its line becomes a block
 * quote (a concept's, one per passage), one in a sentence the quote in quotation marks; each is
 * followed by its citation. Everything else, line breaks and a BOM included, is kept as written.
 */
export function renderChapter(path: string, text: string, index: ChapterIndex, broken?: BrokenMark): RenderedChapter {
  const writer = new QuoteWriter(index.project.settings);
  const newline = lineBreakOf(text);
  const citations = parseReferences(text).map((reference) => cite(reference, index));
  const parts: string[] = [];
  let at = 0;
  for (const citation of citations) {
    const { reference } = citation;
    const [from, to] = reference.block ? [reference.lineStart, reference.lineEnd] : [reference.start, reference.end];
    parts.push(text.slice(at, from));
    const written = text.slice(from, to);
    if ('trouble' in citation) parts.push(broken ? broken(citation, written) : written);
    else
      parts.push(
        reference.block
          ? citation.quotes
              .map((q) => writer.blockMarkdown(q))
              .join('\n\n')
              .replace(/\n/g, newline)
          : writer.inlineMarkdown(citation.quotes[0]!),
      );
    at = to;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), citations, problems: chapterProblems(path, citations) };
}

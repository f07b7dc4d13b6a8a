import type { ChapterFile } from './chapterFiles';
import { parseReferences, type QuoteReference } from './references';

/** A chapter's reference to one of the annotations asked about. */
export interface ChapterCitation {
  chapter: string;
  reference: QuoteReference;
}

/** Where the chapters cite any of these annotations by {{q:ID}}, in chapter and text order. */
export function citationsOf(ids: ReadonlySet<string>, chapters: readonly ChapterFile[]): ChapterCitation[] {
  return chapters.flatMap((chapter) =>
    parseReferences(chapter.text)
      .filter((r): r is QuoteReference => r.kind === 'quote' && ids.has(r.id))
      .map((reference) => ({ chapter: chapter.path, reference })),
  );
}

/** What a change to the coding takes away: annotations, and a concept (merged or deleted). */
export interface Removal {
  annotations: ReadonlySet<string>;
  concept?: string;
}

/** The references of the chapters that a removal breaks: to a removed annotation, or to the concept. */
export function brokenBy(removal: Removal, chapters: readonly ChapterFile[]): { chapter: string; line: number }[] {
  return chapters.flatMap((chapter) =>
    parseReferences(chapter.text)
      .filter(
        (r) =>
          (r.kind === 'quote' && removal.annotations.has(r.id)) || (r.kind === 'concept' && r.id === removal.concept),
      )
      .map((r) => ({ chapter: chapter.path, line: r.line })),
  );
}

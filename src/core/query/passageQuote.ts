import type { ResolvedAnnotation } from '../project/model';
import type { QueryPassage } from './passages';

/**
 * The passage in the shape of an annotation found in its transcript, so that what quotes and
 * cites annotations (chapters, the export writers' quote text and citation) can quote it too.
 * Its id is that of the passage's first annotation; `annotation.quote` is the passage's text.
 */
export function passageQuote(passage: QueryPassage): ResolvedAnnotation {
  const { transcript, start, end, range, quote, informant, concepts } = passage;
  const first = passage.annotations[0];
  return {
    annotation: { id: first?.annotation.id ?? '', concepts, quote, range },
    resolution: { status: 'exact', start, end, range, confidence: 1 },
    transcript,
    text: quote,
    line: first?.line ?? 0,
    column: first?.column ?? 0,
    ...(informant !== undefined ? { informant } : {}),
  };
}

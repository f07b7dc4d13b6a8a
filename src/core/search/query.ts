import { englishText, message, type Message } from '../messages';
import type { SearchUnit } from './units';
import { WORD_CHARACTER } from './words';

/** What to look for in the transcripts. */
export interface SearchQuery {
  pattern: string;
  /** The pattern is a JavaScript regular expression rather than plain text. */
  regex: boolean;
  caseSensitive: boolean;
  /** Only matches not preceded or followed by a letter, digit or underscore (æ, ø and å count as letters). */
  wholeWord: boolean;
  /** Only hits in turns of these informants. */
  informants?: string[];
  /** What each hit tags; the match widened to whole words when not given. */
  unit?: SearchUnit;
}

/**
 * Why a query cannot be searched for, in English (`message`) and as `detail` to translate;
 * `complaint` is the regular expression engine's own words.
 */
export type QueryError =
  | { ok: false; reason: 'empty'; message: string; detail: Message }
  | { ok: false; reason: 'invalid'; complaint: string; message: string; detail: Message };

export type CompiledQuery = { ok: true; pattern: RegExp } | QueryError;

/** The query as a global regular expression, or why it cannot be one. */
export function compileQuery(query: SearchQuery): CompiledQuery {
  const typed = query.pattern.normalize('NFC');
  if (typed === '') {
    const detail = message('Type something to search for.');
    return { ok: false, reason: 'empty', message: englishText(detail), detail };
  }
  const body = query.regex ? typed : escapeRegExp(typed);
  const source = query.wholeWord ? `(?<!${WORD_CHARACTER})(?:${body})(?!${WORD_CHARACTER})` : body;
  try {
    return { ok: true, pattern: new RegExp(source, query.caseSensitive ? 'gu' : 'giu') };
  } catch (error) {
    const complaint = (error as Error).message;
    const detail = message('"{pattern}" is not a valid regular expression: {complaint}.', {
      pattern: query.pattern,
      complaint,
    });
    return { ok: false, reason: 'invalid', complaint, message: englishText(detail), detail };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

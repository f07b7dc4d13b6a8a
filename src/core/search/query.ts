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

/** Why a query cannot be searched for: `detail` is the regular expression engine's complaint. */
export type QueryError = { ok: false; reason: 'empty'; message: string } | { ok: false; reason: 'invalid'; detail: string; message: string };

export type CompiledQuery = { ok: true; pattern: RegExp } | QueryError;

/** The query as a global regular expression, or why it cannot be one. */
export function compileQuery(query: SearchQuery): CompiledQuery {
  const typed = query.pattern.normalize('NFC');
  if (typed === '') return { ok: false, reason: 'empty', message: 'Type something to search for.' };
  const body = query.regex ? typed : escapeRegExp(typed);
  const source = query.wholeWord ? `(?<!${WORD_CHARACTER})(?:${body})(?!${WORD_CHARACTER})` : body;
  try {
    return { ok: true, pattern: new RegExp(source, query.caseSensitive ? 'gu' : 'giu') };
  } catch (error) {
    const detail = (error as Error).message;
    return { ok: false, reason: 'invalid', detail, message: `"${query.pattern}" is not a valid regular expression: ${detail}.` };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { message, type Message } from '../messages';

export type TokenType = 'word' | 'string' | '(' | ')' | '=' | '~' | ',';

/** A piece of a query: `text` is the word, or a quoted string's value; offsets into the query. */
export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

/** A mistake in how a query is written, at offsets into its text. */
export class QuerySyntaxError extends Error {
  constructor(
    readonly detail: Message,
    readonly start: number,
    readonly end: number,
  ) {
    super(detail.template);
  }
}

const PUNCTUATION = new Set(['(', ')', '=', '~', ',']);
/** Ends a bare word: white space, punctuation or a quotation mark. */
const WORD_END = /[\s()=~,"]/u;

/** The tokens of a query, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const ch = text.charAt(at);
    if (/\s/u.test(ch)) at++;
    else if (PUNCTUATION.has(ch)) tokens.push({ type: ch as TokenType, text: ch, start: at, end: ++at });
    else if (ch === '"') at = quoted(text, at, tokens);
    else at = word(text, at, tokens);
  }
  return tokens;
}

function word(text: string, start: number, tokens: Token[]): number {
  let end = start;
  while (end < text.length && !WORD_END.test(text.charAt(end))) end++;
  tokens.push({ type: 'word', text: text.slice(start, end), start, end });
  return end;
}

/** A string in quotation marks; \" and \\ stand for " and \. */
function quoted(text: string, start: number, tokens: Token[]): number {
  let value = '';
  for (let at = start + 1; at < text.length; at++) {
    const ch = text.charAt(at);
    if (ch === '"') {
      tokens.push({ type: 'string', text: value, start, end: at + 1 });
      return at + 1;
    }
    if (ch === '\\' && (text.charAt(at + 1) === '"' || text.charAt(at + 1) === '\\')) value += text.charAt(++at);
    else value += ch;
  }
  throw new QuerySyntaxError(
    message('The quotation mark at column {column} is not closed. Add " after the text.', { column: start + 1 }),
    start,
    text.length,
  );
}

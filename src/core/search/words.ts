/** A word character: a letter (æ, ø and å too), digit, combining mark or underscore. */
export const WORD_CHARACTER = '[\\p{L}\\p{N}\\p{M}_]';

const WORD = new RegExp(`^${WORD_CHARACTER}$`, 'u');

/** A stretch [start, end) of a text, in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Whether the character (a whole code point) that ends at `offset` is a word character. */
export function wordCharacterBefore(text: string, offset: number): boolean {
  return offset > 0 && wordCharacterAt(text, previousCodePoint(text, offset));
}

/** Whether the character (a whole code point) that starts at `offset` is a word character. */
export function wordCharacterAt(text: string, offset: number): boolean {
  const code = text.codePointAt(offset);
  return code !== undefined && WORD.test(String.fromCodePoint(code));
}

/** The span widened so that it neither starts nor ends inside a word. */
export function wholeWords(text: string, span: Span): Span {
  let { start, end } = span;
  while (wordCharacterAt(text, start) && wordCharacterBefore(text, start)) start = previousCodePoint(text, start);
  while (wordCharacterBefore(text, end) && wordCharacterAt(text, end))
    end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return { start, end };
}

/** Where the code point that ends at `offset` starts: one or two code units back. */
function previousCodePoint(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
}

/** The span without white space at either end. */
export function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

import { decline } from './decline';

/** A quoted scalar on one line: its value, and where it ends in the line (after the closing quote). */
export interface Quoted {
  value: string;
  end: number;
}

const ESCAPES = new Map(
  Object.entries({
    '0': '\0',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    N: '\u0085',
    _: '\u00a0',
    L: '\u2028',
    P: '\u2029',
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t',
  }),
);
const HEX_DIGITS = new Map([
  ['x', 2],
  ['u', 4],
  ['U', 8],
]);
const HEX = /^[0-9a-fA-F]+$/;

/** The "double-quoted" scalar starting at `start` (its quote), which must end on the same line. */
export function doubleQuoted(line: string, start: number): Quoted {
  let from = start + 1;
  let escaped = false;
  for (;;) {
    const quote = line.indexOf('"', from);
    if (quote < 0) decline();
    const backslash = line.indexOf('\\', from);
    if (backslash < 0 || backslash > quote) {
      const raw = line.slice(start + 1, quote);
      return { value: escaped ? unescape(raw) : raw, end: quote + 1 };
    }
    escaped = true;
    from = backslash + 2;
  }
}

/** The value of a double-quoted scalar's text between its quotes, as yaml resolves its escapes. */
function unescape(raw: string): string {
  let out = '';
  let at = 0;
  for (let backslash = raw.indexOf('\\'); backslash >= 0; backslash = raw.indexOf('\\', at)) {
    out += raw.slice(at, backslash);
    const next = raw[backslash + 1] ?? decline();
    const simple = ESCAPES.get(next);
    const digits = HEX_DIGITS.get(next);
    if (simple !== undefined) {
      out += simple;
      at = backslash + 2;
    } else if (digits !== undefined) {
      out += codePoint(raw.slice(backslash + 2, backslash + 2 + digits), digits);
      at = backslash + 2 + digits;
    } else decline();
  }
  return out + raw.slice(at);
}

function codePoint(hex: string, digits: number): string {
  if (hex.length !== digits || !HEX.test(hex)) decline();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) decline();
  return String.fromCodePoint(code);
}

/** The 'single-quoted' scalar starting at `start` (its quote), which must end on the same line. */
export function singleQuoted(line: string, start: number): Quoted {
  let from = start + 1;
  let doubled = false;
  for (;;) {
    const quote = line.indexOf("'", from);
    if (quote < 0) decline();
    if (line.charCodeAt(quote + 1) !== 39) {
      const raw = line.slice(start + 1, quote);
      return { value: doubled ? raw.replace(/''/g, "'") : raw, end: quote + 1 };
    }
    doubled = true;
    from = quote + 2;
  }
}

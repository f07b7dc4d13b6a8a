// A small XML 1.0 writer: UTF-8 declaration, two-space indentation, LF line ends, escaped text.

export type XmlAttributes = Record<string, string | number | boolean | undefined>;

/** Characters XML 1.0 does not allow anywhere, lone surrogates included. */
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/**
 * NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are line ends to some parsers (xmldom among them), so they go as
 * references too.
 */
const TEXT_SPECIAL = /[&<>"'\r\u0085\u2028\u2029]/g;
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r\u0085\u2028\u2029]/g;
/** Printable ASCII but for the markup characters: GUIDs, numbers, times and many names need nothing done. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x25\x28-\x3b\x3d\x3f-\x7e]*$/;
/** Whether a text needs any of that done. */
const TEXT_WORK = /[&<>"'\r\u0085\u2028\u2029]|[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ATTRIBUTE_WORK = /[&<>"'\t\n\r\u0085\u2028\u2029]|[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\u0085': '&#133;',
  '\u2028': '&#8232;',
  '\u2029': '&#8233;',
};

/** Element content: markup characters escaped, CR (and NEL, LS, PS) kept as references so that they survive parsing. */
export function escapeText(text: string): string {
  if (PLAIN_ASCII.test(text) || !TEXT_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(TEXT_SPECIAL, (c) => REFERENCES[c] as string);
}

/** An attribute value: also tabs and line breaks as references, which parsers would otherwise turn into spaces. */
export function escapeAttribute(text: string): string {
  if (PLAIN_ASCII.test(text) || !ATTRIBUTE_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(ATTRIBUTE_SPECIAL, (c) => REFERENCES[c] as string);
}

export class XmlWriter {
  private parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  private readonly open: string[] = [];
  /** Code units written since the last flush. */
  private written = 0;

  /** Opens an element whose children follow. */
  start(name: string, attributes: XmlAttributes = {}): this {
    this.push(`${this.indent()}<${name}${formatAttributes(attributes)}>\n`);
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('No element is open.');
    this.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  /** An element without children. */
  empty(name: string, attributes: XmlAttributes = {}): this {
    this.push(`${this.indent()}<${name}${formatAttributes(attributes)}/>\n`);
    return this;
  }

  /** An element holding only text, written as it is (no indentation added inside). */
  text(name: string, text: string): this {
    this.push(`${this.indent()}<${name}>${escapeText(text)}</${name}>\n`);
    return this;
  }

  toString(): string {
    if (this.open.length > 0) throw new Error(`<${this.open.join('>, <')}> not closed.`);
    return this.flush();
  }

  /** How many UTF-16 code units were written since the last flush. */
  get size(): number {
    return this.written;
  }

  /** What was written since the last flush, which it then forgets: a large document goes out in pieces. */
  flush(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.written = 0;
    return text;
  }

  private push(text: string): void {
    this.parts.push(text);
    this.written += text.length;
  }

  private indent(): string {
    return (INDENTS[this.open.length] ??= '  '.repeat(this.open.length));
  }
}

const INDENTS: string[] = [];

function formatAttributes(attributes: XmlAttributes): string {
  let formatted = '';
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== undefined)
      formatted += ` ${name}="${typeof value === 'string' ? escapeAttribute(value) : String(value)}"`;
  }
  return formatted;
}

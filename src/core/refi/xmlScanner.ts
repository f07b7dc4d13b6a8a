// A strict XML 1.0 scanner for REFI-QDA files, in one pass over the text without building a DOM:
// it reports each element's start (with its attributes and place) and end, and the character data
// between, with references resolved. What is not well-formed stops it with the place. No DTD is
// read, so no entity but the five predefined ones is known (no entity expansion attacks).

/** What the scanner reports, in document order. */
export interface XmlHandler {
  /** `attributes` holds names and values alternately, names as written (prefix included). */
  open(name: string, attributes: string[], line: number, column: number): void;
  close(name: string): void;
  /** Character data inside the root element (CDATA sections included), references resolved. */
  text(text: string): void;
}

/** Not well-formed XML, at a 1-based line and column; `atEnd` when the text ended too early. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly atEnd: boolean,
  ) {
    super(message);
  }
}

/**
 * Line ends as an XML 1.1 parser sees them (CRLF, CR NEL, CR, NEL, LS, PS), each read as LF,
 * as the XML reader qcode used before did; a literal CR only survives as a reference (&#13;).
 */
export function normalizeLineEnds(text: string): string {
  return /[\r\u0085\u2028\u2029]/.test(text)
    ? text.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n')
    : text;
}

/** A name: what runs up to white space or markup; checked apart for what may not start one. */
const NAME = /[^\s"'<>/=&;!?]+/y;
const NOT_A_NAME_START = /^[-.0-9]/;
/** A prefix, if any, and a local name, each a name: one colon at most, not first nor last. */
const QUALIFIED_NAME = /^(?![-.0-9])[^:]+(?::(?![-.0-9])[^:]+)?$/;
const SPACE = /[ \t\n\r]*/y;
/** What ends a name (see NAME): white space and markup characters. */
const NAME_END = /[\s"'<>/=&;!?]/;
const S = /[ \t\n\r]/.source;
function pseudoAttribute(name: string, value: RegExp): string {
  return `${S}+${name}${S}*=${S}*(?:"(?:${value.source})"|'(?:${value.source})')`;
}
/** `<?xml version="1.x" encoding="..." standalone="yes|no"?>`, the last two optional. */
const VERSION = pseudoAttribute('version', /1\.\d+/);
const ENCODING = pseudoAttribute('encoding', /[A-Za-z][\w.-]*/);
const STANDALONE = pseudoAttribute('standalone', /yes|no/);
const XML_DECLARATION = new RegExp(`<\\?xml${VERSION}(?:${ENCODING})?(?:${STANDALONE})?${S}*\\?>`, 'y');
const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Scans `source` (line ends already normalised) and reports to `handler`; throws XmlSyntaxError. */
export function scanXml(source: string, handler: XmlHandler): void {
  new Scanner(source, handler).run();
}

class Scanner {
  private at = 0;
  private readonly open: string[] = [];
  private readonly prefixes: Set<string>[] = [];
  private rootSeen = false;
  private readonly names = new Set<string>();
  /** Line bookkeeping: the line of `lineAt` and where that line starts. */
  private line = 1;
  private lineStart = 0;
  private lineAt = 0;
  /** The first line break at or after lineStart; -1 when there is none. */
  private nextBreak: number;

  constructor(
    private readonly source: string,
    private readonly handler: XmlHandler,
  ) {
    this.nextBreak = source.indexOf('\n');
  }

  run(): void {
    const { source } = this;
    if (source.charCodeAt(0) === 0xfeff) this.at = 1;
    while (this.at < source.length) {
      const lt = source.indexOf('<', this.at);
      const textEnd = lt < 0 ? source.length : lt;
      if (textEnd > this.at) this.characters(this.at, textEnd);
      if (lt < 0) break;
      this.markup(lt);
    }
    if (this.open.length > 0) this.fail(`unclosed xml tag(s): ${this.open.join(', ')}`, source.length, true);
    if (!this.rootSeen) this.fail('missing root element', source.length, false);
  }

  private markup(lt: number): void {
    const next = this.source.charCodeAt(lt + 1);
    if (next === 0x2f) this.endTag(lt);
    else if (next === 0x3f) this.at = this.processingInstruction(lt);
    else if (next === 0x21) this.declaration(lt);
    else this.startTag(lt);
  }

  private characters(start: number, end: number): void {
    if (this.open.length === 0) {
      const stray = this.source.slice(start, end);
      if (stray.trim() !== '') {
        const where = start + stray.search(/\S/);
        if (!this.rootSeen && this.source.indexOf('<', end) < 0 && end === this.source.length)
          this.fail('missing root element', where, false);
        this.fail(`Unexpected content outside root element: '${stray.trim().slice(0, 40)}'`, where, false);
      }
      this.at = end;
      return;
    }
    const raw = this.source.slice(start, end);
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd >= 0) this.fail('"]]>" in character data', start + cdataEnd, false);
    this.handler.text(this.resolve(raw, start, false));
    this.at = end;
  }

  private startTag(lt: number): void {
    if (this.open.length === 0 && this.rootSeen) this.fail('Extra content at the end of the document', lt, false);
    const name = this.name(lt + 1, 'element name');
    const attributes: string[] = [];
    let at = lt + 1 + name.length;
    for (;;) {
      const spaced = this.skipSpace(at);
      const c = this.source.charCodeAt(spaced);
      if (c === 0x3e || (c === 0x2f && this.source.charCodeAt(spaced + 1) === 0x3e)) {
        const selfClosing = c === 0x2f;
        this.enter(name, attributes, lt);
        if (selfClosing) this.leave(name);
        this.at = spaced + (selfClosing ? 2 : 1);
        return;
      }
      if (Number.isNaN(c)) this.fail(`unexpected end of input inside <${name}>`, spaced, true);
      if (spaced === at) this.fail(`attributes of <${name}> must be separated by white space`, spaced, false);
      at = this.attribute(spaced, name, attributes);
    }
  }

  /**
   * Reads `name="value"` at `start` into `attributes`; returns where it ends. An attribute as it
   * should be is read here, character by character (a file holds millions); anything else step
   * by step, to say what is wrong.
   */
  private attribute(start: number, element: string, attributes: string[]): number {
    const { source } = this;
    const name = source.slice(start, this.nameEnd(start));
    let at = this.skipSpace(start + name.length);
    if (!this.isName(name) || source.charCodeAt(at) !== 0x3d) return this.attributeInDetail(start, element, attributes);
    at = this.skipSpace(at + 1);
    const quote = source[at];
    const end = quote === '"' || quote === "'" ? source.indexOf(quote, at + 1) : -1;
    const written = end < 0 ? '<' : source.slice(at + 1, end);
    if (written.includes('<')) return this.attributeInDetail(start, element, attributes);
    this.add(attributes, name, written, { start, value: at + 1 }, element);
    return end + 1;
  }

  /** The same, step by step, to say what is wrong. */
  private attributeInDetail(start: number, element: string, attributes: string[]): number {
    const name = this.name(start, `attribute name in <${element}>`);
    let at = this.skipSpace(start + name.length);
    if (this.source.charCodeAt(at) !== 0x3d) this.expected(`"=" after the attribute ${name}`, at);
    at = this.skipSpace(at + 1);
    const quote = this.source[at];
    if (quote !== '"' && quote !== "'") this.expected(`a quoted value for the attribute ${name}`, at);
    const end = this.source.indexOf(quote, at + 1);
    if (end < 0) this.fail(`unexpected end of input in the value of the attribute ${name}`, this.source.length, true);
    const written = this.source.slice(at + 1, end);
    const lt = written.indexOf('<');
    if (lt >= 0) this.fail(`the value of the attribute ${name} holds "<"`, at + 1 + lt, false);
    this.add(attributes, name, written, { start, value: at + 1 }, element);
    return end + 1;
  }

  /** Adds an attribute whose value as written starts at `at.value`, the attribute at `at.start`. */
  private add(
    attributes: string[],
    name: string,
    written: string,
    at: { start: number; value: number },
    element: string,
  ): void {
    for (let i = 0; i < attributes.length; i += 2)
      if (attributes[i] === name) this.fail(`the attribute ${name} is given twice in <${element}>`, at.start, false);
    attributes.push(name, this.resolve(written, at.value, true));
  }

  private endTag(lt: number): void {
    const name = this.name(lt + 2, 'end tag name');
    const at = this.skipSpace(lt + 2 + name.length);
    if (this.source.charCodeAt(at) !== 0x3e) {
      if (at >= this.source.length) this.fail(`unexpected end of input in </${name}>`, at, true);
      this.fail(`end tag name contains invalid characters: "${this.source.slice(lt + 2, at + 1)}"`, lt, false);
    }
    const current = this.open[this.open.length - 1];
    if (current !== name) this.fail(`Opening and ending tag mismatch: "${current ?? ''}" != "${name}"`, lt, false);
    this.leave(name);
    this.at = at + 1;
  }

  private declaration(lt: number): void {
    const { source } = this;
    if (source.startsWith('<!--', lt)) this.at = this.skipPast(lt + 4, '-->', 'comment');
    else if (source.startsWith('<![CDATA[', lt)) {
      if (this.open.length === 0) this.fail('CDATA outside the root element', lt, false);
      const end = this.skipPast(lt + 9, ']]>', 'CDATA section');
      this.handler.text(source.slice(lt + 9, end - 3));
      this.at = end;
    } else if (source.startsWith('<!DOCTYPE', lt) && !this.rootSeen && this.open.length === 0)
      this.at = this.doctype(lt);
    else this.fail(`unexpected markup "${source.slice(lt, lt + 12)}"`, lt, false);
  }

  /** Skips a processing instruction; the XML declaration only at the very start. */
  private processingInstruction(lt: number): number {
    NAME.lastIndex = lt + 2;
    const target = NAME.exec(this.source)?.[0].replace(/\?>[^]*$/, '');
    if (!target || NOT_A_NAME_START.test(target))
      this.fail(`invalid processing instruction`, lt, lt + 2 >= this.source.length);
    const after = lt + 2 + target.length;
    if (!this.source.startsWith('?>', after) && !/[ \t\n\r]/.test(this.source[after] ?? ''))
      this.fail(`invalid processing instruction <?${target}`, lt, after >= this.source.length);
    if (target.toLowerCase() === 'xml') return this.xmlDeclaration(lt);
    return this.skipPast(after, '?>', 'processing instruction');
  }

  /** `<?xml version="1.0" encoding="utf-8" standalone="yes"?>`, only at the very start. */
  private xmlDeclaration(lt: number): number {
    if (lt !== (this.source.charCodeAt(0) === 0xfeff ? 1 : 0))
      this.fail('an XML declaration is only at the start of the document', lt, false);
    XML_DECLARATION.lastIndex = lt;
    if (!XML_DECLARATION.test(this.source))
      this.fail('the XML declaration is not well-formed', lt, this.source.indexOf('?>', lt) < 0);
    return XML_DECLARATION.lastIndex;
  }

  /** Skips a DOCTYPE with its internal subset, reading none of it. */
  private doctype(lt: number): number {
    const { source } = this;
    let depth = 0;
    for (let at = lt + 9; at < source.length; at++) {
      const c = source[at];
      if (c === '<' && source.startsWith('<!--', at)) at = this.skipPast(at + 4, '-->', 'comment') - 1;
      else if (c === '"' || c === "'") {
        const end = source.indexOf(c, at + 1);
        if (end < 0) break;
        at = end;
      } else if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) return at + 1;
    }
    return this.fail('unexpected end of input in the DOCTYPE', source.length, true);
  }

  private enter(name: string, attributes: string[], lt: number): void {
    this.checkNamespaces(name, attributes, lt);
    this.rootSeen = true;
    this.open.push(name);
    const { line, column } = this.place(lt);
    this.handler.open(name, attributes, line, column);
  }

  private leave(name: string): void {
    this.open.pop();
    this.prefixes.pop();
    this.handler.close(name);
  }

  /** Every prefix of the element's and its attributes' names must be declared (xmlns:p) here or above. */
  private checkNamespaces(name: string, attributes: string[], lt: number): void {
    let declared: Set<string> | undefined;
    for (let i = 0; i < attributes.length; i += 2) {
      const attribute = attributes[i] as string;
      if (attribute.startsWith('xmlns:')) (declared ??= new Set()).add(attribute.slice(6));
    }
    this.prefixes.push(declared ?? NONE);
    this.checkPrefix(name, lt);
    for (let i = 0; i < attributes.length; i += 2) this.checkPrefix(attributes[i] as string, lt);
  }

  private checkPrefix(qualified: string, lt: number): void {
    const colon = qualified.indexOf(':');
    if (colon < 0) return;
    const prefix = qualified.slice(0, colon);
    if (prefix === 'xml' || prefix === 'xmlns' || this.prefixes.some((set) => set.has(prefix))) return;
    this.fail(`the namespace prefix "${prefix}" of ${qualified} is not declared`, lt, false);
  }

  /** Character data or an attribute value with its references resolved (and, in a value, white space as spaces). */
  private resolve(written: string, start: number, inAttribute: boolean): string {
    let raw = written;
    if (inAttribute && /[\t\n\r]/.test(raw)) raw = raw.replace(/[\t\n\r]/g, ' ');
    let amp = raw.indexOf('&');
    if (amp < 0) return raw;
    let resolved = '';
    let from = 0;
    while (amp >= 0) {
      const semicolon = raw.indexOf(';', amp);
      const reference = semicolon < 0 ? raw.slice(amp) : raw.slice(amp, semicolon + 1);
      resolved += raw.slice(from, amp) + this.reference(reference, start + amp);
      from = amp + reference.length;
      amp = raw.indexOf('&', from);
    }
    return resolved + raw.slice(from);
  }

  private reference(reference: string, at: number): string {
    const body = reference.slice(1, -1);
    if (!reference.endsWith(';') || body === '')
      this.fail(`EntityRef: expecting ; after ${reference.slice(0, 20)}`, at, false);
    if (body[0] !== '#') {
      const predefined = PREDEFINED.get(body);
      if (predefined === undefined)
        this.fail(
          /^[A-Za-z_:][-.\w:]*$/.test(body)
            ? `entity not found: ${reference}`
            : `entity not matching Reference production: ${reference}`,
          at,
          false,
        );
      return predefined as string;
    }
    const code = /^#x[0-9a-fA-F]+$/.test(body)
      ? parseInt(body.slice(2), 16)
      : /^#[0-9]+$/.test(body)
        ? parseInt(body.slice(1), 10)
        : Number.NaN;
    if (!(code <= 0x10ffff)) this.fail(`entity not matching Reference production: ${reference}`, at, false);
    return String.fromCodePoint(code);
  }

  private name(at: number, what: string): string {
    const name = this.source.slice(at, this.nameEnd(at));
    if (!this.isName(name)) this.expected(`an ${what}`, at);
    return name;
  }

  /** Where a name that starts at `at` ends. */
  private nameEnd(at: number): number {
    const { source } = this;
    let end = at;
    for (; end < source.length; end++) {
      const c = source.charCodeAt(end);
      if (c < 0x80 ? NAME_ENDS_ASCII[c] === 1 : NAME_END.test(source[end] as string)) break;
    }
    return end;
  }

  /** A qualified name (see QUALIFIED_NAME); the few names a file uses are remembered once checked. */
  private isName(name: string): boolean {
    if (this.names.has(name)) return true;
    if (!QUALIFIED_NAME.test(name)) return false;
    this.names.add(name);
    return true;
  }

  private skipSpace(at: number): number {
    const c = this.source.charCodeAt(at);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return at;
    SPACE.lastIndex = at;
    SPACE.exec(this.source);
    return SPACE.lastIndex;
  }

  /** Where `terminator` ends, searching from `from`. */
  private skipPast(from: number, terminator: string, what: string): number {
    const end = this.source.indexOf(terminator, from);
    if (end < 0) this.fail(`unexpected end of input in a ${what}`, this.source.length, true);
    return end + terminator.length;
  }

  private expected(what: string, at: number): never {
    if (at >= this.source.length) this.fail(`unexpected end of input where ${what} should be`, at, true);
    return this.fail(`expected ${what}, found "${this.source.slice(at, at + 12)}"`, at, false);
  }

  private fail(message: string, at: number, atEnd: boolean): never {
    const { line, column } = this.place(at);
    throw new XmlSyntaxError(message, line, column, atEnd);
  }

  /** The 1-based line and column of an offset, counting forward from the last one asked for. */
  private place(at: number): { line: number; column: number } {
    if (at < this.lineAt)
      [this.line, this.lineStart, this.lineAt, this.nextBreak] = [1, 0, 0, this.source.indexOf('\n')];
    while (this.nextBreak >= 0 && this.nextBreak < at) {
      this.line++;
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = this.source.indexOf('\n', this.lineStart);
    }
    this.lineAt = at;
    return { line: this.line, column: at - this.lineStart + 1 };
  }
}

const NONE: Set<string> = new Set();

/** For each ASCII code, 1 where it ends a name (NAME_END). */
const NAME_ENDS_ASCII = Uint8Array.from({ length: 0x80 }, (_, c) => (NAME_END.test(String.fromCharCode(c)) ? 1 : 0));

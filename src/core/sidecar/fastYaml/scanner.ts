import { decline } from './decline';
import { blockPlainEnd, checkPlainItem, plainMayStart, trimEnd } from './plain';
import { doubleQuoted, singleQuoted } from './quoted';

/** How a scalar is written: its text is the source of a plain one, the value of a quoted one. */
export type ScalarStyle = 'plain' | 'double' | 'single';

/**
 * What the scanner found, told as it goes. Offsets are into the whole text; a scalar's `end` is
 * where yaml ends its node: after the spaces before a "," or "]" in a flow list, after the comment
 * and line break that follow it in a block.
 */
export interface YamlBuilder<V, M, L, F> {
  scalar(style: ScalarStyle, text: string, start: number, valueEnd: number, end: number): V;
  /** The null of a key with nothing after it on its line, at the end of that line. */
  empty(at: number): V;
  flowList(start: number): F;
  flowItem(list: F, item: V): void;
  flowEnd(list: F, closeEnd: number, end: number): V;
  map(): M;
  /** A pair of the mapping; the key is a plain scalar, `key` its source. */
  pair(map: M, key: string, keyStart: number, keyEnd: number, value: V): void;
  mapEnd(map: M): V;
  list(dash: number): L;
  listItem(list: L, item: V): void;
  listEnd(list: L): V;
}

/** The keys qcode writes, so that a key read is the same string each time (and no new one is made). */
const KNOWN_KEYS = [
  'id',
  'concepts',
  'range',
  'quote',
  'before',
  'after',
  'informant',
  'coder',
  'created',
  'memo',
  'key',
  'qcode',
  'transcript',
  'annotations',
];
const DASH = 45;
const SPACE = 32;
const HASH = 35;
const TAB = 9;

/**
 * Scans the block-style YAML that qcode writes: a mapping at column 0 whose values are one-line
 * scalars, one-line flow lists of scalars, or block lists of block mappings of those, with comment
 * and blank lines between them. Anything else it declines (throws, see decline.ts).
 */
export class BlockScanner<V, M, L, F> {
  /** The current line: where it starts and where its content ends (before "\r\n" or "\n"). */
  private start = 0;
  private end = 0;
  /** Where the next line starts (the length of the text after the last line). */
  private next = 0;
  private line = '';
  private indent = 0;
  /** Whether the last skipping of lines passed a comment. */
  private passedComment = false;

  constructor(
    private readonly text: string,
    private readonly builder: YamlBuilder<V, M, L, F>,
  ) {
    this.load(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  }

  /** The top-level mapping. */
  read(): V {
    if (!this.structural() || this.indent !== 0) decline();
    const root = this.blockMap(0, false);
    if (!this.atEnd) decline();
    return root;
  }

  private get atEnd(): boolean {
    return this.start >= this.text.length;
  }

  private load(start: number): void {
    const text = this.text;
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    this.start = start;
    this.next = newline < 0 ? text.length : newline + 1;
    this.end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    this.line = text.slice(start, this.end);
    let indent = 0;
    while (this.line.charCodeAt(indent) === SPACE) indent++;
    this.indent = indent;
  }

  /**
   * Moves past blank and comment lines; false at the end of the text. yaml makes a comment indented
   * more than the line after it part of the node before it (its range then runs over the comment),
   * so such comments are left to it.
   */
  private structural(): boolean {
    let commentIndent = -1;
    while (!this.atEnd) {
      const first = this.line.charCodeAt(this.indent);
      if (first === HASH) commentIndent = Math.max(commentIndent, this.indent);
      else if (this.indent < this.line.length) {
        if (first === TAB || commentIndent > this.indent) decline();
        this.passedComment = commentIndent >= 0;
        return true;
      }
      this.load(this.next);
    }
    if (commentIndent > 0) decline();
    this.passedComment = commentIndent >= 0;
    return false;
  }

  /**
   * A block mapping whose keys are at `column`, its first key on the current line; ends before the first line not at
   * that column.
   */
  private blockMap(column: number, inList: boolean): V {
    const map = this.builder.map();
    do this.pair(map, column, inList);
    while (this.structural() && this.indent === column);
    return this.builder.mapEnd(map);
  }

  /** One "key: value" whose key is at `column` of the current line; leaves the line after its value. */
  private pair(map: M, column: number, inList: boolean): void {
    const line = this.line;
    const colon = keyEnd(line, column);
    const key = keyAt(line, column, colon);
    let at = colon + 1;
    if (at < line.length && line.charCodeAt(at) !== SPACE) decline();
    while (line.charCodeAt(at) === SPACE) at++;
    const keyStart = this.start + column;
    const value = at === line.length ? this.emptyValue(column, inList) : this.inlineValue(at);
    this.builder.pair(map, key, keyStart, keyStart + key.length, value);
  }

  /** The value of a key with nothing after it on its line: a block list below it, or null. */
  private emptyValue(column: number, inList: boolean): V {
    const at = this.end;
    this.load(this.next);
    const more = this.structural();
    if (more && (this.indent > column || (this.indent === column && this.line.charCodeAt(column) === DASH))) {
      if (inList || this.line.charCodeAt(this.indent) !== DASH) decline();
      return this.blockList(this.indent);
    }
    // yaml stretches such a null over the comments after it.
    if (this.passedComment) decline();
    return this.builder.empty(at);
  }

  /** A block list of block mappings whose "-" are at `dash`, the first on the current line. */
  private blockList(dash: number): V {
    const list = this.builder.list(this.start + dash);
    for (;;) {
      const line = this.line;
      if (line.charCodeAt(dash + 1) !== SPACE) decline();
      let column = dash + 2;
      while (line.charCodeAt(column) === SPACE) column++;
      this.builder.listItem(list, this.blockMap(column, true));
      if (this.atEnd || this.indent === 0) break;
      if (this.indent !== dash || this.line.charCodeAt(dash) !== DASH) decline();
    }
    return this.builder.listEnd(list);
  }

  /** A value that starts at `at` on the current line and ends with it; moves to the next line. */
  private inlineValue(at: number): V {
    const line = this.line;
    const first = line[at];
    if (first === '[') return this.flowList(at);
    let style: ScalarStyle = 'plain';
    let text: string;
    let end: number;
    if (first === '"' || first === "'") {
      const quoted = first === '"' ? doubleQuoted(line, at) : singleQuoted(line, at);
      style = first === '"' ? 'double' : 'single';
      text = quoted.value;
      end = quoted.end;
    } else {
      if (!plainMayStart(line, at, false)) decline();
      end = blockPlainEnd(line, at);
      text = line.slice(at, end);
    }
    this.expectLineEnd(end);
    const value = this.builder.scalar(style, text, this.start + at, this.start + end, this.next);
    this.load(this.next);
    return value;
  }

  /** A one-line flow list of scalars, "[a, 'b', "c"]", starting at `at` (its "["); moves to the next line. */
  private flowList(at: number): V {
    const line = this.line;
    const list = this.builder.flowList(this.start + at);
    let close = skipSpaces(line, at + 1);
    if (line[close] !== ']') {
      for (;;) {
        const end = this.flowItem(list, close);
        if (line[end] === ']') {
          close = end;
          break;
        }
        if (line[end] !== ',') decline();
        close = skipSpaces(line, end + 1);
      }
    }
    this.expectLineEnd(close + 1);
    const value = this.builder.flowEnd(list, this.start + close + 1, this.next);
    this.load(this.next);
    return value;
  }

  /** One item of a flow list; where the "," or "]" after it is. */
  private flowItem(list: F, start: number): number {
    const line = this.line;
    const first = line[start];
    if (first === '"' || first === "'") {
      const quoted = first === '"' ? doubleQuoted(line, start) : singleQuoted(line, start);
      const end = skipSpaces(line, quoted.end);
      this.builder.flowItem(
        list,
        this.builder.scalar(
          first === '"' ? 'double' : 'single',
          quoted.value,
          this.start + start,
          this.start + quoted.end,
          this.start + end,
        ),
      );
      return end;
    }
    if (!plainMayStart(line, start, true)) decline();
    const end = nextSeparator(line, start);
    const valueEnd = trimEnd(line, start, end);
    const source = line.slice(start, valueEnd);
    checkPlainItem(source);
    this.builder.flowItem(
      list,
      this.builder.scalar('plain', source, this.start + start, this.start + valueEnd, this.start + end),
    );
    return end;
  }

  /** Only spaces, or spaces and a comment, may follow a value on its line. */
  private expectLineEnd(from: number): void {
    let at = from;
    while (this.line.charCodeAt(at) === SPACE) at++;
    if (at < this.line.length && !(at > from && this.line.charCodeAt(at) === HASH)) decline();
  }
}

/**
 * Where the plain key starting at `column` ends, at its ":"; a key starts with a letter, digit or "_" and holds those,
 * "." and "-".
 */
function keyEnd(line: string, column: number): number {
  let at = column;
  for (
    let code = line.charCodeAt(at);
    isKeyCharacter(code) && (at > column || (code !== 46 && code !== 45));
    code = line.charCodeAt(++at)
  );
  if (at === column || line.charCodeAt(at) !== 58) decline();
  return at;
}

function isKeyCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 46 ||
    code === 45
  );
}

function keyAt(line: string, start: number, end: number): string {
  for (const known of KNOWN_KEYS) if (known.length === end - start && line.startsWith(known, start)) return known;
  return line.slice(start, end);
}

function nextSeparator(line: string, from: number): number {
  const comma = line.indexOf(',', from);
  const close = line.indexOf(']', from);
  if (close < 0) decline();
  return comma >= 0 && comma < close ? comma : close;
}

function skipSpaces(line: string, from: number): number {
  let at = from;
  while (line.charCodeAt(at) === SPACE) at++;
  return at;
}

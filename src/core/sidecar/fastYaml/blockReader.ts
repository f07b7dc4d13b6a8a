import { Document, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { YAML_OPTIONS, type PrebuiltYaml } from '../../yaml/yamlFile';
import { decline } from './decline';
import { flowList, plainMayStart } from './flowList';
import { listNode, mapNode, pairNode } from './nodes';
import { doubleQuoted, singleQuoted } from './quoted';
import { blockPlainEnd, plainScalar, quotedScalar } from './scalars';

const KEY = /[A-Za-z0-9_][\w.-]*(?=:)/y;
const DASH = 45;
const SPACE = 32;
const HASH = 35;
const TAB = 9;

/**
 * Reads the block-style YAML that qcode writes: a mapping at column 0 whose values are one-line
 * scalars, one-line flow lists or block lists of block mappings of those, with comment and blank
 * lines between them. Builds the nodes parseDocument would, with the same ranges; anything else
 * it declines (throws, see decline.ts).
 */
export class BlockReader {
  private readonly doc = new Document(undefined, YAML_OPTIONS);
  /** The current line: where it starts and where its content ends (before "\r\n" or "\n"). */
  private start = 0;
  private end = 0;
  /** Where the next line starts (the length of the text after the last line). */
  private next = 0;
  private line = '';
  private indent = 0;
  /** Whether the last skipping of lines passed a comment. */
  private passedComment = false;

  constructor(private readonly text: string) {
    this.load(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  }

  read(): PrebuiltYaml {
    if (!this.structural() || this.indent !== 0) decline();
    const root = this.blockMap(0, false);
    if (!this.atEnd) decline();
    this.doc.contents = root;
    return { document: this.doc as Document.Parsed, lineStarts: lineStarts(this.text) };
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

  /** A block mapping whose keys are at `column`, its first key on the current line; ends before the first line not at that column. */
  private blockMap(column: number, inList: boolean): YAMLMap {
    const map = mapNode();
    do this.pair(map, column, inList);
    while (this.structural() && this.indent === column);
    const first = (map.items[0] as Pair<Scalar, Node>).key.range as number[];
    const last = (map.items[map.items.length - 1] as Pair<Scalar, Node>).value?.range as number[];
    map.range = [first[0] as number, last[2] as number, last[2] as number];
    return map;
  }

  /** One "key: value" whose key is at `column` of the current line; leaves the line after its value. */
  private pair(map: YAMLMap, column: number, inList: boolean): void {
    const line = this.line;
    KEY.lastIndex = column;
    const match = KEY.exec(line);
    if (!match) decline();
    const colon = column + match[0].length;
    const key = plainScalar(match[0], [this.start + column, this.start + colon, this.start + colon]);
    if (map.items.some((p) => (p.key as Scalar).value === key.value)) decline();
    let at = colon + 1;
    if (at < line.length && line.charCodeAt(at) !== SPACE) decline();
    while (line.charCodeAt(at) === SPACE) at++;
    const value = at === line.length ? this.emptyValue(column, inList) : this.inlineValue(at);
    map.items.push(pairNode(key, value));
  }

  /** The value of a key with nothing after it on its line: a block list below it, or null. */
  private emptyValue(column: number, inList: boolean): Node {
    const at = this.end;
    this.load(this.next);
    const more = this.structural();
    if (more && (this.indent > column || (this.indent === column && this.line.charCodeAt(column) === DASH))) {
      if (inList || this.line.charCodeAt(this.indent) !== DASH) decline();
      return this.blockList(this.indent);
    }
    // yaml stretches such a null over the comments after it.
    if (this.passedComment) decline();
    return plainScalar('', [at, at, at]);
  }

  /** A block list of block mappings whose "-" are at `dash`, the first on the current line. */
  private blockList(dash: number): YAMLSeq {
    const list = listNode();
    const start = this.start + dash;
    for (;;) {
      const line = this.line;
      if (line.charCodeAt(dash + 1) !== SPACE) decline();
      let column = dash + 2;
      while (line.charCodeAt(column) === SPACE) column++;
      list.items.push(this.blockMap(column, true));
      if (this.atEnd || this.indent === 0) break;
      if (this.indent !== dash || this.line.charCodeAt(dash) !== DASH) decline();
    }
    const last = (list.items[list.items.length - 1] as YAMLMap).range as number[];
    list.range = [start, last[2] as number, last[2] as number];
    return list;
  }

  /** A value that starts at `at` on the current line and ends with it; moves to the next line. */
  private inlineValue(at: number): Node {
    const line = this.line;
    const first = line[at] as string;
    let node: Node;
    let end: number;
    if (first === '"' || first === "'") {
      const quoted = first === '"' ? doubleQuoted(line, at) : singleQuoted(line, at);
      end = quoted.end;
      node = quotedScalar(quoted.value, first === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, [this.start + at, this.start + end, this.next]);
    } else if (first === '[') {
      const flow = flowList(line, at, this.start);
      end = flow.end;
      node = flow.list;
    } else {
      if (!plainMayStart(line, at, false)) decline();
      end = blockPlainEnd(line, at);
      node = plainScalar(line.slice(at, end), [this.start + at, this.start + end, this.next]);
    }
    this.expectLineEnd(end);
    (node.range as number[])[2] = this.next;
    this.load(this.next);
    return node;
  }

  /** Only spaces, or spaces and a comment, may follow a value on its line. */
  private expectLineEnd(from: number): void {
    let at = from;
    while (this.line.charCodeAt(at) === SPACE) at++;
    if (at < this.line.length && !(at > from && this.line.charCodeAt(at) === HASH)) decline();
  }
}

/** Where each line starts, as yaml's LineCounter counts them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
  return starts;
}

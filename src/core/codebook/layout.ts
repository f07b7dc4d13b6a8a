import { Document, isMap, isScalar, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineEndAfter, lineStartOf, type Splice } from '../sidecar/splice';
import { keyPair, type Book, type Located } from './book';

interface Region {
  start: number;
  end: number;
  /** Column of the item's "-". */
  dash: number;
}

interface Target {
  at: number;
  dash: number;
  /** A "children:" line to write before the items, when the parent has none yet. */
  header: string;
}

export class NotSpliceable extends Error {}

/** Where concepts are in the text, for edits by splicing. Throws NotSpliceable on layouts it does not handle. */
export class Layout {
  private readonly nl: string;

  constructor(
    private readonly text: string,
    private readonly book: Book,
  ) {
    this.nl = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** The lines of a block-list item, with the comment lines just above it (except above a list's first item). */
  region(seq: YAMLSeq, index: number): Region {
    const map = seq.items[index];
    if (seq.flow || !isMap(map) || map.flow || !map.range) throw new NotSpliceable();
    let start = lineStartOf(this.text, map.range[0]);
    const dash = this.indentAt(start);
    if (this.text[start + dash] !== '-') throw new NotSpliceable();
    while (index > 0 && start > 0) {
      const previous = lineStartOf(this.text, start - 1);
      if (this.indentAt(previous) !== dash || this.text[previous + dash] !== '#') break;
      start = previous;
    }
    return { start, end: lineEndAfter(this.text, map.range[1]), dash };
  }

  /** What to cut to remove an item: the item, and its parent's "children:" line when it was the only child. */
  removal(at: Located, item: Region): { start: number; end: number } {
    const key = at.parent && at.seq.items.length === 1 ? keyPair(at.parent.map, 'children')?.key : undefined;
    if (!at.parent || !key) return item;
    const range = (key as Scalar).range;
    if (!range) throw new NotSpliceable();
    const start = lineStartOf(this.text, range[0]);
    if (start + this.indentAt(start) !== range[0]) throw new NotSpliceable();
    return { start, end: item.end };
  }

  removeSplices(at: Located, childrenTo: Located | 'in place' | undefined): Splice[] {
    const item = this.region(at.seq, at.index);
    const seq = this.book.children(at.map);
    const count = seq?.items.length ?? 0;
    if (!seq || count === 0) return [{ ...this.removal(at, item), text: '' }];
    const first = this.region(seq, 0);
    const children = this.block({ start: first.start, end: this.region(seq, count - 1).end });
    if (childrenTo === 'in place') return [{ ...item, text: this.shift(children, item.dash - first.dash) }];
    const target = this.target(childrenTo);
    return [
      { ...this.removal(at, item), text: '' },
      this.insert(target, this.shift(children, target.dash - first.dash)),
    ];
  }

  /** Where items go at the end of a parent's children (undefined: the top level). */
  target(parent: Located | undefined): Target {
    const seq = parent ? this.book.children(parent.map) : this.book.top();
    if (seq && seq.items.length > 0)
      return { at: this.region(seq, seq.items.length - 1).end, dash: this.region(seq, 0).dash, header: '' };
    if (!parent || keyPair(parent.map, 'children') || !parent.map.range) throw new NotSpliceable();
    const column = parent.map.range[0] - lineStartOf(this.text, parent.map.range[0]);
    const end = this.region(parent.seq, parent.index).end;
    return { at: end, dash: column + this.listIndent(), header: `${' '.repeat(column)}children:${this.nl}` };
  }

  insert(target: Target, block: string): Splice {
    const needsBreak = target.at === this.text.length && this.text.length > 0 && !this.text.endsWith('\n');
    return { start: target.at, end: target.at, text: `${needsBreak ? this.nl : ''}${target.header}${block}` };
  }

  render(fields: Readonly<Record<string, string>>, dash: number): string {
    const lines = Object.entries(fields).map(
      ([key, value], i) => `${' '.repeat(dash)}${i === 0 ? '- ' : '  '}${key}: ${scalarText(String(value))}`,
    );
    return lines.map((line) => line + this.nl).join('');
  }

  /** The splice that sets a concept's label: its value, or a new line after the id. */
  relabel(map: YAMLMap, label: string): Splice {
    if (map.flow) throw new NotSpliceable();
    const value = keyPair(map, 'label')?.value;
    if (isScalar(value) && value.range && value.type !== 'BLOCK_FOLDED' && value.type !== 'BLOCK_LITERAL') {
      return { start: value.range[0], end: value.range[1], text: scalarText(label, value.type) };
    }
    const id = keyPair(map, 'id');
    if (value !== undefined || !isScalar(id?.key) || !isScalar(id.value) || !id.key.range || !id.value.range)
      throw new NotSpliceable();
    const column = id.key.range[0] - lineStartOf(this.text, id.key.range[0]);
    const at = lineEndAfter(this.text, id.value.range[1]);
    return this.insert({ at, dash: column, header: '' }, `${' '.repeat(column)}label: ${scalarText(label)}${this.nl}`);
  }

  block(region: { start: number; end: number }): string {
    const text = this.text.slice(region.start, region.end);
    return text.endsWith('\n') ? text : text + this.nl;
  }

  /** Indents (delta > 0) or dedents every line of a block. */
  shift(block: string, delta: number): string {
    if (delta === 0) return block;
    const pad = ' '.repeat(Math.abs(delta));
    const lines = block.split('\n').map((line, i, all) => {
      if (i === all.length - 1 || line.trim() === '') return line;
      if (delta > 0) return pad + line;
      if (!line.startsWith(pad)) throw new NotSpliceable();
      return line.slice(pad.length);
    });
    return lines.join('\n');
  }

  /** How far this file indents a list under its key ("concepts:" then "  - id:"); 2 when it cannot tell. */
  private listIndent(): number {
    const root = this.book.doc.contents;
    const key = isMap(root) ? keyPair(root, 'concepts')?.key : undefined;
    const top = this.book.top();
    if (!isScalar(key) || !key.range || !top?.items.length) return 2;
    const keyColumn = key.range[0] - lineStartOf(this.text, key.range[0]);
    return Math.max(0, this.region(top, 0).dash - keyColumn);
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.text[i] === ' ') i++;
    return i - lineStart;
  }
}

/** A string as a one-line YAML scalar, in the given quoting style when it has one. */
export function scalarText(value: string, style?: Scalar.Type): string {
  const doc = new Document(value);
  if ((style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') && isScalar(doc.contents)) doc.contents.type = style;
  const text = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  return text.includes('\n') ? JSON.stringify(value) : text;
}

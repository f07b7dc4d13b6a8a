import { isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { lineEndAfter, lineStartOf, type Splice } from '../sidecar/splice';
import { isKey } from './book';
import { NotSpliceable, scalarText } from './layout';

/** The order qcode writes a concept's keys in; a new key goes after the last one before it. */
export const KEY_ORDER = [
  'id',
  'label',
  'description',
  'inclusion',
  'exclusion',
  'examples',
  'memo',
  'color',
  'guid',
  'children',
];

/**
 * How a value is written: as one line, as the lines of a literal block (`|-`), or as YAML already
 * rendered on one line (a flow list) that is valid in block and flow context alike.
 */
export type Rendering = { kind: 'line' } | { kind: 'block' } | { kind: 'raw' };

/**
 * Splices that set or remove one scalar field of a concept, leaving everything else as it is: in a
 * block mapping only that field's lines change, in a flow mapping (`{id: a, label: A}`) only its
 * `key: value`. Throws NotSpliceable on layouts it does not handle.
 */
export class FieldSplices {
  private readonly nl: string;

  constructor(private readonly text: string) {
    this.nl = text.includes('\r\n') ? '\r\n' : '\n';
  }

  set(map: YAMLMap, key: string, value: string, rendering: Rendering): Splice[] {
    const pair = map.items.find((p) => isKey(p, key));
    if (map.flow)
      return [pair ? this.replaceInFlow(pair, value, rendering) : this.insertInFlow(map, key, value, rendering)];
    return pair ? this.replace(pair, value, rendering) : [this.insert(map, key, value, rendering)];
  }

  remove(map: YAMLMap, key: string): Splice[] {
    const index = map.items.findIndex((p) => isKey(p, key));
    const pair = map.items[index];
    if (!pair) return [];
    if (map.flow) return [this.removeInFlow(map, index)];
    const keyStart = this.rangeOf(pair.key)[0];
    const lineStart = lineStartOf(this.text, keyStart);
    if (this.text.slice(lineStart, keyStart).trim() === '')
      return [{ start: lineStart, end: this.endOf(pair), text: '' }];
    // The first key, on the line of the item's "-": the next key takes its place there.
    const next = map.items[index + 1];
    if (!next) throw new NotSpliceable();
    return [{ start: keyStart, end: this.rangeOf(next.key)[0], text: '' }];
  }

  private replace(pair: Pair, value: string, rendering: Rendering): Splice[] {
    const node = pair.value;
    if (!isScalar(node)) throw new NotSpliceable();
    const [start, end] = this.rangeOf(node);
    const column = this.columnOf(pair);
    const wasBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    // An empty value ("examples:") starts right after its colon.
    if (rendering.kind === 'raw')
      return [
        {
          start,
          end: wasBlock ? lineEndAfter(this.text, end) : end,
          text: `${this.text[start - 1] === ':' ? ' ' : ''}${value}${wasBlock ? this.nl : ''}`,
        },
      ];
    if (rendering.kind === 'line') {
      const line = scalarText(value, wasBlock ? undefined : node.type);
      return [
        wasBlock ? { start, end: lineEndAfter(this.text, end), text: line + this.nl } : { start, end, text: line },
      ];
    }
    const lines = this.blockLines(value, column);
    if (wasBlock) return [{ start, end: lineEndAfter(this.text, end), text: `|-${this.nl}${lines}` }];
    // A comment after the old value stays on the header line.
    return [
      { start, end, text: '|-' },
      {
        start: lineEndAfter(this.text, end),
        end: lineEndAfter(this.text, end),
        text: this.breakAtEnd(lineEndAfter(this.text, end)) + lines,
      },
    ];
  }

  private insert(map: YAMLMap, key: string, value: string, rendering: Rendering): Splice {
    const before = this.lastBefore(map, key);
    if (!before) throw new NotSpliceable();
    const column = this.columnOf(before);
    const at = this.endOf(before);
    const head = `${' '.repeat(column)}${key}: `;
    const body =
      rendering.kind === 'block'
        ? `|-${this.nl}${this.blockLines(value, column)}`
        : `${rendering.kind === 'raw' ? value : scalarText(value)}${this.nl}`;
    return { start: at, end: at, text: this.breakAtEnd(at) + head + body };
  }

  private replaceInFlow(pair: Pair, value: string, rendering: Rendering): Splice {
    const node = pair.value;
    if (rendering.kind === 'block' || !isScalar(node)) throw new NotSpliceable();
    const [start, end] = this.rangeOf(node);
    if (rendering.kind === 'raw') return { start, end, text: value };
    return {
      start,
      end,
      text: node.type === 'QUOTE_SINGLE' ? scalarText(value, 'QUOTE_SINGLE') : JSON.stringify(value),
    };
  }

  /** `, key: "value"` after the last key before it; keys quoted as that key is (JSON). */
  private insertInFlow(map: YAMLMap, key: string, value: string, rendering: Rendering): Splice {
    const before = this.lastBefore(map, key);
    if (rendering.kind === 'block' || !before || !isScalar(before.key)) throw new NotSpliceable();
    const name = before.key.type === 'QUOTE_DOUBLE' ? JSON.stringify(key) : key;
    const at = this.rangeOf(before.value)[1];
    return { start: at, end: at, text: `, ${name}: ${rendering.kind === 'raw' ? value : JSON.stringify(value)}` };
  }

  /** The pair with the comma before it, or (the first) up to the next key. */
  private removeInFlow(map: YAMLMap, index: number): Splice {
    const pair = map.items[index] as Pair;
    const previous = map.items[index - 1];
    const next = map.items[index + 1];
    if (previous)
      return { start: this.rangeOf(previous.value)[1], end: this.rangeOf(pair.value ?? pair.key)[1], text: '' };
    if (!next) throw new NotSpliceable();
    return { start: this.rangeOf(pair.key)[0], end: this.rangeOf(next.key)[0], text: '' };
  }

  /** The last scalar field of the map that qcode writes before `key`. */
  private lastBefore(map: YAMLMap, key: string): Pair | undefined {
    const rank = KEY_ORDER.indexOf(key);
    return map.items
      .filter((p) => isScalar(p.key) && KEY_ORDER.indexOf(String(p.key.value)) < rank && isScalar(p.value))
      .at(-1);
  }

  /** The value's lines, each indented two further than its key; blank lines stay empty. */
  private blockLines(value: string, keyColumn: number): string {
    const pad = ' '.repeat(keyColumn + 2);
    return value
      .split('\n')
      .map((line) => (line === '' ? this.nl : pad + line + this.nl))
      .join('');
  }

  /** Where a pair's lines end: after the line break that ends its value. */
  private endOf(pair: Pair): number {
    return lineEndAfter(this.text, this.rangeOf(pair.value ?? pair.key)[1]);
  }

  private columnOf(pair: Pair): number {
    const start = this.rangeOf(pair.key)[0];
    return start - lineStartOf(this.text, start);
  }

  private rangeOf(node: unknown): [number, number] {
    const range = (node as Scalar | undefined)?.range;
    if (!range) throw new NotSpliceable();
    return [range[0], range[1]];
  }

  /** A line break to write first, when inserting at the end of a file that does not end with one. */
  private breakAtEnd(at: number): string {
    return at === this.text.length && this.text.length > 0 && !this.text.endsWith('\n') ? this.nl : '';
  }
}

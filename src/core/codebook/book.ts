import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { message, type Message } from '../messages';
import { CONFLICT_ADVICE_MESSAGE, findConflictMarker } from '../text/conflictMarkers';

const PARSE_OPTIONS = { version: '1.2', uniqueKeys: true, prettyErrors: false } as const;

export interface Located {
  id: string;
  map: YAMLMap;
  seq: YAMLSeq;
  index: number;
  parent?: Located;
}

/** The parsed codebook with every concept located in it. */
export class Book {
  private readonly byId = new Map<string, Located>();

  private constructor(readonly doc: Document) {
    const top = this.top();
    if (top) this.walk(top, undefined);
  }

  /** The codebook, or why it cannot be edited. */
  static open(text: string): Book | Message {
    if (findConflictMarker(text) !== undefined)
      return message('codebook.yaml: {advice}', { advice: CONFLICT_ADVICE_MESSAGE });
    const doc = parseDocument(text, PARSE_OPTIONS);
    const error = doc.errors[0];
    if (error)
      return message('codebook.yaml is not valid YAML ({error}). Fix it first.', {
        error: error.message.split('\n')[0] ?? '',
      });
    const contents = doc.contents;
    if (contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null))
      return message('codebook.yaml must be a mapping with a "concepts:" list. Fix it first.');
    const concepts = isMap(contents) ? contents.get('concepts', true) : undefined;
    if (concepts !== undefined && !isSeq(concepts) && !(isScalar(concepts) && concepts.value === null))
      return message('The "concepts:" of codebook.yaml must be a list. Fix it first.');
    return new Book(doc);
  }

  get(id: string): Located | undefined {
    return this.byId.get(id);
  }

  /** Whether `id` is `ancestorId` or below it. */
  within(id: string, ancestorId: string): boolean {
    for (let at = this.byId.get(id); at; at = at.parent) if (at.id === ancestorId) return true;
    return false;
  }

  top(): YAMLSeq | undefined {
    const concepts = isMap(this.doc.contents) ? this.doc.contents.get('concepts', true) : undefined;
    return isSeq(concepts) ? concepts : undefined;
  }

  children(map: YAMLMap): YAMLSeq | undefined {
    const children = map.get('children', true);
    return isSeq(children) ? children : undefined;
  }

  /** Takes a concept out of its list; a `children:` left empty goes too. */
  detach(at: Located): void {
    at.seq.items.splice(at.seq.items.indexOf(at.map), 1);
    if (at.parent && at.seq.items.length === 0) at.parent.map.delete('children');
  }

  attach(nodes: Node[], parent: Located | undefined): void {
    if (!parent && !isMap(this.doc.contents)) this.doc.contents = this.doc.createNode({});
    const map = parent ? parent.map : (this.doc.contents as unknown as YAMLMap);
    const key = parent ? 'children' : 'concepts';
    const existing: unknown = map.get(key, true);
    const seq = isSeq(existing) ? existing : (this.doc.createNode([]) as YAMLSeq);
    if (seq !== existing) map.set(key, seq);
    seq.items.push(...nodes);
  }

  private walk(seq: YAMLSeq, parent: Located | undefined): void {
    seq.items.forEach((map, index) => {
      if (!isMap(map)) return;
      const id = idOf(map);
      if (id === undefined || this.byId.has(id)) return;
      const at: Located = { id, map, seq, index, ...(parent ? { parent } : {}) };
      this.byId.set(id, at);
      const children = this.children(map);
      if (children) this.walk(children, at);
    });
  }
}

function idOf(map: YAMLMap): string | undefined {
  const id = map.get('id', true);
  if (!isScalar(id)) return undefined;
  if (typeof id.value === 'string') return id.value;
  // A number as written (1.10), as readCodebook reads it.
  if (typeof id.value === 'number') return id.source ?? String(id.value);
  return undefined;
}

export function isKey(pair: Pair, key: string): boolean {
  return isScalar(pair.key) && pair.key.value === key;
}

export function keyPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isKey(pair, key));
}

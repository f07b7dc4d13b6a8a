import { isMap, isScalar, isSeq, Scalar, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineEndAfter, lineStartOf } from '../sidecar/splice';
import { parseYaml, scalarText } from '../yaml/yamlNodes';
import { sameValue } from './threeWay';

/** A stretch of text, [start, end). */
export interface Region {
  start: number;
  end: number;
}

/** The document as text: one value, one line, flow lists as qcode writes them (`[a, b]`). */
export function serialise(doc: Document): string {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Every mapping in the document that has `key: <text>`, by that text (the first of each). */
export function mapsByKey(doc: Document, key: string): Map<string, YAMLMap> {
  const maps = new Map<string, YAMLMap>();
  visit(doc, {
    Map: (_, map) => {
      const id = scalarText(map.get(key, true));
      if (id !== undefined && !maps.has(id)) maps.set(id, map);
    },
  });
  return maps;
}

/** The lines of each block-list item that has `key: <text>`, by that text. */
export function itemRegions(text: string, key: string): Map<string, Region> {
  const regions = new Map<string, Region>();
  const doc = parseYaml(text);
  if (doc.errors.length > 0) return regions;
  for (const [id, map] of mapsByKey(doc, key)) {
    if (!map.range || map.flow) continue;
    const start = lineStartOf(text, map.range[0]);
    if (!/^[ \t]*- /.test(text.slice(start, map.range[0] + 1))) continue;
    regions.set(id, { start, end: lineEndAfter(text, map.range[1]) });
  }
  return regions;
}

/** The list under `key` of the document's top mapping, made when missing. */
export function topList(doc: Document, key: string): YAMLSeq {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({});
  const map = doc.contents as YAMLMap;
  const existing: unknown = map.get(key, true);
  if (isSeq(existing)) return existing;
  const seq = doc.createNode([]) as YAMLSeq;
  map.set(key, seq);
  return seq;
}

/**
 * Sets or removes each field whose desired value differs from the current one. A changed value
 * keeps its comment and quoting; a new key goes before the first key that comes after it in
 * `order` (or at the end).
 */
export function updateFields(
  doc: Document,
  map: YAMLMap,
  current: Readonly<Record<string, unknown>>,
  desired: Readonly<Record<string, unknown>>,
  order: readonly string[] = [],
): void {
  for (const key of new Set([...Object.keys(current), ...Object.keys(desired)])) {
    const value = desired[key];
    if (sameValue(value, current[key])) continue;
    const index = map.items.findIndex((pair) => scalarText(pair.key) === key);
    const pair = map.items[index];
    if (value === undefined) {
      if (pair) map.items.splice(index, 1);
    } else if (pair) pair.value = restyled(doc.createNode(value), pair.value);
    else {
      // A key the order does not name goes before the order's last key (a concept's children).
      const rank = order.includes(key) ? order.indexOf(key) : order.length - 1.5;
      const at = order.length === 0 ? -1 : map.items.findIndex((p) => order.indexOf(scalarText(p.key) ?? '') > rank);
      map.items.splice(
        at < 0 ? map.items.length : at,
        0,
        doc.createPair(key, restyled(doc.createNode(value), undefined)),
      );
    }
  }
}

/**
 * A new value node with the comment and (for text) the quoting of the one it replaces; a list
 * keeps its style, and a new list of text is written on one line (`[a, b]`).
 */
function restyled(node: unknown, old: unknown): unknown {
  if (isSeq(node)) node.flow = isSeq(old) ? old.flow : node.items.every(isScalar);
  if (!isScalar(node) || !isScalar(old)) return node;
  node.comment = old.comment;
  if (
    typeof node.value === 'string' &&
    typeof old.value === 'string' &&
    old.type !== Scalar.BLOCK_FOLDED &&
    old.type !== Scalar.BLOCK_LITERAL
  )
    node.type = old.type;
  return node;
}

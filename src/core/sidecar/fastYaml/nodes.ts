import { isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ScalarTag } from 'yaml';
import { decline } from './decline';
import { plainTag, SCHEMA_DOCUMENT } from './resolve';

/**
 * yaml's node constructors give every node its type with Object.defineProperty, which costs more
 * than all the rest the fast reader does per node. These prototypes carry the type instead, where
 * yaml's isScalar, isMap, isSeq and isPair look it up just as well, so that a node is made by plain
 * assignment. The nodes are still instances of yaml's classes, with their methods, and have the
 * same own properties as theirs.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');

function typed<T extends object>(prototype: T, type: string, more: PropertyDescriptorMap = {}): T {
  return Object.create(prototype, { [NODE_TYPE]: { value: Symbol.for(type) }, ...more }) as T;
}

const SCALAR = typed(Scalar.prototype, 'yaml.scalar');
const PAIR = typed(Pair.prototype, 'yaml.pair');

export function scalarNode(value: unknown): Scalar {
  const scalar = Object.create(SCALAR) as Scalar;
  scalar.value = value;
  return scalar;
}

export function pairNode(key: Scalar, value: Node): Pair<Scalar, Node> {
  const pair = Object.create(PAIR) as Pair<Scalar, Node>;
  pair.key = key;
  pair.value = value;
  return pair;
}

const COLLECTION = { schema: { value: SCHEMA_DOCUMENT.schema, configurable: true, writable: true } };
const MAP = typed(YAMLMap.prototype, 'yaml.map', COLLECTION);
const LIST = typed(YAMLSeq.prototype, 'yaml.seq', COLLECTION);

export function mapNode(): YAMLMap {
  const map = Object.create(MAP) as YAMLMap;
  map.items = [];
  return map;
}

export function listNode(): YAMLSeq {
  const list = Object.create(LIST) as YAMLSeq;
  list.items = [];
  return list;
}

export type Range = [number, number, number];

/** A plain scalar as composeScalar makes it: the first default tag whose test it passes resolves it. */
export function plainScalar(source: string, range: Range): Scalar {
  const tag = plainTag(source);
  const scalar = tag ? resolved(tag, source) : scalarNode(source);
  scalar.range = range;
  scalar.source = source;
  scalar.type = Scalar.PLAIN;
  return scalar;
}

function resolved(tag: ScalarTag, source: string): Scalar {
  let failed = false;
  let value: unknown;
  try {
    value = tag.resolve(source, () => (failed = true), SCHEMA_DOCUMENT.options);
  } catch {
    decline();
  }
  if (failed) decline();
  const scalar = isScalar(value) ? value : scalarNode(value);
  if (tag.format) scalar.format = tag.format;
  return scalar;
}

/** A quoted scalar: always text. */
export function quotedScalar(value: string, type: Scalar.Type, range: Range): Scalar {
  const scalar = scalarNode(value);
  scalar.range = range;
  scalar.source = value;
  scalar.type = type;
  return scalar;
}

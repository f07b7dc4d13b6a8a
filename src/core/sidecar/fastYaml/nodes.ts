import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { YAML_OPTIONS } from '../../yaml/yamlFile';

/**
 * yaml's node constructors give every node its type with Object.defineProperty, which costs more
 * than all the rest the fast reader does per node. These prototypes carry the type instead, where
 * yaml's isScalar, isMap, isSeq and isPair look it up just as well, so that a node is made by plain
 * assignment. The nodes are still instances of yaml's classes, with their methods, and have the
 * same own properties as theirs.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');

/** The schema and options every sidecar is read with. */
export const SCHEMA_DOCUMENT = new Document(undefined, YAML_OPTIONS);

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

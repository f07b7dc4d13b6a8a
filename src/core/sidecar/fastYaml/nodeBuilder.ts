import { Document, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { YAML_OPTIONS, type PrebuiltYaml } from '../../yaml/yamlFile';
import { decline } from './decline';
import { listNode, mapNode, pairNode, plainScalar, quotedScalar } from './nodes';
import { BlockScanner, type ScalarStyle, type YamlBuilder } from './scanner';

const QUOTES = { double: Scalar.QUOTE_DOUBLE, single: Scalar.QUOTE_SINGLE } as const;

/** Builds the nodes parseDocument would, with the same ranges. */
class NodeBuilder implements YamlBuilder<Node, YAMLMap<Scalar, Node>, YAMLSeq, YAMLSeq> {
  scalar(style: ScalarStyle, text: string, start: number, valueEnd: number, end: number): Node {
    return style === 'plain'
      ? plainScalar(text, [start, valueEnd, end])
      : quotedScalar(text, QUOTES[style], [start, valueEnd, end]);
  }

  empty(at: number): Node {
    return plainScalar('', [at, at, at]);
  }

  flowList(start: number): YAMLSeq {
    const list = listNode();
    list.flow = true;
    list.range = [start, start, start];
    return list;
  }

  flowItem(list: YAMLSeq, item: Node): void {
    list.items.push(item);
  }

  flowEnd(list: YAMLSeq, closeEnd: number, end: number): Node {
    list.range = [(list.range as number[])[0] as number, closeEnd, end];
    return list;
  }

  map(): YAMLMap<Scalar, Node> {
    return mapNode() as YAMLMap<Scalar, Node>;
  }

  pair(map: YAMLMap<Scalar, Node>, key: string, keyStart: number, keyEnd: number, value: Node): void {
    const keyNode = plainScalar(key, [keyStart, keyEnd, keyEnd]);
    for (const pair of map.items) if (pair.key.value === keyNode.value) decline();
    map.items.push(pairNode(keyNode, value) as Pair<Scalar, Node>);
  }

  mapEnd(map: YAMLMap<Scalar, Node>): Node {
    const first = (map.items[0] as Pair<Scalar, Node>).key.range as number[];
    const last = (map.items[map.items.length - 1] as Pair<Scalar, Node>).value?.range as number[];
    map.range = [first[0] as number, last[2] as number, last[2] as number];
    return map;
  }

  list(dash: number): YAMLSeq {
    const list = listNode();
    list.range = [dash, dash, dash];
    return list;
  }

  listItem(list: YAMLSeq, item: Node): void {
    list.items.push(item);
  }

  listEnd(list: YAMLSeq): Node {
    const last = (list.items[list.items.length - 1] as Node).range as number[];
    list.range = [(list.range as number[])[0] as number, last[2] as number, last[2] as number];
    return list;
  }
}

const BUILDER = new NodeBuilder();

/**
 * The document of block-style YAML as qcode writes it (see BlockScanner), with the nodes and
 * ranges parseDocument gives, and the offsets where its lines start; declines anything else.
 */
export function readBlockYaml(text: string): PrebuiltYaml {
  const document = new Document(undefined, YAML_OPTIONS);
  document.contents = new BlockScanner(text, BUILDER).read();
  return { document: document as Document.Parsed, lineStarts: lineStarts(text) };
}

/** Where each line starts, as yaml's LineCounter counts them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1))
    starts.push(newline + 1);
  return starts;
}

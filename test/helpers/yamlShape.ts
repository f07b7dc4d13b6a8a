import { isAlias, isMap, isScalar, isSeq } from 'yaml';

/** The parts of a YAML node that readers and writers use, as plain data: kinds, values, styles, ranges. */
export function yamlShape(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isScalar(node)) {
    const { value, type, source, format, tag, anchor, range } = node;
    return { scalar: value, type, source, format, tag, anchor, range, minFractionDigits: node.minFractionDigits };
  }
  if (isMap(node))
    return {
      map: node.items.map((p) => [yamlShape(p.key), yamlShape(p.value)]),
      flow: Boolean(node.flow),
      tag: node.tag,
      anchor: node.anchor,
      range: node.range,
    };
  if (isSeq(node))
    return {
      seq: node.items.map(yamlShape),
      flow: Boolean(node.flow),
      tag: node.tag,
      anchor: node.anchor,
      range: node.range,
    };
  if (isAlias(node)) return { alias: node.source, range: node.range };
  return { unknown: String(node) };
}

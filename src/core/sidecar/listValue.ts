import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Annotation } from './annotation';
import type { ParsedSidecar } from './readSidecar';
import { renderAnnotations, renderFlowAnnotations, withLineBreak } from './render';
import { dashBefore, lineEndAfter, lineStartOf, trimEndOffset } from './splice';

/** A way of writing the whole list: the new text, or undefined when the layout does not allow it. */
export type Candidate = () => string | undefined;

/**
 * Ways to write the whole annotation list into a sidecar, safest for the layout last: the value of
 * `annotations:` re-rendered as a block list, then as a one-line flow list (valid inside flow
 * mappings too); or, when the sidecar has no `annotations:` yet, that key added to its mapping.
 * Everything outside the list's value stays as it is.
 */
export function listCandidates(
  text: string,
  parsed: ParsedSidecar,
  annotations: readonly Annotation[],
  lineBreak: string,
): Candidate[] {
  const pair = parsed.annotationsPair;
  const root = parsed.file.document?.contents;
  if (pair) {
    const dash = listDash(text, parsed) ?? columnOf(text, pair.key as Node) + 2;
    return [
      () => replaceValue(text, pair, blockValue(annotations, dash, lineBreak)),
      () => replaceValue(text, pair, ` ${renderFlowAnnotations(annotations)}`),
    ];
  }
  if (!isMap(root)) return [];
  if (root.flow) return [() => addToFlowMap(text, root, annotations)];
  const column = root.items[0] ? columnOf(text, root.items[0].key as Node) : 0;
  const block = `${' '.repeat(column)}annotations:${blockValue(annotations, column + 2, lineBreak)}${lineBreak}`;
  return [
    () => insertLines(text, text.length, block, lineBreak),
    () => insertLines(text, lineEndAfter(text, root.range?.[1] ?? text.length), block, lineBreak),
  ];
}

/** The value text after "annotations:": " []", or the items on the lines below, the last without its line break. */
function blockValue(annotations: readonly Annotation[], dash: number, lineBreak: string): string {
  if (annotations.length === 0) return ' []';
  const items = renderAnnotations(annotations, dash);
  return withLineBreak(`\n${items.slice(0, -1)}`, lineBreak);
}

function replaceValue(text: string, pair: Pair, value: string): string | undefined {
  const keyEnd = (pair.key as Node | null)?.range?.[1];
  if (keyEnd === undefined) return undefined;
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0) return undefined;
  const end = Math.max(trimEndOffset(text, colon + 1, (pair.value as Node | null)?.range?.[1] ?? colon + 1), colon + 1);
  const lineEnd = lineContentEnd(text, end);
  const rest = text.slice(end, lineEnd);
  // "annotations: []  # a note" keeps its note on that line when the items go on the lines below.
  if (/^[ \t]+#/.test(rest) && /^\r?\n/.test(value) && !text.slice(colon + 1, end).includes('\n'))
    return text.slice(0, colon + 1) + rest + value + text.slice(lineEnd);
  return text.slice(0, colon + 1) + value + text.slice(end);
}

/** Where the line holding `offset` ends, before its line break. */
function lineContentEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > offset && text[newline - 1] === '\r' ? newline - 1 : newline;
}

function addToFlowMap(text: string, root: YAMLMap, annotations: readonly Annotation[]): string | undefined {
  const last = root.items[root.items.length - 1];
  const end = (last?.value as Node | null | undefined)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1];
  if (end === undefined) return undefined;
  return `${text.slice(0, end)}, annotations: ${renderFlowAnnotations(annotations)}${text.slice(end)}`;
}

function insertLines(text: string, offset: number, lines: string, lineBreak: string): string {
  const lead = offset > 0 && text[offset - 1] !== '\n' ? lineBreak : '';
  return text.slice(0, offset) + lead + lines + text.slice(offset);
}

/** The column of the "-" of the first item of a block list already there. */
function listDash(text: string, parsed: ParsedSidecar): number | undefined {
  const first = parsed.list && !parsed.list.flow ? (parsed.list.items[0] as Node | undefined)?.range?.[0] : undefined;
  const dash = first === undefined ? undefined : dashBefore(text, first);
  return dash === undefined ? undefined : dash - lineStartOf(text, dash);
}

/** The 0-based column of a node; a byte order mark before the first line takes none. */
function columnOf(text: string, node: Node): number {
  const start = node.range?.[0] ?? 0;
  const lineStart = lineStartOf(text, start);
  return start - lineStart - (lineStart === 0 && text.startsWith('\uFEFF') ? 1 : 0);
}

import fc from 'fast-check';
import { ANNOTATION_KEYS, type Annotation, type AnnotationKey } from '../../src/core/sidecar/annotation';
import { renderFlowList, renderScalar } from '../../src/core/sidecar/render';
import { formatRange } from '../../src/core/text/position';
import { quotable } from './handSidecar';

/**
 * Every way of writing a sidecar that `qcode check` accepts, as far as the writers must keep it:
 * block or flow items or both, a flow list, a whole document in JSON, any quoting and block
 * scalars, comments anywhere, CRLF, BOM, document markers, other key orders, blank lines.
 */
export interface SidecarStyle {
  /** How the list is written: block items ("- "), one flow list [..], or the whole file as JSON. */
  list: 'block' | 'flow-list' | 'json';
  /** Block list items: as mappings, as {flow} mappings, or a mix; "dash-alone" puts "-" on a line of its own. */
  items: 'block' | 'flow' | 'mixed' | 'dash-alone';
  /** Column of the "-" of block items (0: an indentless list). */
  indent: 0 | 2 | 4;
  scalars: 'qcode' | 'single' | 'double' | 'literal' | 'folded' | 'plain-folded' | 'mixed';
  blockConcepts: boolean;
  /** Flow items and flow lists broken over several lines. */
  multiline: boolean;
  comments: boolean;
  blankLines: boolean;
  keyOrder: 'qcode' | 'reversed' | 'concepts-last';
  /** Top-level keys: qcode's order, or the list before "transcript". */
  listFirst: boolean;
  /** How an empty list is written. */
  empty: '[]' | 'null' | '~' | 'missing';
  markers: 'none' | 'start' | 'both' | 'directive';
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
}

export const sidecarStyleArb: fc.Arbitrary<SidecarStyle> = fc.record({
  list: fc.constantFrom('block' as const, 'block' as const, 'flow-list' as const, 'json' as const),
  items: fc.constantFrom('block' as const, 'flow' as const, 'mixed' as const, 'dash-alone' as const),
  indent: fc.constantFrom(0 as const, 2 as const, 4 as const),
  scalars: fc.constantFrom(
    'qcode' as const,
    'single' as const,
    'double' as const,
    'literal' as const,
    'folded' as const,
    'plain-folded' as const,
    'mixed' as const,
  ),
  blockConcepts: fc.boolean(),
  multiline: fc.boolean(),
  comments: fc.boolean(),
  blankLines: fc.boolean(),
  keyOrder: fc.constantFrom('qcode' as const, 'reversed' as const, 'concepts-last' as const),
  listFirst: fc.boolean(),
  empty: fc.constantFrom('[]' as const, 'null' as const, '~' as const, 'missing' as const),
  markers: fc.constantFrom('none' as const, 'start' as const, 'both' as const, 'directive' as const),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

const SCALAR_STYLES = ['qcode', 'single', 'double', 'literal', 'folded', 'plain-folded'] as const;
type ScalarStyle = (typeof SCALAR_STYLES)[number];

/** Can be a |- block scalar: printable lines, the first not starting with white space, no line break at either end. */
function literalSafe(value: string): boolean {
  const lines = value.split('\n');
  return (
    value !== '' &&
    lines.every(quotable) &&
    !/^[ \t]/.test(value) &&
    !value.startsWith('\n') &&
    !value.endsWith('\n') &&
    !/[ \t]$/.test(lines[lines.length - 1] as string)
  );
}

/** One value in a block mapping whose keys are at column `keyColumn`; `salt` picks the style in "mixed". */
export function blockScalar(
  value: string,
  style: Pick<SidecarStyle, 'scalars'>,
  salt: number,
  keyColumn: number,
): string {
  const chosen: ScalarStyle =
    style.scalars === 'mixed' ? (SCALAR_STYLES[salt % SCALAR_STYLES.length] as ScalarStyle) : style.scalars;
  const pad = ' '.repeat(keyColumn + 2);
  const plain = renderScalar(value);
  if (chosen === 'single' && quotable(value)) return `'${value.replace(/'/g, "''")}'`;
  if (chosen === 'double' && quotable(value)) return JSON.stringify(value);
  if (chosen === 'literal' && literalSafe(value))
    return `|-\n${value
      .split('\n')
      .map((line) => (line === '' ? '' : pad + line))
      .join('\n')}`;
  const foldAt = /(?<=\S) (?=[\p{L}\p{N}])/u.exec(value);
  if (chosen === 'folded' && foldAt && quotable(value) && literalSafe(value) && !/ {2}|\t/.test(value))
    return `>-\n${pad}${value.slice(0, foldAt.index)}\n${pad}${value.slice(foldAt.index + 1)}`;
  if (chosen === 'plain-folded' && foldAt && plain === value && !/ {2}|\t/.test(value))
    return `${value.slice(0, foldAt.index)}\n${pad}${value.slice(foldAt.index + 1)}`;
  return plain;
}

/** One value inside [ ] or { }, where "," "[" "{" need quotes too; always JSON-style in a JSON document. */
export function flowScalar(value: string, style: Pick<SidecarStyle, 'scalars' | 'list'>, salt: number): string {
  const chosen = style.scalars === 'mixed' ? (['qcode', 'single', 'double'] as const)[salt % 3] : style.scalars;
  if (chosen === 'single' && quotable(value)) return `'${value.replace(/'/g, "''")}'`;
  if ((chosen === 'double' || style.list === 'json') && quotable(value)) return JSON.stringify(value);
  return renderFlowList([value]).slice(1, -1);
}

/** The transcript name at the top level, in one of the one-line styles. */
function headerScalar(value: string, style: SidecarStyle): string {
  if (style.scalars === 'single' && quotable(value)) return `'${value.replace(/'/g, "''")}'`;
  if (style.scalars === 'double' && quotable(value)) return JSON.stringify(value);
  return renderScalar(value);
}

function keysOf(annotation: Annotation, style: SidecarStyle): AnnotationKey[] {
  const keys = ANNOTATION_KEYS.filter((key) => annotation[key] !== undefined);
  if (style.keyOrder === 'reversed') return [...keys].reverse();
  if (style.keyOrder === 'concepts-last') return [...keys.filter((k) => k !== 'concepts'), 'concepts'];
  return keys;
}

function valueText(annotation: Annotation, key: AnnotationKey): string {
  if (key === 'key') return String(annotation.key); // a boolean, never quoted
  return key === 'range'
    ? formatRange(annotation.range ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } })
    : (annotation[key] as string);
}

function flowItem(annotation: Annotation, style: SidecarStyle, salt: number, continuation: string): string {
  const fields = keysOf(annotation, style).map((key, i) => {
    const value =
      key === 'concepts'
        ? `[${annotation.concepts.map((c, j) => flowScalar(c, style, salt + j)).join(', ')}]`
        : key === 'key'
          ? valueText(annotation, key)
          : flowScalar(valueText(annotation, key), style, salt + i);
    return `${style.list === 'json' ? JSON.stringify(key) : key}: ${value}`;
  });
  return `{${fields.join(style.multiline ? `,\n${continuation}` : ', ')}}`;
}

function blockItem(annotation: Annotation, style: SidecarStyle, salt: number): string[] {
  const dash = ' '.repeat(style.indent);
  const keyColumn = style.indent + 2;
  const pad = ' '.repeat(keyColumn);
  const lines = style.items === 'dash-alone' ? [`${dash}-${style.comments ? ' # the item' : ''}`] : [];
  keysOf(annotation, style).forEach((key, i) => {
    const lead = lines.length === 0 ? `${dash}- ` : pad;
    const note = style.comments && (key === 'id' || key === 'range') ? `  # ${key}` : '';
    if (key === 'concepts' && style.blockConcepts)
      lines.push(
        `${lead}concepts:`,
        ...annotation.concepts.map((c, j) => `${pad}  - ${blockScalar(c, style, salt + j, keyColumn + 2)}`),
      );
    else if (key === 'concepts')
      lines.push(`${lead}concepts: [${annotation.concepts.map((c, j) => flowScalar(c, style, salt + j)).join(', ')}]`);
    else
      lines.push(
        `${lead}${key}: ${key === 'range' || key === 'id' || key === 'key' ? valueText(annotation, key) : blockScalar(valueText(annotation, key), style, salt + i, keyColumn)}${note}`,
      );
    if (style.comments && i === 0) lines.push(`${pad}# inside the item`);
  });
  return lines;
}

function listLines(annotations: readonly Annotation[], style: SidecarStyle): string[] {
  if (annotations.length === 0) {
    if (style.empty === 'missing') return [];
    return [`annotations:${{ '[]': ' []', null: '', '~': ' ~' }[style.empty]}${style.comments ? '  # none yet' : ''}`];
  }
  if (style.list === 'flow-list') {
    const items = annotations.map((a, i) => flowItem(a, style, i, '    '));
    return style.multiline
      ? ['annotations: [', ...items.map((item, i) => `  ${item}${i < items.length - 1 ? ',' : ''}`), '  ]']
      : [`annotations: [${items.join(', ')}]`];
  }
  const lines = [`annotations:${style.comments ? '  # the coded passages' : ''}`];
  annotations.forEach((annotation, i) => {
    if (i > 0 && style.blankLines) lines.push('');
    if (style.comments) lines.push(`${' '.repeat(style.indent)}# item ${i + 1}`);
    const flow = style.items === 'flow' || (style.items === 'mixed' && i % 2 === 1);
    if (flow)
      lines.push(`${' '.repeat(style.indent)}- ${flowItem(annotation, style, i, ' '.repeat(style.indent + 3))}`);
    else lines.push(...blockItem(annotation, style, i));
  });
  return lines;
}

function jsonDocument(transcript: string, annotations: readonly Annotation[], style: SidecarStyle): string[] {
  const fields = [`"qcode": 1`, `"transcript": ${flowScalar(transcript, style, 0)}`];
  if (annotations.length > 0 || style.empty !== 'missing')
    fields.push(`"annotations": [${annotations.map((a, i) => flowItem(a, style, i, '  ')).join(', ')}]`);
  return style.multiline
    ? ['{', ...fields.map((f, i) => `  ${f}${i < fields.length - 1 ? ',' : ''}`), '}']
    : [`{${fields.join(', ')}}`];
}

/** A whole sidecar holding `annotations` (in this order) for `transcript`, written in `style`. */
export function styledSidecar(transcript: string, annotations: readonly Annotation[], style: SidecarStyle): string {
  const lines: string[] = [];
  if (style.markers === 'directive') lines.push('%YAML 1.2');
  if (style.markers !== 'none') lines.push('---');
  if (style.comments) lines.push('# Annotations, edited by hand.');
  if (style.list === 'json') lines.push(...jsonDocument(transcript, annotations, style));
  else {
    const list = listLines(annotations, style);
    const header = [`qcode: 1`, `transcript: ${headerScalar(transcript, style)}`];
    lines.push(...(style.listFirst ? [header[0] as string, ...list, header[1] as string] : [...header, ...list]));
  }
  if (style.blankLines) lines.push('');
  if (style.comments) lines.push('# end of annotations');
  if (style.markers === 'both') lines.push('...');
  const text = lines.join('\n') + (style.finalNewline ? '\n' : '');
  // Values never hold a raw line break (those are written as escapes), so every \n here is one between lines.
  return (style.bom ? '\uFEFF' : '') + (style.crlf ? text.replace(/\n/g, '\r\n') : text);
}

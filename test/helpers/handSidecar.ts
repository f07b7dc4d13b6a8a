import fc from 'fast-check';
import { ANNOTATION_KEYS, type Annotation } from '../../src/core/sidecar/annotation';
import { renderFlowList, renderScalar } from '../../src/core/sidecar/render';
import { formatRange } from '../../src/core/text/position';

/** How a person might have edited a sidecar by hand: all of these mean the same annotations. */
export interface HandStyle {
  /** Spaces before "- " of the list items (qcode writes 2). */
  indent: 0 | 2 | 4;
  /** How scalars are quoted: as qcode does, in 'single' or "double" quotes where possible, or a mix. */
  quoting: 'qcode' | 'single' | 'double' | 'mixed';
  /** concepts as a block list ("- a" lines) instead of [a, b]. */
  blockConcepts: boolean;
  commentsBetweenItems: boolean;
  commentInsideItem: boolean;
  blankLinesBetweenItems: boolean;
  trailingComment: boolean;
  finalNewline: boolean;
  /** Keys in another order than qcode writes them: concepts last. */
  conceptsLast: boolean;
  /** Windows line breaks, as git's autocrlf checks files out. */
  crlf: boolean;
}

export const QCODE_STYLE: HandStyle = {
  indent: 2,
  quoting: 'qcode',
  blockConcepts: false,
  commentsBetweenItems: false,
  commentInsideItem: false,
  blankLinesBetweenItems: false,
  trailingComment: false,
  finalNewline: true,
  conceptsLast: false,
  crlf: false,
};

export const handStyleArb: fc.Arbitrary<HandStyle> = fc.record({
  indent: fc.constantFrom(0 as const, 2 as const, 4 as const),
  quoting: fc.constantFrom('qcode' as const, 'single' as const, 'double' as const, 'mixed' as const),
  blockConcepts: fc.boolean(),
  commentsBetweenItems: fc.boolean(),
  commentInsideItem: fc.boolean(),
  blankLinesBetweenItems: fc.boolean(),
  trailingComment: fc.boolean(),
  finalNewline: fc.boolean(),
  conceptsLast: fc.boolean(),
  crlf: fc.boolean(),
});

/** Printable on one line (tab allowed), so it can be written in 'single' or JSON-style "double" quotes. */
export function quotable(value: string): boolean {
  return [...value].every((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (
      code === 0x09 ||
      (code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && code !== 0x2028 && code !== 0x2029 && code !== 0xfeff)
    );
  });
}

function singleQuoted(value: string): string | undefined {
  return quotable(value) ? `'${value.replace(/'/g, "''")}'` : undefined;
}

function doubleQuoted(value: string): string | undefined {
  return quotable(value) ? JSON.stringify(value) : undefined;
}

/** A scalar in the chosen quoting; `inFlow` when it sits inside [ ], where "," and "[" need quotes too. */
function scalar(value: string, style: HandStyle, salt: number, inFlow = false): string {
  const quoting = style.quoting === 'mixed' ? (['qcode', 'single', 'double'] as const)[salt % 3] : style.quoting;
  const qcode = () => (inFlow ? renderFlowList([value]).slice(1, -1) : renderScalar(value));
  if (quoting === 'single') return singleQuoted(value) ?? qcode();
  if (quoting === 'double') return doubleQuoted(value) ?? qcode();
  return qcode();
}

/** The lines of one annotation as a person might write them (no trailing newline). */
export function handItem(annotation: Annotation, style: HandStyle, salt = 0): string[] {
  const pad = ' '.repeat(style.indent);
  const lines: string[] = [];
  let n = salt;
  const keys = style.conceptsLast
    ? [...ANNOTATION_KEYS.filter((k) => k !== 'concepts'), 'concepts' as const]
    : ANNOTATION_KEYS;
  for (const key of keys) {
    const value = annotation[key];
    if (value === undefined) continue;
    const lead = `${pad}${lines.length === 0 ? '- ' : '  '}`;
    if (key === 'concepts') {
      const concepts = annotation.concepts.map((c) => scalar(c, style, n++, !style.blockConcepts));
      if (style.blockConcepts) lines.push(`${lead}concepts:`, ...concepts.map((c) => `${pad}    - ${c}`));
      else lines.push(`${lead}concepts: [${concepts.join(', ')}]`);
    } else if (key === 'range') {
      lines.push(
        `${lead}range: ${formatRange(annotation.range ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } })}`,
      );
    } else if (key === 'key') lines.push(`${lead}key: ${String(value)}`);
    else lines.push(`${lead}${key}: ${scalar(value as string, style, n++)}`);
    if (style.commentInsideItem && key === 'id') lines.push(`${pad}  # a note inside the item`);
  }
  return lines;
}

/** A whole sidecar written by hand in the given style. */
export function handSidecar(transcript: string, annotations: readonly Annotation[], style: HandStyle): string {
  return handSidecarWithBlocks(transcript, annotations, style).text;
}

/** Line span (0-based, inclusive) of one annotation's lines: from its "- " line to its last key. */
export interface Block {
  first: number;
  last: number;
}

/** The sidecar text, and where each annotation's block of lines is in it. */
export function handSidecarWithBlocks(
  transcript: string,
  annotations: readonly Annotation[],
  style: HandStyle,
): { text: string; blocks: Block[] } {
  const lines = ['# Annotations, edited by hand.', 'qcode: 1', `transcript: ${scalar(transcript, style, 1)}`];
  const blocks: Block[] = [];
  if (annotations.length === 0) lines.push('annotations: []');
  else {
    lines.push('annotations:');
    annotations.forEach((annotation, i) => {
      if (i > 0 && style.blankLinesBetweenItems) lines.push('');
      if (style.commentsBetweenItems) lines.push(`${' '.repeat(style.indent)}# item ${i + 1}: ${annotation.id}`);
      const first = lines.length;
      lines.push(...handItem(annotation, style, i));
      blocks.push({ first, last: lines.length - 1 });
    });
  }
  if (style.trailingComment) lines.push('# end of annotations');
  const lineBreak = style.crlf ? '\r\n' : '\n';
  return { text: lines.join(lineBreak) + (style.finalNewline ? lineBreak : ''), blocks };
}

/** The lines of a text, each with its line break (the last one may have none). */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

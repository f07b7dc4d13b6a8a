import { Document } from 'yaml';
import { formatRange } from '../text/position';
import { doubleQuoted, styleScalar } from './scalarStyle';
import { ANNOTATION_KEYS, SIDECAR_VERSION, type Annotation, type AnnotationKey } from './annotation';

/**
 * Never fold long lines, never use block scalars: one value, one line, so diffs stay readable.
 * Line breaks inside a value are always written as \n escapes (yaml would otherwise break long
 * double-quoted values at them, unindented, which is invalid YAML inside the annotation list).
 * Values are written as yaml writes them with these options (see scalarStyle).
 */
export function renderScalar(value: string): string {
  return styleScalar(value, false, SCHEMA);
}

/** The schema of the documents values are written in (YAML 1.2 core): what a plain scalar must not look like. */
const SCHEMA = new Document(null, { version: '1.2' }).schema;

export function renderFlowList(values: readonly string[]): string {
  return `[${values.map((value) => styleScalar(value, true, SCHEMA)).join(', ')}]`;
}

/** The YAML text of one field's value, or undefined when the annotation does not have it. */
export function renderField(annotation: Annotation, key: AnnotationKey): string | undefined {
  switch (key) {
    case 'concepts':
      return renderFlowList(annotation.concepts);
    case 'range':
      return annotation.range ? formatRange(annotation.range) : undefined;
    case 'key':
      return annotation.key === undefined ? undefined : String(annotation.key);
    default: {
      const value = annotation[key];
      return value === undefined ? undefined : renderScalar(value);
    }
  }
}

/** The lines of one annotation as a list item, indented by `indent` spaces. */
export function renderAnnotation(annotation: Annotation, indent: number): string {
  const pad = ' '.repeat(indent);
  let text = '';
  for (const key of ANNOTATION_KEYS) {
    const value = renderField(annotation, key);
    if (value !== undefined) text += `${pad}${text === '' ? '- ' : '  '}${key}: ${value}\n`;
  }
  return text;
}

/** A value always in "double quotes", on one line: valid in block and in flow context alike. */
function renderQuoted(value: string): string {
  return doubleQuoted(value);
}

/** One annotation as a one-line flow mapping, every value quoted: it may stand wherever a YAML value may. */
export function renderFlowAnnotation(annotation: Annotation): string {
  const fields = ANNOTATION_KEYS.flatMap((key) => {
    if (key === 'concepts') return [`concepts: [${annotation.concepts.map(renderQuoted).join(', ')}]`];
    if (key === 'key') return annotation.key === undefined ? [] : [`key: ${String(annotation.key)}`];
    const value = key === 'range' ? annotation.range && formatRange(annotation.range) : annotation[key];
    return value === undefined ? [] : [`${key}: ${renderQuoted(value)}`];
  });
  return `{${fields.join(', ')}}`;
}

/** The annotations as one flow list on one line. */
export function renderFlowAnnotations(annotations: readonly Annotation[]): string {
  return `[${annotations.map(renderFlowAnnotation).join(', ')}]`;
}

/** The annotations as block list items whose "-" is at column `indent` + 1. */
export function renderAnnotations(annotations: readonly Annotation[], indent: number): string {
  return annotations.map((a) => renderAnnotation(a, indent)).join('');
}

/** Rendered lines with the line break of the file they go into (rendered values never hold a raw line break). */
export function withLineBreak(lines: string, lineBreak: string): string {
  return lineBreak === '\n' ? lines : lines.replace(/\n/g, lineBreak);
}

/** The line break a text uses: that of its first line. */
export function lineBreakOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** A new sidecar; `memo` is the memo on the transcript as a whole, when it has one. */
export function renderSidecar(transcriptName: string, annotations: readonly Annotation[], memo?: string): string {
  const memoLine = memo === undefined ? '' : `memo: ${renderScalar(memo)}\n`;
  const header = `# Annotations of ${transcriptName.replace(/[\r\n]+/g, ' ')}, kept by qcode. Hand edits are welcome.\nqcode: ${SIDECAR_VERSION}\ntranscript: ${renderScalar(transcriptName)}\n${memoLine}`;
  if (annotations.length === 0) return `${header}annotations: []\n`;
  return `${header}annotations:\n${renderAnnotations(annotations, 2)}`;
}

import { stringify, YAMLSeq } from 'yaml';
import { formatRange } from '../text/position';
import { ANNOTATION_KEYS, SIDECAR_VERSION, type Annotation, type AnnotationKey } from './annotation';

/** Never fold long lines, never use block scalars: one value, one line, so diffs stay readable. */
const SCALAR_OPTIONS = { lineWidth: 0, minContentWidth: 0, blockQuote: false, version: '1.2' } as const;

export function renderScalar(value: string): string {
  return stringify(value, SCALAR_OPTIONS).trimEnd();
}

export function renderFlowList(values: readonly string[]): string {
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.items.push(...values);
  return stringify(seq, { ...SCALAR_OPTIONS, flowCollectionPadding: false }).trimEnd();
}

/** The YAML text of one field's value, or undefined when the annotation does not have it. */
export function renderField(annotation: Annotation, key: AnnotationKey): string | undefined {
  switch (key) {
    case 'concepts':
      return renderFlowList(annotation.concepts);
    case 'range':
      return annotation.range ? formatRange(annotation.range) : undefined;
    default: {
      const value = annotation[key];
      return value === undefined ? undefined : renderScalar(value);
    }
  }
}

/** The lines of one annotation as a list item, indented by `indent` spaces. */
export function renderAnnotation(annotation: Annotation, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const key of ANNOTATION_KEYS) {
    const value = renderField(annotation, key);
    if (value === undefined) continue;
    lines.push(`${pad}${lines.length === 0 ? '- ' : '  '}${key}: ${value}`);
  }
  return lines.join('\n') + '\n';
}

export function renderSidecar(transcriptName: string, annotations: readonly Annotation[]): string {
  const header = `# Annotations of ${transcriptName}, kept by qcode. Hand edits are welcome.\nqcode: ${SIDECAR_VERSION}\ntranscript: ${renderScalar(transcriptName)}\n`;
  if (annotations.length === 0) return `${header}annotations: []\n`;
  return `${header}annotations:\n${annotations.map((a) => renderAnnotation(a, 2)).join('')}`;
}

import type { TextRange } from '../text/position';
import { comparePositions, sameRange } from '../text/position';

/** One coded passage of a transcript, as kept in its sidecar. */
export interface Annotation {
  id: string;
  concepts: string[];
  informant?: string;
  /** Where the passage was when last saved; a hint, the quote is what identifies it. */
  range?: TextRange;
  quote: string;
  before?: string;
  after?: string;
  memo?: string;
  /** A key quote: one of the passages that carry the argument. */
  key?: boolean;
  coder?: string;
  created?: string;
}

/** The keys of an annotation in the order they are written. */
export const ANNOTATION_KEYS = [
  'id',
  'concepts',
  'informant',
  'range',
  'quote',
  'before',
  'after',
  'memo',
  'key',
  'coder',
  'created',
] as const;
export type AnnotationKey = (typeof ANNOTATION_KEYS)[number];

export const SIDECAR_VERSION = 1;

/** Up to this many characters of context are kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Sidecar order: by position, annotations without a range last, then by id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  if (a.range && b.range) {
    const byPosition = comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
    if (byPosition !== 0) return byPosition;
  } else if (a.range || b.range) return a.range ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether two annotations agree on one field. */
export function sameField(a: Annotation, b: Annotation, key: AnnotationKey): boolean {
  if (key === 'concepts')
    return a.concepts.length === b.concepts.length && a.concepts.every((c, i) => c === b.concepts[i]);
  if (key === 'range') return sameRange(a.range, b.range);
  return a[key] === b[key];
}

/** Whether two annotations agree on every field. */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return ANNOTATION_KEYS.every((key) => sameField(a, b, key));
}

import type { Annotation } from '../sidecar/annotation';

/** Whose annotations are shown: everyone's, the current coder's only (blind coding), or one coder's. */
export type CoderView = { kind: 'all' } | { kind: 'mine' } | { kind: 'coder'; coder: string };

export const ALL_CODERS: CoderView = { kind: 'all' };

/** Whether an annotation is shown; `me` is the current coder's name, if known. */
export function coderViewShows(view: CoderView, annotation: Annotation, me: string | undefined): boolean {
  switch (view.kind) {
    case 'all':
      return true;
    case 'mine':
      return me !== undefined && annotation.coder === me;
    case 'coder':
      return annotation.coder === view.coder;
  }
}

/** A stored view read back, or every coder when it is not a view. */
export function readCoderView(value: unknown): CoderView {
  if (typeof value !== 'object' || value === null) return ALL_CODERS;
  const { kind, coder } = value as { kind?: unknown; coder?: unknown };
  if (kind === 'mine') return { kind };
  if (kind === 'coder' && typeof coder === 'string' && coder !== '') return { kind, coder };
  return ALL_CODERS;
}

/** The coders of some annotations with how many each made, most first; unnamed ones are left out. */
export function codersByCount(annotations: Iterable<Annotation>): { coder: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { coder } of annotations) if (coder) counts.set(coder, (counts.get(coder) ?? 0) + 1);
  return [...counts]
    .map(([coder, count]) => ({ coder, count }))
    .sort((a, b) => b.count - a.count || a.coder.localeCompare(b.coder));
}

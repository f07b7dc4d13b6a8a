import {
  ANNOTATION_CHANGES,
  CONCEPT_CHANGES,
  INFORMANT_CHANGES,
  MEMO_CHANGES,
  type AnnotationChange,
  type ConceptChange,
  type InformantChange,
  type MemoChange,
  type ProjectDiff,
} from './model';

export interface DiffSummary {
  /** Transcripts with annotation changes. */
  transcripts: number;
  annotations: Record<AnnotationChange, number>;
  concepts: Record<ConceptChange, number>;
  informants: Record<InformantChange, number>;
  /** Memos changed on concepts and transcripts, and memo files of the project added, removed or changed. */
  memos: Record<MemoChange, number>;
}

export function summarize(diff: ProjectDiff): DiffSummary {
  return {
    transcripts: diff.transcripts.length,
    annotations: countEach(ANNOTATION_CHANGES, (kind) => diff.transcripts.reduce((n, t) => n + t[kind].length, 0)),
    concepts: countEach(CONCEPT_CHANGES, (kind) => diff.codebook[kind].length),
    informants: countEach(INFORMANT_CHANGES, (kind) => diff.informants[kind].length),
    memos: countEach(MEMO_CHANGES, (kind) => diff.memos[kind].length),
  };
}

export function isEmptyDiff(diff: ProjectDiff): boolean {
  const summary = summarize(diff);
  return (
    diff.unreadable.length === 0 &&
    [summary.annotations, summary.concepts, summary.informants, summary.memos].every((counts) =>
      Object.values(counts).every((n) => n === 0),
    )
  );
}

function countEach<K extends string>(kinds: readonly K[], count: (kind: K) => number): Record<K, number> {
  return Object.fromEntries(kinds.map((kind) => [kind, count(kind)])) as Record<K, number>;
}

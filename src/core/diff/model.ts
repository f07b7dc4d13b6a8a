import type { AttributeValue } from '../informants/registry';

// Absent values are null rather than missing, so that the JSON form always has the same keys.

/** A concept as a diff names it: by id, with its label when a codebook knows it. */
export interface ConceptRef {
  id: string;
  label: string | null;
}

/** One annotation as a reviewer sees it: where it is, who said it, what it is tagged with. */
export interface AnnotationEntry {
  id: string;
  /** The passage as it reads, without a leading speaker label. */
  quote: string;
  informant: string | null;
  /** The citation as the project writes it, e.g. "(K3)". */
  citation: string;
  /** 1-based line of the passage in its transcript; null when orphaned without a saved range. */
  line: number | null;
  coder: string | null;
  concepts: ConceptRef[];
}

export interface RetaggedEntry extends AnnotationEntry {
  conceptsAdded: ConceptRef[];
  conceptsRemoved: ConceptRef[];
}

export interface MemoChangedEntry extends AnnotationEntry {
  oldMemo: string | null;
  newMemo: string | null;
}

/** A passage marked as a key quote (`key` true) or no longer one (false), as the head has it. */
export interface KeyChangedEntry extends AnnotationEntry {
  key: boolean;
}

export interface RequotedEntry extends AnnotationEntry {
  oldQuote: string;
  newQuote: string;
}

/** The coding changes of one transcript. Removed entries describe the base, all others the head. */
export interface TranscriptDiff {
  path: string;
  added: AnnotationEntry[];
  removed: AnnotationEntry[];
  retagged: RetaggedEntry[];
  memoChanged: MemoChangedEntry[];
  keyChanged: KeyChangedEntry[];
  requoted: RequotedEntry[];
}

export interface ConceptEntry extends ConceptRef {
  parent: ConceptRef | null;
}

export interface ConceptRenamed {
  id: string;
  oldLabel: string;
  newLabel: string;
}

export interface ConceptMoved extends ConceptRef {
  /** null: at the top level. */
  oldParent: ConceptRef | null;
  newParent: ConceptRef | null;
}

export interface ConceptDescriptionChanged extends ConceptRef {
  oldDescription: string | null;
  newDescription: string | null;
}

/** A concept whose inclusion or exclusion criteria changed; both pairs are given, the same when unchanged. */
export interface ConceptCriteriaChanged extends ConceptRef {
  oldInclusion: string | null;
  newInclusion: string | null;
  oldExclusion: string | null;
  newExclusion: string | null;
}

/** An anchor example as a diff names it: the annotation's id, and its passage when that side has it. */
export interface ExampleRef {
  id: string;
  quote: string | null;
  citation: string | null;
}

export interface ConceptExamplesChanged extends ConceptRef {
  /** Passages of the head. */
  examplesAdded: ExampleRef[];
  /** Passages of the base. */
  examplesRemoved: ExampleRef[];
}

/** A concept removed whose passages now all carry `into`. */
export interface ConceptMerged extends ConceptRef {
  into: ConceptRef;
  /** How many of its passages carry `into` now. */
  annotations: number;
}

export interface CodebookDiff {
  added: ConceptEntry[];
  removed: ConceptEntry[];
  renamed: ConceptRenamed[];
  moved: ConceptMoved[];
  descriptionChanged: ConceptDescriptionChanged[];
  criteriaChanged: ConceptCriteriaChanged[];
  examplesChanged: ConceptExamplesChanged[];
  merged: ConceptMerged[];
}

export interface InformantEntry {
  code: string;
  attributes: Record<string, AttributeValue>;
}

export interface AttributeChange {
  attribute: string;
  oldValue: AttributeValue | null;
  newValue: AttributeValue | null;
}

export interface InformantChanged {
  code: string;
  changes: AttributeChange[];
}

export interface InformantsDiff {
  added: InformantEntry[];
  removed: InformantEntry[];
  changed: InformantChanged[];
}

/**
 * A file that could not be read on one side, so it was not compared: a sidecar (its transcript's
 * annotations), the codebook or the informant registry.
 */
export interface UnreadableFile {
  side: 'base' | 'head';
  path: string;
}

/** A concept whose memo changed; null where there is none. */
export interface ConceptMemoChanged extends ConceptRef {
  oldMemo: string | null;
  newMemo: string | null;
}

/** A transcript whose memo (at the top of its sidecar) changed; null where there is none. */
export interface TranscriptMemoChanged {
  path: string;
  oldMemo: string | null;
  newMemo: string | null;
}

/** A file of the project's memos added, removed or changed; its text where that side has it. */
export interface ProjectMemoChanged {
  path: string;
  change: 'added' | 'removed' | 'changed';
  oldText: string | null;
  newText: string | null;
}

/** The memos that changed besides the passages' (those are with their transcripts). */
export interface MemosDiff {
  concepts: ConceptMemoChanged[];
  transcripts: TranscriptMemoChanged[];
  project: ProjectMemoChanged[];
}

export interface ProjectDiff {
  /** Only transcripts with changes, by path. */
  transcripts: TranscriptDiff[];
  codebook: CodebookDiff;
  informants: InformantsDiff;
  memos: MemosDiff;
  unreadable: UnreadableFile[];
}

/** The kinds of annotation change, in the order they are reported. */
export const ANNOTATION_CHANGES = ['added', 'removed', 'retagged', 'memoChanged', 'keyChanged', 'requoted'] as const;
export type AnnotationChange = (typeof ANNOTATION_CHANGES)[number];

export const CONCEPT_CHANGES = [
  'added',
  'removed',
  'renamed',
  'moved',
  'descriptionChanged',
  'criteriaChanged',
  'examplesChanged',
  'merged',
] as const;
export type ConceptChange = (typeof CONCEPT_CHANGES)[number];

export const INFORMANT_CHANGES = ['added', 'removed', 'changed'] as const;
export type InformantChange = (typeof INFORMANT_CHANGES)[number];

export const MEMO_CHANGES = ['concepts', 'transcripts', 'project'] as const;
export type MemoChange = (typeof MEMO_CHANGES)[number];

import { bothSidesKept, DEFAULT_LABELS } from './markConflicts';
import { mergeCodebookText } from './mergeCodebook';
import { mergeInformantsText } from './mergeInformants';
import type { MergeInput, TextMerge } from './mergeInput';
import { mergeSidecarText } from './mergeSidecar';

export type { MergeInput, TextMerge } from './mergeInput';

export type MergeKind = 'sidecar' | 'codebook' | 'informants';

/** Three-way merge of one of qcode's files, item by item. */
export function mergeQcodeFile(kind: MergeKind, input: MergeInput): TextMerge {
  if (kind === 'sidecar') return mergeSidecarText(input);
  if (kind === 'codebook') return mergeCodebookText(input);
  return mergeInformantsText(input);
}

/** What a merge leaves in the file: the merged text, and whether someone must look at it. */
export interface FileMerge {
  text: string;
  /** Ids (or codes) of the items between conflict markers. */
  conflicts: string[];
  /** Why the file could not be merged item by item, so that it holds the whole of both sides. */
  unmerged?: string;
}

/**
 * The item-by-item merge; or, when a side cannot be read or the merge would not read back, the
 * whole of ours and of theirs between conflict markers, so that nothing of either side is lost.
 */
export function mergeOrKeepBoth(kind: MergeKind, input: MergeInput): FileMerge {
  const merged = mergeQcodeFile(kind, input);
  if (merged.ok) return { text: merged.text, conflicts: merged.conflicts };
  return {
    text: bothSidesKept(input.ours, input.theirs, input.labels ?? DEFAULT_LABELS),
    conflicts: [],
    unmerged: merged.message,
  };
}

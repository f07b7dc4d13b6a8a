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

import type { TextRange } from '../text/position';
import type { Message } from '../messages';

/** What identifies a passage: its text, a little context on each side, and where it last was. */
export interface Anchor {
  quote: string;
  before?: string;
  after?: string;
  range?: TextRange;
}

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export type Resolution =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; range: TextRange; confidence: number }
  | { status: 'orphaned'; reason: Message };

/** Which resolutions leave the sidecar's range stale. */
export function isStale(resolution: Resolution): boolean {
  return resolution.status === 'moved' || resolution.status === 'fuzzy';
}

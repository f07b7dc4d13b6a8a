import type { ConflictLabels } from './markConflicts';

/** The three versions of a file in a merge; an empty base means both sides added the file. */
export interface MergeInput {
  path: string;
  base: string;
  ours: string;
  theirs: string;
  labels?: ConflictLabels;
}

/** The merged text, with conflict markers around each item in `conflicts` (ids or codes). */
export type TextMerge = { ok: true; text: string; conflicts: string[] } | { ok: false; message: string };

/** Says which side of a merge did not parse, and where, so the merge can be left to git. */
export function unreadableSide(side: string, problems: readonly { line: number; column: number; message: string; severity: string }[]): TextMerge | undefined {
  const error = problems.find((p) => p.severity === 'error');
  return error && { ok: false, message: `${side} cannot be read (${error.line}:${error.column} ${error.message})` };
}

import type { ConflictLabels } from './markConflicts';
import { parseYaml } from '../yaml/yamlNodes';

/**
 * The three versions of a file in a merge. A base that is empty or holds only whitespace or
 * comments means both sides added the file.
 */
export interface MergeInput {
  path: string;
  base: string;
  ours: string;
  theirs: string;
  labels?: ConflictLabels;
}

/** The merged text, with conflict markers around each item in `conflicts` (ids or codes). */
export type TextMerge = { ok: true; text: string; conflicts: string[] } | { ok: false; message: string };

export type MergeSide = 'base' | 'ours' | 'theirs';

interface ProblemLike {
  line: number;
  column: number;
  message: string;
  severity: string;
}

/** A side's records as one of qcode's readers found them, with the problems it reported. */
export interface SideRead<T> {
  records: T[];
  problems: readonly ProblemLike[];
}

/** The records of base, ours and theirs; or why one of them cannot be merged item by item. */
export function readSides<T>(
  input: MergeInput,
  read: (text: string) => SideRead<T>,
): [base: T[], ours: T[], theirs: T[]] | { ok: false; message: string } {
  const sides: T[][] = [];
  for (const side of ['base', 'ours', 'theirs'] as const) {
    const text = input[side];
    const found = read(text);
    const reason = unreadableReason(side, text, found.problems);
    if (reason !== undefined) return { ok: false, message: reason };
    sides.push(blankReason(text) === undefined ? found.records : []);
  }
  return sides as [T[], T[], T[]];
}

/**
 * Why a side cannot be merged item by item, or undefined when it can. An ours or theirs that
 * holds nothing is unreadable, never "everything removed"; such a base is a file both sides added.
 */
export function unreadableReason(side: MergeSide, text: string, problems: readonly ProblemLike[]): string | undefined {
  const blank = blankReason(text);
  if (blank !== undefined)
    return side === 'base'
      ? undefined
      : `${side} ${blank}: a file with nothing in it cannot be merged item by item (it does not mean that everything was removed)`;
  const error = problems.find((p) => p.severity === 'error');
  return error && `${side} cannot be read (${error.line}:${error.column} ${error.message})`;
}

/**
 * A line that holds no YAML content: blank (a byte order mark included), a comment, a document marker or a directive.
 */
const NO_CONTENT = /^\uFEFF?(?:[ \t\uFEFF]*(?:#[^\n]*)?|(?:---|\.\.\.)(?:[ \t][^\n]*)?|%[^\n]*)$/;

/** What makes a text hold nothing: empty, only whitespace, or only comments. */
export function blankReason(text: string): string | undefined {
  if (text === '') return 'is empty';
  if (text.trim() === '') return 'holds only whitespace';
  // A line of content makes the document hold something, or not parse: no need to parse it to know.
  if (!text.split(/\r?\n/).every((line) => NO_CONTENT.test(line))) return undefined;
  const doc = parseYaml(text);
  return doc.errors.length === 0 && doc.contents === null ? 'holds only comments' : undefined;
}

import type { Codebook } from '../codebook/codebook';
import type { Memo, MemoKind } from './collectMemos';
import { MEMO_KINDS } from './collectMemos';
import { basename } from '../paths';

/** How the Memos view groups the memos. */
export type MemoGrouping = 'kind' | 'concept' | 'transcript';
export const MEMO_GROUPINGS: readonly MemoGrouping[] = ['kind', 'concept', 'transcript'];

/** A heading of the Memos view and the memos under it. */
export interface MemoGroup {
  /** Stable across refreshes, so that expanded headings stay expanded. */
  id: string;
  /** A kind, a concept's label or a transcript's name; `rest` holds the memos that belong to none. */
  title: { kind: MemoKind } | { concept: string } | { transcript: string } | { rest: MemoGrouping };
  memos: Memo[];
}

/**
 * The memos under headings: by kind (project, concepts, transcripts, passages); by concept (each
 * concept's own memo, then the memos on passages tagged with it, in codebook order); or by
 * transcript (its memo, then its passages'). What belongs to no concept or transcript comes last.
 */
export function groupMemos(memos: readonly Memo[], grouping: MemoGrouping, codebook: Codebook): MemoGroup[] {
  if (grouping === 'kind')
    return MEMO_KINDS.map((kind) => ({
      id: `kind:${kind}`,
      title: { kind },
      memos: memos.filter((m) => m.kind === kind),
    })).filter(nonEmpty);
  const groups = new Map<string, Memo[]>();
  const rest: Memo[] = [];
  for (const memo of memos) {
    const keys = grouping === 'concept' ? conceptsOf(memo) : transcriptOf(memo);
    if (keys.length === 0) rest.push(memo);
    for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), memo]);
  }
  const order = grouping === 'concept' ? [...codebook.all()].map((c) => c.id) : [...groups.keys()].sort();
  const known = [...order, ...[...groups.keys()].filter((key) => !order.includes(key)).sort()];
  const named: MemoGroup[] = known
    .filter((key) => groups.has(key))
    .map((key) => ({
      id: `${grouping}:${key}`,
      title: grouping === 'concept' ? { concept: codebook.get(key)?.label ?? key } : { transcript: basename(key) },
      memos: groups.get(key) ?? [],
    }));
  return [...named, { id: `rest:${grouping}`, title: { rest: grouping }, memos: rest }].filter(nonEmpty);
}

function conceptsOf(memo: Memo): string[] {
  if (memo.kind === 'concept') return [memo.concept.id];
  return memo.kind === 'annotation' ? [...new Set(memo.resolved.annotation.concepts)] : [];
}

function transcriptOf(memo: Memo): string[] {
  if (memo.kind === 'transcript') return [memo.transcript.path];
  return memo.kind === 'annotation' ? [memo.resolved.transcript.path] : [];
}

function nonEmpty(group: MemoGroup): boolean {
  return group.memos.length > 0;
}

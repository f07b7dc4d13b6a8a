import type { ResolvedAnnotation } from '../project/model';
import { normalizeForMatching } from '../text/normalize';
import type {
  AnnotationEntry,
  KeyChangedEntry,
  MemoChangedEntry,
  RequotedEntry,
  RetaggedEntry,
  TranscriptDiff,
} from './model';
import type { DiffSide } from './side';

/** Removed concept ids by the concept they were merged into. */
export type MergedInto = ReadonlyMap<string, string>;

export interface Sides {
  base: DiffSide;
  head: DiffSide;
}

/**
 * Compares one transcript's annotations by id. Range and context are ignored: they follow edits
 * of the transcript. Concept changes that a codebook merge explains are left to the merge.
 */
export function diffTranscript(
  path: string,
  base: readonly ResolvedAnnotation[],
  head: readonly ResolvedAnnotation[],
  sides: Sides,
  merged: MergedInto,
): TranscriptDiff {
  const baseById = new Map(base.map((r) => [r.annotation.id, r]));
  const headIds = new Set(head.map((r) => r.annotation.id));
  const diff: TranscriptDiff = {
    path,
    added: [],
    removed: [],
    retagged: [],
    memoChanged: [],
    keyChanged: [],
    requoted: [],
  };
  for (const resolved of base) if (!headIds.has(resolved.annotation.id)) diff.removed.push(sides.base.entry(resolved));
  for (const now of head) {
    const was = baseById.get(now.annotation.id);
    if (!was) {
      diff.added.push(sides.head.entry(now));
      continue;
    }
    // Most passages did not change: their entry (where the passage is now) is made only for a change.
    let made: AnnotationEntry | undefined;
    const entry = () => (made ??= sides.head.entry(now));
    const retagged = retag(entry, was, now, sides, merged);
    if (retagged) diff.retagged.push(retagged);
    const memo = memoChange(entry, was, now);
    if (memo) diff.memoChanged.push(memo);
    if ((was.annotation.key === true) !== (now.annotation.key === true)) diff.keyChanged.push(keyChange(entry(), now));
    const requoted = requote(entry, was, now, sides);
    if (requoted) diff.requoted.push(requoted);
  }
  for (const list of [diff.added, diff.removed, diff.retagged, diff.memoChanged, diff.keyChanged, diff.requoted])
    list.sort(byLine);
  return diff;
}

export function hasAnnotationChanges(diff: TranscriptDiff): boolean {
  return (
    diff.added.length +
      diff.removed.length +
      diff.retagged.length +
      diff.memoChanged.length +
      diff.keyChanged.length +
      diff.requoted.length >
    0
  );
}

function retag(
  entry: () => AnnotationEntry,
  was: ResolvedAnnotation,
  now: ResolvedAnnotation,
  sides: Sides,
  merged: MergedInto,
): RetaggedEntry | undefined {
  const before = new Set(was.annotation.concepts);
  const after = new Set(now.annotation.concepts);
  const added = new Set([...after].filter((c) => !before.has(c)));
  const removed = [...before].filter((c) => !after.has(c));
  const unexplained = removed.filter((c) => {
    const into = merged.get(c);
    if (into === undefined || !after.has(into)) return true;
    added.delete(into);
    return false;
  });
  if (added.size === 0 && unexplained.length === 0) return undefined;
  return {
    ...entry(),
    conceptsAdded: [...added].map((c) => sides.head.concept(c)),
    conceptsRemoved: unexplained.map((c) => sides.base.concept(c)),
  };
}

function memoChange(
  entry: () => AnnotationEntry,
  was: ResolvedAnnotation,
  now: ResolvedAnnotation,
): MemoChangedEntry | undefined {
  const oldMemo = was.annotation.memo || null;
  const newMemo = now.annotation.memo || null;
  if (
    oldMemo === newMemo ||
    (oldMemo !== null && newMemo !== null && normalizeForMatching(oldMemo) === normalizeForMatching(newMemo))
  )
    return undefined;
  return { ...entry(), oldMemo, newMemo };
}

function keyChange(entry: AnnotationEntry, now: ResolvedAnnotation): KeyChangedEntry {
  return { ...entry, key: now.annotation.key === true };
}

function requote(
  entry: () => AnnotationEntry,
  was: ResolvedAnnotation,
  now: ResolvedAnnotation,
  sides: Sides,
): RequotedEntry | undefined {
  if (normalizeForMatching(was.annotation.quote) === normalizeForMatching(now.annotation.quote)) return undefined;
  return { ...entry(), oldQuote: sides.base.savedQuote(was), newQuote: sides.head.savedQuote(now) };
}

function byLine(a: AnnotationEntry, b: AnnotationEntry): number {
  return (
    (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

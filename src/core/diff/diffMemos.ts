import type { ChapterFile } from '../chapters/chapterFiles';
import type { Project } from '../project/model';
import { normalizeForMatching } from '../text/normalize';
import type { Sides } from './diffAnnotations';
import type { ConceptMemoChanged, MemosDiff, ProjectMemoChanged, TranscriptMemoChanged } from './model';

/**
 * The memos on concepts and on transcripts that changed (project memo files are compared by
 * diffProjectMemos, from files read apart). Line endings and how letters are composed are no change.
 */
export function diffMemos(
  sides: Sides,
  compare: { codebook: boolean; transcripts: (path: string) => boolean },
): MemosDiff {
  const [base, head] = [sides.base.project, sides.head.project];
  const concepts: ConceptMemoChanged[] = [];
  if (compare.codebook) {
    for (const concept of head.codebook.all()) {
      const was = base.codebook.get(concept.id);
      const [oldMemo, newMemo] = [memoOrNull(was?.memo), memoOrNull(concept.memo)];
      if (was && !sameText(oldMemo, newMemo)) concepts.push({ ...sides.head.concept(concept.id), oldMemo, newMemo });
    }
  }
  return { concepts, transcripts: transcriptMemos(base, head, compare.transcripts), project: [] };
}

function transcriptMemos(base: Project, head: Project, comparable: (path: string) => boolean): TranscriptMemoChanged[] {
  const was = new Map(base.transcripts.map((t) => [t.path, t.memo]));
  const now = new Map(head.transcripts.map((t) => [t.path, t.memo]));
  const paths = [...new Set([...was.keys(), ...now.keys()])].filter(comparable).sort();
  return paths.flatMap((path) => {
    const [oldMemo, newMemo] = [memoOrNull(was.get(path)), memoOrNull(now.get(path))];
    return sameText(oldMemo, newMemo) ? [] : [{ path, oldMemo, newMemo }];
  });
}

/** The memo files of the project added, removed or changed between two revisions, by path. */
export function diffProjectMemos(base: readonly ChapterFile[], head: readonly ChapterFile[]): ProjectMemoChanged[] {
  const was = new Map(base.map((f) => [f.path, f.text]));
  const now = new Map(head.map((f) => [f.path, f.text]));
  return [...new Set([...was.keys(), ...now.keys()])].sort().flatMap((path): ProjectMemoChanged[] => {
    const [oldText, newText] = [was.get(path) ?? null, now.get(path) ?? null];
    if (sameText(oldText, newText)) return [];
    const change = oldText === null ? 'added' : newText === null ? 'removed' : 'changed';
    return [{ path, change, oldText, newText }];
  });
}

function memoOrNull(memo: string | undefined): string | null {
  return memo?.trim() ? memo : null;
}

function sameText(a: string | null, b: string | null): boolean {
  return a === b || (a !== null && b !== null && normalizeForMatching(a) === normalizeForMatching(b));
}

import type { ChapterFile } from '../chapters/chapterFiles';
import type { Concept } from '../codebook/codebook';
import type { Project, ResolvedAnnotation, TranscriptFile } from '../project/model';
import { normalizeForMatching } from '../text/normalize';

/** Where a memo is kept: a passage (annotation), a concept, a transcript, or a file of the project's memos. */
export type MemoKind = 'annotation' | 'concept' | 'transcript' | 'project';

/** One memo of the project, with what it is written on. */
export type Memo =
  | { kind: 'annotation'; text: string; resolved: ResolvedAnnotation }
  | { kind: 'concept'; text: string; concept: Concept }
  | { kind: 'transcript'; text: string; transcript: TranscriptFile }
  | { kind: 'project'; text: string; path: string };

/** The order the kinds are listed in: the project's own notes first, the passages' last. */
export const MEMO_KINDS: readonly MemoKind[] = ['project', 'concept', 'transcript', 'annotation'];

/**
 * Every memo of the project, kind by kind: the project memos in path order, the concepts' in
 * codebook order, the transcripts' in path order, then the passages' in transcript and text order.
 * Memos that are empty or only white space are no memos.
 */
export function collectMemos(project: Project, projectMemos: readonly ChapterFile[]): Memo[] {
  const memos: Memo[] = [];
  for (const file of [...projectMemos].sort((a, b) => compare(a.path, b.path)))
    if (file.text.trim()) memos.push({ kind: 'project', text: file.text, path: file.path });
  for (const concept of project.codebook.all())
    if (concept.memo?.trim()) memos.push({ kind: 'concept', text: concept.memo, concept });
  const transcripts = [...project.transcripts].sort((a, b) => compare(a.path, b.path));
  for (const transcript of transcripts)
    if (transcript.memo?.trim()) memos.push({ kind: 'transcript', text: transcript.memo, transcript });
  for (const transcript of transcripts) {
    for (const resolved of [...transcript.annotations].sort(textOrder)) {
      const text = resolved.annotation.memo;
      if (text?.trim()) memos.push({ kind: 'annotation', text, resolved });
    }
  }
  return memos;
}

/** What a memo is written on, as a title: the file, the concept's label, the transcript, the passage. */
export function memoTitle(memo: Memo): string {
  switch (memo.kind) {
    case 'project':
      return memo.path;
    case 'concept':
      return memo.concept.label;
    case 'transcript':
      return memo.transcript.path;
    case 'annotation':
      return memo.resolved.text;
  }
}

/**
 * Whether a memo matches what was searched for: every word of the search is in the memo or in
 * what it is written on (ignoring case, accents written apart and line breaks). An empty search matches all.
 */
export function memoMatches(memo: Memo, search: string): boolean {
  const words = folded(search)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = folded(`${memo.text}\n${memoTitle(memo)}${memo.kind === 'concept' ? `\n${memo.concept.id}` : ''}`);
  return words.every((word) => haystack.includes(word));
}

function folded(text: string): string {
  return normalizeForMatching(text).toLocaleLowerCase();
}

function textOrder(a: ResolvedAnnotation, b: ResolvedAnnotation): number {
  const start = (r: ResolvedAnnotation) =>
    r.resolution.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : r.resolution.start;
  return start(a) - start(b) || compare(a.annotation.id, b.annotation.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

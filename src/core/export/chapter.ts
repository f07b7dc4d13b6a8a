import type { ResolvedAnnotation } from '../project/model';
import { basename } from '../paths';
import type { Settings } from '../settings/settings';
import { exportWording, type ExportWording } from './language';
import type { ExportChoices } from './options';
import { citation, leadingSpeakerLabel, quoteLine, quoteText, sidecarNote } from './quotes';
import type { Section } from './sections';

/** One paragraph of a chapter draft, before it is written in a file format. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'definition'; text: string }
  | { kind: 'context'; text: string }
  | { kind: 'quote'; text: string; citation: string }
  | { kind: 'source'; text: string }
  | { kind: 'memo'; label: string; text: string }
  /** A paragraph that starts with its label in bold: "Inclusion: ...". */
  | { kind: 'labelled'; label: string; text: string };

export type ChapterChoices = Pick<ExportChoices, 'citation' | 'memos' | 'context'>;

/** How much of the text around a passage is shown as its context, at most. */
const CONTEXT_CHARACTERS = 160;

/**
 * The paragraphs of a chapter draft: headings with definitions, and per passage the quote in
 * quotation marks followed by its citation, its source, and optionally context and memo.
 */
export function chapterBlocks(sections: readonly Section[], settings: Settings, choices: ChapterChoices): Block[] {
  const label = leadingSpeakerLabel(settings);
  const wording = exportWording(settings.language);
  return sections.flatMap((section) => [
    { kind: 'heading' as const, level: section.level, text: section.title },
    ...(section.description ? [{ kind: 'definition' as const, text: section.description }] : []),
    ...section.quotes.flatMap((resolved) =>
      quoteBlocks([resolved, ...(section.copies?.get(resolved) ?? [])], quoteText(resolved, label), wording, choices),
    ),
  ]);
}

/** The blocks of one passage; `alike` is its annotation first, then other coders' annotations of the same words. */
function quoteBlocks(
  alike: readonly ResolvedAnnotation[],
  text: string,
  wording: ExportWording,
  choices: ChapterChoices,
): Block[] {
  const resolved = alike[0] as ResolvedAnnotation;
  const around = choices.context ? contextOf(resolved) : { before: '', after: '' };
  return [
    ...(around.before ? [{ kind: 'context' as const, text: around.before }] : []),
    { kind: 'quote', text: `${wording.open}${text}${wording.close}`, citation: citation(choices.citation, resolved) },
    ...(around.after ? [{ kind: 'context' as const, text: around.after }] : []),
    { kind: 'source', text: sourceNote(resolved, wording) },
    ...(choices.memos ? memoBlocks(alike, wording) : []),
  ];
}

/** Every distinct memo of the passage; when there are several, each names its coder. */
function memoBlocks(alike: readonly ResolvedAnnotation[], wording: ExportWording): Block[] {
  const memos = new Map<string, string | undefined>();
  for (const { annotation } of alike) {
    const memo = annotation.memo?.trim();
    if (memo && !memos.has(memo)) memos.set(memo, annotation.coder);
  }
  const named = memos.size > 1;
  return [...memos].map(([text, coder]) => ({
    kind: 'memo' as const,
    label: named && coder ? `${wording.memo} (${coder})` : wording.memo,
    text,
  }));
}

function sourceNote(resolved: ResolvedAnnotation, wording: ExportWording): string {
  const line = quoteLine(resolved);
  return `${basename(resolved.transcript.path)}, ${sidecarNote(resolved, wording) ?? `${wording.line} ${line ?? '?'}`}`;
}

/** Up to CONTEXT_CHARACTERS of the text before and after the passage, cut at a line break or between words. */
export function contextOf(resolved: ResolvedAnnotation): { before: string; after: string } {
  const text = resolved.transcript.doc?.text;
  if (resolved.resolution.status === 'orphaned' || text === undefined) {
    return { before: tidy(resolved.annotation.before ?? ''), after: tidy(resolved.annotation.after ?? '') };
  }
  const { start, end } = resolved.resolution;
  const from = Math.max(0, start - CONTEXT_CHARACTERS);
  const to = Math.min(text.length, end + CONTEXT_CHARACTERS);
  const before = from > 0 ? fromLineOrWord(text.slice(from, start)) : text.slice(0, start);
  const after = to < text.length ? toLineOrWord(text.slice(end, to)) : text.slice(end);
  return { before: tidy(before), after: tidy(after) };
}

function fromLineOrWord(text: string): string {
  const lineStart = text.indexOf('\n') + 1;
  if (lineStart > 0 && text.slice(lineStart).trim() !== '') return text.slice(lineStart);
  return `…${text.replace(/^\S*\s/u, '')}`;
}

function toLineOrWord(text: string): string {
  const lineEnd = text.lastIndexOf('\n');
  if (lineEnd >= 0 && text.slice(0, lineEnd).trim() !== '') return text.slice(0, lineEnd);
  return `${text.replace(/\s\S*$/u, '')}…`;
}

/** Trimmed, with blank lines closed up and other whitespace as single spaces. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

import { englishText, message, type Message } from '../messages';
import type { OffsetUnit, ReadingBasis } from './offsets';

export type ImportProblemKind =
  | 'missing-source'
  | 'unreadable-source'
  | 'conflict'
  | 'orphan'
  | 'unknown-code'
  | 'sidecar'
  | 'skipped-sources'
  | 'skipped-sets'
  | 'duplicate-guid'
  | 'renamed-variable';

/** Something the import could not do as asked; `path` is the project file concerned, when there is one. */
export interface ImportProblem {
  kind: ImportProblemKind;
  source?: string;
  path?: string;
  /** In English, as the command line prints it. */
  message: string;
  /** The message to translate: its English text is `message`. */
  detail?: Message;
}

/** An import problem whose text is a translatable message. */
export function importProblem(
  kind: ImportProblemKind,
  text: Message,
  where: { source?: string; path?: string } = {},
): ImportProblem {
  return { kind, ...where, message: englishText(text), detail: text };
}

/** How one source was imported. */
export interface SourceReport {
  source: string;
  transcript: string;
  /**
   * `saved-quotes`: a source qcode made of orphaned annotations' saved quotes; they become orphans of `transcript`
   * again.
   */
  status: 'written' | 'unchanged' | 'conflict' | 'missing' | 'unreadable' | 'saved-quotes';
  /** The unit its positions were read in; absent when its text is missing. */
  offsets?: { unit: OffsetUnit; crlfAsOne: boolean; basis: ReadingBasis; description: string };
  selections: number;
}

export interface ImportSummary {
  file: string;
  kind: 'project' | 'codebook';
  origin?: string;
  /** What the file holds. */
  counts: { codes: number; sources: number; cases: number; selections: number; codings: number };
  concepts: { added: number; matched: number };
  /** `speakers`: of those added, the ones no case named but an imported annotation does (the speaker of its turn). */
  informants: { added: number; matched: number; speakers: number };
  annotations: { added: number; merged: number; unchanged: number; orphaned: number; uncoded: number };
  sources: SourceReport[];
  /** Project files written, in order. */
  written: string[];
  problems: ImportProblem[];
}

/** Whether anything could not be placed, was missing or conflicted. */
export function hasImportProblems(summary: ImportSummary): boolean {
  return summary.problems.length > 0;
}

/** The summary as lines of text for the terminal. */
export function summaryText(summary: ImportSummary): string {
  return `${summaryLines(summary).map(englishText).join('\n')}\n`;
}

/** The lines of the summary, each a translatable message. */
export function summaryLines(summary: ImportSummary): Message[] {
  const { counts, concepts, informants, annotations } = summary;
  const from = summary.origin ? message(' (from {origin})', { origin: summary.origin }) : '';
  const lines = [
    message('Imported {file}{from}:', { file: summary.file, from }),
    message('  {codes} codes -> {added} concepts added, {matched} already in the codebook', {
      codes: counts.codes,
      added: concepts.added,
      matched: concepts.matched,
    }),
  ];
  if (summary.kind === 'project') {
    const speakers = informants.speakers
      ? message(' ({count} of them speakers in the transcripts)', { count: informants.speakers })
      : '';
    lines.push(
      message('  {cases} cases -> {added} informants added{speakers}, {matched} already registered', {
        cases: counts.cases,
        added: informants.added,
        speakers,
        matched: informants.matched,
      }),
      message(
        '  {sources} sources, {selections} selections, {codings} codings -> {added} annotations added, {merged} merged, {unchanged} unchanged, {orphaned} orphaned',
        { ...counts, ...annotations },
      ),
    );
    if (annotations.uncoded > 0)
      lines.push(
        message('  {count} selections had no code; they are tagged with the concept "Uncoded"', {
          count: annotations.uncoded,
        }),
      );
    for (const source of summary.sources) lines.push(sourceLine(source));
  }
  for (const problem of summary.problems)
    lines.push(
      message('{path}: {kind}: {text}', {
        path: problem.path ?? summary.file,
        kind: problem.kind,
        text: problem.detail ?? problem.message,
      }),
    );
  return lines;
}

function sourceLine(source: SourceReport): Message {
  const positions = source.offsets
    ? message('; positions read as {description}', { description: source.offsets.description })
    : '';
  return message('  {transcript}: {status}{positions}', {
    transcript: source.transcript,
    status: source.status,
    positions,
  });
}

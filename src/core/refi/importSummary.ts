import type { OffsetUnit, ReadingBasis } from './offsets';

export type ImportProblemKind = 'missing-source' | 'unreadable-source' | 'conflict' | 'orphan' | 'unknown-code' | 'sidecar' | 'skipped-sources' | 'skipped-sets' | 'duplicate-guid' | 'renamed-variable';

/** Something the import could not do as asked; `path` is the project file concerned, when there is one. */
export interface ImportProblem {
  kind: ImportProblemKind;
  source?: string;
  path?: string;
  message: string;
}

/** How one source was imported. */
export interface SourceReport {
  source: string;
  transcript: string;
  /** `saved-quotes`: a source qcode made of orphaned annotations' saved quotes; they become orphans of `transcript` again. */
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
  const { counts, concepts, informants, annotations } = summary;
  const lines = [
    `Imported ${summary.file}${summary.origin ? ` (from ${summary.origin})` : ''}:`,
    `  ${counts.codes} codes -> ${concepts.added} concepts added, ${concepts.matched} already in the codebook`,
  ];
  if (summary.kind === 'project') {
    lines.push(
      `  ${counts.cases} cases -> ${informants.added} informants added${informants.speakers ? ` (${informants.speakers} of them speakers in the transcripts)` : ''}, ${informants.matched} already registered`,
      `  ${counts.sources} sources, ${counts.selections} selections, ${counts.codings} codings -> ${annotations.added} annotations added, ${annotations.merged} merged, ${annotations.unchanged} unchanged, ${annotations.orphaned} orphaned`,
    );
    if (annotations.uncoded > 0) lines.push(`  ${annotations.uncoded} selections had no code; they are tagged with the concept "Uncoded"`);
    for (const source of summary.sources) lines.push(`  ${source.transcript}: ${source.status}${source.offsets ? `; positions read as ${source.offsets.description}` : ''}`);
  }
  for (const problem of summary.problems) lines.push(`${problem.path ?? summary.file}: ${problem.kind}: ${problem.message}`);
  return `${lines.join('\n')}\n`;
}

import type { Project, ResolvedAnnotation } from '../project/model';
import { SIDECAR_SUFFIX } from '../paths';

/** Quotes of one transcript that an export took from the sidecar, since the text does not have them. */
export interface SidecarQuotes {
  transcript: string;
  count: number;
  /** The transcript itself is missing or cannot be read, rather than the passages not found in it. */
  transcriptMissing: boolean;
}

/** What an export could not take from the transcripts as they are. */
export interface ExportGaps {
  fromSidecar: SidecarQuotes[];
  /** Sidecars that could not be read, or not all of whose annotations could: those may be missing from the export. */
  unreadSidecars: string[];
}

/** Errors in a sidecar that still leave every annotation read. */
const ANNOTATIONS_READ = new Set([
  'orphaned',
  'unknown-concept',
  'unknown-informant',
  'missing-transcript',
  'transcript-name',
  'unknown-key',
  'bad-range',
]);

/** Which exported annotations came from the sidecar (per transcript), and which sidecars were not fully read. */
export function exportGaps(project: Project, exported: readonly ResolvedAnnotation[]): ExportGaps {
  const byTranscript = new Map<string, SidecarQuotes>();
  for (const resolved of new Set(exported)) {
    if (resolved.resolution.status !== 'orphaned') continue;
    const { path, doc } = resolved.transcript;
    const entry = byTranscript.get(path) ?? { transcript: path, count: 0, transcriptMissing: doc === undefined };
    entry.count++;
    byTranscript.set(path, entry);
  }
  const unread = new Set(project.transcripts.filter((t) => !t.sidecarReadable).map((t) => t.sidecarPath));
  for (const p of project.problems)
    if (p.severity === 'error' && p.file.endsWith(SIDECAR_SUFFIX) && !ANNOTATIONS_READ.has(p.code)) unread.add(p.file);
  return {
    fromSidecar: [...byTranscript.values()].sort((a, b) => compare(a.transcript, b.transcript)),
    unreadSidecars: [...unread].sort(compare),
  };
}

export function hasGaps(gaps: ExportGaps): boolean {
  return gaps.fromSidecar.length > 0 || gaps.unreadSidecars.length > 0;
}

/** The gaps in English, for the command line: one line each, naming the files and what to do. */
export function gapsText(gaps: ExportGaps): string {
  const lines: string[] = [];
  const count = gaps.fromSidecar.reduce((n, g) => n + g.count, 0);
  if (count > 0) {
    const where = gaps.fromSidecar
      .map(
        (g) =>
          `${g.transcript} (${g.count}, ${g.transcriptMissing ? 'transcript missing or unreadable' : 'not found in the text'})`,
      )
      .join(', ');
    lines.push(
      `${count} annotation${count === 1 ? ' was' : 's were'} exported from the quote saved in the sidecar, marked as such, since the transcript does not have them: ${where}. Restore the transcripts or run "qcode check" to see them.`,
    );
  }
  for (const sidecar of gaps.unreadSidecars)
    lines.push(
      `${sidecar} could not be read in full, so annotations of it may be missing from the export. Run "qcode check" to see why.`,
    );
  return lines.map((line) => `${line}\n`).join('');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { isStale } from '../anchoring/anchor';
import { captureAnchor } from '../anchoring/capture';
import { message } from '../messages';
import type { ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import type { Project, ResolvedAnnotation } from '../project/model';
import type { Annotation } from '../sidecar/annotation';
import { updateSidecar } from '../sidecar/updateSidecar';

export interface FixReport {
  updated: number;
  files: string[];
  problems: Problem[];
}

/**
 * Rewrites the range and context of moved annotations, and also the quote of fuzzy ones, so that
 * each resolves exactly again. Orphans are never touched, let alone removed.
 */
export async function fixRanges(files: ProjectFiles, project: Project): Promise<FixReport> {
  const report: FixReport = { updated: 0, files: [], problems: [] };
  for (const transcript of project.transcripts) {
    const stale = new Map(transcript.annotations.filter(isFixable).map((r) => [r.annotation.id, refreshed(r)]));
    if (stale.size === 0 || !transcript.sidecarReadable) continue;
    const result = await updateSidecar(files, transcript.sidecarPath, transcript.path, (current) =>
      current.map((a) => stale.get(a.id) ?? a),
    );
    if (!result.ok) report.problems.push(...result.problems, notFixed(transcript.sidecarPath, stale.size));
    else if (result.changed) {
      report.updated += stale.size;
      report.files.push(transcript.sidecarPath);
    }
  }
  return report;
}

function isFixable(resolved: ResolvedAnnotation): boolean {
  return resolved.transcript.doc !== undefined && isStale(resolved.resolution);
}

function refreshed(resolved: ResolvedAnnotation): Annotation {
  const { resolution, annotation } = resolved;
  if (resolution.status === 'orphaned' || !resolved.transcript.doc) return annotation;
  const anchor = captureAnchor(resolved.transcript.doc, resolution.start, resolution.end);
  return { ...annotation, range: anchor.range, quote: anchor.quote, before: anchor.before, after: anchor.after };
}

function notFixed(sidecarPath: string, count: number): Problem {
  return problem(
    sidecarPath,
    1,
    1,
    'warning',
    'not-fixed',
    message(
      '{count} moved or fuzzy annotation(s) in this sidecar were not updated: --fix leaves a sidecar with errors alone. Correct the errors, then run "qcode check --fix" again.',
      { count },
    ),
  );
}

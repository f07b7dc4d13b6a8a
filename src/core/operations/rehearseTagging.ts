import { basename } from '../paths';
import type { Project, TranscriptFile } from '../project/model';
import { readSidecar } from '../sidecar/readSidecar';
import { writeSidecar } from '../sidecar/writeSidecar';
import { annotationFor } from './tagPassage';

/**
 * Tags the first turn of a transcript in memory and writes the sidecar's new text without saving
 * it: the first real tagging then runs code that is already compiled, instead of paying for it
 * while the researcher waits. Returns whether the rehearsal produced a sidecar (for the tests).
 */
export function rehearseTagging(project: Project, transcript: TranscriptFile): boolean {
  const [concept] = project.codebook.roots;
  const turn = transcript.turns[0];
  if (!concept || !transcript.doc || !turn || turn.end <= turn.start) return false;
  const annotation = annotationFor(project, transcript.doc, transcript.turns, [turn.start, turn.end], { concepts: [concept.id], created: '2000-01-01T00:00:00Z' }, 'rehearsal');
  const previous = transcript.sidecarText;
  const read = previous === undefined ? undefined : readSidecar(transcript.sidecarPath, previous);
  const current = read ? read.entries.map((e) => e.annotation) : [];
  return writeSidecar(transcript.sidecarPath, previous, basename(transcript.path), [...current, annotation], read).ok;
}

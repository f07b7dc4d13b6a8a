import type { Project, TranscriptFile } from '../project/model';
import { SIDECAR_SUFFIX } from '../paths';
import { diffTranscript, hasAnnotationChanges, type MergedInto, type Sides } from './diffAnnotations';
import { diffCodebook, noConceptChanges } from './diffCodebook';
import { diffInformants } from './diffInformants';
import { diffMemos } from './diffMemos';
import type { ProjectDiff, TranscriptDiff, UnreadableFile } from './model';
import { DiffSide } from './side';
import { unreadableRegistries } from './unreadable';

/**
 * What changed in the coding from `base` to `head`: annotations per transcript (matched by id),
 * the codebook, the informant registry and the memos on concepts and transcripts (the project's
 * memo files are read apart: see diffProjectMemos). Independent of where the two projects were read from.
 */
export function diffProjects(base: Project, head: Project): ProjectDiff {
  const sides: Sides = { base: new DiffSide(base, head), head: new DiffSide(head, base) };
  const registries = [...unreadableRegistries(base, 'base'), ...unreadableRegistries(head, 'head')];
  const readable = (path: string) => !registries.some((file) => file.path === path);
  const codebook =
    readable(base.settings.codebook) && readable(head.settings.codebook) ? diffCodebook(sides) : noConceptChanges();
  const informants =
    readable(base.settings.informants) && readable(head.settings.informants)
      ? diffInformants(base.informants, head.informants)
      : { added: [], removed: [], changed: [] };
  const merged = new Map(codebook.merged.map((m) => [m.id, m.into.id]));
  const { transcripts, unreadable } = diffTranscripts(sides, merged);
  const unreadTranscripts = new Set(unreadable.map((file) => file.path));
  const memos = diffMemos(sides, {
    codebook: readable(base.settings.codebook) && readable(head.settings.codebook),
    transcripts: (path) => !unreadTranscripts.has(path + SIDECAR_SUFFIX),
  });
  return { transcripts, codebook, informants, memos, unreadable: [...registries, ...unreadable] };
}

function diffTranscripts(
  sides: Sides,
  merged: MergedInto,
): { transcripts: TranscriptDiff[]; unreadable: UnreadableFile[] } {
  const base = byPath(sides.base.project.transcripts);
  const head = byPath(sides.head.project.transcripts);
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
  const transcripts: TranscriptDiff[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const path of paths) {
    const was = base.get(path);
    const now = head.get(path);
    if (was && !was.sidecarReadable) unreadable.push({ side: 'base', path: was.sidecarPath });
    if (now && !now.sidecarReadable) unreadable.push({ side: 'head', path: now.sidecarPath });
    if (was?.sidecarReadable === false || now?.sidecarReadable === false) continue;
    const diff = diffTranscript(path, was?.annotations ?? [], now?.annotations ?? [], sides, merged);
    if (hasAnnotationChanges(diff)) transcripts.push(diff);
  }
  return { transcripts, unreadable };
}

function byPath(transcripts: readonly TranscriptFile[]): Map<string, TranscriptFile> {
  return new Map(transcripts.map((t) => [t.path, t]));
}

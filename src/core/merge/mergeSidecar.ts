import { basename } from '../paths';
import { SIDECAR_SUFFIX } from '../settings/settings';
import type { Annotation } from '../sidecar/annotation';
import { readSidecar } from '../sidecar/readSidecar';
import { writeSidecar } from '../sidecar/writeSidecar';
import { markConflicts, withLineBreaksOf, DEFAULT_LABELS } from './markConflicts';
import { mergeAnnotations, type MergeResult } from './mergeAnnotations';
import { readSides, type MergeInput, type TextMerge } from './mergeInput';
import type { Conflict } from './threeWay';
import { sameMeaning, writeVerified, type Layout, type RecordsReader } from './verifiedMerge';
import { itemRegions } from './yamlItems';

/**
 * Merges a sidecar annotation by annotation, written as writeSidecar writes it, starting from
 * ours. Each true conflict is one block of conflict markers around that annotation's lines.
 */
export function mergeSidecarText(input: MergeInput): TextMerge {
  const reader = annotationsReader(input.path);
  const sides = readSides(input, reader.read);
  if (!Array.isArray(sides)) return sides;
  const [base, ours, theirs] = sides;
  const merged = mergeAnnotations(base, ours, theirs);
  const expected = { ours: decided(merged.annotations, merged.conflicts, 'ours'), theirs: decided(merged.annotations, merged.conflicts, 'theirs') };
  const write = (layout: Layout<Annotation>) => writeMerged(input, layout.ours.text, merged, reader);
  return writeVerified(input, { ours, theirs }, { conflicts: merged.conflicts.map((c) => c.id), expected, write }, reader);
}

/** The merge written into ours' text ('' for a fresh file), conflicts between markers. */
function writeMerged(input: MergeInput, oursText: string, merged: MergeResult, reader: RecordsReader<Annotation>): string | undefined {
  const write = (previous: string | undefined, annotations: Annotation[]) => {
    const written = writeSidecar(input.path, previous, transcriptOf(input.path), annotations);
    return written.ok ? written.text : undefined;
  };
  const frame = write(oursText === '' ? undefined : oursText, merged.annotations);
  if (frame === undefined) return undefined;
  if (merged.conflicts.length === 0) return withLineBreaksOf(oursText, frame);
  const [ours, theirs] = [write(frame, decided(merged.annotations, merged.conflicts, 'ours')), write(frame, decided(merged.annotations, merged.conflicts, 'theirs'))];
  if (ours === undefined || theirs === undefined) return undefined;
  const texts = { frame, ours, theirs, anchors: merged.conflicts.map((c) => c.id) };
  return withLineBreaksOf(oursText, markConflicts(texts, (text) => itemRegions(text, 'id'), input.labels ?? DEFAULT_LABELS, sameMeaning(reader)));
}

function annotationsReader(path: string): RecordsReader<Annotation> {
  return {
    read(text) {
      const parsed = readSidecar(path, text);
      return { records: parsed.entries.map((e) => e.annotation), problems: parsed.file.problems };
    },
    idOf: (annotation) => annotation.id,
  };
}

/** The merged annotations with every conflict decided for one side. */
function decided(annotations: readonly Annotation[], conflicts: readonly Conflict<Annotation>[], side: 'ours' | 'theirs'): Annotation[] {
  const byId = new Map(conflicts.map((c) => [c.id, c]));
  return annotations.flatMap((a) => {
    const conflict = byId.get(a.id);
    const chosen = conflict ? conflict[side] : a;
    return chosen ? [chosen] : [];
  });
}

function transcriptOf(path: string): string {
  const name = basename(path);
  return name.endsWith(SIDECAR_SUFFIX) ? name.slice(0, -SIDECAR_SUFFIX.length) : name;
}

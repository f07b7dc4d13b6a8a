import { basename } from '../paths';
import { SIDECAR_SUFFIX } from '../settings/settings';
import type { Annotation } from '../sidecar/annotation';
import { readSidecar } from '../sidecar/readSidecar';
import { writeSidecar } from '../sidecar/writeSidecar';
import { markConflicts, withLineBreaksOf, DEFAULT_LABELS } from './markConflicts';
import { mergeAnnotations } from './mergeAnnotations';
import { unreadableSide, type MergeInput, type TextMerge } from './mergeInput';
import { sameValue, type Conflict } from './threeWay';
import { itemRegions } from './yamlItems';

/**
 * Merges a sidecar annotation by annotation, written as writeSidecar writes it, starting from
 * ours. Each true conflict is one block of conflict markers around that annotation's lines.
 */
export function mergeSidecarText(input: MergeInput): TextMerge {
  const sides: Annotation[][] = [];
  for (const [side, text] of [['base', input.base], ['ours', input.ours], ['theirs', input.theirs]] as const) {
    const parsed = readSidecar(input.path, text);
    const failed = text === '' ? undefined : unreadableSide(side, parsed.file.problems);
    if (failed) return failed;
    sides.push(parsed.entries.map((e) => e.annotation));
  }
  const merged = mergeAnnotations(sides[0] ?? [], sides[1] ?? [], sides[2] ?? []);
  const write = (previous: string | undefined, annotations: Annotation[]) => writeSidecar(input.path, previous, transcriptOf(input.path), annotations);
  const frame = write(input.ours === '' ? undefined : input.ours, merged.annotations);
  if (!frame.ok) return { ok: false, message: frame.problems[0]?.message ?? 'the merged sidecar could not be written' };
  const ids = merged.conflicts.map((c) => c.id);
  if (ids.length === 0) return { ok: true, text: withLineBreaksOf(input.ours, frame.text), conflicts: [] };
  const variant = (side: 'ours' | 'theirs') => {
    const written = write(frame.text, decided(merged.annotations, merged.conflicts, side));
    return written.ok ? written.text : frame.text;
  };
  const texts = { frame: frame.text, ours: variant('ours'), theirs: variant('theirs'), anchors: ids };
  const marked = markConflicts(texts, (text) => itemRegions(text, 'id'), input.labels ?? DEFAULT_LABELS, sameAnnotations);
  return { ok: true, text: withLineBreaksOf(input.ours, marked), conflicts: ids };
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

function sameAnnotations(a: string, b: string): boolean {
  const [x, y] = [readSidecar('a', a), readSidecar('b', b)];
  const annotations = (parsed: typeof x) => parsed.entries.map((e) => e.annotation).sort((p, q) => (p.id < q.id ? -1 : 1));
  return x.file.ok && y.file.ok && sameValue(annotations(x), annotations(y));
}

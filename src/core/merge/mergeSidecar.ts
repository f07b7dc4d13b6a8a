import { isMap, type Node } from 'yaml';
import { basename, SIDECAR_SUFFIX } from '../paths';
import type { Annotation } from '../sidecar/annotation';
import { readSidecarContent } from '../sidecar/cleanSidecar';
import { readSidecar, type ParsedSidecar } from '../sidecar/readSidecar';
import { writeSidecarMemo } from '../sidecar/sidecarMemo';
import { lineEndAfter, lineStartOf } from '../sidecar/splice';
import { writeSidecar } from '../sidecar/writeSidecar';
import { markConflicts, withLineBreaksOf, DEFAULT_LABELS } from './markConflicts';
import { mergeAnnotations, type MergeResult } from './mergeAnnotations';
import { readSides, type MergeInput, type TextMerge } from './mergeInput';
import type { Conflict } from './threeWay';
import { sameMeaning, writeVerified, type Layout, type RecordsReader } from './verifiedMerge';
import { itemRegions, type Region } from './yamlItems';
import { parseYaml, scalarText } from '../yaml/yamlNodes';

/**
 * Merges a sidecar annotation by annotation, written as writeSidecar writes it, starting from
 * ours. Each true conflict is one block of conflict markers around that annotation's lines. The
 * memo on the transcript merges as an annotation's memo does: a change on one side is taken,
 * different changes on both sides are a conflict around the `memo:` line alone.
 */
export function mergeSidecarText(input: MergeInput): TextMerge {
  const reader = annotationsReader(input.path);
  const sides = readSides(input, (text) => reader.read(text));
  if (!Array.isArray(sides)) return sides;
  const [base, ours, theirs] = sides;
  const merged = mergeAnnotations(base, ours, theirs);
  const expected = {
    ours: decided(merged.annotations, merged.conflicts, 'ours'),
    theirs: decided(merged.annotations, merged.conflicts, 'theirs'),
  };
  const write = (layout: Layout<Annotation>) =>
    writeMerged(input, layout.ours.text, merged, reader, readSidecar(input.path, layout.ours.text));
  return writeVerified(
    input,
    { ours, theirs },
    { conflicts: merged.conflicts.map((c) => c.id), expected, write },
    reader,
  );
}

/** The merge written into ours' text ('' for a fresh file), conflicts between markers. */
function writeMerged(
  input: MergeInput,
  oursText: string,
  merged: MergeResult,
  reader: RecordsReader<Annotation>,
  oursParsed: ParsedSidecar,
): string | undefined {
  const write = (previous: string | undefined, records: Annotation[]) => {
    const memo = records.find(isMemoRecord)?.memo;
    const written = writeSidecar(
      input.path,
      previous,
      transcriptOf(input.path),
      records.filter((r) => !isMemoRecord(r)),
      previous === oursText ? oursParsed : undefined,
    );
    const withMemo = written.ok ? writeSidecarMemo(input.path, written.text, transcriptOf(input.path), memo) : written;
    return withMemo.ok ? withMemo.text : undefined;
  };
  const frame = write(oursText === '' ? undefined : oursText, merged.annotations);
  if (frame === undefined) return undefined;
  if (merged.conflicts.length === 0) return withLineBreaksOf(oursText, frame);
  const [ours, theirs] = [
    write(frame, decided(merged.annotations, merged.conflicts, 'ours')),
    write(frame, decided(merged.annotations, merged.conflicts, 'theirs')),
  ];
  if (ours === undefined || theirs === undefined) return undefined;
  const texts = { frame, ours, theirs, anchors: merged.conflicts.map((c) => c.id) };
  return withLineBreaksOf(
    oursText,
    markConflicts(texts, regionsOf, input.labels ?? DEFAULT_LABELS, sameMeaning(reader)),
  );
}

/** What a merge conflict names the memo on the transcript by: it is merged as a record of its own. */
export const TRANSCRIPT_MEMO = 'the transcript memo';

function isMemoRecord(record: Annotation): boolean {
  return record.id === TRANSCRIPT_MEMO && record.concepts.length === 0;
}

/**
 * The annotations, and the transcript's memo as one more record, so that it merges field by field as they do; read as
 * loading reads them (readSidecarContent), since a merge only needs what a sidecar holds.
 */
function annotationsReader(path: string): RecordsReader<Annotation> {
  return {
    read(text) {
      const content = readSidecarContent(path, text);
      const memo: Annotation[] =
        content.memo === undefined ? [] : [{ id: TRANSCRIPT_MEMO, concepts: [], quote: '', memo: content.memo }];
      return { records: [...content.entries.map((e) => e.annotation), ...memo], problems: content.problems };
    },
    idOf: (annotation) => annotation.id,
  };
}

/** The lines of each annotation, and of the transcript's `memo:`. */
function regionsOf(text: string): Map<string, Region> {
  const regions = itemRegions(text, 'id');
  const doc = parseYaml(text);
  const pair =
    doc.errors.length === 0 && isMap(doc.contents)
      ? doc.contents.items.find((p) => scalarText(p.key) === 'memo')
      : undefined;
  const start = (pair?.key as Node | undefined)?.range?.[0];
  const end = (pair?.value as Node | null | undefined)?.range?.[1];
  if (start !== undefined && end !== undefined)
    regions.set(TRANSCRIPT_MEMO, { start: lineStartOf(text, start), end: lineEndAfter(text, end) });
  return regions;
}

/** The merged annotations with every conflict decided for one side. */
function decided(
  annotations: readonly Annotation[],
  conflicts: readonly Conflict<Annotation>[],
  side: 'ours' | 'theirs',
): Annotation[] {
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

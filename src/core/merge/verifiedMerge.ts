import { isCollection, isMap, isSeq, visit } from 'yaml';
import { findConflicts, resolveAll } from '../yaml/conflicts';
import { withLineBreaksOf } from './markConflicts';
import { unreadableReason, type MergeInput, type SideRead, type TextMerge } from './mergeInput';
import { sameValue } from './threeWay';
import { parseYaml } from '../yaml/yamlNodes';

/** A side's text and the records it holds: what a merge is written into. */
export interface Laid<T> {
  text: string;
  records: readonly T[];
}

/** The texts the merged records are written into: ours' layout, and theirs' for items only theirs has. */
export interface Layout<T> {
  ours: Laid<T>;
  theirs: Laid<T>;
}

/** Merged records, and how to write them into a layout. */
export interface RecordsMerge<T> {
  /** Ids (or codes) of the items put between conflict markers. */
  conflicts: string[];
  /** The records when every conflict is decided for ours, and for theirs (the same when there is none). */
  expected: { ours: readonly T[]; theirs: readonly T[] };
  /** The merged text in this layout, or undefined when it cannot be written there. */
  write(layout: Layout<T>): string | undefined;
}

/** How one kind of file is read. */
export interface RecordsReader<T> {
  read(text: string): SideRead<T>;
  idOf(record: T): string;
}

/**
 * The merge written into ours' layout, else into ours and theirs with every item in block style,
 * else into a fresh file: the first that reads back as exactly the merged records (each way its
 * conflicts are resolved). Not ok when none does, so that nothing broken is ever passed off as a merge.
 */
export function writeVerified<T>(
  input: MergeInput,
  sides: { ours: readonly T[]; theirs: readonly T[] },
  merge: RecordsMerge<T>,
  reader: RecordsReader<T>,
): TextMerge {
  for (const layout of layoutsOf(input, sides, reader)) {
    const written = merge.write(layout);
    const text = written !== undefined && layout.ours.text === '' ? withLineBreaksOf(input.ours, written) : written;
    if (text !== undefined && readsBack(text, merge, reader)) return { ok: true, text, conflicts: merge.conflicts };
  }
  return { ok: false, message: 'the merged file would not read back as the merged items, in any layout' };
}

function* layoutsOf<T>(
  input: MergeInput,
  sides: { ours: readonly T[]; theirs: readonly T[] },
  reader: RecordsReader<T>,
): Generator<Layout<T>> {
  yield { ours: { text: input.ours, records: sides.ours }, theirs: { text: input.theirs, records: sides.theirs } };
  const [ours, theirs] = [blockItems(input.ours), blockItems(input.theirs)];
  if (
    (ours !== input.ours || theirs !== input.theirs) &&
    holds(ours, sides.ours, reader) &&
    holds(theirs, sides.theirs, reader)
  ) {
    yield { ours: { text: ours, records: sides.ours }, theirs: { text: theirs, records: sides.theirs } };
  }
  yield { ours: { text: '', records: [] }, theirs: { text: '', records: [] } };
}

/** Whether the merged text reads back as the merged records: itself, or each way its conflicts are resolved. */
export function readsBack<T>(
  text: string,
  merge: Pick<RecordsMerge<T>, 'conflicts' | 'expected'>,
  reader: RecordsReader<T>,
): boolean {
  if (merge.conflicts.length === 0) return holds(text, merge.expected.ours, reader);
  if (findConflicts(text).length === 0) return false;
  return (
    holds(resolveAll(text, 'ours'), merge.expected.ours, reader) &&
    holds(resolveAll(text, 'theirs'), merge.expected.theirs, reader)
  );
}

/** Whether a text reads without errors (and is not blank) and holds exactly these records. */
function holds<T>(text: string, records: readonly T[], reader: RecordsReader<T>): boolean {
  const found = reader.read(text);
  return (
    unreadableReason('ours', text, found.problems) === undefined && sameRecords(found.records, records, reader.idOf)
  );
}

/** Whether two texts hold the same records, in any order. */
export function sameMeaning<T>(reader: RecordsReader<T>): (a: string, b: string) => boolean {
  return (a, b) => {
    const [x, y] = [reader.read(a), reader.read(b)];
    return (
      [x, y].every((read) => !read.problems.some((p) => p.severity === 'error')) &&
      sameRecords(x.records, y.records, reader.idOf)
    );
  };
}

function sameRecords<T>(a: readonly T[], b: readonly T[], idOf: (record: T) => string): boolean {
  const sorted = (records: readonly T[]) =>
    [...records].sort((p, q) => (idOf(p) < idOf(q) ? -1 : idOf(p) > idOf(q) ? 1 : 0));
  return a.length === b.length && sameValue(sorted(a), sorted(b));
}

/**
 * The text with every mapping, and every list that holds mappings or lists, in block style
 * (flow lists of text, such as `concepts: [a, b]`, stay); unchanged when there are none.
 */
export function blockItems(text: string): string {
  const doc = parseYaml(text);
  if (doc.errors.length > 0) return text;
  let changed = false;
  visit(doc, {
    Collection: (_, node) => {
      const holdsCollections = isSeq(node) && node.items.some((item) => isCollection(item));
      if (node.flow && (isMap(node) || holdsCollections)) [node.flow, changed] = [false, true];
    },
  });
  return changed ? withLineBreaksOf(text, doc.toString({ lineWidth: 0, flowCollectionPadding: false })) : text;
}

import { isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Concept } from '../codebook/codebook';
import { KEY_ORDER } from '../codebook/fieldSplices';
import { readCodebook } from '../codebook/readCodebook';
import { YamlFile } from '../yaml/yamlFile';
import { childrenOf, conflictAnchors, placeConcepts, type Parents } from './conceptTree';
import { DEFAULT_LABELS, markConflicts, withLineBreaksOf } from './markConflicts';
import { readSides, type MergeInput, type SideRead, type TextMerge } from './mergeInput';
import { decidedRecord, mergeRecords, sameValue } from './threeWay';
import { sameMeaning, writeVerified, type Layout, type RecordsReader } from './verifiedMerge';
import { itemRegions, mapsByKey, serialise, topList, updateFields } from './yamlItems';
import { parseYaml } from '../yaml/yamlNodes';

/** A concept as merged: where it sits in the tree (its parent) is a field like its label. */
export interface ConceptRecord {
  id: string;
  label: string;
  description?: string;
  inclusion?: string;
  exclusion?: string;
  /** Annotation ids, merged element by element. */
  examples?: string[];
  memo?: string;
  color?: string;
  /** The concept's REFI-QDA GUID, kept from an import. */
  guid?: string;
  parent?: string;
}

/**
 * Merges codebook.yaml concept by concept (by id; every field the codebook reads, and the parent,
 * as fields; examples element by element), editing ours' YAML document so that comments and layout stay. A true
 * conflict is one
 * block of conflict markers around that concept's item.
 */
export function mergeCodebookText(input: MergeInput): TextMerge {
  const reader = conceptsReader(input.path);
  const sides = readSides(input, reader.read);
  if (!Array.isArray(sides)) return sides;
  const [base, ours, theirs] = sides;
  const outcomes = mergeRecords(base, ours, theirs, (r) => r.id, { examples: 'set' });
  const known = [ours, theirs, base].map((side) => new Map(side.map((r) => [r.id, r])));
  const place = (side: 'ours' | 'theirs' | 'either') =>
    placed(
      outcomes.flatMap((o) => decidedRecord(o, side) ?? []),
      known,
    );
  const [frame, oursSide, theirsSide] = [place('either'), place('ours'), place('theirs')];
  const conflicts = outcomes.filter((o) => o.kind === 'conflict').map((o) => o.id);
  const write = (layout: Layout<ConceptRecord>) => {
    const writer = new CodebookWriter(layout);
    const frameText = writer.write(frame);
    if (conflicts.length === 0) return frameText;
    const anchors = conflictAnchors(frame.parents, oursSide.parents, theirsSide.parents, new Set(conflicts));
    const texts = { frame: frameText, ours: writer.write(oursSide), theirs: writer.write(theirsSide), anchors };
    return markConflicts(texts, (text) => itemRegions(text, 'id'), input.labels ?? DEFAULT_LABELS, sameMeaning(reader));
  };
  return writeVerified(
    input,
    { ours, theirs },
    { conflicts, expected: { ours: oursSide.records, theirs: theirsSide.records }, write },
    reader,
  );
}

function conceptsReader(path: string): RecordsReader<ConceptRecord> {
  return { read: (text) => readConcepts(path, text), idOf: (record) => record.id };
}

function readConcepts(path: string, text: string): SideRead<ConceptRecord> {
  const file = new YamlFile(path, text);
  return { records: [...readCodebook(file).all()].map(recordOf), problems: file.problems };
}

/** A concept's own fields, as read, with its parent; not where it sits in the tree otherwise. */
function recordOf(concept: Concept): ConceptRecord {
  const fields: Record<string, unknown> = { ...concept, parent: concept.parentId };
  for (const key of ['children', 'depth', 'parentId']) delete fields[key];
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields as unknown as ConceptRecord;
}

/** The concepts in the order given, each under the parent it ends up with, and that tree. */
interface Placement {
  records: ConceptRecord[];
  parents: Parents;
}

function placed(records: readonly ConceptRecord[], known: readonly ReadonlyMap<string, ConceptRecord>[]): Placement {
  const parents = placeConcepts(records, known);
  return { records: records.map((r) => withParent(r, parents.get(r.id))), parents };
}

/** Writes merged concepts into ours' document: fields changed in place, items moved where they belong. */
class CodebookWriter {
  private readonly current: ReadonlyMap<string, ConceptRecord>[];

  constructor(private readonly layout: Layout<ConceptRecord>) {
    this.current = [layout.ours.records, layout.theirs.records].map((side) => new Map(side.map((r) => [r.id, r])));
  }

  write({ records, parents }: Placement): string {
    if (this.layout.ours.text !== '' && sameValue(records, this.layout.ours.records)) return this.layout.ours.text;
    const doc = parseYaml(this.layout.ours.text);
    const maps = this.mapsOf(doc, records);
    const children = childrenOf(
      parents,
      records.map((r) => r.id),
    );
    const nodes = (parent: string | undefined) => (children.get(parent) ?? []).map((id) => maps.get(id) as YAMLMap);
    for (const record of records) setChildren(doc, maps.get(record.id) as YAMLMap, nodes(record.id));
    const top = topList(doc, 'concepts');
    top.items = nodes(undefined);
    if (top.items.length > 0) top.flow = false;
    return withLineBreaksOf(this.layout.ours.text, serialise(doc));
  }

  /** The item of each concept: ours' own, else a copy of theirs', with its fields set as merged. */
  private mapsOf(doc: Document, placedRecords: readonly ConceptRecord[]): Map<string, YAMLMap> {
    const [ours, theirs] = [mapsByKey(doc, 'id'), mapsByKey(parseYaml(this.layout.theirs.text), 'id')];
    const maps = new Map<string, YAMLMap>();
    for (const record of placedRecords) {
      const own = ours.get(record.id);
      const copied = own ? undefined : (theirs.get(record.id)?.clone() as YAMLMap | undefined);
      const map = own ?? copied ?? (doc.createNode({ id: record.id }) as YAMLMap);
      const current = own ? this.current[0]?.get(record.id) : copied ? this.current[1]?.get(record.id) : undefined;
      updateFields(doc, map, fieldsOf(current ?? { id: record.id }), fieldsOf(record), KEY_ORDER);
      maps.set(record.id, map);
    }
    return maps;
  }
}

function setChildren(doc: Document, map: YAMLMap, children: YAMLMap[]): void {
  const existing: unknown = map.get('children', true);
  if (isSeq(existing)) {
    if (children.length === 0 && existing.items.length > 0) map.delete('children');
    else existing.items = children;
    if (children.length > 0) existing.flow = false;
  } else if (children.length > 0) {
    const seq = doc.createNode([]) as YAMLSeq;
    seq.items = children;
    map.set('children', seq);
  }
}

function withParent(record: ConceptRecord, parent: string | undefined): ConceptRecord {
  const placed = { ...record };
  delete placed.parent;
  return parent === undefined ? placed : { ...placed, parent };
}

/** The fields written on the concept's own lines. */
function fieldsOf(record: Partial<ConceptRecord>): Record<string, unknown> {
  const fields: Partial<ConceptRecord> = { ...record };
  delete fields.id;
  delete fields.parent;
  return fields;
}

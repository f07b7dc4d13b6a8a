import { isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { readCodebook } from '../codebook/readCodebook';
import { YamlFile } from '../yaml/yamlFile';
import { childrenOf, conflictAnchors, placeConcepts, type Parents } from './conceptTree';
import { DEFAULT_LABELS, markConflicts, withLineBreaksOf } from './markConflicts';
import { unreadableSide, type MergeInput, type TextMerge } from './mergeInput';
import { mergeRecords, sameValue, type Outcome } from './threeWay';
import { itemRegions, mapsByKey, parseYaml, serialise, topList, updateFields } from './yamlItems';

/** A concept as merged: where it sits in the tree (its parent) is a field like its label. */
export interface ConceptRecord {
  id: string;
  label: string;
  description?: string;
  color?: string;
  /** The concept's REFI-QDA GUID, kept from an import. */
  guid?: string;
  parent?: string;
}

type Side = ConceptRecord[];
type Pick = (outcome: Outcome<ConceptRecord>) => ConceptRecord | undefined;

/**
 * Merges codebook.yaml concept by concept (by id; label, description, color, guid and parent as
 * fields), editing ours' YAML document so that comments and layout stay. A true conflict is one
 * block of conflict markers around that concept's item.
 */
export function mergeCodebookText(input: MergeInput): TextMerge {
  const sides: Side[] = [];
  for (const [side, text] of [['base', input.base], ['ours', input.ours], ['theirs', input.theirs]] as const) {
    const read = readConcepts(side, input.path, text);
    if (!Array.isArray(read)) return read;
    sides.push(read);
  }
  const [base, ours, theirs] = sides as [Side, Side, Side];
  const outcomes = mergeRecords(base, ours, theirs, (r) => r.id, {});
  const writer = new CodebookWriter(input, [ours, theirs, base]);
  const frame = writer.write(outcomes, (o) => (o.kind === 'kept' ? o.value : o.kind === 'conflict' ? (o.ours ?? o.theirs) : undefined));
  const conflicts = outcomes.filter((o) => o.kind === 'conflict').map((o) => o.id);
  if (conflicts.length === 0) return { ok: true, text: frame.text, conflicts };
  const decided = (side: 'ours' | 'theirs') => writer.write(outcomes, (o) => (o.kind === 'kept' ? o.value : o.kind === 'conflict' ? o[side] : undefined));
  const [oursSide, theirsSide] = [decided('ours'), decided('theirs')];
  const anchors = conflictAnchors(frame.parents, oursSide.parents, theirsSide.parents, new Set(conflicts));
  const texts = { frame: frame.text, ours: oursSide.text, theirs: theirsSide.text, anchors };
  return { ok: true, text: markConflicts(texts, (text) => itemRegions(text, 'id'), input.labels ?? DEFAULT_LABELS, sameCodebook), conflicts };
}

function readConcepts(side: string, path: string, text: string): Side | TextMerge {
  const file = new YamlFile(path, text);
  const codebook = readCodebook(file);
  const failed = text === '' ? undefined : unreadableSide(side, file.problems);
  if (failed) return failed;
  return [...codebook.all()].map(({ id, label, description, color, guid, parentId }) => ({
    id, label, ...(description !== undefined ? { description } : {}), ...(color !== undefined ? { color } : {}), ...(guid !== undefined ? { guid } : {}), ...(parentId !== undefined ? { parent: parentId } : {}),
  }));
}

/** Writes merged concepts into ours' document: fields changed in place, items moved where they belong. */
class CodebookWriter {
  private readonly known: ReadonlyMap<string, ConceptRecord>[];

  constructor(private readonly input: MergeInput, private readonly sides: [ours: Side, theirs: Side, base: Side]) {
    this.known = sides.map((side) => new Map(side.map((r) => [r.id, r])));
  }

  write(outcomes: readonly Outcome<ConceptRecord>[], pick: Pick): { text: string; parents: Parents } {
    const records = outcomes.flatMap((o) => pick(o) ?? []);
    const parents = placeConcepts(records, this.known);
    const placed = records.map((r) => withParent(r, parents.get(r.id)));
    if (sameValue(placed, this.sides[0])) return { text: this.input.ours, parents };
    const doc = parseYaml(this.input.ours);
    const maps = this.mapsOf(doc, placed);
    const children = childrenOf(parents, records.map((r) => r.id));
    const nodes = (parent: string | undefined) => (children.get(parent) ?? []).map((id) => maps.get(id) as YAMLMap);
    for (const record of placed) setChildren(doc, maps.get(record.id) as YAMLMap, nodes(record.id));
    const top = topList(doc, 'concepts');
    top.items = nodes(undefined);
    if (top.items.length > 0) top.flow = false;
    return { text: withLineBreaksOf(this.input.ours, serialise(doc)), parents };
  }

  /** The item of each concept: ours' own, else a copy of theirs', with its fields set as merged. */
  private mapsOf(doc: Document, placed: readonly ConceptRecord[]): Map<string, YAMLMap> {
    const [ours, theirs] = [mapsByKey(doc, 'id'), mapsByKey(parseYaml(this.input.theirs), 'id')];
    const maps = new Map<string, YAMLMap>();
    for (const record of placed) {
      const own = ours.get(record.id);
      const map = own ?? (theirs.get(record.id)?.clone() as YAMLMap | undefined) ?? (doc.createNode({ id: record.id }) as YAMLMap);
      const current = this.known[own ? 0 : 1]?.get(record.id) ?? { id: record.id };
      updateFields(doc, map, fieldsOf(current), fieldsOf(record), 'children');
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

function sameCodebook(a: string, b: string): boolean {
  const [x, y] = [readConcepts('ours', 'a', a), readConcepts('theirs', 'b', b)];
  const sorted = (side: Side) => [...side].sort((p, q) => (p.id < q.id ? -1 : 1));
  return Array.isArray(x) && Array.isArray(y) && sameValue(sorted(x), sorted(y));
}

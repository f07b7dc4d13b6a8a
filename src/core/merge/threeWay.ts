/**
 * Three-way merge of records (annotations, concepts, informants) by id, field by field.
 *
 * - `plain` fields: a change on one side is taken; different changes on both sides conflict.
 * - `set` fields (lists of ids): merged element by element, never a conflict.
 * - `hint` fields (where a passage was last seen): one side's change is taken; when both
 *   changed them, ours. A removal wins over a change of hints only.
 */
export type FieldKind = 'plain' | 'set' | 'hint';
export type FieldKinds = Readonly<Partial<Record<string, FieldKind>>>;

export type MergeRecord = object;

export type Outcome<T extends MergeRecord> =
  | { id: string; kind: 'kept'; value: T }
  | { id: string; kind: 'removed' }
  /** Each side as it would be if that side won the conflicting fields; undefined where that side removed it. */
  | { id: string; kind: 'conflict'; ours?: T; theirs?: T; fields: string[] };

export type Conflict<T extends MergeRecord> = Extract<Outcome<T>, { kind: 'conflict' }>;

/** The outcome for every id of ours (in ours' order), then of theirs, then of the base. */
export function mergeRecords<T extends MergeRecord>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  idOf: (record: T) => string,
  kinds: FieldKinds,
): Outcome<T>[] {
  const byId = (list: readonly T[]) => new Map(list.map((r) => [idOf(r), r]));
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const ids = new Set([...o.keys(), ...t.keys(), ...b.keys()]);
  return [...ids].map((id) => mergeRecord(id, b.get(id), o.get(id), t.get(id), kinds));
}

function mergeRecord<T extends MergeRecord>(
  id: string,
  base: T | undefined,
  ours: T | undefined,
  theirs: T | undefined,
  kinds: FieldKinds,
): Outcome<T> {
  if (ours && theirs) return mergeFields(id, base, ours, theirs, kinds);
  const kept = ours ?? theirs;
  if (!kept) return { id, kind: 'removed' };
  if (!base) return { id, kind: 'kept', value: kept };
  const changed = keysOf(base, kept).filter(
    (key) => kinds[key] !== 'hint' && !sameValue(field(base, key), field(kept, key)),
  );
  if (changed.length === 0) return { id, kind: 'removed' };
  return { id, kind: 'conflict', fields: changed, ...(ours ? { ours } : { theirs: kept }) };
}

function mergeFields<T extends MergeRecord>(
  id: string,
  base: T | undefined,
  ours: T,
  theirs: T,
  kinds: FieldKinds,
): Outcome<T> {
  const merged = { ...ours };
  const conflicting: string[] = [];
  for (const key of keysOf(base ?? {}, ours, theirs)) {
    const [b, o, t] = [base && field(base, key), field(ours, key), field(theirs, key)];
    if (sameValue(o, t) || (base && sameValue(t, b))) continue;
    if (base && sameValue(o, b)) setField(merged, key, t);
    else if (kinds[key] === 'set') setField(merged, key, mergeSets(asList(b), asList(o), asList(t)));
    else if (kinds[key] !== 'hint') conflicting.push(key);
  }
  if (conflicting.length === 0) return { id, kind: 'kept', value: merged };
  const theirsSide = { ...merged };
  for (const key of conflicting) setField(theirsSide, key, field(theirs, key));
  return { id, kind: 'conflict', ours: merged, theirs: theirsSide, fields: conflicting };
}

/**
 * The record an outcome leaves with its conflict decided for one side ('either': ours, else theirs); undefined when
 * removed.
 */
export function decidedRecord<T extends MergeRecord>(
  outcome: Outcome<T>,
  side: 'ours' | 'theirs' | 'either',
): T | undefined {
  if (outcome.kind === 'kept') return outcome.value;
  if (outcome.kind === 'removed') return undefined;
  return side === 'either' ? (outcome.ours ?? outcome.theirs) : outcome[side];
}

/**
 * Element by element: what either side added is in, what one side removed is out. Should that
 * leave nothing (each side replaced the base's elements), both sides' elements are kept, since a
 * record never loses all of a set field by merging.
 */
export function mergeSets(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const [b, o, t] = [new Set(base), new Set(ours), new Set(theirs)];
  const kept = [...new Set([...ours, ...theirs])].filter((x) => (o.has(x) && t.has(x)) || !b.has(x));
  return kept.length > 0 ? kept : [...new Set([...ours, ...theirs])];
}

/** Structural equality of field values: text, numbers, lists and plain objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = keysOf(a, b);
  return keys.every((key) => sameValue(field(a, key), field(b, key)));
}

function keysOf(...records: object[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r).filter((k) => field(r, k) !== undefined)))];
}

function field(record: object, key: string): unknown {
  return (record as Record<string, unknown>)[key];
}

function setField(record: object, key: string, value: unknown): void {
  if (value === undefined) delete (record as Record<string, unknown>)[key];
  else (record as Record<string, unknown>)[key] = value;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

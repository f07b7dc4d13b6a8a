import type { YAMLMap } from 'yaml';
import { readInformants } from '../informants/registry';
import { YamlFile } from '../yaml/yamlFile';
import { DEFAULT_LABELS, markConflicts, withLineBreaksOf } from './markConflicts';
import { unreadableSide, type MergeInput, type TextMerge } from './mergeInput';
import { mergeRecords, sameValue, type Outcome } from './threeWay';
import { itemRegions, mapsByKey, parseYaml, serialise, topList, updateFields } from './yamlItems';

/** An informant as merged: its code and each attribute as a field. */
export type InformantRecord = Readonly<Record<string, unknown>> & { code: string };

/**
 * Merges informants.yaml informant by informant (by code, each attribute a field), editing ours'
 * YAML document so that comments and layout stay. A true conflict is one block of conflict
 * markers around that informant.
 */
export function mergeInformantsText(input: MergeInput): TextMerge {
  const sides: InformantRecord[][] = [];
  for (const [side, text] of [['base', input.base], ['ours', input.ours], ['theirs', input.theirs]] as const) {
    const read = readRecords(side, input.path, text);
    if (!Array.isArray(read)) return read;
    sides.push(read);
  }
  const [base, ours, theirs] = sides as [InformantRecord[], InformantRecord[], InformantRecord[]];
  const outcomes = mergeRecords(base, ours, theirs, (r) => r.code, {});
  const write = (pick: (outcome: Outcome<InformantRecord>) => InformantRecord | undefined) => writeInformants(input.ours, input.theirs, ours, theirs, outcomes.flatMap((o) => pick(o) ?? []));
  const conflicts = outcomes.filter((o) => o.kind === 'conflict').map((o) => o.id);
  const frame = write((o) => (o.kind === 'kept' ? o.value : o.kind === 'conflict' ? (o.ours ?? o.theirs) : undefined));
  if (conflicts.length === 0) return { ok: true, text: frame, conflicts };
  const texts = {
    frame,
    ours: write((o) => (o.kind === 'kept' ? o.value : o.kind === 'conflict' ? o.ours : undefined)),
    theirs: write((o) => (o.kind === 'kept' ? o.value : o.kind === 'conflict' ? o.theirs : undefined)),
    anchors: conflicts,
  };
  return { ok: true, text: markConflicts(texts, (text) => itemRegions(text, 'code'), input.labels ?? DEFAULT_LABELS, sameInformants), conflicts };
}

function readRecords(side: string, path: string, text: string): InformantRecord[] | TextMerge {
  const file = new YamlFile(path, text);
  const registry = readInformants(file);
  const failed = text === '' ? undefined : unreadableSide(side, file.problems);
  return failed ?? registry.informants.map((i) => ({ ...i.attributes, code: i.code }));
}

/** Ours' text made to hold `desired`, in that order. */
function writeInformants(oursText: string, theirsText: string, ours: InformantRecord[], theirs: InformantRecord[], desired: InformantRecord[]): string {
  if (sameValue(desired, ours)) return oursText;
  const doc = parseYaml(oursText);
  const [oursMaps, theirsMaps] = [mapsByKey(doc, 'code'), mapsByKey(parseYaml(theirsText), 'code')];
  const [oursByCode, theirsByCode] = [byCode(ours), byCode(theirs)];
  const list = topList(doc, 'informants');
  list.items = desired.map((record) => {
    const own = oursMaps.get(record.code);
    const map = own ?? (theirsMaps.get(record.code)?.clone() as YAMLMap | undefined) ?? (doc.createNode({ code: record.code }) as YAMLMap);
    const current = (own ? oursByCode : theirsByCode).get(record.code) ?? { code: record.code };
    updateFields(doc, map, current, record);
    return map;
  });
  if (list.flow && list.items.length > 0) list.flow = false;
  return withLineBreaksOf(oursText, serialise(doc));
}

function byCode(records: InformantRecord[]): Map<string, InformantRecord> {
  return new Map(records.map((r) => [r.code, r]));
}

function sameInformants(a: string, b: string): boolean {
  const [x, y] = [readRecords('ours', 'a', a), readRecords('theirs', 'b', b)];
  const sorted = (r: InformantRecord[]) => [...r].sort((p, q) => (p.code < q.code ? -1 : 1));
  return Array.isArray(x) && Array.isArray(y) && sameValue(sorted(x), sorted(y));
}

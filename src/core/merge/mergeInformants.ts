import type { YAMLMap } from 'yaml';
import { readInformants } from '../informants/registry';
import { YamlFile } from '../yaml/yamlFile';
import { DEFAULT_LABELS, markConflicts, withLineBreaksOf } from './markConflicts';
import { readSides, type MergeInput, type TextMerge } from './mergeInput';
import { decidedRecord, mergeRecords, sameValue } from './threeWay';
import { sameMeaning, writeVerified, type Layout, type RecordsReader } from './verifiedMerge';
import { itemRegions, mapsByKey, serialise, topList, updateFields } from './yamlItems';
import { parseYaml } from '../yaml/yamlNodes';

/** An informant as merged: its code and each attribute as a field. */
export type InformantRecord = Readonly<Record<string, unknown>> & { code: string };

/**
 * Merges informants.yaml informant by informant (by code, each attribute a field), editing ours'
 * YAML document so that comments and layout stay. A true conflict is one block of conflict
 * markers around that informant.
 */
export function mergeInformantsText(input: MergeInput): TextMerge {
  const reader = informantsReader(input.path);
  const sides = readSides(input, reader.read);
  if (!Array.isArray(sides)) return sides;
  const [base, ours, theirs] = sides;
  const outcomes = mergeRecords(base, ours, theirs, (r) => r.code, {});
  const pick = (side: 'ours' | 'theirs' | 'either') => outcomes.flatMap((o) => decidedRecord(o, side) ?? []);
  const conflicts = outcomes.filter((o) => o.kind === 'conflict').map((o) => o.id);
  const expected = { ours: pick('ours'), theirs: pick('theirs') };
  const write = (layout: Layout<InformantRecord>) => {
    const frame = writeInformants(layout, pick('either'));
    if (conflicts.length === 0) return frame;
    const texts = {
      frame,
      ours: writeInformants(layout, expected.ours),
      theirs: writeInformants(layout, expected.theirs),
      anchors: conflicts,
    };
    return markConflicts(
      texts,
      (text) => itemRegions(text, 'code'),
      input.labels ?? DEFAULT_LABELS,
      sameMeaning(reader),
    );
  };
  return writeVerified(input, { ours, theirs }, { conflicts, expected, write }, reader);
}

function informantsReader(path: string): RecordsReader<InformantRecord> {
  return {
    read(text) {
      const file = new YamlFile(path, text);
      const records = readInformants(file).informants.map((i) => ({ ...i.attributes, code: i.code }));
      return { records, problems: file.problems };
    },
    idOf: (record) => record.code,
  };
}

/** Ours' text made to hold `desired`, in that order; items only theirs has are copied from theirs. */
function writeInformants(layout: Layout<InformantRecord>, desired: InformantRecord[]): string {
  if (layout.ours.text !== '' && sameValue(desired, layout.ours.records)) return layout.ours.text;
  const doc = parseYaml(layout.ours.text);
  const [oursMaps, theirsMaps] = [mapsByKey(doc, 'code'), mapsByKey(parseYaml(layout.theirs.text), 'code')];
  const [oursByCode, theirsByCode] = [byCode(layout.ours.records), byCode(layout.theirs.records)];
  const list = topList(doc, 'informants');
  list.items = desired.map((record) => {
    const own = oursMaps.get(record.code);
    const copied = own ? undefined : (theirsMaps.get(record.code)?.clone() as YAMLMap | undefined);
    const map = own ?? copied ?? (doc.createNode({ code: record.code }) as YAMLMap);
    const current = own ? oursByCode.get(record.code) : copied ? theirsByCode.get(record.code) : undefined;
    updateFields(doc, map, current ?? { code: record.code }, record);
    return map;
  });
  if (list.flow && list.items.length > 0) list.flow = false;
  return withLineBreaksOf(layout.ours.text, serialise(doc));
}

function byCode(records: readonly InformantRecord[]): Map<string, InformantRecord> {
  return new Map(records.map((r) => [r.code, r]));
}

import { isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { YamlFile } from '../yaml/yamlFile';
import { validPath } from './settingPath';
import { message } from '../messages';

export const QUOTE_FORMATS = ['md', 'csv', 'json', 'docx'] as const;
export type QuoteFormat = (typeof QUOTE_FORMATS)[number];
export const GROUPINGS = ['concept', 'informant'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** "role=tjenestemottaker": passages of informants whose attribute has this value. */
export interface WhereClause {
  attribute: string;
  value: string;
}

/** A named set of export choices kept under `exports:` in qcode.yaml. */
export interface ExportPreset {
  name: string;
  format?: QuoteFormat;
  concepts?: string[];
  informants?: string[];
  where?: WhereClause[];
  group?: Grouping;
  citation?: string;
  memos?: boolean;
  context?: boolean;
  keyOnly?: boolean;
  out?: string;
}

const PRESET_KEYS = [
  'format',
  'concepts',
  'informants',
  'where',
  'group',
  'citation',
  'memos',
  'context',
  'keyOnly',
  'out',
] as const;
type PresetKey = (typeof PRESET_KEYS)[number];
type Reader = (file: YamlFile, value: unknown, keyNode: Scalar) => ExportPreset[PresetKey];

const READERS: Record<PresetKey, Reader> = {
  format: (file, value, keyNode) => oneOf(file, value, keyNode, 'format', QUOTE_FORMATS),
  concepts: (file, value, keyNode) => texts(file, value, keyNode, '"concepts"'),
  informants: (file, value, keyNode) => texts(file, value, keyNode, '"informants"'),
  where: readWhere,
  group: (file, value, keyNode) => oneOf(file, value, keyNode, 'group', GROUPINGS),
  citation: (file, value, keyNode) => file.asString(value, '"citation"', keyNode),
  memos: (file, value, keyNode) => yesNo(file, value, keyNode, 'memos'),
  context: (file, value, keyNode) => yesNo(file, value, keyNode, 'context'),
  keyOnly: (file, value, keyNode) => yesNo(file, value, keyNode, 'keyOnly'),
  out: readOut,
};

/** Reads `exports:`, a mapping from preset name to its choices; bad values are reported and left out. */
export function readExportPresets(file: YamlFile, node: unknown, keyNode: Scalar): ExportPreset[] {
  if (isEmpty(file.plain(node))) return [];
  const map = file.asMap(node, '"exports"', keyNode);
  return (map ? file.entries(map, '"exports"') : []).map(({ key, keyNode: nameNode, value }) =>
    readPreset(file, key, value, nameNode),
  );
}

function readPreset(file: YamlFile, name: string, node: unknown, nameNode: Scalar): ExportPreset {
  const preset: ExportPreset = { name };
  if (isEmpty(file.plain(node))) return preset;
  const map = file.asMap(node, message('The export "{name}"', { name }), nameNode);
  for (const { key, keyNode, value } of map ? file.entries(map, message('the export "{name}"', { name })) : []) {
    if (!(PRESET_KEYS as readonly string[]).includes(key)) {
      file.unknownKey(keyNode, key, message('the export "{name}"', { name }), PRESET_KEYS);
      continue;
    }
    const read = READERS[key as PresetKey](file, value, keyNode);
    if (read !== undefined) Object.assign(preset, { [key]: read });
  }
  return preset;
}

/**
 * A preset's output file; one outside the project is refused (a file typed on the command line is the user's choice).
 */
function readOut(file: YamlFile, value: unknown, keyNode: Scalar): string | undefined {
  const out = file.asString(value, '"out"', keyNode);
  if (
    out === undefined ||
    !validPath(
      file,
      'out',
      out,
      file.plain(value) ?? keyNode,
      message('Nothing is written there; give --out to choose a file outside.'),
    )
  )
    return undefined;
  return out;
}

function oneOf<T extends string>(
  file: YamlFile,
  value: unknown,
  keyNode: Scalar,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const text = file.asString(value, `"${key}"`, keyNode);
  if (text === undefined) return undefined;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  file.reportAt(
    file.plain(value) ?? keyNode,
    'error',
    'bad-value',
    message('"{key}" must be one of {allowed}, not "{text}".', { key, allowed: allowed.join(', '), text }),
  );
  return undefined;
}

function yesNo(file: YamlFile, value: unknown, keyNode: Scalar, key: string): boolean | undefined {
  const plain = file.plain(value);
  if (isScalar(plain) && typeof plain.value === 'boolean') return plain.value;
  file.reportAt(plain ?? keyNode, 'error', 'wrong-type', message('"{key}" must be true or false.', { key }));
  return undefined;
}

/** A list of texts; a single text is taken as a list of one. */
function texts(file: YamlFile, value: unknown, keyNode: Scalar, what: string): string[] | undefined {
  const plain = file.plain(value);
  if (isScalar(plain) && !isSeq(plain)) {
    const one = file.asString(plain, what, keyNode);
    return one === undefined ? undefined : [one];
  }
  const seq = file.asSeq(plain, what, keyNode);
  return seq?.items
    .map((item) => file.asString(item, message('An entry of {what}', { what }), seq))
    .filter((t): t is string => t !== undefined);
}

function readWhere(file: YamlFile, value: unknown, keyNode: Scalar): WhereClause[] | undefined {
  const map = file.asMap(value, '"where"', keyNode);
  if (!map) return undefined;
  return file
    .entries(map, '"where"')
    .flatMap(({ key, keyNode: attributeNode, value: values }) =>
      (texts(file, values, attributeNode, `"${key}"`) ?? []).map((text) => ({ attribute: key, value: text })),
    );
}

function isEmpty(node: Node | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null);
}

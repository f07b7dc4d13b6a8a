import { isScalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseRange } from '../text/position';
import type { YamlFile } from '../yaml/yamlFile';
import { readSidecarYaml } from './readSidecarYaml';
import { ANNOTATION_KEYS, SIDECAR_VERSION, type Annotation, type AnnotationKey } from './annotation';
import { message } from '../messages';

/** An annotation together with the place in the sidecar it was read from. */
export interface SidecarEntry {
  annotation: Annotation;
  item: YAMLMap;
  pairs: Map<AnnotationKey, Pair>;
  line: number;
  column: number;
}

export interface ParsedSidecar {
  file: YamlFile;
  transcript?: string;
  /** The memo on the transcript as a whole (`memo:` at the top). */
  memo?: string;
  /** The `memo:` pair, when present. */
  memoPair?: Pair;
  /** The `annotations:` pair, when present. */
  annotationsPair?: Pair;
  list?: YAMLSeq;
  entries: SidecarEntry[];
}

const TOP_KEYS = ['qcode', 'transcript', 'memo', 'annotations'];
const REQUIRED: AnnotationKey[] = ['id', 'concepts', 'quote'];

/**
 * Parses and validates a sidecar; problems land in `file.problems`. `file` is the text as YAML: by
 * default read by the fast reader where it can, else by the yaml library (see readSidecarYaml).
 */
export function readSidecar(path: string, text: string, file: YamlFile = readSidecarYaml(path, text)): ParsedSidecar {
  const parsed: ParsedSidecar = { file, entries: [] };
  const root = file.document?.contents;
  if (!file.ok) return parsed;
  const map = file.asMap(root, message('A sidecar'), file.document?.contents);
  if (!map) return parsed;
  let version: string | undefined;
  for (const { key, keyNode, value, pair } of file.entries(map, message('the sidecar'))) {
    if (key === 'qcode') version = file.asString(value, message('"qcode" (the format version)'), keyNode);
    else if (key === 'transcript') parsed.transcript = file.asString(value, '"transcript"', keyNode);
    else if (key === 'memo') readMemo(file, parsed, value, pair, keyNode);
    else if (key === 'annotations') readList(file, parsed, pair, keyNode);
    else file.unknownKey(keyNode, key, message('the sidecar'), TOP_KEYS);
  }
  checkVersion(file, version, map);
  return parsed;
}

function checkVersion(file: YamlFile, version: string | undefined, map: YAMLMap): void {
  if (version === undefined)
    file.reportAt(
      map,
      'error',
      'missing-key',
      message('The sidecar has no "qcode: {version}" line. Add it at the top.', { version: SIDECAR_VERSION }),
    );
  else if (Number(version) !== SIDECAR_VERSION) {
    file.reportAt(
      map,
      'error',
      'unsupported-version',
      message('This sidecar is format {version}; this qcode reads format {supported}. Update qcode.', {
        version,
        supported: SIDECAR_VERSION,
      }),
    );
  }
}

function readMemo(file: YamlFile, parsed: ParsedSidecar, value: unknown, pair: Pair, keyNode: Node): void {
  parsed.memoPair = pair;
  if (value === null || (isScalar(value) && value.value === null)) return;
  const memo = file.asString(value, message('The transcript\'s "memo"'), keyNode);
  if (memo !== undefined) parsed.memo = memo;
}

function readList(file: YamlFile, parsed: ParsedSidecar, pair: Pair, keyNode: Node): void {
  parsed.annotationsPair = pair;
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return;
  const list = file.asSeq(pair.value, '"annotations"', keyNode);
  if (!list) return;
  parsed.list = list;
  const ids = new Map<string, number>();
  for (const item of list.items) {
    const map = file.asMap(item, message('An annotation'), list);
    const entry = map && readEntry(file, map);
    if (!entry) continue;
    const firstLine = ids.get(entry.annotation.id);
    if (firstLine !== undefined) {
      file.reportAt(
        map,
        'error',
        'duplicate-id',
        message(
          'The annotation id "{id}" is already used on line {line}. Give one of them a new id (8 letters and digits).',
          { id: entry.annotation.id, line: firstLine },
        ),
      );
      continue;
    }
    ids.set(entry.annotation.id, entry.line);
    parsed.entries.push(entry);
  }
}

function readEntry(file: YamlFile, map: YAMLMap): SidecarEntry | undefined {
  const values: Partial<Record<AnnotationKey, unknown>> = {};
  const pairs = new Map<AnnotationKey, Pair>();
  for (const { key, keyNode, value, pair } of file.entries(map, message('an annotation'))) {
    if (!(ANNOTATION_KEYS as readonly string[]).includes(key)) {
      file.unknownKey(keyNode, key, message('an annotation'), ANNOTATION_KEYS);
      continue;
    }
    const read = readField(file, key as AnnotationKey, value, keyNode);
    if (read === undefined) continue;
    values[key as AnnotationKey] = read;
    pairs.set(key as AnnotationKey, pair);
  }
  const missing = REQUIRED.filter((key) => values[key] === undefined);
  if (missing.length > 0) {
    file.reportAt(
      map,
      'error',
      'missing-key',
      message('This annotation has no {keys}. Every annotation needs an id, at least one concept and its quote.', {
        keys: missing.map((k) => `"${k}"`).join(', '),
      }),
    );
    return undefined;
  }
  const { line, column } = file.positionOf(map.range?.[0] ?? 0);
  return { annotation: values as Annotation, item: map, pairs, line, column };
}

function readField(file: YamlFile, key: AnnotationKey, value: unknown, keyNode: Node): unknown {
  if (key === 'concepts') return readConcepts(file, value, keyNode);
  if (key === 'range') return readRange(file, value, keyNode);
  if (key === 'key') return readFlag(file, value, keyNode);
  const text = file.asString(value, `"${key}"`, keyNode);
  if (text === '' && (key === 'id' || key === 'quote')) {
    file.reportAt(keyNode, 'error', 'empty-value', message('"{key}" must not be empty.', { key }));
    return undefined;
  }
  return text;
}

/** `key: true` or `key: false`; anything else is refused, so that "yes" or "1" never silently means a key quote. */
function readFlag(file: YamlFile, value: unknown, keyNode: Node): boolean | undefined {
  const plain = file.plain(value);
  if (isScalar(plain) && typeof plain.value === 'boolean') return plain.value;
  file.reportAt(plain ?? keyNode, 'error', 'wrong-type', message('"{key}" must be true or false.', { key: 'key' }));
  return undefined;
}

function readConcepts(file: YamlFile, value: unknown, keyNode: Node): string[] | undefined {
  const list = file.asSeq(value, '"concepts"', keyNode);
  if (!list) return undefined;
  const ids = list.items
    .map((item) => file.asString(item, message('A concept id'), list))
    .filter((id): id is string => id !== undefined);
  if (ids.length === 0) {
    file.reportAt(
      keyNode,
      'error',
      'empty-value',
      message('An annotation needs at least one concept, as in "concepts: [samordning.formell]".'),
    );
    return undefined;
  }
  return ids;
}

function readRange(file: YamlFile, value: unknown, keyNode: Node) {
  const text = file.asString(value, '"range"', keyNode);
  if (text === undefined) return undefined;
  const range = parseRange(text);
  const at = file.plain(value) ?? keyNode;
  const reversed = range ? undefined : reversedRange(text);
  // The range is only a hint: --fix sets it again from where the quote is found.
  if (reversed)
    file.reportAt(
      at,
      'warning',
      'reversed-range',
      message(
        'The range "{range}" ends before it starts. Run "qcode check --fix" to set it from where the quote is found, or write the start first ({reversed}).',
        { range: text, reversed },
      ),
    );
  else if (!range)
    file.reportAt(
      at,
      'error',
      'bad-range',
      message(
        '"{range}" is not a range. Write startLine:startColumn-endLine:endColumn, e.g. 21:5-21:97, with the start before the end.',
        { range: text },
      ),
    );
  return range;
}

/** "9:33-9:5" as "9:5-9:33" when that is a range, else undefined. */
function reversedRange(text: string): string | undefined {
  const [start, end, ...rest] = text.trim().split('-');
  const swapped = `${end}-${start}`;
  return rest.length === 0 && end !== undefined && parseRange(swapped) ? swapped : undefined;
}

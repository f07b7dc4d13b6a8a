import type { Problem } from '../problems';
import { parseRange } from '../text/position';
import type { Annotation } from './annotation';
import { decline, unlessDeclined } from './fastYaml/decline';
import { lineStarts } from './fastYaml/nodeBuilder';
import { BOOL_TAG, NULL_TAG, plainTag } from './fastYaml/resolve';
import { BlockScanner, type ScalarStyle, type YamlBuilder } from './fastYaml/scanner';
import { readSidecar, type ParsedSidecar } from './readSidecar';

/** What a sidecar says: all a reader needs that does not write it. */
export interface SidecarContent {
  /** False when the text is not YAML (the problems say why): the file must then not be written. */
  ok: boolean;
  problems: Problem[];
  transcript?: string;
  memo?: string;
  /** The annotations, each with where it is written. */
  entries: { annotation: Annotation; line: number; column: number }[];
}

/** A plain null, true or false; every other scalar is its text. */
class Word {
  constructor(readonly value: null | boolean) {}
}
const NULL = new Word(null);
const TRUE = new Word(true);
const FALSE = new Word(false);

class FlowList {
  readonly values: Value[] = [];
}

class Item {
  readonly annotation: Record<string, unknown> = {};
  start = -1;
}

class Items {
  readonly items: Item[] = [];
  readonly ids = new Set<string>();
}

class Top {
  version?: string;
  transcript?: string;
  memo?: string;
  items: Item[] = [];
  readonly keys = new Set<string>();
}

type Value = string | Word | FlowList | Item | Items | Top;

/** The keys of an annotation whose value is text, as readSidecar reads them. */
const TEXT_KEYS = new Set(['id', 'informant', 'quote', 'before', 'after', 'memo', 'coder', 'created']);

/**
 * Reads a sidecar that readSidecar would read without a single problem, straight into annotations,
 * without the YAML nodes the writers need; declines (throws) at anything readSidecar would report,
 * and at every key it does not know, so that readSidecar reads those files and says what is wrong.
 */
class CleanSidecarBuilder implements YamlBuilder<Value, Item | Top, Items, FlowList> {
  private top: Top | undefined;

  scalar(style: ScalarStyle, text: string): Value {
    if (style !== 'plain') return text;
    const tag = plainTag(text)?.tag;
    if (tag === NULL_TAG) return NULL;
    if (tag === BOOL_TAG) return text[0] === 't' || text[0] === 'T' ? TRUE : FALSE;
    // Text, or a number, which readSidecar takes as written.
    return text;
  }

  empty(): Value {
    return NULL;
  }

  flowList(): FlowList {
    return new FlowList();
  }

  flowItem(list: FlowList, item: Value): void {
    list.values.push(item);
  }

  flowEnd(list: FlowList): Value {
    return list;
  }

  map(): Item | Top {
    if (this.top) return new Item();
    this.top = new Top();
    return this.top;
  }

  pair(map: Item | Top, key: string, keyStart: number, _keyEnd: number, value: Value): void {
    if (map instanceof Top) topPair(map, key, value);
    else itemPair(map, key, keyStart, value);
  }

  mapEnd(map: Item | Top): Value {
    if (map instanceof Top) {
      if (map.version === undefined) decline();
    } else if (!('id' in map.annotation && 'concepts' in map.annotation && 'quote' in map.annotation)) decline();
    return map;
  }

  list(): Items {
    return new Items();
  }

  listItem(list: Items, item: Value): void {
    const id = (item as Item).annotation.id as string;
    if (list.ids.has(id)) decline();
    list.ids.add(id);
    list.items.push(item as Item);
  }

  listEnd(list: Items): Value {
    return list;
  }
}

function topPair(top: Top, key: string, value: Value): void {
  if (top.keys.has(key)) decline();
  top.keys.add(key);
  if (key === 'qcode' && typeof value === 'string' && Number(value) === 1) top.version = value;
  else if (key === 'transcript' && typeof value === 'string') top.transcript = value;
  else if (key === 'memo' && typeof value === 'string') top.memo = value;
  else if (key === 'memo' && value === NULL) top.memo = undefined;
  else if (key === 'annotations' && (value === NULL || (value instanceof FlowList && value.values.length === 0)))
    top.items = [];
  else if (key === 'annotations' && value instanceof Items) top.items = value.items;
  else decline();
}

function itemPair(item: Item, key: string, keyStart: number, value: Value): void {
  if (item.start < 0) item.start = keyStart;
  if (key in item.annotation) decline();
  item.annotation[key] = fieldValue(key, value);
}

function fieldValue(key: string, value: Value): unknown {
  if (
    key === 'concepts' &&
    value instanceof FlowList &&
    value.values.length > 0 &&
    value.values.every((v) => typeof v === 'string')
  )
    return value.values;
  if (key === 'range' && typeof value === 'string') return parseRange(value) ?? decline();
  if (key === 'key' && (value === TRUE || value === FALSE)) return value.value;
  if (TEXT_KEYS.has(key) && typeof value === 'string' && !(value === '' && (key === 'id' || key === 'quote')))
    return value;
  return decline();
}

/**
 * What a sidecar says, for readers that do not write it: read straight into annotations when
 * readSidecar would find no problem in it, else by readSidecar, with its problems.
 */
export function readSidecarContent(path: string, text: string): SidecarContent {
  return readCleanSidecar(text) ?? contentOf(readSidecar(path, text));
}

/** The content of a sidecar as readSidecar read it. */
export function contentOf(parsed: ParsedSidecar): SidecarContent {
  const { file, transcript, memo } = parsed;
  const entries = parsed.entries.map(({ annotation, line, column }) => ({ annotation, line, column }));
  return {
    ok: file.ok,
    problems: file.problems,
    entries,
    ...(transcript === undefined ? {} : { transcript }),
    ...(memo === undefined ? {} : { memo }),
  };
}

/** The sidecar's content when readSidecar would read it without a problem, else undefined. */
export function readCleanSidecar(text: string): SidecarContent | undefined {
  return unlessDeclined(() => {
    const builder = new CleanSidecarBuilder();
    const top = new BlockScanner(text, builder).read() as Top;
    const starts = lineStarts(text);
    const entries = top.items.map((item) => ({
      annotation: item.annotation as unknown as Annotation,
      ...positionOf(starts, item.start),
    }));
    return {
      ok: true,
      problems: [],
      entries,
      ...(top.transcript === undefined ? {} : { transcript: top.transcript }),
      ...(top.memo === undefined ? {} : { memo: top.memo }),
    };
  });
}

/** Line and column of an offset, as yaml's LineCounter gives them. */
function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] as number) <= offset) low = mid + 1;
    else high = mid;
  }
  return { line: low, column: offset - (starts[low - 1] as number) + 1 };
}

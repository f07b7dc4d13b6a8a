import { isMap, isScalar, stringify, type Document, type Pair, type YAMLMap } from 'yaml';
import { englishText, message, type Message } from '../messages';
import { parseQuery } from '../query/parser';
import { applySplices, lineEndAfter, lineStartOf, type Splice } from '../sidecar/splice';
import { YamlFile } from '../yaml/yamlFile';
import { isQueryName } from './savedQueries';
import { readSettings, SETTINGS_FILE, type Settings } from './settings';

/**
 * Writing saved queries into qcode.yaml (`queries:`), in place: saving one changes or adds only
 * its line, deleting one removes only its lines, and comments, quoting, key order and line endings
 * stay as they were. Each edit is also made on the parsed document; when the text splice does not
 * read back as the edited document means (a flow mapping, say), the document is written out whole
 * instead, and when that does not read back either, the edit is refused. Callers apply these to the
 * file as it is on disk, under its lock (updateTextFile).
 */

/** The new text of qcode.yaml, or why the edit was refused (in English, and as `detail` to translate). */
export type SettingsEdit = { ok: true; text: string } | { ok: false; message: string; detail: Message };

/** What qcode.yaml says, with every saved query as name and text (where they are in the file aside). */
type Meaning = Omit<Settings, 'queries'> & { queries: [string, string][] };

interface Opened {
  text: string;
  doc: Document;
  root: YAMLMap | undefined;
  before: Meaning;
  errors: number;
}

/**
 * Saves `query` under `name`, replacing the query of that name if there is one. `text` undefined: there is no
 * qcode.yaml yet.
 */
export function saveQuery(text: string | undefined, name: string, query: string): SettingsEdit {
  const written = query.trim();
  const invalid = nameProblem(name) ?? queryProblem(written);
  if (invalid) return fail(invalid);
  const opened = open(text ?? '');
  if (!('doc' in opened)) return fail(opened);
  const queries = new Map(opened.before.queries).set(name, written);
  const spliced = attempt(() => applySplices(opened.text, [saveSplice(opened, name, written)]));
  const list = opened.root?.get('queries');
  if (isMap(list)) list.set(name, written);
  else opened.doc.set('queries', opened.doc.createNode({ [name]: written }));
  return settle(opened, queries, spliced);
}

/** Deletes the saved query `name`. */
export function deleteSavedQuery(text: string, name: string): SettingsEdit {
  const opened = open(text);
  if (!('doc' in opened)) return fail(opened);
  const list = opened.root?.get('queries');
  const pair = isMap(list) ? pairOf(list, name) : undefined;
  if (!isMap(list) || !pair)
    return fail(message('No query "{name}" is saved in {file}.', { name, file: SETTINGS_FILE }));
  const queries = new Map(opened.before.queries);
  queries.delete(name);
  const spliced = attempt(() => applySplices(opened.text, [deleteSplice(opened.text, list, pair)]));
  list.delete(name);
  return settle(opened, queries, spliced);
}

/** Keys that YAML readers take for an object's internals; check refuses them. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function nameProblem(name: string): Message | undefined {
  if (RESERVED.has(name)) return message('"{name}" cannot name a query. Choose another name.', { name });
  if (isQueryName(name)) return undefined;
  return message(
    'A query name may hold only letters, digits, _ . and -, such as parachute-users, so that it can be written as qcode query NAME and {{query:NAME}}.',
  );
}

function queryProblem(query: string): Message | undefined {
  if (/[\r\n]/.test(query)) return message('A saved query is one line. Join its lines with spaces.');
  const parsed = parseQuery(query);
  return parsed.error
    ? message('The query cannot be saved: column {column}: {problem}', {
        column: parsed.error.column,
        problem: parsed.error.detail,
      })
    : undefined;
}

/** The parsed file, or why it cannot be edited: it does not parse, or it is not a mapping. */
function open(text: string): Opened | Message {
  const file = new YamlFile(SETTINGS_FILE, text);
  const doc = file.document;
  const problem = file.problems.find((p) => p.severity === 'error');
  if (!doc)
    return message('{file} cannot be read at line {line}: {problem} Fix it, then try again; it was left as it is.', {
      file: SETTINGS_FILE,
      line: problem?.line ?? 1,
      problem: problem?.detail ?? problem?.message ?? '',
    });
  const contents = doc.contents;
  if (contents !== null && !isMap(contents))
    return message('{file} must be a mapping (key: value lines); it was left as it is.', { file: SETTINGS_FILE });
  const before = meaningOf(text);
  return { text, doc, root: contents ?? undefined, before: before.meaning, errors: before.errors };
}

/** The line `name: query` added to or changed in the block mapping `queries:`, or `queries:` added. */
function saveSplice({ text, root }: Opened, name: string, query: string): Splice {
  const eol = lineBreakOf(text);
  const entry = `${scalarText(name)}: ${scalarText(query)}`;
  const pair = root && pairOf(root, 'queries');
  if (!pair) {
    if (root?.flow) throw new Error('a flow mapping');
    const before = text === '' || text.endsWith('\n') ? '' : eol;
    return { start: text.length, end: text.length, text: `${before}queries:${eol}  ${entry}${eol}` };
  }
  const list = pair.value;
  const keyStart = indentedStart(text, pair.key);
  if (isScalar(list) && list.value === null && list.source === '') {
    const end = lineEnd(text, rangeOf(pair.key)[2]);
    return { start: end, end, text: `${eol}${' '.repeat(keyStart + 2)}${entry}` };
  }
  if (!isMap(list) || list.flow || list.items.length === 0) throw new Error('not a block mapping');
  const existing = pairOf(list, name);
  if (existing) {
    const [start, end] = rangeOf(existing.value);
    if (!isScalar(existing.value) || start === end || text.slice(start, end).includes('\n'))
      throw new Error('not a one-line value');
    return { start, end, text: scalarText(query) };
  }
  const first = list.items[0] as Pair;
  const last = list.items[list.items.length - 1] as Pair;
  const at = lineEndAfter(text, rangeOf(last.value ?? last.key)[2]);
  const before = at === text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: `${before}${' '.repeat(indentedStart(text, first.key))}${entry}${eol}` };
}

/** The lines of one entry of the block mapping `queries:`. */
function deleteSplice(text: string, list: YAMLMap, pair: Pair): Splice {
  if (list.flow) throw new Error('a flow mapping');
  const start = lineStartOf(text, rangeOf(pair.key)[0]);
  indentedStart(text, pair.key);
  return { start, end: lineEndAfter(text, rangeOf(pair.value ?? pair.key)[2]), text: '' };
}

/**
 * The spliced text when it reads as the edited document means, else the document written out when that does; else a
 * refusal.
 */
function settle(opened: Opened, queries: Map<string, string>, spliced: string | undefined): SettingsEdit {
  const wanted = JSON.stringify({ ...opened.before, queries: [...queries] });
  const reads = (candidate: string) => {
    const after = meaningOf(candidate);
    return after.errors <= opened.errors && JSON.stringify(after.meaning) === wanted;
  };
  if (spliced !== undefined && reads(spliced)) return { ok: true, text: spliced };
  const serialised = opened.doc.toString({ lineWidth: 0 });
  const written = opened.text.includes('\r\n') ? serialised.replace(/\r?\n/g, '\r\n') : serialised;
  if (reads(written)) return { ok: true, text: written };
  return fail(
    message(
      '{file} could not be written so that it reads back with this change, so it was left as it is. Change "queries:" in it by hand.',
      { file: SETTINGS_FILE },
    ),
  );
}

function meaningOf(text: string): { meaning: Meaning; errors: number } {
  const file = new YamlFile(SETTINGS_FILE, text);
  const settings = readSettings(file);
  const queries = settings.queries.map((q): [string, string] => [q.name, q.text]);
  return { meaning: { ...settings, queries }, errors: file.problems.filter((p) => p.severity === 'error').length };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The column (0-based) of a node that starts its line after spaces only; else the splice is not attempted. */
function indentedStart(text: string, node: unknown): number {
  const start = rangeOf(node)[0];
  const lead = text.slice(lineStartOf(text, start), start);
  if (!/^ *$/.test(lead)) throw new Error('not at the start of its line');
  return lead.length;
}

function rangeOf(node: unknown): [number, number, number] {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) throw new Error('a node without a place');
  return range;
}

/** The end of the line holding offset - 1, before its line break. */
function lineEnd(text: string, offset: number): number {
  const end = lineEndAfter(text, offset);
  if (text[end - 1] !== '\n') return end;
  return text[end - 2] === '\r' ? end - 2 : end - 1;
}

function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** A key or value as YAML writes it: plain where it reads back as the same text, else quoted. */
function scalarText(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function attempt(splice: () => string): string | undefined {
  try {
    return splice();
  } catch {
    return undefined; // an unusual layout: the document written out is used instead
  }
}

function fail(detail: Message): SettingsEdit {
  return { ok: false, message: englishText(detail), detail };
}

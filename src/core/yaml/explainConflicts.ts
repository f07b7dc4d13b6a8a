import { isMap, isScalar, isSeq, visit, type YAMLMap } from 'yaml';
import { problem, type Problem } from '../problems';
import { SIDECAR_SUFFIX } from '../paths';
import { message, type Message, type MessageArg } from '../messages';
import { CONFLICT_ADVICE_MESSAGE, findConflictMarker, RESOLVE_ADVICE_MESSAGE } from '../text/conflictMarkers';
import { findConflicts, linesOf, type ConflictBlock } from './conflicts';
import { parseYaml, scalarText } from './yamlNodes';

type Fields = Map<string, string>;
interface SideItems {
  key: 'id' | 'code';
  items: Map<string, Fields>;
}

const ID_KEYS = ['id', 'code'] as const;
const MAX_VALUE = 60;

/**
 * One error per block of git conflict markers, at its <<<<<<< line, naming the annotations
 * (concepts, informants) in it and what differs between the two sides. Marker lines outside a
 * complete block get the general advice.
 */
export function conflictProblems(path: string, text: string): Problem[] {
  const blocks = findConflicts(text);
  const problems = blocks.map((block) =>
    problem(path, block.startLine + 1, 1, 'error', 'conflict-markers', explainConflict(path, text, block)),
  );
  const stray = findConflictMarker(withoutBlocks(text, blocks));
  if (stray !== undefined) problems.push(problem(path, stray, 1, 'error', 'conflict-markers', CONFLICT_ADVICE_MESSAGE));
  return problems;
}

/** What a conflict block is about, and how to resolve it. */
export function explainConflict(path: string, text: string, block: ConflictBlock): Message {
  const [ours, theirs] = [itemsOf(block.ours), itemsOf(block.theirs)];
  const key = ours?.key ?? theirs?.key;
  const noun: Noun = key === 'code' ? 'informant' : path.endsWith(SIDECAR_SUFFIX) ? 'annotation' : 'concept';
  const ids = [...new Set([...(ours?.items.keys() ?? []), ...(theirs?.items.keys() ?? [])])];
  let what: MessageArg;
  if (ids.length > 0)
    what = joined(
      ids.map((id) => item(noun, id, differences(ours?.items.get(id), theirs?.items.get(id)))),
      '; ',
    );
  else {
    const enclosing = enclosingItem(text, block.startLine);
    const blank = block.ours.trim() === '' && block.theirs.trim() === '';
    const fields = blank ? message('both sides are empty') : differences(fieldsOf(block.ours), fieldsOf(block.theirs));
    what = enclosing ? item(enclosing.key === 'code' ? 'informant' : noun, enclosing.id, fields) : fields;
  }
  return message('The file contains git merge-conflict markers here: {what}. {advice}', {
    what,
    advice: RESOLVE_ADVICE_MESSAGE,
  });
}

type Noun = 'informant' | 'annotation' | 'concept';

function item(noun: Noun, id: string, fields: MessageArg): Message {
  if (noun === 'informant') return message('informant {id}: {fields}', { id, fields });
  if (noun === 'annotation') return message('annotation {id}: {fields}', { id, fields });
  return message('concept {id}: {fields}', { id, fields });
}

/** The parts with a separator between them, each part still translatable. */
function joined(parts: readonly MessageArg[], separator: string): MessageArg {
  const args: Record<string, MessageArg> = {};
  parts.forEach((part, i) => (args[`p${i}`] = part));
  return { template: parts.map((_, i) => `{p${i}}`).join(separator), args };
}

function differences(ours: Fields | undefined, theirs: Fields | undefined): MessageArg {
  if (!ours && !theirs) return message('the two sides differ');
  if (!ours) return message('only theirs has it (ours removed it or never had it)');
  if (!theirs) return message('only ours has it (theirs removed it or never had it)');
  const keys = [...new Set([...ours.keys(), ...theirs.keys()])].filter((k) => ours.get(k) !== theirs.get(k));
  if (keys.length === 0) return message('the two sides differ only in layout');
  return joined(
    keys.map((k) =>
      message('{field}: {ours} (ours) vs {theirs} (theirs)', {
        field: k,
        ours: shown(ours.get(k)),
        theirs: shown(theirs.get(k)),
      }),
    ),
    ', ',
  );
}

function shown(value: string | undefined): MessageArg {
  if (value === undefined) return message('(none)');
  const short = [...value].length > MAX_VALUE ? `${[...value].slice(0, MAX_VALUE - 1).join('')}…` : value;
  return JSON.stringify(short);
}

/** The items with an id (or code) in one side of a block, with their fields and where they sit. */
function itemsOf(side: string): SideItems | undefined {
  const doc = parseYaml(dedent(side));
  if (doc.errors.length > 0) return undefined;
  for (const key of ID_KEYS) {
    const items = new Map<string, Fields>();
    visit(doc, {
      Map: (_, map, path) => {
        const id = scalarText(map.get(key, true));
        if (id === undefined || items.has(id)) return;
        const holder = [...path]
          .reverse()
          .find((node): node is YAMLMap => isMap(node) && scalarText(node.get(key, true)) !== undefined);
        const fields = fieldsOfMap(map);
        if (holder) fields.set('parent', scalarText(holder.get(key, true)) ?? '');
        items.set(id, fields);
      },
    });
    if (items.size > 0) return { key, items };
  }
  return undefined;
}

function fieldsOf(side: string): Fields | undefined {
  const doc = parseYaml(dedent(side));
  return doc.errors.length === 0 && isMap(doc.contents) ? fieldsOfMap(doc.contents) : undefined;
}

/** Text and list-of-text fields, as they read; nested items are compared on their own. */
function fieldsOfMap(map: YAMLMap): Fields {
  const fields: Fields = new Map();
  for (const pair of map.items) {
    const key = scalarText(pair.key);
    if (key === undefined) continue;
    const value = scalarText(pair.value) ?? (isScalar(pair.value) ? String(pair.value.value) : undefined);
    if (value !== undefined) fields.set(key, value);
    else if (isSeq(pair.value) && pair.value.items.every(isScalar))
      fields.set(key, `[${pair.value.items.map((i) => scalarText(i) ?? '').join(', ')}]`);
  }
  return fields;
}

/** The list item a block sits inside, found from the nearest "- id:" (or "- code:") line above it. */
function enclosingItem(text: string, startLine: number): { key: string; id: string } | undefined {
  const lines = linesOf(text);
  for (let i = startLine - 1; i >= 0; i--) {
    const match = /^[ \t]*- (id|code):[ \t]*(.*?)[ \t]*\r?\n?$/.exec(lines[i] ?? '');
    if (match) return { key: match[1] as string, id: scalarText(parseYaml(match[2] ?? '').contents) ?? match[2] ?? '' };
    if (/^\S/.test(lines[i] ?? '')) return undefined;
  }
  return undefined;
}

function dedent(side: string): string {
  const lines = linesOf(side);
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return Number.isFinite(indent)
    ? lines.map((l) => l.slice(Math.min(indent, /^ */.exec(l)?.[0].length ?? 0))).join('')
    : side;
}

/** The text with the lines of complete blocks blanked, so that only stray markers are left. */
function withoutBlocks(text: string, blocks: readonly ConflictBlock[]): string {
  const lines = linesOf(text);
  for (const block of blocks) for (let i = block.startLine; i <= block.endLine; i++) lines[i] = '\n';
  return lines.join('');
}

import { isPair, isScalar, Lexer, parseDocument, visit, type Document, type Scalar } from 'yaml';
import type { Splice } from '../sidecar/splice';
import { applySplices } from '../sidecar/splice';
import type { KeyMatch, KeyMatcher } from './matcher';
import { replaceInString } from './replaceText';

export type YamlRewrite = { ok: true; text: string } | { ok: false; message: string };

const PARSE_OPTIONS = { version: '1.2', uniqueKeys: true, prettyErrors: false } as const;
/** Lexer tokens that stand for structure and take no characters of the source. */
const NO_SOURCE = new Set(['\x02', '\x18', '\x1f']);

/**
 * The key's entries replaced in a YAML file's comments and in the text values of every key but
 * `keep` (ids and codes, which other files refer to). Keys and layout stay; each value is spliced
 * in place, written quoted where its old style cannot hold the new text, and the result is read
 * back: it must mean exactly the old file with those values replaced, else nothing is written.
 */
export function pseudonymizeYaml(text: string, matcher: KeyMatcher, keep: (key: string) => boolean): YamlRewrite {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) return { ok: false, message: 'not valid YAML; fix it first' };
  const changed = changedScalars(doc, matcher, keep);
  const expected = JSON.stringify(withValues(doc, changed).toJS());
  const comments = commentSplices(text, matcher);
  for (const style of ['asWritten', 'quoted'] as const) {
    // Quoting each changed value is the safer form when keeping styles does not read back.
    const result = applySplices(text, [...comments, ...changed.map((c) => valueSplice(text, c, matcher, style))]);
    if (means(result, expected)) return { ok: true, text: result };
  }
  const serialised = withValues(parseDocument(applySplices(text, comments), PARSE_OPTIONS), changed).toString({
    lineWidth: 0,
  });
  if (means(serialised, expected)) return { ok: true, text: serialised };
  return {
    ok: false,
    message: 'qcode could not write the replaced names so that the file reads back the same; replace them by hand',
  };
}

interface ChangedScalar {
  path: string;
  node: Scalar;
  value: string;
}

function changedScalars(doc: Document, matcher: KeyMatcher, keep: (key: string) => boolean): ChangedScalar[] {
  const changed: ChangedScalar[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const pair = [...path].reverse().find(isPair);
      if (pair && keep(String(isScalar(pair.key) ? pair.key.value : ''))) return;
      const value = replaceInString(node.value, matcher);
      if (value !== node.value) changed.push({ path: JSON.stringify(node.range), node, value });
    },
  });
  return changed;
}

function withValues(doc: Document, changed: readonly ChangedScalar[]): Document {
  const copy = doc.clone();
  const wanted = new Map(changed.map((c) => [c.path, c.value]));
  visit(copy, {
    Scalar(key, node) {
      const value = key !== 'key' && node.range ? wanted.get(JSON.stringify(node.range)) : undefined;
      if (value !== undefined) node.value = value;
    },
  });
  return copy;
}

function valueSplice(text: string, changed: ChangedScalar, matcher: KeyMatcher, style: 'asWritten' | 'quoted'): Splice {
  const [start, end] = changed.node.range as [number, number, number];
  const replaced = replaceInString(text.slice(start, end), matcher);
  const plain = changed.node.type === 'PLAIN' || changed.node.type === undefined;
  const keepsStyle = style === 'asWritten' && (!plain || readsAsPlain(replaced, changed.value));
  return { start, end, text: keepsStyle ? replaced : JSON.stringify(changed.value) };
}

/** Whether a plain value still reads as this text: "[K4] sa" would read as a list. */
function readsAsPlain(source: string, value: string): boolean {
  if (source.includes('\n')) return false;
  const doc = parseDocument(`k: ${source}\n`, PARSE_OPTIONS);
  return doc.errors.length === 0 && doc.get('k') === value;
}

function commentSplices(text: string, matcher: KeyMatcher): Splice[] {
  return commentMatches(text, matcher).map((m) => ({ start: m.start, end: m.end, text: m.replacement }));
}

function commentMatches(text: string, matcher: KeyMatcher): KeyMatch[] {
  const found: KeyMatch[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (NO_SOURCE.has(token)) continue;
    if (token.startsWith('#'))
      for (const m of matcher.find(token)) found.push({ ...m, start: offset + m.start, end: offset + m.end });
    offset += token.length;
  }
  return offset === text.length ? found : [];
}

function means(text: string, expected: string): boolean {
  const doc = parseDocument(text, PARSE_OPTIONS);
  return doc.errors.length === 0 && JSON.stringify(doc.toJS()) === expected;
}

/** The key's entries replaced in the comments of a YAML file, when that leaves what the file means as it was. */
export function pseudonymizeComments(text: string, matcher: KeyMatcher): string {
  if (matcher.find(text).length === 0) return text;
  const splices = commentSplices(text, matcher);
  if (splices.length === 0) return text;
  const result = applySplices(text, splices);
  return means(result, JSON.stringify(parseDocument(text, PARSE_OPTIONS).toJS())) ? result : text;
}

/**
 * Where the key's entries are in the parts of a YAML file that pseudonymizing replaces: comments and the values of keys
 * not kept.
 */
export function yamlMatches(
  text: string,
  matcher: KeyMatcher,
  keep: (key: string) => boolean,
  parsed?: Document,
): KeyMatch[] {
  if (matcher.find(text).length === 0) return [];
  const doc = parsed ?? parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) return [];
  const inValues = changedScalars(doc, matcher, keep).flatMap(({ node }) => {
    const [start, end] = node.range as [number, number, number];
    return matcher.find(text.slice(start, end)).map((m) => ({ ...m, start: m.start + start, end: m.end + start }));
  });
  return [...inValues, ...commentMatches(text, matcher)].sort((a, b) => a.start - b.start);
}

/**
 * Where the key's entries are in the given values of a YAML file and in its comments, found with
 * one search of the whole text (`all`, when the caller has searched it already); the comments are
 * looked at only when an entry lies outside the values (`elsewhere`), and only then need they be
 * pseudonymized.
 */
export function matchesInValues(
  text: string,
  values: readonly (readonly [number, number])[],
  matcher: KeyMatcher,
  all = matcher.find(text),
): { matches: KeyMatch[]; elsewhere: boolean } {
  if (all.length === 0) return { matches: [], elsewhere: false };
  const sorted = [...values].sort((a, b) => a[0] - b[0]);
  const inValues: KeyMatch[] = [];
  let outside = false;
  let v = 0;
  for (const match of all) {
    while (v < sorted.length && (sorted[v] as readonly [number, number])[1] <= match.start) v++;
    const value = sorted[v];
    if (value && value[0] <= match.start && match.end <= value[1]) inValues.push(match);
    else outside = true;
  }
  if (!outside) return { matches: inValues, elsewhere: false };
  return {
    matches: [...inValues, ...commentMatches(text, matcher)].sort((a, b) => a.start - b.start),
    elsewhere: true,
  };
}

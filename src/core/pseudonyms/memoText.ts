import { parseReferences } from '../chapters/references';
import type { KeyMatch, KeyMatcher } from './matcher';
import { replaceKeyEntries } from './replaceText';

/**
 * The parts of a project memo (Markdown) that pseudonymizing replaces in: everything but its
 * references (`{{q:ID}}`, `{{concept:ID}}`, `{{query:NAME}}`), which name ids, concepts and saved
 * queries that other files keep as written, so that the memo still cites what it cited.
 */
function proseParts(text: string): [number, number][] {
  const parts: [number, number][] = [];
  let cursor = 0;
  for (const reference of parseReferences(text)) {
    parts.push([cursor, reference.start]);
    cursor = reference.end;
  }
  parts.push([cursor, text.length]);
  return parts.filter(([start, end]) => end > start);
}

/** Where the key's entries are in a project memo, outside its references. */
export function memoMatches(text: string, matcher: KeyMatcher): KeyMatch[] {
  if (matcher.find(text).length === 0) return [];
  return proseParts(text).flatMap(([start, end]) =>
    matcher.find(text.slice(start, end)).map((m) => ({
      ...m,
      start: m.start + start,
      end: m.end + start,
    })),
  );
}

/** A project memo with the key's entries replaced outside its references; line breaks and the rest stay. */
export function pseudonymizeMemo(text: string, matcher: KeyMatcher): string {
  if (matcher.find(text).length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const [start, end] of proseParts(text)) {
    out += text.slice(cursor, start) + replaceKeyEntries(text.slice(start, end), matcher).text;
    cursor = end;
  }
  return out + text.slice(cursor);
}

import { parseReferences } from '../chapters/references';
import type { KeyMatch, KeyMatcher } from './matcher';
import { replaceKeyEntries } from './replaceText';

/**
 * The parts of a chapter or project memo (Markdown) that pseudonymizing replaces in: everything
 * but its references (`{{q:ID}}`, `{{concept:ID}}`, `{{query:NAME}}`), which name ids, concepts
 * and saved queries that other files keep as written, so that it still cites what it cited.
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

/** Where the key's entries are in a chapter or memo outside its references: what pseudonymizing replaces. */
export function writingMatches(text: string, matcher: KeyMatcher): KeyMatch[] {
  if (matcher.find(text).length === 0) return [];
  return proseParts(text).flatMap(([start, end]) =>
    matcher.find(text.slice(start, end)).map((m) => ({
      ...m,
      start: m.start + start,
      end: m.end + start,
    })),
  );
}

/**
 * The key's entries in a chapter or memo that pseudonymizing leaves as written: those in its
 * references (an id, a concept or a query named after a person), each found in the whole text
 * and not where a replacement is made.
 */
export function keptMatches(text: string, matcher: KeyMatcher, replaced: readonly KeyMatch[]): KeyMatch[] {
  let next = 0;
  return matcher.find(text).filter((m) => {
    // Both lists run left to right without overlaps, so one pass over the replacements does.
    while (next < replaced.length && (replaced[next] as KeyMatch).end <= m.start) next++;
    const r = replaced[next];
    return !(r && r.start < m.end);
  });
}

/** A chapter or memo with the key's entries replaced outside its references; line breaks and the rest stay. */
export function pseudonymizeWriting(text: string, matcher: KeyMatcher): string {
  if (matcher.find(text).length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const [start, end] of proseParts(text)) {
    out += text.slice(cursor, start) + replaceKeyEntries(text.slice(start, end), matcher).text;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** One line of the key: a real name (or other identifying word) and what replaces it. */
export interface KeyEntry {
  name: string;
  replacement: string;
}

/** A key entry found in a text: [start, end) covers the name and any possessive ending. */
export interface KeyMatch {
  start: number;
  end: number;
  /** The text found, as written. */
  text: string;
  entry: KeyEntry;
  /** The replacement with the possessive ending found kept: "[K4]s". */
  replacement: string;
}

export interface KeyMatcher {
  readonly entries: readonly KeyEntry[];
  /** Every entry in the text, left to right, not overlapping; at one place the longest entry wins. */
  find(text: string): KeyMatch[];
}

const WORD_CHARACTER = '[\\p{L}\\p{M}\\p{N}]';
const POSSESSIVE = "s|'s|\u2019s";
/** No letter before; or a line break or tab written as an escape, as a YAML file quotes "\nKari". */
const WORD_START = `(?:(?<!${WORD_CHARACTER})|(?<=\\\\[nrt]))`;

/**
 * Matches whole words (no letter, mark or digit right before or after), ignoring case, with the
 * possessive endings s, 's and ’s (a name right after an escaped line break, "\\nKari" in a quoted
 * YAML value, is found too). Spaces inside an entry match any run of white space, so a name
 * broken over two lines is found too. Letters are matched composed and decomposed.
 */
export function compileKey(entries: readonly KeyEntry[]): KeyMatcher {
  const byLength = [...entries].sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
  const bySpelling = new Map<string, KeyEntry>();
  for (const entry of byLength) if (!bySpelling.has(spelling(entry.name))) bySpelling.set(spelling(entry.name), entry);
  const alternatives = [...new Set(byLength.flatMap((e) => spellingsOf(e.name)))];
  const pattern = alternatives.length === 0
    ? undefined
    : new RegExp(`${WORD_START}(${alternatives.join('|')})(${POSSESSIVE})?(?!${WORD_CHARACTER})`, 'giu');
  return {
    entries,
    find(text) {
      if (!pattern) return [];
      const found: KeyMatch[] = [];
      // exec on the one compiled pattern: matchAll would copy it, which costs more than a short text's search.
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const name = match[1] as string;
        const entry = bySpelling.get(spelling(name)) ?? entryMatching(byLength, name);
        if (!entry) continue;
        const ending = match[2] ?? '';
        found.push({ start: match.index, end: match.index + match[0].length, text: match[0], entry, replacement: entry.replacement + ending });
      }
      return found;
    },
  };
}

/** An entry as matching sees it: case, composition and spacing do not count. */
export function spelling(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function spellingsOf(name: string): string[] {
  return [...new Set([name.normalize('NFC'), name.normalize('NFD')])].map(asPattern);
}

function asPattern(name: string): string {
  return name.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+');
}

/** For the rare letters whose lower case differs from how the pattern folds case. */
function entryMatching(entries: readonly KeyEntry[], text: string): KeyEntry | undefined {
  return entries.find((entry) => new RegExp(`^(?:${spellingsOf(entry.name).join('|')})$`, 'iu').test(text));
}

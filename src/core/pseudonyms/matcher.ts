import { firstAtWordStart, isWordCodePoint, wordRun } from './wordScan';

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
/** Most words hash to no entry's first word; a table of the hashes' low bits says so before the map is asked. */
const HASH_FILTER_SIZE = 1 << 16;
const MAX_KNOWN_SPELLINGS = 10_000;

/** One spelling of an entry (composed or decomposed) as a pattern, in the order entries are tried. */
interface Alternative {
  /** The entry's name as written, composed or decomposed. */
  name: string;
  entry: KeyEntry;
  /** Matches at the place it is tried: the name, a possessive ending, no letter after. */
  sticky?: RegExp;
}

/**
 * Matches whole words (no letter, mark or digit right before or after), ignoring case, with the
 * possessive endings s, 's and ’s (a name right after an escaped line break, "\\nKari" in a quoted
 * YAML value, is found too). Spaces inside an entry match any run of white space, so a name
 * broken over two lines is found too. Letters are matched composed and decomposed.
 *
 * It finds what one regular expression of all entries, longest first, finds (keyRegExp; a test
 * holds the two alike), in one pass over the text: each word is looked up by its folded hash
 * among the entries' first words, and only the entries found there are tried at that place.
 */
export function compileKey(entries: readonly KeyEntry[]): KeyMatcher {
  const { alternatives, entryOf } = alternativesOf(entries);
  const byFirstWord = new Map<number, number[]>();
  const others: Alternative[] = [];
  alternatives.forEach((alternative, index) => {
    const source = alternative.name;
    if (!isWordCodePoint(source.codePointAt(0) as number)) others.push(alternative);
    else addTo(byFirstWord, wordRun(source, 0).hash, index);
  });
  const rest = others.length > 0 ? new RegExp(wholePattern(others.map((a) => a.name)), 'giu') : undefined;
  const maybe = new Uint8Array(HASH_FILTER_SIZE);
  for (const hash of byFirstWord.keys()) maybe[hash & (HASH_FILTER_SIZE - 1)] = 1;
  const lookUp = (hash: number | undefined) =>
    hash !== undefined && maybe[hash & (HASH_FILTER_SIZE - 1)] === 1 ? byFirstWord.get(hash) : undefined;
  /** Tries the entries whose first word hashes so at a place in the text. */
  const at = (text: string, place: number, hash: number, hashWithoutS: number | undefined): KeyMatch | undefined => {
    const whole = lookUp(hash);
    const withoutS = lookUp(hashWithoutS);
    if (!whole && !withoutS) return undefined;
    const tried = whole && withoutS ? [...whole, ...withoutS].sort((a, b) => a - b) : ((whole ?? withoutS) as number[]);
    for (const index of tried) {
      const alternative = alternatives[index] as Alternative;
      alternative.sticky ??= new RegExp(`(${asPattern(alternative.name)})(${POSSESSIVE})?(?!${WORD_CHARACTER})`, 'iuy');
      alternative.sticky.lastIndex = place;
      const match = alternative.sticky.exec(text);
      if (match) return keyMatch(match, entryOf(match[1] as string) ?? alternative.entry);
    }
    return undefined;
  };
  return {
    entries,
    find(text) {
      if (alternatives.length === 0) return [];
      const found: KeyMatch[] = [];
      const other = rest && new NextMatch(rest, text, entryOf);
      for (let cursor = 0; ;) {
        const word = firstAtWordStart(text, cursor, (place, hash, hashWithoutS) => at(text, place, hash, hashWithoutS));
        const elsewhere = other?.from(cursor);
        const next = elsewhere && (!word || elsewhere.start < word.start) ? elsewhere : word;
        if (!next) return found;
        found.push(next);
        cursor = next.end;
      }
    },
  };
}

/**
 * The key as one regular expression, longest entry first: what compileKey finds, found the slow
 * way. For entries that do not start with a letter or digit, and for tests.
 */
export function keyRegExp(entries: readonly KeyEntry[]): {
  pattern: RegExp | undefined;
  entryOf: (name: string) => KeyEntry | undefined;
} {
  const { alternatives, entryOf } = alternativesOf(entries);
  return {
    pattern: alternatives.length === 0 ? undefined : new RegExp(wholePattern(alternatives.map((a) => a.name)), 'giu'),
    entryOf,
  };
}

function alternativesOf(entries: readonly KeyEntry[]) {
  const byLength = [...entries].sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
  const bySpelling = new Map<string, KeyEntry>();
  for (const entry of byLength) if (!bySpelling.has(spelling(entry.name))) bySpelling.set(spelling(entry.name), entry);
  const seen = new Set<string>();
  const alternatives: Alternative[] = [];
  for (const entry of byLength) {
    for (const pattern of spellingsOf(entry.name)) {
      if (seen.has(asPattern(pattern))) continue;
      seen.add(asPattern(pattern));
      alternatives.push({ name: pattern, entry });
    }
  }
  // The same few spellings are found again and again ("Kari", "KARI"): each is looked up once.
  const known = new Map<string, KeyEntry | undefined>();
  const entryOf = (name: string): KeyEntry | undefined => {
    if (known.has(name)) return known.get(name);
    if (known.size > MAX_KNOWN_SPELLINGS) known.clear();
    const entry = bySpelling.get(spelling(name)) ?? entryMatching(byLength, name);
    known.set(name, entry);
    return entry;
  };
  return { alternatives, entryOf };
}

function wholePattern(spellings: readonly string[]): string {
  return `${WORD_START}(${spellings.map(asPattern).join('|')})(${POSSESSIVE})?(?!${WORD_CHARACTER})`;
}

/** The matches of a global regular expression, each looked for again only when the text before it was taken. */
class NextMatch {
  private last: KeyMatch | undefined;
  private searchedFrom = -1;

  constructor(
    private readonly pattern: RegExp,
    private readonly text: string,
    private readonly entryOf: (name: string) => KeyEntry | undefined,
  ) {}

  from(cursor: number): KeyMatch | undefined {
    if (this.searchedFrom >= 0 && cursor >= this.searchedFrom && (!this.last || this.last.start >= cursor))
      return this.last;
    this.searchedFrom = cursor;
    this.pattern.lastIndex = cursor;
    for (let match = this.pattern.exec(this.text); match; match = this.pattern.exec(this.text)) {
      const entry = this.entryOf(match[1] as string);
      if (entry) return (this.last = keyMatch(match, entry));
    }
    return (this.last = undefined);
  }
}

function keyMatch(match: RegExpExecArray, entry: KeyEntry): KeyMatch {
  const ending = match[2] ?? '';
  return {
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    entry,
    replacement: entry.replacement + ending,
  };
}

function addTo(map: Map<number, number[]>, key: number, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/** An entry as matching sees it: case, composition and spacing do not count. */
export function spelling(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function spellingsOf(name: string): string[] {
  const trimmed = name.trim();
  return [...new Set([trimmed.normalize('NFC'), trimmed.normalize('NFD')])];
}

function asPattern(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
}

/** For the rare letters whose lower case differs from how the pattern folds case. */
function entryMatching(entries: readonly KeyEntry[], text: string): KeyEntry | undefined {
  return entries.find((entry) =>
    new RegExp(`^(?:${spellingsOf(entry.name).map(asPattern).join('|')})$`, 'iu').test(text),
  );
}

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileKey, keyRegExp, type KeyEntry, type KeyMatch } from '../../src/core/pseudonyms/matcher';
import { foldCodePoint, isWordCodePoint } from '../../src/core/pseudonyms/wordScan';
import { runs } from '../helpers/fcRuns';

/** What one regular expression of the whole key finds: the matcher as it was, slow and plain. */
function foundByRegExp(entries: readonly KeyEntry[], text: string): KeyMatch[] {
  const { pattern, entryOf } = keyRegExp(entries);
  const found: KeyMatch[] = [];
  if (!pattern) return found;
  for (const match of text.matchAll(pattern)) {
    const entry = entryOf(match[1] as string);
    if (entry)
      found.push({
        start: match.index,
        end: match.index + match[0].length,
        text: match[0],
        entry,
        replacement: entry.replacement + (match[2] ?? ''),
      });
  }
  return found;
}

/**
 * Letters whose case is special: ß and ẞ, the long s, µ and μ, final sigma, dotted and dotless i, Kelvin and Ångström
 * signs, Deseret.
 */
const ODD_LETTERS = [
  'ß',
  'ẞ',
  'SS',
  'ſ',
  'µ',
  'μ',
  'Μ',
  'Σ',
  'σ',
  'ς',
  'İ',
  'ı',
  'I',
  'i',
  '\u212a',
  'k',
  '\u212b',
  'å',
  'Å',
  'a\u030a',
  'A\u030a',
  '\u{10400}',
  '\u{10428}',
  'ǅ',
  'ǆ',
  'Ǆ',
];
const NAMES = [
  'Kari',
  'Kari Nordmann',
  'Åse',
  'Tromsø',
  'NAV',
  'Jean-Luc',
  "O'Brien",
  '(Kari)',
  '- Ola',
  'Nordmann AS',
  'Karis',
  'K3',
  'Straße',
  'ΣΟΦΙΑ',
  'İzmir',
  '\u{10400}ab',
  'ǅemal',
  'Ås',
  'As',
];
const PIECES = [
  ...NAMES,
  ...ODD_LETTERS,
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  ', ',
  '.',
  "'s",
  '’s',
  's',
  'S',
  'ſ',
  '\\n',
  '\\t',
  '\\r',
  '\\',
  '-',
  '(',
  ')',
  'in',
  'nKari',
  'kari',
  'KARI',
  'karis',
  'nordmann',
  'Karin',
  '7',
  'é',
  'e\u0301',
];

const entryArb = fc.record({
  name: fc
    .oneof(
      fc.constantFrom(...NAMES),
      fc
        .array(fc.constantFrom(...ODD_LETTERS, 'a', 'r', 'i', ' ', '-', '.'), { minLength: 1, maxLength: 5 })
        .map((p) => p.join('')),
    )
    .filter((n) => /[\p{L}\p{N}]/u.test(n)),
  replacement: fc.constantFrom('[K4]', '[by]', '[X]'),
});

describe('the key matcher', () => {
  it('finds what one regular expression of the whole key finds, each with the same entry', function () {
    this.timeout(60000);
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }),
        (entries, pieces) => {
          const text = pieces.join('');
          assert.deepEqual(compileKey(entries).find(text), foundByRegExp(entries, text));
        },
      ),
      runs(500, 20261202),
    );
  });

  it('finds a name at a word start, after an escaped line break, never inside a word', () => {
    const matcher = compileKey([
      { name: 'Kari', replacement: '[K4]' },
      { name: '(Ola)', replacement: '[O]' },
    ]);
    assert.deepEqual(
      matcher.find('Kari xKari \\nKari nKari (Ola) x(Ola) Karis').map((m) => [m.start, m.text]),
      [
        [0, 'Kari'],
        [13, 'Kari'],
        [24, '(Ola)'],
        [37, 'Karis'],
      ],
    );
  });

  it('is one pass over the text for a key of hundreds of names, with one regular expression per name found', () => {
    const entries = Array.from({ length: 500 }, (_, i) => ({
      name: `Fornavn${i} Etternavn${i}`,
      replacement: `[P${i}]`,
    }));
    const text = 'Fornavn7 Etternavn7 møtte fornavn499   etternavn499 og Fornavn7 Etternavn8.';
    assert.deepEqual(
      compileKey(entries)
        .find(text)
        .map((m) => m.replacement),
      ['[P7]', '[P499]'],
    );
  });
});

describe('folding case for the key matcher', () => {
  it('folds alike every two characters that a case-insensitive regular expression takes for one another', function () {
    this.timeout(60000);
    const cased: number[] = [];
    const uncased: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const char = String.fromCodePoint(c);
      (char.toLowerCase() !== char || char.toUpperCase() !== char ? cased : uncased).push(c);
    }
    const escaped = (c: number): string => String.fromCodePoint(c).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const all = String.fromCodePoint(...cased);
    let pairs = 0;
    for (const c of cased) {
      for (const match of all.matchAll(new RegExp(`[${escaped(c)}]`, 'giu'))) {
        const d = match[0].codePointAt(0) as number;
        if (d === c) continue;
        pairs++;
        assert.equal(
          foldCodePoint(d),
          foldCodePoint(c),
          `U+${d.toString(16)} and U+${c.toString(16)} match each other but fold apart`,
        );
        assert.equal(
          isWordCodePoint(d),
          isWordCodePoint(c),
          `U+${d.toString(16)} and U+${c.toString(16)} match each other, but only one is a letter`,
        );
      }
    }
    assert.ok(pairs > 2000, `only ${pairs} pairs compared`);
    // A character without upper or lower case is taken for no other: folding it as itself is right.
    const anyCased = new RegExp(`[${cased.map(escaped).join('')}]`, 'iu');
    for (let i = 0; i < uncased.length; i += 10000)
      assert.doesNotMatch(String.fromCodePoint(...uncased.slice(i, i + 10000)), anyCased);
  });
});

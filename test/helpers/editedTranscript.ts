import fc from 'fast-check';
import { moveRanges, type LiveRange } from '../../src/core/anchoring/moveRanges';
import type { Position } from '../../src/core/text/position';

/**
 * A transcript as a list of units (a character, a letter with its combining marks, an emoji, or
 * a CRLF), so that random edits never split what the editor treats as one character.
 */
export interface UnitText {
  units: string[];
  /** Unit index ranges [start, end) of the sentences. */
  sentences: { start: number; end: number }[];
}

export interface Flavour {
  lineBreak: '\n' | '\r\n';
  /** Letters with diacritics written decomposed (NFD), as macOS may save them. */
  nfd: boolean;
}

const WORDS = [
  'jeg',
  'har',
  'et',
  'veldig',
  'godt',
  'team',
  'det',
  'er',
  'ruskonsulenten',
  'kommunen',
  'psykiatritjenesten',
  'møter',
  'på',
  'sykehuset',
  'fastlegen',
  'nav',
  'hjelp',
  'tromsø',
  'ønsker',
  'å',
  'få',
  'ærlig',
  'søknad',
  'vedtak',
  'hjemme',
  'tjenester',
  'koordinator',
  'ansvarsgruppe',
  'kafé',
  'ringte',
  'uke',
  'natt',
  'blå',
  '😀',
  'kaffe☕',
  'sånn',
  'går',
];

/** Splits into units: CRLF, or one code point with the combining marks after it. */
export function unitsOf(text: string): string[] {
  return text.match(/\r\n|[^\p{M}][\p{M}]*|\p{M}+/gsu) ?? [];
}

function word(text: string, flavour: Flavour): string {
  return flavour.nfd ? text.normalize('NFD') : text;
}

function sentenceArb(flavour: Flavour): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 })
    .map((words) => {
      const text = words.join(' ');
      const first = text.charAt(0).toUpperCase() + text.slice(1);
      return word(`${first}.`, flavour);
    })
    .filter((sentence) => sentence.normalize('NFC').length >= 16); // shorter quotes need agreeing context (SHORT_QUOTE)
}

/** Paragraphs of speaker turns made of distinct sentences. */
export function unitTextArb(flavour: Flavour): fc.Arbitrary<UnitText> {
  const sentences = fc.uniqueArray(sentenceArb(flavour), {
    minLength: 4,
    maxLength: 18,
    selector: (s) => s.normalize('NFC'),
  });
  return fc.tuple(sentences, fc.array(fc.nat({ max: 3 }), { minLength: 18, maxLength: 18 })).map(([list, breaks]) => {
    const units: string[] = [];
    const spans: UnitText['sentences'] = [];
    const push = (text: string) => units.push(...unitsOf(text));
    push('I: Hva skjer når du trenger hjelp?');
    list.forEach((sentence, i) => {
      const newTurn = i === 0 || (breaks[i] ?? 0) === 0;
      if (newTurn) push(`${flavour.lineBreak}${flavour.lineBreak}${i % 2 ? 'I' : 'K3'}: `);
      else push(' ');
      const start = units.length;
      push(sentence);
      spans.push({ start, end: units.length });
    });
    push(flavour.lineBreak);
    return { units, sentences: spans };
  });
}

export interface EditSpec {
  kind: 'insert' | 'delete' | 'replace';
  where: number;
  /** When set, the edit lands this many units from a passage's start or end. */
  near: number | null;
  length: number;
  text: string[];
}

export function editSpecArb(flavour: Flavour): fc.Arbitrary<EditSpec> {
  const pieces = [
    'a',
    'b',
    'x',
    'Q',
    'æ',
    'ø',
    ' ',
    ' ',
    ',',
    '.',
    '🙂',
    flavour.lineBreak,
    ...(flavour.nfd ? ['a\u030a', 'e\u0301'] : ['å', 'é']),
  ];
  return fc.record({
    kind: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const),
    where: fc.nat(),
    near: fc.option(fc.integer({ min: -4, max: 4 }), { freq: 2 }),
    length: fc.integer({ min: 1, max: 12 }),
    text: fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 }),
  });
}

function offsetsOf(units: readonly string[]): number[] {
  const offsets = [0];
  for (const unit of units) offsets.push((offsets[offsets.length - 1] ?? 0) + unit.length);
  return offsets;
}

/**
 * Applies the edits to the units and, through moveRanges, to the passages (raw offsets), which
 * thereby carry the ground truth: where each passage is now and whether an edit touched it.
 */
export function applyEdits(units: string[], passages: LiveRange[], edits: readonly EditSpec[]): void {
  for (const edit of edits) {
    const offsets = offsetsOf(units);
    let at: number;
    if (edit.near !== null && passages.length > 0) {
      const passage = passages[edit.where % passages.length] as LiveRange;
      const boundary = offsets.indexOf((edit.where >> 4) % 2 ? passage.end : passage.start);
      at = Math.min(Math.max(boundary + edit.near, 0), units.length);
    } else at = edit.where % (units.length + 1);
    const removed = edit.kind === 'insert' ? 0 : Math.min(edit.length, units.length - at);
    const inserted = edit.kind === 'delete' ? [] : edit.text;
    const rangeOffset = offsets[at] as number;
    const rangeLength = (offsets[at + removed] as number) - rangeOffset;
    units.splice(at, removed, ...inserted);
    moveRanges(passages, [{ rangeOffset, rangeLength, text: inserted.join('') }]);
  }
}

/** The editor's line:column of a raw offset (line breaks \r\n, \r or \n; columns in UTF-16 units). */
export function rawPosition(raw: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = raw[i];
    if (c === '\n' || (c === '\r' && raw[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function rawOffsetOfUnit(units: readonly string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (units[i] as string).length;
  return offset;
}

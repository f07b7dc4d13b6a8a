import fc from 'fast-check';
import { compareAnnotations, type Annotation } from '../../src/core/sidecar/annotation';
import type { TextRange } from '../../src/core/text/position';

/** Strings that YAML likes to read as something other than text, or that need quoting. */
export const TRICKY_STRINGS = [
  'yes',
  'no',
  'true',
  'False',
  'null',
  'Null',
  '~',
  'on',
  'off',
  'y',
  'n',
  '0',
  '007',
  '1.50',
  '-1',
  '1e3',
  '0x1f',
  '0o17',
  '.inf',
  '-.Inf',
  '.nan',
  '12345678',
  '2026-11-20',
  '2026-11-20T10:12:00Z',
  '1_000',
  '#',
  '# not a comment',
  'a #b',
  'a# b',
  'key: value',
  'a:b',
  ':',
  '- item',
  '-',
  '? q',
  '[a, b]',
  '{a: b}',
  'a, b',
  '&anchor',
  '*alias',
  '!tag',
  '%YAML',
  '@at',
  '`tick`',
  '|',
  '>',
  "it's",
  "'single'",
  '"double"',
  'back\\slash',
  ' leading',
  'trailing ',
  '  ',
  ' ',
  '\t',
  'tab\tinside',
  'line\nbreak',
  '\n',
  'ends with newline\n',
  '\nstarts with newline',
  'two\n\nparagraphs',
  'K3: Jeg har nummeret.',
  '---',
  '...',
  '--- x',
  'æøå ÆØÅ',
  'e\u0301',
  '😀',
  'fam: 👨‍👩‍👧',
  '\u00a0nbsp',
  '\u2028',
  '\u0085',
  '\u200b',
  '\ufeffbom',
  '\u0007bell',
  'nul\u0000byte',
  'cr\rinside',
];

/** Text as users and transcripts produce it: tricky words, arbitrary Unicode, and mixtures of both. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc
    .array(fc.constantFrom(...TRICKY_STRINGS, 'word', ' ', ':', '#', "'", '"', '\n', ' #', ': '), {
      minLength: 1,
      maxLength: 5,
    })
    .map((parts) => parts.join('')),
);

export const nonEmptyTextArb: fc.Arbitrary<string> = textArb.filter((s) => s.length > 0);

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'.split('');
export const idArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...ID_ALPHABET), { minLength: 8, maxLength: 8 })
  .map((c) => c.join(''));

const conceptIdArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'samordning.formell',
    'koordinator.fallskjerm',
    'zacka.likegyldighet',
    'a',
    'yes',
    'null',
    '1.5',
    'a, b',
    'x: y',
    '#tag',
    'æøå',
  ),
  nonEmptyTextArb,
);

const positionArb = fc.record({ line: fc.integer({ min: 1, max: 5000 }), column: fc.integer({ min: 1, max: 400 }) });
export const rangeArb: fc.Arbitrary<TextRange> = fc
  .tuple(positionArb, positionArb)
  .map(([a, b]) =>
    a.line < b.line || (a.line === b.line && a.column <= b.column) ? { start: a, end: b } : { start: b, end: a },
  );

/** One annotation with any subset of the optional fields. */
export const annotationArb: fc.Arbitrary<Annotation> = fc
  .record(
    {
      id: idArb,
      concepts: fc.array(conceptIdArb, { minLength: 1, maxLength: 3 }),
      informant: textArb,
      range: rangeArb,
      quote: nonEmptyTextArb,
      before: textArb,
      after: textArb,
      memo: textArb,
      key: fc.boolean(),
      coder: textArb,
      created: fc.constantFrom('2026-11-20T10:12:00Z', '2019-03-12', 'yesterday'),
    },
    { requiredKeys: ['id', 'concepts', 'quote'] },
  )
  .map((annotation) => JSON.parse(JSON.stringify(annotation)) as Annotation); // plain objects, as readSidecar makes

/** Annotations with distinct ids, in sidecar order. */
export const annotationsArb = (maxLength = 6): fc.Arbitrary<Annotation[]> =>
  fc.uniqueArray(annotationArb, { maxLength, selector: (a) => a.id }).map((list) => [...list].sort(compareAnnotations));

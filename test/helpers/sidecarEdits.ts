import fc from 'fast-check';

/**
 * Random edits of a sidecar's text, as hands, merges and other tools make them: characters YAML
 * cares about put anywhere, lines added (keys qcode does not know, wrong types, comments, whole
 * items), removed, doubled or indented differently.
 */
export type SidecarEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'add-line'; line: number; text: string }
  | { kind: 'set-value'; line: number; text: string }
  | { kind: 'remove-line'; line: number }
  | { kind: 'double-line'; line: number }
  | { kind: 'indent'; line: number; by: number };

const SNIPPETS = [
  ':',
  ': ',
  ' ',
  '  ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  '\\',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '[',
  ']',
  ',',
  '{',
  '}',
  'x',
  '1',
  '0x1F',
  '.5',
  '1e3',
  'true',
  'False',
  '~',
  'null',
  '&a ',
  '*a',
  '!t ',
  '!!str ',
  '|',
  '>',
  '%',
  '@',
  '`',
  '?',
  '\u00a0',
  '\ufeff',
  '\u0085',
  '\u2028',
  '\u0000',
  '\u0007',
  'é',
  '😀',
  '\ud800',
  '\\u00e9',
  '\\x41',
  '\\U0001F600',
  '\\q',
  '\\"',
  "''",
  '---',
  '...',
  '<<<<<<< ours',
  '=======',
  '>>>>>>> theirs',
];

const LINES = [
  // At the top.
  'memo: a note',
  'memo:',
  'memo: ""',
  'memo: [a, b]',
  'memo: 12',
  'extra: 1',
  'qcode: 2',
  'qcode: "1"',
  'qcode: 1.0',
  'qcode:',
  'transcript: other.txt',
  'transcript: 7',
  'annotations: []',
  'annotations: x',
  '# a comment',
  '',
  'key: true',
  'true: x',
  '1: x',
  // In an annotation, at qcode's indentation.
  '    key: true',
  '    key: false',
  '    key: yes',
  '    key: "true"',
  '    key: TRUE',
  '    key:',
  '    memo: a',
  '    memo:',
  '    memo: 12',
  '    memo: 1.50',
  '    coder: ~',
  '    coder: null',
  '    foo: bar',
  '    range: 9:33-9:5',
  '    range: nonsense',
  '    range: 1:1-1:2',
  '    range: 0:1-1:2',
  '    concepts: []',
  '    concepts: abc',
  '    concepts: [a, 1, true]',
  '    concepts: [a, [b]]',
  '    concepts: ["", x]',
  '    id: ""',
  "    quote: ''",
  '    id: 12345678',
  '    id: 1e234567',
  '    id: 0x1F',
  '    created: 2026-11-20',
  '    __proto__: x',
  '    constructor: y',
  '    before: "a\\tb"',
  "    after: 'it''s'",
  '    informant: K3 # a note',
  '  # comment',
  '    # comment',
  '#',
  '      deeper: x',
  '  - foo',
  '  -',
  '  - id: abcdefgh',
  '- id: abcdefgh',
  '  - id: dup00000\n    concepts: [a]\n    quote: q',
  '  - id: x\n    concepts: [a]\n    quote: q\n    key: true',
  '  - {id: y, concepts: [a], quote: q}',
  '\t- tab: x',
  '  - id: z\n    concepts:\n    - a\n    quote: q',
];

/** Values that a key may be given in place of its own. */
const VALUES = [
  '""',
  "''",
  '" "',
  '~',
  'null',
  '',
  'true',
  'false',
  'yes',
  'True',
  '12345678',
  '1e5',
  '0x1F',
  '.inf',
  '1.50',
  '[]',
  '[a]',
  '[a, ~]',
  '[a, true, 1]',
  '9:33-9:5',
  'nonsense',
  '1:1-1:2',
  '0:1-1:2',
  '" 1:1-1:2 "',
  'x # note',
  '"a\\nb"',
  "'it''s'",
  '2',
  '"1"',
  '1.0',
  '0o1',
  'K3',
  'a note',
];

const lineArb = fc.nat();
const textAt = fc.double({ min: 0, max: 1, noNaN: true });

/** Added lines weigh most: most of them keep the YAML valid, so that the checks of its content are reached. */
export const editArb: fc.Arbitrary<SidecarEdit> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), at: textAt, text: fc.constantFrom(...SNIPPETS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: textAt, text: fc.constantFrom(...SNIPPETS) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('add-line' as const), line: lineArb, text: fc.constantFrom(...LINES) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('set-value' as const), line: lineArb, text: fc.constantFrom(...VALUES) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove-line' as const), line: lineArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('double-line' as const), line: lineArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('indent' as const), line: lineArb, by: fc.integer({ min: -2, max: 2 }) }),
  },
);

export const editsArb = fc.array(editArb, { minLength: 1, maxLength: 2 });

export function withEdits(text: string, edits: readonly SidecarEdit[]): string {
  return edits.reduce(applyEdit, text);
}

function applyEdit(text: string, edit: SidecarEdit): string {
  if (edit.kind === 'insert' || edit.kind === 'replace') {
    const at = Math.floor(edit.at * text.length);
    return text.slice(0, at) + edit.text + text.slice(edit.kind === 'replace' ? at + 1 : at);
  }
  const lines = text.split('\n');
  if (edit.kind === 'add-line') {
    lines.splice(fittingPlace(lines, edit.text, edit.line), 0, edit.text);
    return lines.join('\n');
  }
  if (edit.kind === 'set-value') return withValue(lines, edit.line, edit.text).join('\n');
  const at = edit.line % lines.length;
  const line = lines[at] ?? '';
  if (edit.kind === 'remove-line') lines.splice(at, 1);
  else if (edit.kind === 'double-line') lines.splice(at, 0, line);
  else lines[at] = edit.by >= 0 ? ' '.repeat(edit.by) + line : line.replace(new RegExp(`^ {0,${-edit.by}}`), '');
  return lines.join('\n');
}

/**
 * Where a line fits: a key of an annotation among an annotation's lines, an item or a top-level key before one of its
 * kind.
 */
function fittingPlace(lines: readonly string[], text: string, pick: number): number {
  const fits = (line: string) => {
    if (text.startsWith('    ')) return /^ {2}(?:- | {2})\S/.test(line);
    if (text.startsWith('  - ')) return line.startsWith('  - ');
    return /^\S/.test(line);
  };
  const places = lines.flatMap((line, i) => (fits(line) ? [text.startsWith('    ') ? i + 1 : i] : []));
  return places.length === 0 ? pick % (lines.length + 1) : (places[pick % places.length] as number);
}

/** The lines with the value of one "key: value" line set to `value`. */
function withValue(lines: string[], pick: number, value: string): string[] {
  const keyed = lines.flatMap((line, i) => (/^ *(?:- )?[\w.]+:/.test(line) ? [i] : []));
  if (keyed.length === 0) return lines;
  const at = keyed[pick % keyed.length] as number;
  lines[at] = (lines[at] as string).replace(/^( *(?:- )?[\w.]+:).*$/, (_, key: string) =>
    value === '' ? key : `${key} ${value}`,
  );
  return lines;
}

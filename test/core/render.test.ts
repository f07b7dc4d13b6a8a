import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, Scalar, stringify, YAMLSeq } from 'yaml';
import type { Annotation } from '../../src/core/sidecar/annotation';
import {
  renderAnnotation,
  renderField,
  renderFlowAnnotation,
  renderFlowList,
  renderScalar,
  renderSidecar,
} from '../../src/core/sidecar/render';
import { runs } from '../helpers/fcRuns';

const FULL: Annotation = {
  id: '7f2cq9ma',
  concepts: ['koordinator.fallskjerm', 'samordning.uformell'],
  informant: 'K3',
  range: { start: { line: 21, column: 5 }, end: { line: 21, column: 43 } },
  quote: 'Da har jeg nummeret til et par av dem.',
  before: 'utenom kontortid?\n\nK3: ',
  after: ' Det er ikke meningen',
  memo: 'Tilgjengelig utenfor arbeidstid.',
  coder: 'ingrid',
  created: '2026-11-20T10:12:00Z',
};

describe('renderScalar', () => {
  it('writes ordinary text plain, Norwegian letters and emoji included', () => {
    for (const text of ['Da har jeg nummeret til et par av dem.', 'blåbærsyltetøy', 'ja 😀', 'K3'])
      assert.equal(renderScalar(text), text);
  });

  it('quotes what YAML would read as something else, and reads back the same text', () => {
    for (const text of [
      'true',
      'null',
      '~',
      '1.50',
      '007',
      '0x1f',
      '.inf',
      '',
      ' leading',
      'trailing ',
      '#',
      'a #b',
      'key: value',
      '- item',
      '[a]',
      '{a}',
      '&a',
      '*a',
      '!t',
      '%x',
      '@x',
      '`x`',
      "'",
      '"',
      '|',
      '>',
      '---',
    ]) {
      const yaml = renderScalar(text);
      assert.notEqual(yaml, text, `"${text}" must be quoted`);
      assert.equal(parse(`v: ${yaml}`).v, text);
    }
  });

  it('writes line breaks as \\n on one line, however long the text', () => {
    const long = 'I: Hva skjer når du trenger hjelp om natten?\n\nK3: Da ringer jeg legevakten, og de sender noen.';
    const yaml = renderScalar(long);
    assert.equal(yaml.includes('\n'), false);
    assert.equal(parse(`  v: ${yaml}`).v, long);
  });

  it('writes text with both quote characters and line breaks on one line', () => {
    const text = 'He said "no", and she said \'yes\'\nand that was the end of a rather long conversation.';
    const yaml = renderScalar(text);
    assert.equal(yaml.includes('\n'), false);
    assert.equal(parse(`v: ${yaml}`).v, text);
  });

  it('keeps trailing no-break spaces, ideographic spaces and line separators', () => {
    for (const text of ['word\u00a0', 'ord\u3000', 'x\u2028', '\u2029', '\u0085'])
      assert.equal(parse(`v: ${renderScalar(text)}`).v, text);
  });

  it('escapes control characters', () => {
    assert.equal(renderScalar('a\tb'), 'a\tb');
    assert.equal(parse(`v: ${renderScalar('bell\u0007 nul\u0000 cr\r')}`).v, 'bell\u0007 nul\u0000 cr\r');
  });
});

describe('renderFlowList', () => {
  it('writes [a, b] and quotes items that hold flow punctuation', () => {
    assert.equal(
      renderFlowList(['samordning.formell', 'koordinator.fallskjerm']),
      '[samordning.formell, koordinator.fallskjerm]',
    );
    assert.equal(renderFlowList(['a, b', 'c']), '["a, b", c]');
    assert.deepEqual(parse(`v: ${renderFlowList(['a, b', '[x]', 'y: z', 'true', 'line\nbreak'])}`).v, [
      'a, b',
      '[x]',
      'y: z',
      'true',
      'line\nbreak',
    ]);
  });

  it('stays on one line for many and long items', () => {
    const items = Array.from({ length: 30 }, (_, i) => `begrep.nummer.${i}.med.et.langt.navn`);
    const yaml = renderFlowList(items);
    assert.equal(yaml.includes('\n'), false);
    assert.deepEqual(parse(`v: ${yaml}`).v, items);
  });
});

describe('renderField and renderAnnotation', () => {
  it('render a range as startLine:startCol-endLine:endCol and leave out absent fields', () => {
    assert.equal(renderField(FULL, 'range'), '21:5-21:43');
    assert.equal(renderField({ id: 'x', concepts: ['a'], quote: 'q' }, 'memo'), undefined);
    assert.equal(renderField({ id: 'x', concepts: ['a'], quote: 'q' }, 'range'), undefined);
  });

  it('write the keys in the documented order, as one list item at the given indentation', () => {
    assert.equal(
      renderAnnotation(FULL, 2),
      `  - id: 7f2cq9ma
    concepts: [koordinator.fallskjerm, samordning.uformell]
    informant: K3
    range: 21:5-21:43
    quote: Da har jeg nummeret til et par av dem.
    before: "utenom kontortid?\\n\\nK3: "
    after: " Det er ikke meningen"
    memo: Tilgjengelig utenfor arbeidstid.
    coder: ingrid
    created: 2026-11-20T10:12:00Z
`,
    );
    assert.equal(
      renderAnnotation({ id: 'abcdefgh', concepts: ['a'], quote: 'q' }, 0),
      '- id: abcdefgh\n  concepts: [a]\n  quote: q\n',
    );
  });
});

describe('renderSidecar', () => {
  it('writes the header, the version, the transcript and the list', () => {
    const text = renderSidecar('intervju-K3.txt', [FULL]);
    assert.ok(
      text.startsWith(
        '# Annotations of intervju-K3.txt, kept by qcode. Hand edits are welcome.\nqcode: 1\ntranscript: intervju-K3.txt\nannotations:\n  - id: 7f2cq9ma\n',
      ),
    );
    assert.ok(text.endsWith('created: 2026-11-20T10:12:00Z\n'));
  });

  it('writes an empty list as "annotations: []"', () => {
    assert.equal(
      renderSidecar('a.txt', []),
      '# Annotations of a.txt, kept by qcode. Hand edits are welcome.\nqcode: 1\ntranscript: a.txt\nannotations: []\n',
    );
  });

  it('keeps a transcript name with a line break out of the YAML structure', () => {
    const name = 'odd\nname: x.txt';
    assert.deepEqual(parse(renderSidecar(name, [])), { qcode: 1, transcript: name, annotations: [] });
  });
});

/**
 * What yaml's own stringify writes, a fresh document for each value, as values were written before the plain fast path.
 */
const OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: false,
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
  version: '1.2',
} as const;
const node = (value: string) =>
  /[\n\r]/.test(value) ? Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE }) : value;
const yamlScalar = (value: string) => stringify(node(value), OPTIONS).replace(/\n$/, '');
function yamlFlowList(values: string[]): string {
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.items.push(...values.map(node));
  return stringify(seq, { ...OPTIONS, flowCollectionPadding: false }).replace(/\n$/, '');
}

describe('rendering without asking yaml', () => {
  const pieces = fc.constantFrom(
    'a',
    'Æ',
    'ø',
    'K3',
    ' ',
    ':',
    ': ',
    ' #',
    '#',
    '-',
    '?',
    ',',
    '[',
    '}',
    '"',
    "'",
    '\\',
    '\n',
    ' \n',
    '\r',
    '\t',
    '\0',
    '\u0007',
    '\u001b',
    '\u0085',
    '\u00a0',
    '\u2028',
    '\uFEFF',
    '\uD800',
    '😀',
    '%',
    '---',
    '...',
    '1',
    '2026-01-05T10:12:00Z',
    '0o7',
    '0x1F',
    '1e3',
    '.5',
    '-',
    '+',
    'true',
    'Null',
    '.inf',
    '.NaN',
    '~',
    '&',
    '*',
    '!',
    '|',
    '>',
    '@',
    '`',
  );
  const value = fc.oneof(
    fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(
      '',
      'null',
      'NULL',
      'TRUE',
      'True',
      'true',
      'False',
      'FALSE',
      'false',
      'yes',
      'Ja',
      'nei:',
      'a: b',
      'a #b',
      'a#b',
      'ord ',
      '12',
      '-1.5',
      '1_000',
    ),
  );

  it('writes every value as yaml does (property)', () => {
    fc.assert(
      fc.property(value, (v) => assert.equal(renderScalar(v), yamlScalar(v))),
      runs(3000, 9301),
    );
  });

  it('writes every list of concepts as yaml does (property)', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (values) =>
        assert.equal(renderFlowList(values), yamlFlowList(values)),
      ),
      runs(2000, 9302),
    );
  });

  it('writes every value in double quotes as yaml does (property)', () => {
    const quoted = (v: string) =>
      stringify(Object.assign(new Scalar(v), { type: Scalar.QUOTE_DOUBLE }), OPTIONS).replace(/\n$/, '');
    fc.assert(
      fc.property(value, (v) =>
        assert.equal(
          renderFlowAnnotation({ id: v, concepts: [v], quote: v }),
          `{id: ${quoted(v)}, concepts: [${quoted(v)}], quote: ${quoted(v)}}`,
        ),
      ),
      runs(2000, 9303),
    );
  });
});

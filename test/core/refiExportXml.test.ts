import assert from 'node:assert/strict';
import fc from 'fast-check';
import { refiColor } from '../../src/core/refi/exportCodes';
import { variableType } from '../../src/core/refi/exportCases';
import type { RefiProject } from '../../src/core/refi/model';
import { writeProjectXml } from '../../src/core/refi/writeXml';
import { isXsdDate, isXsdDateTime } from '../../src/core/refi/xsdValues';
import { escapeAttribute, escapeText } from '../../src/core/refi/xmlWriter';
import { codePointOffsets, firstCodePoints } from '../../src/core/text/codePoints';
import { textArb } from '../helpers/arbitraries';
import { runs } from '../helpers/fcRuns';
import { assertValid, children, elements, parseXml } from '../helpers/refiFiles';

/** Text with everything: tricky words, emoji, lone surrogates, control characters. */
const anyText = fc.oneof(
  textArb,
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
);

/** What XML 1.0 can carry of a text: its characters minus those the standard forbids. */
function xmlCharacters(text: string): string {
  return Array.from(text)
    .filter((c) => {
      const code = c.codePointAt(0) as number;
      return (
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        code >= 0x10000
      );
    })
    .join('');
}

describe('REFI-QDA export: text and XML values', () => {
  it('counts code points before any UTF-16 offset that does not split a pair', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), (text, seed) => {
        const offset = seed % (text.length + 1);
        const splitsPair = /[\uD800-\uDBFF]/.test(text[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[offset] ?? '');
        fc.pre(!splitsPair);
        assert.equal(codePointOffsets(text)(offset), Array.from(text.slice(0, offset)).length);
      }),
      runs(500, 71),
    );
  });

  it('takes the first code points of a text without splitting an emoji', () => {
    fc.assert(
      fc.property(anyText, fc.nat(40), (text, count) => {
        assert.equal(firstCodePoints(text, count), Array.from(text).slice(0, count).join(''));
      }),
      runs(500, 72),
    );
    assert.equal(firstCodePoints('😀😀😀', 2), '😀😀');
  });

  it('escapes text and attributes so that a parser reads back every character XML allows', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const root = parseXml(`<r a="${escapeAttribute(text)}">${escapeText(text)}</r>`);
        assert.equal(root.getAttribute('a'), xmlCharacters(text));
        assert.equal(root.textContent, xmlCharacters(text));
      }),
      runs(500, 73),
    );
    assert.equal(escapeText(`a & b < c > d " e ' f`), 'a &amp; b &lt; c &gt; d &quot; e &apos; f');
    assert.equal(escapeAttribute('1\n2\r\n3\t4'), '1&#10;2&#13;&#10;3&#9;4');
    // Line and paragraph separators as references: some parsers read them raw as line ends.
    for (const text of ['a\u2028b', 'a\u2029b', 'a\u0085b']) {
      assert.equal(parseXml(`<r a="${escapeAttribute(text)}">${escapeText(text)}</r>`).textContent, text);
      assert.equal(parseXml(`<r a="${escapeAttribute(text)}"/>`).getAttribute('a'), text);
    }
    assert.equal(escapeText('\u2029'), '&#8233;');
  });

  it('writes a project of arbitrary names, descriptions and memos that validates and reads back', async () => {
    const texts = fc.sample(anyText, { numRuns: 300, seed: 74 });
    const guid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const project: RefiProject = {
      name: texts[0] ?? '',
      users: [{ guid: guid(1), name: texts[1] ?? '' }],
      codes: texts.slice(0, 100).map((text, i) => ({
        guid: guid(100 + i),
        name: text,
        isCodable: true,
        description: texts[i + 100] ?? '',
        children: [],
      })),
      variables: [{ guid: guid(2), name: 'v', type: 'Text' }],
      cases: texts.slice(200, 220).map((text, i) => ({
        guid: guid(300 + i),
        name: text,
        values: [{ variableGuid: guid(2), value: texts[i + 220] ?? '' }],
        sourceGuids: [],
      })),
      sources: [
        {
          guid: guid(3),
          name: 's',
          plainTextPath: 'internal://s.txt',
          selections: texts.slice(240).map((text, i) => ({
            guid: guid(400 + i),
            name: text,
            start: i,
            end: i + 1,
            description: text,
            codings: [{ guid: guid(500 + i), codeGuid: guid(100) }],
            noteGuids: [],
          })),
        },
      ],
      notes: [],
    };
    const xml = writeProjectXml(project);
    await assertValid(xml, 'project');
    const root = parseXml(xml);
    assert.deepEqual(
      elements(root, 'Code').map((c) => c.getAttribute('name')),
      project.codes.map((c) => xmlCharacters(c.name)),
    );
    assert.deepEqual(
      elements(root, 'Code').map((c) => children(c, 'Description')[0]?.textContent),
      project.codes.map((c) => xmlCharacters(c.description ?? '')),
    );
    assert.deepEqual(
      elements(root, 'TextValue').map((v) => v.textContent),
      project.cases.map((c) => xmlCharacters(c.values[0]?.value ?? '')),
    );
    assert.deepEqual(
      elements(root, 'PlainTextSelection').map((s) => children(s, 'Description')[0]?.textContent),
      project.sources[0]?.selections.map((s) => xmlCharacters(s.description ?? '')),
    );
  });

  it('makes #rrggbb of the codebook colours, keeping their case', () => {
    assert.equal(refiColor('#4E79A7'), '#4E79A7');
    assert.equal(refiColor('#abc'), '#aabbcc');
    assert.equal(refiColor('#11223344'), '#112233');
    assert.equal(refiColor('teal'), undefined);
    assert.equal(refiColor(undefined), undefined);
  });

  it('types a variable by the values it holds', () => {
    assert.equal(variableType([34, 41]), 'Integer');
    assert.equal(variableType([34, 4.5]), 'Text');
    assert.equal(variableType([true, false]), 'Boolean');
    assert.equal(variableType(['2019-03-12', '2024-02-29']), 'Date');
    assert.equal(variableType(['2019-03-12', '2019-02-29']), 'Text');
    assert.equal(variableType(['34', 34]), 'Text');
  });

  it('accepts only dates and times that XML Schema accepts', () => {
    for (const good of [
      '2026-11-20T10:12:00Z',
      '2026-11-20T10:12:00.250+01:00',
      '2024-02-29T23:59:59',
      '2026-01-01T00:00:00-14:00',
    ])
      assert.ok(isXsdDateTime(good), good);
    for (const bad of [
      '2026-11-20',
      '2026-02-30T10:00:00Z',
      '2026-11-20T24:00:00Z',
      '2026-11-20 10:12:00Z',
      'i går',
      '2026-11-20T10:12:00+15:00',
    ])
      assert.equal(isXsdDateTime(bad), false, bad);
    assert.ok(isXsdDate('2000-02-29'));
    assert.equal(isXsdDate('1900-02-29'), false);
    assert.equal(isXsdDate('0000-01-01'), false);
  });
});

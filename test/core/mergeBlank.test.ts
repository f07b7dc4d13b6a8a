import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blankReason } from '../../src/core/merge/mergeInput';
import { parseYaml } from '../../src/core/yaml/yamlNodes';
import { runs } from '../helpers/fcRuns';

/** Whether a side holds nothing, as yaml tells it: the document parses and has no content. */
function holdsNothing(text: string): boolean {
  const doc = parseYaml(text);
  return doc.errors.length === 0 && doc.contents === null;
}

describe('a side that holds nothing', () => {
  const line = fc.constantFrom(
    '',
    '  ',
    '\t',
    '# kommentar',
    '  # innrykket',
    '---',
    '--- # start',
    '...',
    '%YAML 1.2',
    '\uFEFF# med BOM',
    '\uFEFF',
    '\uFEFF---',
    ' \uFEFF#',
    '\uFEFFqcode: 1',
    '%TAG ! tag:x,2024:',
    '\t#',
    'qcode: 1',
    '- id: x',
    'annotations: []',
    '"',
    '  ',
    '--- x',
    '~',
    '!!null',
    '&a',
    '*a',
    '? ',
    ': x',
    '#',
    '\u00a0',
  );
  const text = fc
    .array(line, { maxLength: 5 })
    .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((end) => lines.join(end)));

  it('is told without parsing whenever a line holds content, as yaml tells it (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const blank = t === '' || t.trim() === '' || holdsNothing(t);
        assert.equal(blankReason(t) !== undefined, blank, JSON.stringify(t));
      }),
      runs(3000, 9501),
    );
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentOf, readCleanSidecar, readSidecarContent } from '../../src/core/sidecar/cleanSidecar';
import { readSidecar, type ParsedSidecar } from '../../src/core/sidecar/readSidecar';
import { fastSidecarYaml } from '../../src/core/sidecar/readSidecarYaml';
import { renderSidecar } from '../../src/core/sidecar/render';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { annotationsArb, textArb } from '../helpers/arbitraries';
import { runs } from '../helpers/fcRuns';
import { handSidecar, handStyleArb } from '../helpers/handSidecar';
import { sidecarStyleArb, styledSidecar } from '../helpers/styledSidecar';
import { yamlShape } from '../helpers/yamlShape';
import { editsArb, withEdits } from '../helpers/sidecarEdits';

const PATH = 'transcripts/t.txt.annotations.yaml';
const RUNS = runs(300, 20261215);

/** What readSidecar makes of a file: everything a caller can see but the nodes. */
function outcome(parsed: ParsedSidecar) {
  return {
    ok: parsed.file.ok,
    problems: parsed.file.problems,
    transcript: parsed.transcript,
    memo: parsed.memo,
    entries: parsed.entries.map((e) => ({ annotation: e.annotation, line: e.line, column: e.column })),
  };
}

/**
 * Reads the text both ways. When the fast reader accepts it, the yaml library must parse it without
 * errors into the same nodes with the same ranges, every offset must have the same line and
 * column, and readSidecar must give the same annotations and problems. Says which way it went.
 */
function compareReaders(text: string): 'fast' | 'declined' {
  const content = readSidecarContent(PATH, text);
  assert.deepEqual(
    content,
    contentOf(readSidecar(PATH, text, new YamlFile(PATH, text))),
    `readSidecarContent differs:\n${text}`,
  );
  const fast = fastSidecarYaml(PATH, text);
  if (!fast) return 'declined';
  const slow = new YamlFile(PATH, text);
  assert.deepEqual(slow.problems, [], `the fast reader accepted what yaml refuses:\n${text}`);
  assert.deepEqual(yamlShape(fast.document?.contents), yamlShape(slow.document?.contents), `nodes differ:\n${text}`);
  for (let offset = 0; offset <= text.length; offset++)
    assert.deepEqual(fast.positionOf(offset), slow.positionOf(offset), `position of ${offset}:\n${text}`);
  assert.deepEqual(
    outcome(readSidecar(PATH, text, fast)),
    outcome(readSidecar(PATH, text, slow)),
    `readSidecar differs:\n${text}`,
  );
  return 'fast';
}

/** Counts which way the texts went, so a test can show that the fast readers took part. */
class Tally {
  fast = 0;
  declined = 0;
  withProblems = 0;
  clean = 0;

  add(text: string): void {
    if (readCleanSidecar(text)) this.clean++;
    if (compareReaders(text) === 'declined') this.declined++;
    else {
      this.fast++;
      if (readSidecar(PATH, text).file.problems.length > 0) this.withProblems++;
    }
  }
}

/** Characters YAML gives a meaning to, and some it does not, for values written by hand. */
const YAML_CHARACTERS = [
  'a',
  'x',
  'K',
  '1',
  '0',
  '9',
  '.',
  '-',
  '+',
  'e',
  'E',
  ':',
  ' ',
  ' ',
  '#',
  '"',
  "'",
  '\\',
  '[',
  ']',
  '{',
  '}',
  ',',
  '?',
  '!',
  '&',
  '*',
  '|',
  '>',
  '%',
  '@',
  '`',
  '~',
  '\t',
  'n',
  'u',
  'l',
  't',
  'r',
  'T',
  'F',
  'N',
  'o',
  'b',
  'é',
  '😀',
  '\u00a0',
  '\ufeff',
  '\u0085',
  '\u2028',
  '\u0000',
];
const handValueArb = fc.array(fc.constantFrom(...YAML_CHARACTERS), { maxLength: 8 }).map((chars) => chars.join(''));
/** A sidecar with every field of its annotation set, and any of them written by hand instead. */
const FIELDS: [string, string][] = [
  ['qcode', '1'],
  ['transcript', 't.txt'],
  ['memo', 'a note'],
  ['id', 'abcdefgh'],
  ['c1', 'a'],
  ['c2', 'b'],
  ['range', '1:1-1:5'],
  ['quote', 'q'],
  ['key', 'true'],
  ['informant', 'K3'],
  ['created', '2026-11-20'],
  ['extra', ''],
];
function handSidecarText(values: Record<string, string>): string {
  const v = (name: string) => values[name] ?? (FIELDS.find(([field]) => field === name) as [string, string])[1];
  const extra = values.extra === undefined ? '' : `    ${values.extra}: x\n`;
  return (
    `# by hand\nqcode: ${v('qcode')}\ntranscript: ${v('transcript')}\nmemo: ${v('memo')}\nannotations:\n  - id: ${v('id')}\n    concepts: [${v('c1')}, ${v('c2')}]\n` +
    `    range: ${v('range')}\n    quote: ${v('quote')}\n    key: ${v('key')}\n    informant: ${v('informant')}\n${extra}    created: ${v('created')}\n`
  );
}
const handFieldsArb = fc.dictionary(fc.constantFrom(...FIELDS.map(([field]) => field)), handValueArb, {
  minKeys: 1,
  maxKeys: 2,
});

describe('property: the fast sidecar readers read as the yaml library does', () => {
  it('reads every sidecar qcode writes itself, and reads it exactly as yaml does', () => {
    const memoArb = fc.option(textArb, { nil: undefined });
    fc.assert(
      fc.property(textArb, annotationsArb(), memoArb, (name, annotations, memo) => {
        const text = renderSidecar(name, annotations, memo);
        assert.equal(compareReaders(text), 'fast');
        assert.ok(readCleanSidecar(text), `not read straight:\n${text}`);
      }),
      RUNS,
    );
  });

  it('reads every layout check accepts (flow, JSON, block scalars, comments, CRLF, BOM, markers) exactly as yaml does, or leaves it to yaml', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(textArb, annotationsArb(), sidecarStyleArb, (name, annotations, style) =>
        tally.add(styledSidecar(name, annotations, style)),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(annotationsArb(), handStyleArb, (annotations, style) =>
        tally.add(handSidecar('t.txt', annotations, style)),
      ),
      RUNS,
    );
    assert.ok(
      tally.fast > RUNS.numRuns! / 4,
      `the fast reader took only ${tally.fast} of ${tally.fast + tally.declined}`,
    );
    assert.ok(tally.declined > 0, 'every layout was read fast: the layouts generated are too narrow');
    assert.ok(tally.clean > RUNS.numRuns! / 4, `only ${tally.clean} layouts were read straight into annotations`);
  });

  it('reads values written by hand (numbers, booleans, nulls, quotes, escapes, indicators, comments) as yaml does, or leaves them to yaml', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(handFieldsArb, (values) => tally.add(handSidecarText(values))),
      runs(3000, 20261217),
    );
    assert.ok(
      tally.fast > 600 && tally.declined > 600 && tally.withProblems > 300 && tally.clean > 300,
      JSON.stringify(tally),
    );
  });

  it('after random edits (keys it does not know, wrong types, broken YAML, odd characters) gives the same annotations and problems at the same places, or leaves the text to yaml', () => {
    const tally = new Tally();
    // Annotations with only the keys they need, so that most keys added by the edits are not there twice.
    const bareArb = annotationsArb(4).map((list) => list.map(({ id, concepts, quote }) => ({ id, concepts, quote })));
    fc.assert(
      fc.property(textArb, bareArb, editsArb, (name, annotations, edits) =>
        tally.add(withEdits(renderSidecar(name, annotations), edits)),
      ),
      runs(1500, 20261216),
    );
    assert.ok(
      tally.fast > 300,
      `the fast reader took only ${tally.fast} of ${tally.fast + tally.declined} edited sidecars`,
    );
    assert.ok(
      tally.withProblems > 100,
      `only ${tally.withProblems} of the sidecars read fast had problems: the edits do not reach the validation`,
    );
    assert.ok(tally.declined > 300, `only ${tally.declined} edited sidecars were left to yaml: the edits are too tame`);
    assert.ok(tally.clean > 200, `only ${tally.clean} edited sidecars were read straight into annotations`);
  });
});

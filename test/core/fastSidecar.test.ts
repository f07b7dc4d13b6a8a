import assert from 'node:assert/strict';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { fastSidecarYaml } from '../../src/core/sidecar/readSidecarYaml';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { yamlShape } from '../helpers/yamlShape';

const PATH = 'transcripts/t.txt.annotations.yaml';
const HEAD = '# Annotations of t.txt, kept by qcode. Hand edits are welcome.\nqcode: 1\ntranscript: t.txt\n';
const ITEM =
  '  - id: 7f2cq9ma\n    concepts: [koordinator.fallskjerm, "a, b"]\n    range: 21:5-21:97\n    quote: Da har jeg nummeret.\n';

/** Asserts that the fast reader takes the text, and reads it as the yaml library does. */
function readsFast(text: string): void {
  const fast = fastSidecarYaml(PATH, text);
  assert.ok(fast, `declined:\n${text}`);
  const slow = new YamlFile(PATH, text);
  assert.deepEqual(yamlShape(fast.document?.contents), yamlShape(slow.document?.contents));
  const [a, b] = [readSidecar(PATH, text, fast), readSidecar(PATH, text, slow)];
  assert.deepEqual(a.file.problems, b.file.problems);
  assert.deepEqual(
    a.entries.map((e) => [e.annotation, e.line, e.column]),
    b.entries.map((e) => [e.annotation, e.line, e.column]),
  );
}

describe('the fast sidecar reader', () => {
  it('reads the form qcode writes, with the key quote and the memo of the transcript', () => {
    readsFast(
      `${HEAD}memo: Tilgjengelig.\nannotations:\n${ITEM}    key: true\n    coder: ingrid\n    created: 2026-11-20T10:12:00Z\n`,
    );
    readsFast(`${HEAD}annotations: []\n`);
  });

  it('reads what hands change without leaving the form: indentation, comments, blank lines, quoting, CRLF, a BOM', () => {
    readsFast(`${HEAD}annotations:\n- id: 7f2cq9ma\n  concepts: [a]\n  quote: 'it''s'\n`);
    readsFast(
      `${HEAD}annotations:\n    -   id: 7f2cq9ma\n        concepts: [a]\n        quote: "\\u00e9\\t\\"x\\""  # the quote\n`,
    );
    readsFast(
      `${HEAD}annotations:\n  # first\n${ITEM}\n  # second\n${ITEM.replace('7f2cq9ma', '8g3dr0nb')}# the end\n`,
    );
    readsFast(`\uFEFF${HEAD}annotations:\n${ITEM}`.replace(/\n/g, '\r\n'));
  });

  it('reads keys it does not know and values of the wrong type, so that readSidecar reports them as it always has', () => {
    const item = ITEM.replace('21:5-21:97', '9:33-9:5');
    const text = `${HEAD}extra: 1\nannotations:\n${item}    key: yes\n    memo: 12\n    coder: ~\n    created:\n    note: [a, 1.50, true]\n`;
    readsFast(text);
    const codes = readSidecar(PATH, text).file.problems.map((p) => `${p.line}:${p.column} ${p.code}`);
    assert.deepEqual(codes, [
      '4:1 unknown-key',
      '8:12 reversed-range',
      '10:10 wrong-type',
      '12:12 wrong-type',
      '13:13 wrong-type',
      '14:5 unknown-key',
    ]);
  });

  const declined: [string, string][] = [
    ['a flow mapping', `${HEAD}annotations:\n  - {id: 7f2cq9ma, concepts: [a], quote: q}\n`],
    ['a JSON document', '{"qcode": 1, "annotations": []}\n'],
    ['a block scalar', `${HEAD}annotations:\n${ITEM}    memo: |\n      two\n      lines\n`],
    ['a plain scalar over two lines', `${HEAD}annotations:\n${ITEM}    memo: two\n      lines\n`],
    ['a quoted scalar over two lines', `${HEAD}annotations:\n${ITEM}    memo: "two\n      lines"\n`],
    ['concepts as a block list', `${HEAD}annotations:\n  - id: 7f2cq9ma\n    concepts:\n      - a\n    quote: q\n`],
    ['an anchor and an alias', `${HEAD}annotations:\n${ITEM}    memo: &m x\n    coder: *m\n`],
    ['a tag', `${HEAD}annotations:\n${ITEM}    memo: !!str x\n`],
    ['document markers', `---\n${HEAD}annotations: []\n...\n`],
    ['a key twice', `${HEAD}transcript: u.txt\nannotations: []\n`],
    ['a tab for indentation', `${HEAD}annotations:\n\t- id: 7f2cq9ma\n`],
    ['a comment indented below a value', `${HEAD}annotations:\n${ITEM}      # under the quote\n`],
    ['a comment after a key without a value', `${HEAD}memo:\n# none yet\nannotations: []\n`],
    ['merge-conflict markers', `${HEAD}<<<<<<< ours\nannotations: []\n=======\nannotations: [x]\n>>>>>>> theirs\n`],
    ['a carriage return alone', `${HEAD}annotations: []\rmemo: x\n`],
    ['an unknown escape', `${HEAD}memo: "\\q"\nannotations: []\n`],
    ['an empty file', ''],
  ];
  for (const [what, text] of declined) {
    it(`leaves ${what} to the yaml library`, () => assert.equal(fastSidecarYaml(PATH, text), undefined));
  }
});

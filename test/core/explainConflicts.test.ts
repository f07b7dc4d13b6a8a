import assert from 'node:assert/strict';
import { conflictProblems } from '../../src/core/yaml/explainConflicts';
import { readSidecar } from '../../src/core/sidecar/readSidecar';

const SIDECAR = 'transcripts/k3.txt.annotations.yaml';
const HEAD = 'qcode: 1\ntranscript: k3.txt\nannotations:\n';
const item = (id: string, memo: string, concepts = '[a]') =>
  `  - id: ${id}\n    concepts: ${concepts}\n    quote: Da har jeg nummeret.\n    memo: ${memo}\n`;
const block = (ours: string, theirs: string) => `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> feature\n`;

describe('conflictProblems', () => {
  it('gives one error per block at its <<<<<<< line, naming the annotation and what differs, and how to resolve it', () => {
    const text = `${HEAD}${block(item('aaaaaaaa', 'Vår æøå'), item('aaaaaaaa', 'Deres 😀', '[a, b]'))}${item('cccccccc', 'x')}${block('', item('dddddddd', 'y'))}`;
    const problems = conflictProblems(SIDECAR, text);
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.column, p.severity, p.code]),
      [
        [SIDECAR, 4, 1, 'error', 'conflict-markers'],
        [SIDECAR, 19, 1, 'error', 'conflict-markers'],
      ],
    );
    assert.match(
      problems[0]?.message ?? '',
      /^The file contains git merge-conflict markers here: annotation aaaaaaaa: concepts: "\[a\]" \(ours\) vs "\[a, b\]" \(theirs\), memo: "Vår æøå" \(ours\) vs "Deres 😀" \(theirs\)\. Resolve the conflict: take ours or theirs in the editor/,
    );
    assert.match(
      problems[1]?.message ?? '',
      /annotation dddddddd: only theirs has it \(ours removed it or never had it\)\./,
    );
  });

  it('names the annotation around a block that git made inside it, and shortens long values', () => {
    const long = 'ø'.repeat(80);
    const text = `${HEAD}  - id: aaaaaaaa\n    concepts: [a]\n${block(`    memo: ${long}\n`, '    memo: kort\n')}    quote: q\n`;
    const [found] = conflictProblems(SIDECAR, text);
    assert.equal(found?.line, 6);
    assert.match(
      found?.message ?? '',
      new RegExp(`annotation aaaaaaaa: memo: "${'ø'.repeat(59)}…" \\(ours\\) vs "kort" \\(theirs\\)`),
    );
  });

  it('names concepts with a changed place in the tree, and informants by code', () => {
    const codebook = `concepts:\n${block('  - id: a\n    label: A\n    children:\n      - id: b\n        label: B\n  - id: c\n    label: C\n', '  - id: a\n    label: A\n  - id: c\n    label: C\n    children:\n      - id: b\n        label: B\n')}`;
    assert.match(
      conflictProblems('codebook.yaml', codebook)[0]?.message ?? '',
      /concept b: parent: "a" \(ours\) vs "c" \(theirs\)/,
    );
    const informants = `informants:\r\n${block('  - code: K3\r\n    age: 40\r\n', '  - code: K3\r\n    age: 41\r\n    role: leder\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r')}`;
    assert.match(
      conflictProblems('informants.yaml', informants)[0]?.message ?? '',
      /informant K3: age: "40" \(ours\) vs "41" \(theirs\), role: \(none\) \(ours\) vs "leder" \(theirs\)/,
    );
  });

  it('gives the general advice for a marker outside any complete block', () => {
    const problems = conflictProblems(SIDECAR, `${HEAD}${item('aaaaaaaa', 'x')}>>>>>>> stray\n`);
    assert.deepEqual(
      problems.map((p) => [p.line, p.message.slice(0, 46)]),
      [[8, 'The file contains git merge-conflict markers. ']],
    );
  });

  it('is what readSidecar reports, with nothing read from the conflicted file', () => {
    const parsed = readSidecar(SIDECAR, `${HEAD}${block(item('aaaaaaaa', 'o'), item('aaaaaaaa', 't'))}`);
    assert.equal(parsed.file.ok, false);
    assert.deepEqual(
      parsed.file.problems.map((p) => p.line),
      [4],
    );
    assert.deepEqual(parsed.entries, []);
  });
});

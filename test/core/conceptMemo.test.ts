import assert from 'node:assert/strict';
import { setConceptMemo } from '../../src/core/codebook/editMemo';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { mergeCodebookText } from '../../src/core/merge/mergeCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { expectProblem } from '../helpers/project';

/** A codebook as a person keeps it: comments, quoting and a concept in flow style. */
const BOOK = `# Begreper
concepts:
  - id: samordning
    label: Samordning   # hovedbegrep
    description: Hvordan tjenestene henger sammen.
    color: '#4e79a7'
    children:
      - {id: samordning.formell, label: Formell}
  - id: ressurser
    label: Ressurser
`;

function memoOf(text: string, id: string): string | undefined {
  const file = new YamlFile('codebook.yaml', text);
  const codebook = readCodebook(file);
  assert.deepEqual(file.problems, [], text);
  return codebook.get(id)?.memo;
}

function edited(text: string, id: string, memo: string): string {
  const result = setConceptMemo(text, id, memo);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.text;
}

describe('the memo on a concept', () => {
  it('is read from "memo:" and refused when it is not text', () => {
    assert.equal(
      memoOf(BOOK.replace('    color:', '    memo: Brukes bredt.\n    color:'), 'samordning'),
      'Brukes bredt.',
    );
    const file = new YamlFile('codebook.yaml', BOOK.replace('    color:', '    memo: [a, b]\n    color:'));
    readCodebook(file);
    expectProblem(file.problems, { code: 'wrong-type', line: 6, column: 11, says: 'memo' });
  });

  it('is written on a line of its own after the definition, every other line kept', () => {
    const text = edited(BOOK, 'samordning', 'Brukes bredt.');
    assert.equal(text, BOOK.replace("    color: '#4e79a7'", "    memo: Brukes bredt.\n    color: '#4e79a7'"));
    assert.equal(memoOf(text, 'samordning'), 'Brukes bredt.');
  });

  it('writes paragraphs as a literal block, changes a memo in place and removes an empty one', () => {
    const two = edited(BOOK, 'ressurser', 'Første avsnitt.\n\nAndre: «sitat» 🙂');
    assert.equal(two, `${BOOK}    memo: |-\n      Første avsnitt.\n\n      Andre: «sitat» 🙂\n`);
    assert.equal(memoOf(two, 'ressurser'), 'Første avsnitt.\n\nAndre: «sitat» 🙂');
    assert.equal(memoOf(edited(two, 'ressurser', 'Kort.'), 'ressurser'), 'Kort.');
    assert.equal(edited(two, 'ressurser', '  \n '), BOOK);
  });

  it('is written into a concept in flow style and into a CRLF codebook', () => {
    assert.equal(memoOf(edited(BOOK, 'samordning.formell', 'Flyt.'), 'samordning.formell'), 'Flyt.');
    const crlf = BOOK.replace(/\n/g, '\r\n');
    const text = edited(crlf, 'ressurser', 'Notat');
    assert.equal(text, `${crlf}    memo: Notat\r\n`);
  });

  it('is refused for a concept that does not exist and for a codebook that does not parse', () => {
    const missing = setConceptMemo(BOOK, 'ukjent', 'x');
    assert.ok(!missing.ok && missing.message.includes('There is no concept "ukjent"'));
    const broken = setConceptMemo('concepts: [\n', 'ressurser', 'x');
    assert.ok(!broken.ok && broken.message.includes('not valid YAML'));
  });

  it("merges as the concept's other fields do: one side's change is taken, two different changes conflict", () => {
    const base = edited(BOOK, 'ressurser', 'Grunn.');
    const ours = edited(base, 'ressurser', 'Vår.');
    const merged = mergeCodebookText({
      path: 'codebook.yaml',
      base,
      ours,
      theirs: edited(base, 'samordning', 'Deres på et annet begrep.'),
    });
    assert.ok(merged.ok);
    assert.deepEqual(
      [memoOf(merged.text, 'ressurser'), memoOf(merged.text, 'samordning')],
      ['Vår.', 'Deres på et annet begrep.'],
    );
    const conflict = mergeCodebookText({
      path: 'codebook.yaml',
      base,
      ours,
      theirs: edited(base, 'ressurser', 'Deres.'),
    });
    assert.ok(conflict.ok);
    assert.deepEqual(conflict.conflicts, ['ressurser']);
    assert.equal(findConflicts(conflict.text).length, 1);
    assert.equal(memoOf(resolveAll(conflict.text, 'theirs'), 'ressurser'), 'Deres.');
  });
});

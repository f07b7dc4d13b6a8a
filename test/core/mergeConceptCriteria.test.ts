import assert from 'node:assert/strict';
import { setConceptText } from '../../src/core/codebook/editDefinition';
import { addConceptExample, removeConceptExample } from '../../src/core/codebook/editExamples';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { conflictProblems } from '../../src/core/yaml/explainConflicts';
import { mergeCodebookText } from '../../src/core/merge/mergeCodebook';
import type { TextMerge } from '../../src/core/merge/mergeText';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { editedText as edited } from '../helpers/codebookEdits';

const BASE = `# Kodebok
concepts:
  - id: fallskjerm
    label: Fallskjermen
    description: Fanger opp brukeren.
    inclusion: Tilgjengelig utenom arbeidstid.
    examples: [aaaaaaaa]
  - id: ressurser
    label: Ressurser # knapphet
`;

const merge = (ours: string, theirs: string, base = BASE) =>
  mergeCodebookText({ path: 'codebook.yaml', base, ours, theirs });

function text(result: TextMerge): string {
  assert.ok(result.ok, JSON.stringify(result));
  return result.text;
}

function conceptIn(yaml: string, id: string) {
  const file = new YamlFile('codebook.yaml', yaml);
  const concept = readCodebook(file).get(id);
  assert.deepEqual(file.problems, [], yaml);
  return concept;
}

describe('merging inclusion, exclusion and examples', () => {
  it('takes a criterion changed on one side and one added on the other', () => {
    const ours = edited(setConceptText(BASE, 'fallskjerm', 'inclusion', 'Også på kveldstid.'));
    const theirs = edited(setConceptText(BASE, 'fallskjerm', 'exclusion', 'Planlagt oppfølging.'));
    const merged = text(merge(ours, theirs));
    assert.equal(merged, ours.replace('    examples:', '    exclusion: Planlagt oppfølging.\n    examples:'));
    const concept = conceptIn(merged, 'fallskjerm');
    assert.deepEqual([concept?.inclusion, concept?.exclusion], ['Også på kveldstid.', 'Planlagt oppfølging.']);
  });

  it('merges examples element by element: both sides add, one side removes', () => {
    const ours = edited(addConceptExample(BASE, 'fallskjerm', 'bbbbbbbb'));
    const theirs = edited(
      removeConceptExample(edited(addConceptExample(BASE, 'fallskjerm', 'cccccccc')), 'fallskjerm', 'aaaaaaaa'),
    );
    const merged = text(merge(ours, theirs));
    assert.deepEqual(conceptIn(merged, 'fallskjerm')?.examples, ['bbbbbbbb', 'cccccccc']);
    assert.ok(merged.includes('    examples: [bbbbbbbb, cccccccc]\n'), merged);
    assert.ok(merged.includes('    label: Ressurser # knapphet\n'), 'the rest of ours stays as written');
  });

  it('gives examples to a concept that had none on one side, as a one-line list', () => {
    const theirs = edited(addConceptExample(BASE, 'ressurser', 'dddddddd'));
    const ours = BASE.replace('# Kodebok', '# Kodebok, revidert');
    const merged = text(merge(ours, theirs));
    assert.deepEqual(conceptIn(merged, 'ressurser')?.examples, ['dddddddd']);
    assert.ok(merged.startsWith('# Kodebok, revidert\n'));
    assert.ok(/ {4}examples: \[dddddddd\]\n/.test(merged), merged);
  });

  it('puts a criterion changed differently on both sides between conflict markers, named by check', () => {
    const ours = edited(setConceptText(BASE, 'fallskjerm', 'inclusion', 'Døgnet rundt.'));
    const theirs = edited(setConceptText(BASE, 'fallskjerm', 'inclusion', 'Bare på hverdager.'));
    const result = merge(ours, theirs);
    assert.ok(result.ok);
    assert.deepEqual(result.conflicts, ['fallskjerm']);
    assert.equal(findConflicts(result.text).length, 1);
    assert.equal(conceptIn(resolveAll(result.text, 'ours'), 'fallskjerm')?.inclusion, 'Døgnet rundt.');
    assert.equal(conceptIn(resolveAll(result.text, 'theirs'), 'fallskjerm')?.inclusion, 'Bare på hverdager.');
    const [problem] = conflictProblems('codebook.yaml', result.text);
    assert.match(
      problem?.message ?? '',
      /concept fallskjerm: inclusion: "Døgnet rundt\." \(ours\) vs "Bare på hverdager\." \(theirs\)/,
    );
  });

  it('keeps a concept whose examples one side changed while the other removed it, as a conflict', () => {
    const ours = edited(addConceptExample(BASE, 'fallskjerm', 'bbbbbbbb'));
    const theirs = BASE.replace(/ {2}- id: fallskjerm[\s\S]*?(?= {2}- id: ressurser)/, '');
    const result = merge(ours, theirs);
    assert.ok(result.ok);
    assert.deepEqual(result.conflicts, ['fallskjerm']);
    assert.deepEqual(conceptIn(resolveAll(result.text, 'ours'), 'fallskjerm')?.examples, ['aaaaaaaa', 'bbbbbbbb']);
    assert.equal(conceptIn(resolveAll(result.text, 'theirs'), 'fallskjerm'), undefined);
  });
});

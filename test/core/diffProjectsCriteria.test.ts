import assert from 'node:assert/strict';
import { setConceptText } from '../../src/core/codebook/editDefinition';
import { addConceptExample, removeConceptExample } from '../../src/core/codebook/editExamples';
import type { EditResult } from '../../src/core/codebook/editResult';
import { diffMarkdown } from '../../src/core/diff/diffMarkdown';
import { isEmptyDiff } from '../../src/core/diff/summary';
import type { MemoryFiles } from '../helpers/memoryFiles';
import { codedProjectFiles } from '../helpers/project';
import { editedText } from '../helpers/codebookEdits';
import { diffAfter, editSidecar } from '../helpers/projectEdits';

const K3 = 'transcripts/intervju-K3.txt';

function only<T>(list: readonly T[]): T {
  assert.equal(list.length, 1, JSON.stringify(list, null, 2));
  return list[0] as T;
}

describe('diffProjects: criteria and anchor examples', () => {
  const codebook = 'codebook.yaml';
  const edit = (head: MemoryFiles, result: (text: string) => EditResult) =>
    head.set(codebook, editedText(result(head.text(codebook) ?? '')));

  it('reports new inclusion and exclusion criteria with old and new text', async () => {
    const diff = await diffAfter((head) => {
      edit(head, (t) => setConceptText(t, 'koordinator.fallskjerm', 'inclusion', 'Utenom arbeidstid.'));
      edit(head, (t) => setConceptText(t, 'samordning', 'exclusion', 'Bare mellom etater.'));
    });
    assert.deepEqual(diff.codebook.criteriaChanged, [
      {
        id: 'samordning',
        label: 'Samordning',
        oldInclusion: null,
        newInclusion: null,
        oldExclusion: null,
        newExclusion: 'Bare mellom etater.',
      },
      {
        id: 'koordinator.fallskjerm',
        label: 'Fallskjerm',
        oldInclusion: null,
        newInclusion: 'Utenom arbeidstid.',
        oldExclusion: null,
        newExclusion: null,
      },
    ]);
    assert.deepEqual(diff.codebook.descriptionChanged, []);
    assert.ok(!isEmptyDiff(diff));
  });

  it('reports examples gained with their passage in the head and lost with theirs in the base', async () => {
    const base = codedProjectFiles();
    edit(base, (t) => addConceptExample(t, 'samordning.formell', 'k3team00'));
    const diff = await diffAfter(async (head) => {
      edit(head, (t) => removeConceptExample(t, 'samordning.formell', 'k3team00'));
      edit(head, (t) => addConceptExample(t, 'samordning.formell', 'l5avta00'));
      edit(head, (t) => addConceptExample(t, 'samordning.formell', 'finnesikke'));
      await editSidecar(head, K3, (list) => list.filter((a) => a.id !== 'k3team00'));
    }, base);
    const change = only(diff.codebook.examplesChanged);
    assert.deepEqual(change, {
      id: 'samordning.formell',
      label: 'Formell samordning',
      examplesAdded: [
        {
          id: 'l5avta00',
          quote: 'Vi har faste møter hver måned, og det er skrevet ned i en avtale.',
          citation: '(L5)',
        },
        { id: 'finnesikke', quote: null, citation: null },
      ],
      examplesRemoved: [{ id: 'k3team00', quote: 'Jeg har et veldig godt team.', citation: '(K3)' }],
    });
    const md = diffMarkdown(diff);
    assert.match(
      md,
      /^- examples of Formell samordning `samordning\.formell`: \+“Vi har faste møter hver måned, og det er skrevet ned i en…” \(L5\), \+`finnesikke`, −“Jeg har et veldig godt team\.” \(K3\)$/m,
    );
    assert.match(md, /concepts 1 with new examples/);
  });
});

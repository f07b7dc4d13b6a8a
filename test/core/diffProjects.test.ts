import assert from 'node:assert/strict';
import { moveConcept } from '../../src/core/codebook/moveConcept';
import { removeConcept } from '../../src/core/codebook/removeConcept';
import { renameConcept } from '../../src/core/codebook/renameConcept';
import { isEmptyDiff } from '../../src/core/diff/summary';
import { fixRanges } from '../../src/core/operations/fixRanges';
import { loadProject } from '../../src/core/project/loadProject';
import type { Annotation } from '../../src/core/sidecar/annotation';
import type { MemoryFiles } from '../helpers/memoryFiles';
import { coded, K3_TRANSCRIPT } from '../helpers/project';
import { diffAfter, editAnnotation, editSidecar, editText } from '../helpers/projectEdits';

const K3 = 'transcripts/intervju-K3.txt';
const L5 = 'transcripts/intervju-L5.txt';

function only<T>(list: readonly T[]): T {
  assert.equal(list.length, 1, JSON.stringify(list, null, 2));
  return list[0] as T;
}

describe('diffProjects: annotations', () => {
  it('finds nothing between a project and its copy', async () => {
    const diff = await diffAfter(() => undefined);
    assert.ok(isEmptyDiff(diff), JSON.stringify(diff, null, 2));
  });

  it('reports an added annotation from the head with quote, informant, citation, line, coder and concept labels', async () => {
    const annotation = coded(K3_TRANSCRIPT, 'Det er ikke meningen, men det hjelper.', {
      id: 'k3ny0000',
      concepts: ['koordinator.fallskjerm'],
      coder: 'kari',
    });
    const diff = await diffAfter((head) => editSidecar(head, K3, (list) => [...list, annotation]));
    const transcript = only(diff.transcripts);
    assert.equal(transcript.path, K3);
    assert.deepEqual(only(transcript.added), {
      id: 'k3ny0000',
      quote: 'Det er ikke meningen, men det hjelper.',
      informant: 'K3',
      citation: '(K3)',
      line: 10,
      coder: 'kari',
      concepts: [{ id: 'koordinator.fallskjerm', label: 'Fallskjerm' }],
    });
    assert.deepEqual(
      [transcript.removed, transcript.retagged, transcript.memoChanged, transcript.requoted],
      [[], [], [], []],
    );
  });

  it('reports a removed annotation as it was in the base', async () => {
    const diff = await diffAfter((head) => editSidecar(head, K3, (list) => list.filter((a) => a.id !== 'k3team00')));
    const removed = only(only(diff.transcripts).removed);
    assert.deepEqual(
      { ...removed },
      {
        id: 'k3team00',
        quote: 'Jeg har et veldig godt team.',
        informant: 'K3',
        citation: '(K3)',
        line: 6,
        coder: 'ingrid',
        concepts: [{ id: 'samordning.formell', label: 'Formell samordning' }],
      },
    );
  });

  it('reports a retag with the concepts added and removed, labelled', async () => {
    const diff = await diffAfter((head) =>
      editSidecar(
        head,
        K3,
        editAnnotation('k3numm00', (a) => ({ ...a, concepts: ['koordinator.fallskjerm', 'samordning.formell'] })),
      ),
    );
    const retagged = only(only(diff.transcripts).retagged);
    assert.equal(retagged.id, 'k3numm00');
    assert.deepEqual(retagged.conceptsAdded, [{ id: 'samordning.formell', label: 'Formell samordning' }]);
    assert.deepEqual(retagged.conceptsRemoved, [{ id: 'samordning.uformell', label: 'Uformell samordning' }]);
    assert.deepEqual(
      retagged.concepts.map((c) => c.id),
      ['koordinator.fallskjerm', 'samordning.formell'],
    );
  });

  it('does not call a new order of the same concepts a retag', async () => {
    const diff = await diffAfter((head) =>
      editSidecar(
        head,
        K3,
        editAnnotation('k3numm00', (a) => ({ ...a, concepts: [...a.concepts].reverse() })),
      ),
    );
    assert.ok(isEmptyDiff(diff), JSON.stringify(diff, null, 2));
  });

  it('reports memos changed, written and deleted with old and new text', async () => {
    const diff = await diffAfter(async (head) => {
      await editSidecar(
        head,
        K3,
        editAnnotation('k3team00', (a) => ({ ...a, memo: 'Teamet rundt henne.' })),
      );
      await editSidecar(
        head,
        K3,
        editAnnotation('k3numm00', (a) => ({ ...a, memo: 'Ny memo.' })),
      );
    });
    const memos = only(diff.transcripts).memoChanged.map((e) => [e.id, e.oldMemo, e.newMemo]);
    assert.deepEqual(memos, [
      ['k3team00', 'Teamet.', 'Teamet rundt henne.'],
      ['k3numm00', null, 'Ny memo.'],
    ]);
    const deleted = await diffAfter((head) =>
      editSidecar(
        head,
        K3,
        editAnnotation('k3team00', ({ memo: _memo, ...rest }) => rest),
      ),
    );
    assert.deepEqual(only(only(deleted.transcripts).memoChanged).newMemo, null);
  });

  it('reports a passage re-quoted after the transcript was corrected, with old and new quote', async () => {
    const diff = await diffAfter(async (head) => {
      editText(head, K3, (t) => t.replace('Jeg har et veldig godt team.', 'Jeg har et veldig bra team.'));
      await editSidecar(
        head,
        K3,
        editAnnotation('k3team00', (a) => ({ ...a, quote: 'Jeg har et veldig bra team.' })),
      );
    });
    const requoted = only(only(diff.transcripts).requoted);
    assert.deepEqual(
      [requoted.id, requoted.oldQuote, requoted.newQuote, requoted.quote],
      ['k3team00', 'Jeg har et veldig godt team.', 'Jeg har et veldig bra team.', 'Jeg har et veldig bra team.'],
    );
  });

  it('reports no change when the transcript was edited so that ranges shifted, before and after the ranges are fixed', async () => {
    const insert = (head: MemoryFiles) =>
      editText(
        head,
        K3,
        (t) => `Transkribert av: Åse Ødegård 😀\n\n${t.replace('Hvem er det', 'Hvem, egentlig, er det')}`,
      );
    const moved = await diffAfter(insert);
    assert.ok(isEmptyDiff(moved), JSON.stringify(moved, null, 2));
    const fixed = await diffAfter(async (head) => {
      insert(head);
      const report = await fixRanges(head, await loadProject(head));
      assert.ok(report.updated >= 2);
    });
    assert.ok(isEmptyDiff(fixed), JSON.stringify(fixed, null, 2));
  });

  it('gives the line in the edited transcript of a passage changed after the ranges shifted', async () => {
    const diff = await diffAfter(async (head) => {
      editText(head, K3, (t) => `Transkribert av: Åse\n\n${t}`);
      await editSidecar(
        head,
        K3,
        editAnnotation('k3numm00', (a) => ({ ...a, memo: 'Flyttet.' })),
      );
    });
    assert.equal(only(only(diff.transcripts).memoChanged).line, 12);
  });

  it('reads CRLF transcripts and sidecars with a byte order mark like their LF twins', async () => {
    const crlf = (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`;
    const unchanged = await diffAfter((head) => {
      editText(head, K3, crlf);
      editText(head, `${K3}.annotations.yaml`, crlf);
    });
    assert.ok(isEmptyDiff(unchanged), JSON.stringify(unchanged, null, 2));
    const annotation = coded(K3_TRANSCRIPT, 'Det er ikke meningen', { id: 'k3crlf00', concepts: ['samordning'] });
    const added = await diffAfter(async (head) => {
      editText(head, K3, crlf);
      await editSidecar(head, K3, (list) => [...list, annotation]);
    });
    assert.deepEqual(only(only(added.transcripts).added).line, 10);
  });

  it('keeps Norwegian letters and emoji, and does not take a decomposed å for a new quote', async () => {
    const nfd = 'Vi har faste møter hver måned, og det er skrevet ned i en avtale.'.normalize('NFD');
    const diff = await diffAfter(async (head) => {
      editText(head, L5, (t) => t.normalize('NFD'));
      await editSidecar(
        head,
        L5,
        editAnnotation('l5avta00', (a) => ({ ...a, quote: nfd, memo: 'Avtalen 🤝 gjelder også Ålesund.' })),
      );
    });
    const transcript = only(diff.transcripts);
    assert.deepEqual(transcript.requoted, []);
    const memo = only(transcript.memoChanged);
    assert.equal(memo.newMemo, 'Avtalen 🤝 gjelder også Ålesund.');
    assert.equal(memo.quote.normalize('NFC'), 'Vi har faste møter hver måned, og det er skrevet ned i en avtale.');
  });

  it('takes the informant of a passage as saved, and "?" in the citation of an orphan without one', async () => {
    const diff = await diffAfter(async (head) => {
      await editSidecar(head, L5, (list) => list.filter((a) => a.id !== 'l5pers00'));
      await editSidecar(head, K3, (list) => list.filter((a) => a.id !== 'k3gone00'));
    });
    const removed = diff.transcripts.flatMap((t) => t.removed).map((e) => [e.id, e.informant, e.citation, e.line]);
    assert.deepEqual(removed, [
      ['k3gone00', null, '(?)', null],
      ['l5pers00', 'M9', '(M9)', 9],
    ]);
  });

  it('reports every annotation of a new transcript as added, and of a deleted one as removed', async () => {
    const diff = await diffAfter((head) => {
      head.files.delete(K3);
      head.files.delete(`${K3}.annotations.yaml`);
      head.set('transcripts/intervju-K9.txt', K3_TRANSCRIPT.replace(/K3/g, 'K9'));
      head.set(
        'transcripts/intervju-K9.txt.annotations.yaml',
        (head.text(`${L5}.annotations.yaml`) ?? '')
          .replace('intervju-L5.txt', 'intervju-K9.txt')
          .replace(/id: l5/g, 'id: k9'),
      );
    });
    assert.deepEqual(
      diff.transcripts.map((t) => [t.path, t.added.length, t.removed.length]),
      [
        [K3, 0, 3],
        ['transcripts/intervju-K9.txt', 2, 0],
      ],
    );
  });

  it('does not compare a transcript whose sidecar has conflict markers, and says so', async () => {
    const diff = await diffAfter((head) =>
      editText(head, `${K3}.annotations.yaml`, (t) =>
        t.replace('  - id: k3numm00', '<<<<<<< HEAD\n  - id: k3numm00\n=======\n>>>>>>> other'),
      ),
    );
    assert.deepEqual(diff.unreadable, [{ side: 'head', path: `${K3}.annotations.yaml` }]);
    assert.deepEqual(diff.transcripts, []);
    assert.ok(!isEmptyDiff(diff));
  });
});

describe('diffProjects: codebook and informants', () => {
  const codebook = 'codebook.yaml';

  function editCodebook(
    head: MemoryFiles,
    edit: (text: string) => { ok: true; text: string } | { ok: false; message: string },
  ): void {
    const result = edit(head.text(codebook) ?? '');
    assert.ok(result.ok, JSON.stringify(result));
    head.set(codebook, result.text);
  }

  it('reports concepts renamed, moved, redefined, added and removed', async () => {
    const diff = await diffAfter((head) => {
      editCodebook(head, (t) => renameConcept(t, 'koordinator.fallskjerm', 'Fallskjermen'));
      editCodebook(head, (t) => moveConcept(t, 'samordning.uformell', 'koordinator'));
      editText(head, codebook, (t) =>
        t
          .replace('How services are connected.', 'Hvordan tjenestene henger sammen.')
          .replace('concepts:\n', 'concepts:\n  - id: ressurser\n    label: Ressurser\n'),
      );
      editCodebook(head, (t) => removeConcept(t, 'samordning.formell', 'samordning'));
      editCodebook(head, (t) => moveConcept(t, 'koordinator.fallskjerm', undefined));
    });
    assert.deepEqual(diff.codebook.renamed, [
      { id: 'koordinator.fallskjerm', oldLabel: 'Fallskjerm', newLabel: 'Fallskjermen' },
    ]);
    assert.deepEqual(
      new Set(diff.codebook.moved),
      new Set([
        {
          id: 'samordning.uformell',
          label: 'Uformell samordning',
          oldParent: { id: 'samordning', label: 'Samordning' },
          newParent: { id: 'koordinator', label: 'Koordinatorroller' },
        },
        {
          id: 'koordinator.fallskjerm',
          label: 'Fallskjermen',
          oldParent: { id: 'koordinator', label: 'Koordinatorroller' },
          newParent: null,
        },
      ]),
    );
    assert.deepEqual(diff.codebook.descriptionChanged, [
      {
        id: 'samordning',
        label: 'Samordning',
        oldDescription: 'How services are connected.',
        newDescription: 'Hvordan tjenestene henger sammen.',
      },
    ]);
    assert.deepEqual(diff.codebook.added, [{ id: 'ressurser', label: 'Ressurser', parent: null }]);
    // Its passages keep the removed id, so no other concept explains them: a removal, not a merge.
    assert.deepEqual(diff.codebook.removed, [
      { id: 'samordning.formell', label: 'Formell samordning', parent: { id: 'samordning', label: 'Samordning' } },
    ]);
    assert.deepEqual(diff.codebook.merged, []);
    assert.deepEqual(diff.transcripts, []);
  });

  it('reports a merge by id and leaves the retags it explains out of the transcripts', async () => {
    const into = (a: Annotation) => ({
      ...a,
      concepts: [...new Set(a.concepts.map((c) => (c === 'samordning.formell' ? 'samordning.uformell' : c)))],
    });
    const diff = await diffAfter(async (head) => {
      editCodebook(head, (t) => removeConcept(t, 'samordning.formell', 'samordning.uformell'));
      await editSidecar(head, K3, (list) => list.map(into));
      await editSidecar(head, L5, (list) =>
        list.map(into).map((a) => (a.id === 'l5avta00' ? { ...a, concepts: [...a.concepts, 'koordinator'] } : a)),
      );
    });
    assert.deepEqual(diff.codebook.merged, [
      {
        id: 'samordning.formell',
        label: 'Formell samordning',
        into: { id: 'samordning.uformell', label: 'Uformell samordning' },
        annotations: 3,
      },
    ]);
    assert.deepEqual(diff.codebook.removed, []);
    const retagged = diff.transcripts.flatMap((t) => t.retagged);
    assert.deepEqual(
      retagged.map((r) => [r.id, r.conceptsAdded.map((c) => c.id), r.conceptsRemoved]),
      [['l5avta00', ['koordinator'], []]],
    );
  });

  it('calls a removed concept merged only when one concept is left that all its passages carry', async () => {
    const diff = await diffAfter(async (head) => {
      editCodebook(head, (t) => removeConcept(t, 'samordning.formell', 'samordning'));
      await editSidecar(head, K3, (list) =>
        list.map((a) => ({
          ...a,
          concepts:
            a.id === 'k3team00'
              ? ['koordinator']
              : a.concepts.filter((c) => c !== 'samordning.formell').concat('samordning'),
        })),
      );
    });
    assert.deepEqual(diff.codebook.merged, []);
    assert.deepEqual(
      diff.codebook.removed.map((c) => c.id),
      ['samordning.formell'],
    );
    assert.ok(
      diff.transcripts
        .flatMap((t) => t.retagged)
        .some((r) => r.conceptsRemoved.some((c) => c.id === 'samordning.formell')),
    );
  });

  it('does not report every concept removed when the codebook does not parse, and says it was not compared', async () => {
    const diff = await diffAfter((head) =>
      editText(head, codebook, (t) => t.replace('  - id: koordinator\n', '  - id: koordinator\n   label: [\n')),
    );
    assert.deepEqual(diff.unreadable, [{ side: 'head', path: codebook }]);
    assert.deepEqual(Object.values(diff.codebook).flat(), []);
    assert.deepEqual(diff.transcripts, []);
  });

  it('reports informants added, removed and with changed attributes', async () => {
    const diff = await diffAfter((head) =>
      editText(head, 'informants.yaml', (t) =>
        t
          .replace('  - code: K1\n    role: tjenestemottaker\n', '')
          .replace('    age: 34\n', '    age: 35\n    kommune: Tromsø\n')
          .concat('  - code: M9\n    role: ansatt\n'),
      ),
    );
    assert.deepEqual(diff.informants, {
      added: [{ code: 'M9', attributes: { role: 'ansatt' } }],
      removed: [{ code: 'K1', attributes: { role: 'tjenestemottaker' } }],
      changed: [
        {
          code: 'K3',
          changes: [
            { attribute: 'age', oldValue: 34, newValue: 35 },
            { attribute: 'kommune', oldValue: null, newValue: 'Tromsø' },
          ],
        },
      ],
    });
  });
});

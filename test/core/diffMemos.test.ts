import assert from 'node:assert/strict';
import { setConceptMemo } from '../../src/core/codebook/editMemo';
import { diffJson } from '../../src/core/diff/diffJson';
import { diffMarkdown } from '../../src/core/diff/diffMarkdown';
import { diffProjectMemos } from '../../src/core/diff/diffMemos';
import { isEmptyDiff, summarize } from '../../src/core/diff/summary';
import { updateSidecarMemo } from '../../src/core/sidecar/updateSidecar';
import { codedProjectFiles } from '../helpers/project';
import { diffAfter, editAnnotation, editSidecar, editText } from '../helpers/projectEdits';

const K3 = 'transcripts/intervju-K3.txt';

describe('diffing memos and key quotes', () => {
  it('reports a passage marked and unmarked as a key quote, as the head has it', async () => {
    const diff = await diffAfter(async (head) => {
      await editSidecar(
        head,
        K3,
        editAnnotation('k3team00', (a) => ({ ...a, key: true })),
      );
    });
    const [transcript] = diff.transcripts;
    assert.deepEqual(
      transcript?.keyChanged.map((e) => [e.id, e.key]),
      [['k3team00', true]],
    );
    assert.deepEqual(summarize(diff).annotations, {
      added: 0,
      removed: 0,
      retagged: 0,
      memoChanged: 0,
      keyChanged: 1,
      requoted: 0,
    });
    assert.match(diffMarkdown(diff), /^\| marked as a key quote \| \d+ \| Jeg har et veldig godt team\. \(K3\) \|/m);
    const back = await diffAfter(
      async (head) => {
        await editSidecar(
          head,
          K3,
          editAnnotation('k3team00', (a) => {
            const copy = { ...a };
            delete copy.key;
            return copy;
          }),
        );
      },
      await keyed(),
    );
    assert.deepEqual(
      back.transcripts[0]?.keyChanged.map((e) => e.key),
      [false],
    );
  });

  it('reports the memos on concepts and transcripts that changed, and nothing for line endings', async () => {
    const diff = await diffAfter(async (head) => {
      editText(head, 'codebook.yaml', (text) => {
        const edited = setConceptMemo(text, 'samordning', 'Se Zacka.');
        assert.ok(edited.ok);
        return edited.text;
      });
      assert.ok((await updateSidecarMemo(head, `${K3}.annotations.yaml`, K3, 'Første\nintervju')).ok);
    });
    assert.deepEqual(diff.memos.concepts, [
      { id: 'samordning', label: 'Samordning', oldMemo: null, newMemo: 'Se Zacka.' },
    ]);
    assert.deepEqual(diff.memos.transcripts, [{ path: K3, oldMemo: null, newMemo: 'Første\nintervju' }]);
    assert.deepEqual(diff.transcripts, [], 'no annotation changed');
    const md = diffMarkdown(diff);
    assert.match(md, /^\*\*Coding changes:\*\* memos changed: 1 on concepts, 1 on transcripts\.$/m);
    assert.match(
      md,
      /^### Memos\n\n- memo on Samordning `samordning`: \(none\) → “Se Zacka\.”\n- memo on `transcripts\/intervju-K3\.txt`: \(none\) → “Første intervju”$/m,
    );
    const json = JSON.parse(diffJson(diff)) as {
      summary: { memos: Record<string, number> };
      memos: { project: unknown[] };
    };
    assert.deepEqual(json.summary.memos, { concepts: 1, transcripts: 1, project: 0 });
    assert.deepEqual(json.memos.project, []);
  });

  it('compares the project memo files by path, line endings aside', () => {
    const changes = diffProjectMemos(
      [
        { path: 'memos/a.md', text: 'A\n' },
        { path: 'memos/b.md', text: 'B\n' },
        { path: 'memos/same.md', text: 'x\r\ny' },
      ],
      [
        { path: 'memos/b.md', text: 'B!\n' },
        { path: 'memos/c.md', text: 'C' },
        { path: 'memos/same.md', text: 'x\ny' },
      ],
    );
    assert.deepEqual(
      changes.map((c) => [c.path, c.change]),
      [
        ['memos/a.md', 'removed'],
        ['memos/b.md', 'changed'],
        ['memos/c.md', 'added'],
      ],
    );
    assert.deepEqual([changes[0]?.oldText, changes[0]?.newText], ['A\n', null]);
  });

  it('counts no change when nothing changed, memos included', async () => {
    assert.ok(isEmptyDiff(await diffAfter(() => undefined)));
  });
});

async function keyed() {
  const files = codedProjectFiles();
  await editSidecar(
    files,
    K3,
    editAnnotation('k3team00', (a) => ({ ...a, key: true })),
  );
  return files;
}

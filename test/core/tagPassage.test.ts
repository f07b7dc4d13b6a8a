import assert from 'node:assert/strict';
import { ID_PATTERN } from '../../src/core/ids';
import { tagPassage, type TagRequest, type TagResult } from '../../src/core/operations/tagPassage';
import { loadProject } from '../../src/core/project/loadProject';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import type { MemoryFiles } from '../helpers/memoryFiles';
import { K3_TRANSCRIPT, projectFiles } from '../helpers/project';
import { scriptedRandomBytes, seededRandomBytes } from '../helpers/random';

const SIDECAR = 'transcripts/k3.txt.annotations.yaml';
const line = (n: number, from: number, to: number) => ({
  start: { line: n, column: from },
  end: { line: n, column: to },
});
/** Line 10 of K3_TRANSCRIPT: "K3: Da har jeg nummeret til et par av dem. Det er ikke meningen, men det hjelper." */
const REQUEST: TagRequest = {
  transcript: 'transcripts/k3.txt',
  range: line(10, 5, 43),
  concepts: ['koordinator.fallskjerm'],
  created: '2026-11-20T10:12:00Z',
};

async function tag(files: MemoryFiles, request: Partial<TagRequest> = {}, random = seededRandomBytes(1)) {
  return tagPassage(files, await loadProject(files), { ...REQUEST, ...request }, random);
}

/** A refusal as the command line prints it (its translatable detail is swept in messages.test.ts). */
function refusal(result: TagResult) {
  return result.ok ? result : { ok: result.ok, message: result.message };
}

function sidecarAnnotations(files: MemoryFiles) {
  const parsed = readSidecar(SIDECAR, files.text(SIDECAR) ?? '');
  assert.deepEqual(parsed.file.problems, []);
  return parsed.entries.map((e) => e.annotation);
}

describe('tagPassage', () => {
  it('adds an annotation with quote, context, range, informant of the turn, coder, memo and time', async () => {
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT });
    const result = await tag(files, { memo: 'Utenom kontortid.', coder: 'ingrid' });
    assert.ok(result.ok);
    assert.match(result.annotation.id, ID_PATTERN);
    assert.deepEqual(sidecarAnnotations(files), [
      {
        id: result.annotation.id,
        concepts: ['koordinator.fallskjerm'],
        informant: 'K3',
        range: line(10, 5, 43),
        quote: 'Da har jeg nummeret til et par av dem.',
        before: ' gjør du utenom kontortid?\n\nK3: ',
        after: ' Det er ikke meningen, men det h',
        memo: 'Utenom kontortid.',
        coder: 'ingrid',
        created: '2026-11-20T10:12:00Z',
      },
    ]);
    assert.deepEqual(files.writes, [SIDECAR]);
    const reloaded = await loadProject(files);
    assert.deepEqual(reloaded.problems, []);
    assert.equal(reloaded.transcripts[0]?.annotations[0]?.resolution.status, 'exact');
  });

  it('mints the same id for the same seed, and another id when that one is taken', async () => {
    const first = await tag(projectFiles({ 'k3.txt': K3_TRANSCRIPT }), {}, seededRandomBytes(7));
    const again = await tag(projectFiles({ 'k3.txt': K3_TRANSCRIPT }), {}, seededRandomBytes(7));
    assert.ok(first.ok && again.ok);
    assert.equal(first.annotation.id, again.annotation.id);

    const taken = renderSidecar('k3.txt', [
      { id: '00000000', concepts: ['samordning.formell'], quote: 'Jeg har et veldig godt team.' },
    ]);
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT, 'k3.txt.annotations.yaml': taken });
    const result = await tag(files, {}, scriptedRandomBytes([0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1]));
    assert.ok(result.ok);
    assert.equal(result.annotation.id, '11111111');
  });

  it('leaves white space around the selection out of the passage', async () => {
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT });
    const result = await tag(files, { range: { start: { line: 9, column: 1 }, end: { line: 10, column: 44 } } });
    assert.ok(result.ok);
    assert.equal(result.annotation.quote, 'K3: Da har jeg nummeret til et par av dem.');
    assert.deepEqual(result.annotation.range, line(10, 1, 43));
  });

  it('keeps annotations added to the sidecar on disk after the project was loaded', async () => {
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT, 'k3.txt.annotations.yaml': renderSidecar('k3.txt', []) });
    const project = await loadProject(files);
    const theirs = renderSidecar('k3.txt', [
      {
        id: 'theirs00',
        concepts: ['samordning.formell'],
        range: line(6, 5, 33),
        quote: 'Jeg har et veldig godt team.',
      },
    ]);
    files.set(SIDECAR, `${theirs}# a comment someone added\n`);
    const result = await tagPassage(files, project, REQUEST, seededRandomBytes(3));
    assert.ok(result.ok);
    assert.deepEqual(
      sidecarAnnotations(files).map((a) => a.id),
      ['theirs00', result.annotation.id],
    );
    assert.ok(files.text(SIDECAR)?.startsWith(theirs.slice(0, theirs.lastIndexOf('    quote:'))));
  });

  it('writes each concept once', async () => {
    const result = await tag(projectFiles({ 'k3.txt': K3_TRANSCRIPT }), {
      concepts: ['samordning.formell', 'samordning.formell'],
    });
    assert.ok(result.ok);
    assert.deepEqual(result.annotation.concepts, ['samordning.formell']);
  });

  it('refuses unknown concepts, suggesting the closest', async () => {
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT });
    assert.deepEqual(refusal(await tag(files, { concepts: ['samordning.formel'] })), {
      ok: false,
      message:
        'Unknown concept "samordning.formel" (did you mean "samordning.formell"?). Concepts are the ids in codebook.yaml.',
    });
    assert.deepEqual(refusal(await tag(files, { concepts: [] })), { ok: false, message: 'Give at least one concept.' });
    assert.deepEqual(files.writes, []);
  });

  it('refuses ranges outside the text or holding only white space', async () => {
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT });
    const outside = await tag(files, { range: line(99, 1, 5) });
    assert.ok(
      !outside.ok && outside.message.includes('the range 99:1-99:5 is outside the text (it has 11 lines'),
      JSON.stringify(outside),
    );
    const blank = await tag(files, { range: { start: { line: 8, column: 33 }, end: { line: 9, column: 1 } } });
    assert.ok(!blank.ok && blank.message.includes('holds no text'));
    assert.deepEqual(files.writes, []);
  });

  it('refuses a transcript that is not part of the project', async () => {
    const result = await tag(projectFiles({ 'k3.txt': K3_TRANSCRIPT }), { transcript: 'elsewhere/k3.txt' });
    assert.ok(!result.ok && result.message.startsWith('elsewhere/k3.txt is not a readable transcript of this project'));
  });

  it('refuses to write into a sidecar with merge-conflict markers, naming file and line', async () => {
    const conflicted = `${renderSidecar('k3.txt', [])}<<<<<<< HEAD\n=======\n>>>>>>> x\n`;
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT, 'k3.txt.annotations.yaml': conflicted });
    const result = await tag(files);
    assert.ok(
      !result.ok && result.message.startsWith(`${SIDECAR}:5:1: The file contains git merge-conflict markers`),
      JSON.stringify(result),
    );
    assert.equal(files.text(SIDECAR), conflicted);
  });
});

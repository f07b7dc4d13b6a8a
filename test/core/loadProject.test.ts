import assert from 'node:assert/strict';
import { captureAnchor } from '../../src/core/anchoring/capture';
import { hasErrors } from '../../src/core/problems';
import { loadProject } from '../../src/core/project/loadProject';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import { writeSidecar } from '../../src/core/sidecar/writeSidecar';
import { encodeUtf8 } from '../../src/core/text/decode';
import { TranscriptText } from '../../src/core/text/transcriptText';
import { bigTranscript } from '../helpers/bigTranscript';
import { filesFromDisk, SAMPLE_PROJECT } from '../helpers/diskProject';
import { codes, expectProblem, K3_TRANSCRIPT, projectFiles } from '../helpers/project';

const SIDECAR = 'transcripts/k3.txt.annotations.yaml';

/** An annotation of the first occurrence of `quote` in `raw`, as qcode would have saved it. */
function annotate(raw: string, quote: string, fields: Partial<Annotation> = {}): Annotation {
  const doc = new TranscriptText(raw);
  const start = doc.text.indexOf(quote.normalize('NFC'));
  assert.ok(start >= 0, quote);
  return {
    id: 'abcdefgh',
    concepts: ['samordning.formell'],
    ...captureAnchor(doc, start, start + quote.normalize('NFC').length),
    ...fields,
  };
}

async function load(transcript: string | Uint8Array, annotations: Annotation[] | string) {
  const sidecar = typeof annotations === 'string' ? annotations : renderSidecar('k3.txt', annotations);
  return loadProject(projectFiles({ 'k3.txt': transcript, 'k3.txt.annotations.yaml': sidecar }));
}

describe('loadProject', () => {
  it('loads the sample project without a single problem, every annotation exact', async () => {
    const project = await loadProject(filesFromDisk(SAMPLE_PROJECT));
    assert.deepEqual(project.problems, []);
    assert.equal(project.transcripts.length, 7);
    const all = project.transcripts.flatMap((t) => t.annotations);
    assert.ok(all.length >= 50);
    assert.ok(all.every((a) => a.resolution.status === 'exact' && a.text === a.annotation.quote));
  });

  it('rewrites none of the sample sidecars when given back their own annotations', async () => {
    const files = filesFromDisk(SAMPLE_PROJECT);
    for (const path of [...files.files.keys()].filter((p) => p.endsWith('.annotations.yaml'))) {
      const text = files.text(path) as string;
      const annotations = readSidecar(path, text).entries.map((e) => e.annotation);
      assert.deepEqual(
        writeSidecar(path, text, path.split('/').pop()?.replace('.annotations.yaml', '') ?? '', annotations),
        { ok: true, text },
        path,
      );
    }
  });

  it('resolves annotations and attributes them to the speaker of their turn', async () => {
    const project = await load(K3_TRANSCRIPT, [annotate(K3_TRANSCRIPT, 'Da har jeg nummeret til et par av dem.')]);
    assert.deepEqual(project.problems, []);
    const [resolved] = project.transcripts[0]?.annotations ?? [];
    assert.equal(resolved?.resolution.status, 'exact');
    assert.equal(resolved?.informant, 'K3');
    assert.deepEqual([resolved?.line, resolved?.column], [5, 5]);
  });

  it('reports unknown concepts and informants at the annotation, with "Did you mean"', async () => {
    const annotation = annotate(K3_TRANSCRIPT, 'Jeg har et veldig godt team.', {
      concepts: ['samordning.formel'],
      informant: 'K4',
    });
    const { problems } = await load(K3_TRANSCRIPT, [annotation]);
    expectProblem(problems, {
      code: 'unknown-concept',
      file: SIDECAR,
      line: 5,
      column: 5,
      severity: 'error',
      says: 'uses the concept "samordning.formel", which is not in codebook.yaml. Did you mean "samordning.formell"',
    });
    expectProblem(problems, {
      code: 'unknown-informant',
      file: SIDECAR,
      line: 5,
      column: 5,
      says: 'names the informant "K4", who is not in informants.yaml. Did you mean "K1" or "K3"',
    });
  });

  it('reports a speaker label that looks like an unregistered informant code', async () => {
    const text = `${K3_TRANSCRIPT}\nM7: Hei.\n\nM7: Igjen.\n`;
    const { problems } = await load(text, []);
    expectProblem(problems, {
      code: 'unregistered-informant',
      file: 'transcripts/k3.txt',
      line: 12,
      column: 1,
      severity: 'warning',
      says: 'The speaker "M7"',
    });
  });

  it('reports the same annotation id used in two sidecars', async () => {
    const other = 'I: Spørsmål?\n\nK1: Et langt nok svar på spørsmålet.\n';
    const files = projectFiles({
      'k3.txt': K3_TRANSCRIPT,
      'k3.txt.annotations.yaml': renderSidecar('k3.txt', [annotate(K3_TRANSCRIPT, 'Jeg har et veldig godt team.')]),
      'k1.txt': other,
      'k1.txt.annotations.yaml': renderSidecar('k1.txt', [annotate(other, 'Et langt nok svar på spørsmålet.')]),
    });
    expectProblem((await loadProject(files)).problems, {
      code: 'duplicate-id',
      file: SIDECAR,
      line: 5,
      says: 'is also used in transcripts/k1.txt.annotations.yaml:5',
    });
  });

  it('reports moved annotations as info and fuzzy ones as warnings, orphans as errors', async () => {
    const moved = annotate(K3_TRANSCRIPT, 'Jeg har et veldig godt team.', { id: 'mmmmmmmm' });
    const fuzzy = annotate(K3_TRANSCRIPT, 'Da har jeg nummeret til et par av dem.', { id: 'ffffffff' });
    const orphan = annotate(K3_TRANSCRIPT, 'Det er ikke meningen, men det hjelper.', { id: 'oooooooo' });
    const edited = `Forord\n${K3_TRANSCRIPT}`
      .replace('nummeret', 'nummerne')
      .replace('Det er ikke meningen, men det hjelper.', '');
    const { problems } = await load(edited, [moved, fuzzy, orphan]);
    expectProblem(problems, {
      code: 'moved',
      severity: 'info',
      says: 'has moved to 7:5-7:33. Run "qcode check --fix"',
    });
    expectProblem(problems, { code: 'fuzzy', severity: 'warning', says: 'only approximately (confidence' });
    expectProblem(problems, {
      code: 'orphaned',
      severity: 'error',
      says: 'is orphaned: The quote is no longer in the transcript',
    });
  });

  it('refuses a transcript with merge-conflict markers, at the <<<<<<< line', async () => {
    const conflicted = K3_TRANSCRIPT.replace(
      'I: Hva gjør du',
      '<<<<<<< HEAD\nI: Hva gjør du\n=======\nI: Hva gjorde du\n>>>>>>> retting',
    );
    const project = await load(conflicted, [annotate(K3_TRANSCRIPT, 'Jeg har et veldig godt team.')]);
    expectProblem(project.problems, { code: 'conflict-markers', file: 'transcripts/k3.txt', line: 8, column: 1 });
    assert.equal(project.transcripts[0]?.doc, undefined);
    expectProblem(project.problems, { code: 'orphaned', says: 'The transcript could not be read' });
  });

  it('refuses a sidecar with merge-conflict markers and marks it unwritable', async () => {
    const sidecar = renderSidecar('k3.txt', [annotate(K3_TRANSCRIPT, 'Jeg har et veldig godt team.')]).replace(
      'annotations:\n',
      'annotations:\n<<<<<<< HEAD\n=======\n>>>>>>> other\n',
    );
    const project = await load(K3_TRANSCRIPT, sidecar);
    expectProblem(project.problems, {
      code: 'conflict-markers',
      file: SIDECAR,
      line: 5,
      column: 1,
      says: 'Resolve the conflict',
    });
    assert.equal(project.transcripts[0]?.sidecarReadable, false);
  });

  it('refuses a Latin-1 transcript, naming the line and column of the first "æ" (0xE6)', async () => {
    const latin1 = Uint8Array.from([...encodeUtf8('I: Hei\nK3: Bl'), 0xe6, ...encodeUtf8('r\n')]);
    const project = await load(latin1, []);
    expectProblem(project.problems, {
      code: 'not-utf8',
      file: 'transcripts/k3.txt',
      line: 2,
      column: 7,
      says: 'byte 0xe6',
    });
  });

  it('refuses a Latin-1 sidecar with line and column, and keeps it from being written', async () => {
    const sidecar = encodeUtf8(
      renderSidecar('k3.txt', [annotate(K3_TRANSCRIPT, 'Jeg har et veldig godt team.', { memo: 'X' })]),
    );
    const memo = sidecar.lastIndexOf(0x58);
    sidecar[memo] = 0xe6;
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT, 'k3.txt.annotations.yaml': sidecar });
    const broken = await loadProject(files);
    expectProblem(broken.problems, { code: 'not-utf8', file: SIDECAR, line: 11, column: 11, says: 'Windows-1252' });
    assert.equal(broken.transcripts[0]?.sidecarReadable, false);
  });

  it('refuses a UTF-16 transcript by its BOM', async () => {
    const project = await load(Uint8Array.from([0xff, 0xfe, 0x49, 0, 0x3a, 0]), []);
    expectProblem(project.problems, {
      code: 'not-utf8',
      file: 'transcripts/k3.txt',
      line: 1,
      column: 1,
      says: 'UTF-16',
    });
  });

  it('reads a transcript with a UTF-8 BOM and CRLF lines, remembering the BOM', async () => {
    const crlf = K3_TRANSCRIPT.replace(/\n/g, '\r\n');
    const project = await load(encodeUtf8(crlf, true), [annotate(crlf, 'Da har jeg nummeret til et par av dem.')]);
    assert.deepEqual(project.problems, []);
    assert.equal(project.transcripts[0]?.hadBom, true);
    assert.equal(project.transcripts[0]?.annotations[0]?.resolution.status, 'exact');
  });

  it('resolves a quote saved in NFC exactly against a transcript saved in NFD', async () => {
    const nfd = K3_TRANSCRIPT.normalize('NFD');
    const annotation = annotate(nfd, 'Hva gjør du utenom kontortid?');
    assert.equal(annotation.quote, annotation.quote.normalize('NFC'));
    const project = await load(nfd, [annotation]);
    assert.deepEqual(project.problems, []);
    const resolved = project.transcripts[0]?.annotations[0];
    assert.equal(resolved?.resolution.status, 'exact');
    assert.equal(resolved?.text, 'Hva gjør du utenom kontortid?');
  });

  it('reports a sidecar whose transcript does not exist', async () => {
    const files = projectFiles({ 'gone.txt.annotations.yaml': renderSidecar('gone.txt', []), 'k3.txt': K3_TRANSCRIPT });
    expectProblem((await loadProject(files)).problems, {
      code: 'missing-transcript',
      file: 'transcripts/gone.txt.annotations.yaml',
      line: 1,
      column: 1,
      says: 'belongs to transcripts/gone.txt, which does not exist',
    });
  });

  it('warns when the sidecar names another transcript', async () => {
    const { problems } = await load(K3_TRANSCRIPT, renderSidecar('k1.txt', []));
    expectProblem(problems, {
      code: 'transcript-name',
      severity: 'warning',
      says: 'names "k1.txt" but sits next to "k3.txt"',
    });
  });

  it('passes on the problems of the sidecar, codebook, informants and settings, sorted by file and line', async () => {
    const files = projectFiles(
      { 'k3.txt': K3_TRANSCRIPT, 'k3.txt.annotations.yaml': 'qcode: 2\nannotations: []\n' },
      {
        'qcode.yaml': 'citation: [x]\n',
        'informants.yaml': 'informants:\n  - code: K3\n  - code: K3\n',
        'codebook.yaml': 'concepts:\n  - id: a\n  - id: a\n',
      },
    );
    const { problems } = await loadProject(files);
    assert.deepEqual(
      problems.map((p) => [p.file, p.code]),
      [
        ['codebook.yaml', 'duplicate-id'],
        ['informants.yaml', 'duplicate-id'],
        ['qcode.yaml', 'wrong-type'],
        [SIDECAR, 'unsupported-version'],
      ],
    );
  });

  it('reports a missing codebook, but not missing informants or settings', async () => {
    const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT });
    files.files.delete('codebook.yaml');
    files.files.delete('informants.yaml');
    const project = await loadProject(files);
    assert.deepEqual(codes(project.problems), ['missing-file']);
    expectProblem(project.problems, { code: 'missing-file', file: 'codebook.yaml', says: 'run "qcode init"' });
  });

  it('follows qcode.yaml to other folders and file endings, skipping hidden files', async () => {
    const files = projectFiles(
      {},
      {
        'qcode.yaml': 'transcripts: data\nextensions: [vtt]\ncodebook: koder.yaml\n',
        'koder.yaml': 'concepts:\n  - id: x\n',
        'data/a/k3.vtt': K3_TRANSCRIPT,
        'data/a/notes.txt': 'not a transcript here',
        'data/.hidden/k9.vtt': 'hidden',
      },
    );
    const project = await loadProject(files);
    assert.deepEqual(
      project.transcripts.map((t) => t.path),
      ['data/a/k3.vtt'],
    );
    assert.equal(project.codebook.has('x'), true);
    assert.deepEqual(project.problems, []);
  });

  it('loads a 5 MB transcript and resolves an annotation near its end', async function () {
    this.timeout(30000);
    const big = bigTranscript(5 * 1024 * 1024);
    const quote = big.slice(big.lastIndexOf('Det gikk bra'), big.lastIndexOf(' ble enig.'));
    const project = await load(big, [annotate(big, quote, { informant: 'K3' })]);
    assert.equal(hasErrors(project.problems), false, JSON.stringify(project.problems.slice(0, 3)));
    const resolved = project.transcripts[0]?.annotations[0];
    assert.equal(resolved?.text, quote);
    assert.ok(resolved?.resolution.status === 'exact', resolved?.resolution.status);
    assert.ok(resolved.resolution.range.start.line > 200_000);
  });
});

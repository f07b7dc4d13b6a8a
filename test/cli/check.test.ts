import assert from 'node:assert/strict';
import { checkJson, qcode, read, SAMPLE, scratchProject, write } from './cliHarness';

const K3 = 'transcripts/intervju-K3.txt';
const K3_SIDECAR = `${K3}.annotations.yaml`;

describe('qcode check', () => {
  it('reports every annotation of the sample project exact and no problems', async () => {
    const report = await checkJson(SAMPLE);
    const annotations = report.files.flatMap((f) => f.annotations);
    assert.equal(report.code, 0);
    assert.ok(annotations.length >= 40, `only ${annotations.length} annotations`);
    assert.deepEqual(
      annotations.filter((a) => a.status !== 'exact'),
      [],
    );
    assert.deepEqual(report.problems, []);
    assert.equal(report.files.length, 7);
  });

  it('names file, line and column of a bad sidecar and exits 1', async () => {
    const dir = scratchProject();
    write(
      dir,
      K3_SIDECAR,
      read(dir, K3_SIDECAR).replace('concepts: [tjenestemodell.integrert]', 'concepts: [tjenestemodell.integret]'),
    );
    const result = await qcode('check', dir);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /transcripts\/intervju-K3\.txt\.annotations\.yaml:5:5: error unknown-concept: .*"tjenestemodell\.integret".*Did you mean "tjenestemodell\.integrert"\?/,
    );
  });

  it('refuses a sidecar with merge-conflict markers and points at the marker', async () => {
    const dir = scratchProject();
    const lines = read(dir, K3_SIDECAR).split('\n');
    lines.splice(6, 0, '<<<<<<< HEAD', '    informant: K2', '=======', '    informant: K3', '>>>>>>> theirs');
    write(dir, K3_SIDECAR, lines.join('\n'));
    const result = await qcode('check', dir, '--format', 'github');
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /^::error file=transcripts\/intervju-K3\.txt\.annotations\.yaml,line=7,col=1,title=qcode conflict-markers::.*Resolve the conflict/m,
    );
  });

  it('finds annotations moved by edits elsewhere, and --fix makes them exact again, changing only range and context lines', async () => {
    const dir = scratchProject();
    const transcript = read(dir, K3);
    write(
      dir,
      K3,
      transcript
        .replace('Intervjuer: I\n', 'Intervjuer: I\nTranskribert av: A. N. Onym\n\n')
        .replace('Hvem er det som', 'Hvem er det egentlig som'),
    );
    const before = await checkJson(dir);
    const statuses = before.files.find((f) => f.transcript === K3)?.annotations.map((a) => a.status);
    assert.ok(statuses?.every((s) => s === 'moved' || s === 'exact'));
    assert.ok(statuses?.includes('moved'));
    assert.equal(before.code, 0);
    const sidecarBefore = read(dir, K3_SIDECAR).split('\n');
    assert.equal((await qcode('check', dir, '--fix')).code, 0);
    const after = await checkJson(dir);
    assert.deepEqual(
      after.files.flatMap((f) => f.annotations).filter((a) => a.status !== 'exact'),
      [],
    );
    const sidecarAfter = read(dir, K3_SIDECAR).split('\n');
    assert.equal(sidecarAfter.length, sidecarBefore.length);
    const changed = sidecarAfter.filter((line, i) => line !== sidecarBefore[i]);
    assert.ok(changed.length > 0);
    assert.ok(
      changed.every((line) => /^ {4}(range|before|after): /.test(line)),
      changed.join('\n'),
    );
  });

  it('keeps an orphan, reports it as an error and never deletes it with --fix', async () => {
    const dir = scratchProject();
    write(dir, K3, read(dir, K3).replace('Jeg har et veldig godt team.', 'Jeg har mange folk rundt meg.'));
    const result = await qcode('check', dir, '--fix');
    assert.equal(result.code, 1);
    assert.match(result.stdout, /intervju-K3\.txt\.annotations\.yaml:5:5: error orphaned: Annotation pgtqbp19/);
    assert.match(read(dir, K3_SIDECAR), /id: pgtqbp19/);
  });

  it('warns, without failing, about a concept without a definition, one nobody used and an example that is no annotation', async () => {
    const dir = scratchProject();
    const codebook = read(dir, 'codebook.yaml')
      .replace('        examples: [r9rf45tp, g3se8cr1]\n', '        examples: [r9rf45tp, finnesikke]\n')
      .replace(
        '    description: Waiting lists, time pressure and scarce staff.\n',
        '    description: Waiting lists, time pressure and scarce staff.\n  - id: bolig\n    label: Bolig\n',
      );
    write(dir, 'codebook.yaml', codebook);
    const result = await qcode('check', dir);
    assert.equal(result.code, 0, result.stdout);
    const line = (text: string) => codebook.split('\n').findIndex((l) => l.includes(text)) + 1;
    assert.match(
      result.stdout,
      new RegExp(
        `^codebook\\.yaml:${line('examples: [r9rf45tp')}:30: warning unknown-example: The example "finnesikke" of "koordinator\\.fallskjerm" is not the id of an annotation`,
        'm',
      ),
    );
    assert.match(
      result.stdout,
      new RegExp(
        `^codebook\\.yaml:${line('id: bolig')}:5: warning no-definition: The concept "bolig" \\(Bolig\\) has no definition\\.`,
        'm',
      ),
    );
    assert.match(
      result.stdout,
      new RegExp(
        `^codebook\\.yaml:${line('id: bolig')}:5: warning unused-concept: No annotation is tagged with the concept "bolig"`,
        'm',
      ),
    );
    assert.match(result.stdout, /; 0 errors, 3 warnings\.\n$/);
    const json = await checkJson(dir);
    assert.deepEqual(json.problems.map((p) => p.code).sort(), ['no-definition', 'unknown-example', 'unused-concept']);
  });

  it('prints the summary line with counts per status', async () => {
    const result = await qcode('check', SAMPLE);
    assert.match(
      result.stdout,
      /7 transcripts, \d+ annotations: \d+ exact, 0 moved, 0 fuzzy, 0 orphaned; 0 errors, 0 warnings\./,
    );
  });
});

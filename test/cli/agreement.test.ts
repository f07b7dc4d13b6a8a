import assert from 'node:assert/strict';
import type { AgreementReport } from '../../src/core/agreement/report';
import { AGREEMENT_FIXTURE } from '../helpers/agreementFixture';
import { qcode, read, scratchProject, write } from './cliHarness';

describe('qcode agreement', () => {
  it('reports on a copy of the sample project: what it covered, a table per concept, the disagreements', async () => {
    const dir = scratchProject();
    const result = await qcode('agreement', dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^# Intercoder agreement\n\nCoders: ingrid, jonas\. The units are the \d+ characters of the 4 transcripts every one of them coded;/,
    );
    assert.match(result.stdout, /^- transcripts\/intervju-K3\.txt \(\d+ characters\)$/m);
    assert.match(result.stdout, /^- transcripts\/intervju-K2\.txt: not coded by jonas$/m);
    assert.match(result.stdout, /^\| Fallskjermen \| \d+\.\d % \| -?\d\.\d{3} \| -?\d\.\d{3} \| \d+ \| \d+ \|$/m);
    assert.match(result.stdout, /^\| \*\*All concepts\*\* \|/m);
    assert.match(
      result.stdout,
      /^### Fallskjermen\n\n(- .*\n)*- `transcripts\/intervju-K3\.txt:21:5` \(K3\), coded by ingrid, not by jonas: “Da har jeg nummeret til et par av dem\.”$/m,
    );
    assert.doesNotMatch(result.stdout, /NaN/);
  });

  it('prints JSON whose figures match the hand-computed ones of the fixture', async () => {
    const result = await qcode('agreement', AGREEMENT_FIXTURE, '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as AgreementReport;
    assert.equal(report.characters, 154);
    assert.deepEqual(
      report.perConcept.map((c) => [c.conceptId, c.kappa.mean?.toFixed(3), c.alpha?.toFixed(3)]),
      [
        ['samarbeid.formell', '0.630', '0.622'],
        ['samarbeid.uformell', '0.919', '0.919'],
        ['tillit', '0.928', '0.928'],
      ],
    );
    assert.deepEqual(
      report.disagreements.map((d) => `${d.transcript}:${d.startLine}:${d.startColumn}`),
      ['transcripts/intervju-K2.txt:3:23', 'transcripts/intervju-K1.txt:3:28', 'transcripts/intervju-K2.txt:3:5'],
    );
  });

  it('takes --coders as a comma-separated list and --concept more than once', async () => {
    const result = await qcode(
      'agreement',
      AGREEMENT_FIXTURE,
      '--coders',
      'jonas, ingrid',
      '--concept',
      'tillit',
      '--concept',
      'samarbeid.uformell',
      '--format',
      'json',
    );
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as AgreementReport;
    assert.deepEqual(report.coders, ['jonas', 'ingrid']);
    assert.deepEqual(
      report.perConcept.map((c) => c.conceptId),
      ['samarbeid.uformell', 'tillit'],
    );
  });

  it('refuses one coder, an unknown coder and an unknown concept as usage errors (exit 2)', async () => {
    const one = await qcode('agreement', AGREEMENT_FIXTURE, '--coders', 'ingrid');
    assert.equal(one.code, 2);
    assert.match(
      one.stderr,
      /^qcode: Agreement needs two coders or more; only "ingrid" was chosen\. Name another one\.\n/,
    );
    const unknownCoder = await qcode('agreement', AGREEMENT_FIXTURE, '--coders', 'ingrid,jonsa');
    assert.equal(unknownCoder.code, 2);
    assert.match(
      unknownCoder.stderr,
      /Unknown coder "jonsa" \(did you mean "jonas"\?\); the annotations name ingrid, jonas\./,
    );
    const unknownConcept = await qcode('agreement', AGREEMENT_FIXTURE, '--concept', 'tilit');
    assert.equal(unknownConcept.code, 2);
    assert.match(unknownConcept.stderr, /Unknown concept "tilit" \(did you mean "tillit"\?\)/);
    assert.equal((await qcode('agreement', AGREEMENT_FIXTURE, '--format', 'csv')).code, 2);
  });

  it('fails with exit 1 when the project has annotations by one coder only', async () => {
    const dir = scratchProject(AGREEMENT_FIXTURE);
    const sidecars = ['transcripts/intervju-K1.txt.annotations.yaml', 'transcripts/intervju-K2.txt.annotations.yaml'];
    for (const path of sidecars) write(dir, path, read(dir, path).replace(/coder: jonas/g, 'coder: ingrid'));
    const result = await qcode('agreement', dir);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^qcode agreement: Agreement needs two coders or more, but the annotations name only ingrid\./,
    );
  });

  it('says how many orphaned annotations it left out, with exit 1', async () => {
    const dir = scratchProject(AGREEMENT_FIXTURE);
    const path = 'transcripts/intervju-K2.txt';
    write(dir, path, read(dir, path).replace('Ja, jeg stoler på kontaktpersonen min.', 'Nei.'));
    const result = await qcode('agreement', dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^3 orphaned annotations by these coders were left out/m);
    assert.match(result.stderr, /3 orphaned annotation\(s\) were left out; run "qcode check" to see them\./);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { qcode, read, SAMPLE, scratchProject, write } from './cliHarness';
import { assertValid } from '../helpers/refiFiles';

describe('qcode codebook', () => {
  it('writes the hierarchy with numbered headings, definitions and criteria as Markdown', async () => {
    const result = await qcode('codebook', SAMPLE);
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(md, /^# Codebook\n\n24 concepts\.\n\n## 1 Samordning\n\nHow services are connected/);
    assert.match(md, /^### 1\.1 Formell samordning$/m);
    assert.match(md, /^#### 4\.2\.1 Den likegyldige$/m);
    assert.match(
      md,
      /### 3\.3 Fallskjermen\n\nAvailable, also outside working hours, and catches the user when life falls apart\.\n\n\*\*Inclusion:\*\* The helper can be reached, or steps in, when the user's life falls apart, also in the evening, at weekends or on a private phone\.\n\n\*\*Exclusion:\*\* Help that is planned and given within working hours; that is the facilitator\.\n\n## 4 Bakkebyråkrati/,
    );
    assert.doesNotMatch(md, /Coded passages|Anchor examples/);
  });

  it('counts the passages of each concept, in all and per role, and quotes the anchor examples with their citations', async () => {
    const result = await qcode('codebook', SAMPLE, '--counts', '--examples');
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(
      md,
      /^24 concepts, 67 coded passages\.\n\nThe counts are coded passages of the concept or a concept below it, each passage once, by the informant's role\.$/m,
    );
    assert.match(
      md,
      /## 1 Samordning\n\n.*\n\n\*\*Coded passages:\*\* 29 \(ansatt 6, leder 5, tjenestemottaker 18\)\n/,
    );
    assert.match(
      md,
      /\*\*Coded passages:\*\* 5 \(ansatt 1, leder 1, tjenestemottaker 3\)\n\n\*\*Anchor examples:\*\*\n\n> “En gang var det en søndag kveld og jeg hadde det veldig vondt, og hun svarte\.” \(K3\)\n\n> “Jeg har gitt nummeret mitt til et par brukere som jeg vet ikke har noen andre\. Det er ikke noe lederen har bedt om\.” \(L7\)\n\n## 4 /,
    );
  });

  it('groups the counts by another attribute with --by, and refuses one no informant has', async () => {
    const byGender = await qcode('codebook', SAMPLE, '--by', 'attribute:gender');
    assert.equal(byGender.code, 0, byGender.stderr);
    assert.match(byGender.stdout, /by the informant's gender\./);
    assert.match(
      byGender.stdout,
      /## 1 Samordning\n\n.*\n\n\*\*Coded passages:\*\* 29 \(kvinne \d+, mann \d+, unknown \d+\)\n/,
    );
    const unknown = await qcode('codebook', SAMPLE, '--counts', '--by', 'alder');
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.stderr,
      /No informant has the attribute "alder"\. The informants have: role, gender, age_group, interviewed/,
    );
  });

  it('writes the appendix in Norwegian when the project language is Norwegian', async () => {
    const dir = scratchProject();
    write(dir, 'qcode.yaml', 'language: nb\n');
    const result = await qcode('codebook', dir, '--counts', '--examples');
    assert.match(
      result.stdout,
      /^# Kodebok\n\n24 begreper, 67 kodede utdrag\.\n\nTallene er kodede utdrag med begrepet eller et begrep under det, hvert utdrag én gang, fordelt etter informantens role\.\n/,
    );
    assert.match(
      result.stdout,
      /\*\*Inklusjon:\*\* .*\n\n\*\*Eksklusjon:\*\* .*\n\n\*\*Kodede utdrag:\*\* 5 \(ansatt 1, leder 1, tjenestemottaker 3\)\n\n\*\*Ankereksempler:\*\*\n\n> «En gang var det/,
    );
  });

  it('leaves out an example that is no annotation, says so and exits 1; an orphaned one is quoted and marked', async () => {
    const dir = scratchProject();
    write(
      dir,
      'codebook.yaml',
      read(dir, 'codebook.yaml').replace(
        'examples: [r9rf45tp, g3se8cr1]',
        'examples: [r9rf45tp, finnesikke, g3se8cr1]',
      ),
    );
    write(
      dir,
      'transcripts/intervju-K3.txt',
      read(dir, 'transcripts/intervju-K3.txt').replace(
        'En gang var det en søndag kveld og jeg hadde det veldig vondt, og hun svarte.',
        'Det har skjedd.',
      ),
    );
    const result = await qcode('codebook', dir, '--examples');
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /The example "finnesikke" of "koordinator\.fallskjerm" is not the id of an annotation in this project, so it was left out\./,
    );
    assert.match(result.stderr, /1 annotation was exported from the quote saved in the sidecar/);
    assert.match(
      result.stdout,
      /> “En gang var det en søndag kveld og jeg hadde det veldig vondt, og hun svarte\.” \(K3\)\n\n\*Quoted from the sidecar: not found in the text\.\*\n\n> “Jeg har gitt/,
    );
  });

  it('escapes Markdown and HTML in labels, definitions and criteria', async () => {
    const dir = scratchProject();
    write(
      dir,
      'codebook.yaml',
      'concepts:\n  - id: a\n    label: "<script>alert(1)</script> *fet*"\n    description: "[lenke](javascript:x)"\n    inclusion: "# ikke en overskrift"\n',
    );
    const result = await qcode('codebook', dir);
    assert.match(result.stdout, /^## 1 &lt;script&gt;alert\(1\)&lt;\/script&gt; \\\*fet\\\*$/m);
    assert.match(result.stdout, /^\\\[lenke\\\]\(javascript:x\)$/m);
    assert.match(result.stdout, /^\*\*Inclusion:\*\* # ikke en overskrift$/m);
    assert.doesNotMatch(result.stdout, /<script>/);
  });

  it('writes Markdown and Word files with --out, codebook.docx by default', async () => {
    const dir = scratchProject();
    const md = await qcode('codebook', dir, '--out', join(dir, 'vedlegg.md'));
    assert.equal(md.code, 0, md.stderr);
    assert.equal(md.stdout, '');
    assert.match(md.stderr, /^Wrote .*vedlegg\.md: 24 concepts\.\n$/);
    assert.match(read(dir, 'vedlegg.md'), /^# Codebook\n/);
    const previous = process.cwd();
    process.chdir(dir);
    const docx = await qcode('codebook', '.', '--format', 'docx', '--examples').finally(() => process.chdir(previous));
    assert.equal(docx.code, 0, docx.stderr);
    assert.equal(docx.stderr, 'Wrote codebook.docx: 24 concepts, 2 anchor examples.\n');
    assert.deepEqual([...readFileSync(join(dir, 'codebook.docx')).subarray(0, 2)], [0x50, 0x4b], 'a zip archive');
  });

  it('writes a REFI-QDA codebook with --format qdc, and refuses counts and examples there', async () => {
    const dir = scratchProject();
    const result = await qcode('codebook', dir, '--format', 'qdc', '--out', join(dir, 'kodebok.qdc'));
    assert.equal(result.code, 0, result.stderr);
    const xml = read(dir, 'kodebok.qdc');
    await assertValid(xml, 'codebook');
    assert.match(xml, /Inclusion: The helper can be reached/);
    const refused = await qcode('codebook', dir, '--format', 'qdc', '--counts', '--examples');
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /--counts, --examples apply to --format md and docx: a REFI-QDA codebook \(\.qdc\) has no place for counts or anchor examples/,
    );
  });

  it('refuses an unknown format or flag', async () => {
    assert.match(
      (await qcode('codebook', SAMPLE, '--format', 'pdf')).stderr,
      /--format must be one of md, docx, qdc, not "pdf"/,
    );
    assert.equal((await qcode('codebook', SAMPLE, '--teller')).code, 2);
  });
});

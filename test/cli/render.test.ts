import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { qcode, read, scratchProject, write } from './cliHarness';

const CHAPTER = 'chapters/kapittel-5.md';
const K1_QUOTE = 'Det var fastlegen min som ringte rundt for meg, ellers tror jeg ikke noen hadde fanget meg opp.';
const K2_QUOTE = 'Hun vet hvordan systemet fungerer, hvem hun skal ringe, hvilke skjema som må fylles ut.';
const L7_QUOTE =
  'Ja, det er mye som går på personlige relasjoner. Jeg vet hvem jeg kan ringe på rusteamet. Hvis den personen slutter, er jeg ikke sikker på at samarbeidet fortsetter.';

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
}

describe('qcode render', () => {
  it('renders the sample chapter to the exact current quotes and citations', async () => {
    const dir = scratchProject();
    const result = await qcode('render', join(dir, CHAPTER));
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines[3], `For K1 var det legen hennes: \u201c${K1_QUOTE}\u201d (K1)`);
    assert.equal(lines[7], `> ${K2_QUOTE} (K2)`);
    assert.equal(lines[11], `> ${L7_QUOTE} (L7)`);
    assert.ok(!result.stdout.includes('{{'), 'every reference is rendered');
    const listed = lines
      .slice(lines.indexOf('## Alle utdrag om døråpneren') + 1)
      .filter((line) => line.startsWith('> '));
    assert.deepEqual(
      listed.map((line) => line.slice(-4)),
      ['(M2)', '(K1)', '(K2)', '(K2)', '(M1)'],
      'the concept lists its passages of tjenestemottakere in export order',
    );
  });

  it('renders the same quote after an edit to the transcript moves the cited passage', async () => {
    const dir = scratchProject();
    const before = await qcode('render', join(dir, CHAPTER));
    write(
      dir,
      'transcripts/intervju-K2.txt',
      `Transkribert på nytt 2020.\n\nMerknad: navn er endret.\n\n${read(dir, 'transcripts/intervju-K2.txt')}`,
    );
    write(
      dir,
      'transcripts/intervju-K1.txt',
      read(dir, 'transcripts/intervju-K1.txt').replace(/\n\n/, '\n\nI: (Opptaket starter.)\n\n'),
    );
    const after = await qcode('render', join(dir, CHAPTER));
    assert.equal(after.code, 0, after.stderr);
    assert.equal(after.stdout, before.stdout);
    assert.ok(after.stdout.includes(`> ${K2_QUOTE} (K2)`));
  });

  it('names file:line:column of an unknown id, exits 1 and writes nothing', async () => {
    const dir = scratchProject();
    write(dir, CHAPTER, `${read(dir, CHAPTER)}\nSe også {{q:zzzzzzzz}}.\n`);
    const out = join(dir, 'ut.md');
    const result = await qcode('render', join(dir, CHAPTER), '--out', out);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      new RegExp(
        `${join(dir, CHAPTER).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:18:9: error unknown-annotation: No annotation has the id "zzzzzzzz"`,
      ),
    );
    assert.equal(result.stdout, '');
    assert.equal(existsSync(out), false, 'nothing is written');
    const docx = await qcode('render', join(dir, CHAPTER), '--format', 'docx', '--out', join(dir, 'ut.docx'));
    assert.equal(docx.code, 1);
    assert.equal(existsSync(join(dir, 'ut.docx')), false);
  });

  it("writes a Word document with the export's quote style, and HTML with block quotes", async () => {
    const dir = scratchProject();
    const out = join(dir, 'ut.docx');
    const result = await qcode('render', join(dir, CHAPTER), '--format', 'docx', '--out', out);
    assert.equal(result.code, 0, result.stderr);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    assert.match(document, /<w:pStyle w:val="Quote"\/>/);
    assert.ok(document.includes(`\u201c${K2_QUOTE}\u201d`));
    assert.ok(
      strFromU8(files['word/styles.xml'] ?? new Uint8Array()).includes('w:styleId="QuoteSource"'),
      'the styles of export --format docx',
    );
    const html = await qcode('render', join(dir, CHAPTER), '--format', 'html');
    assert.equal(html.code, 0, html.stderr);
    assert.ok(html.stdout.includes(`<blockquote>\n<p>${K2_QUOTE} (K2)</p>\n</blockquote>`), html.stdout);
    assert.ok(html.stdout.startsWith('<!doctype html>'));
  });

  it('writes one file per chapter into a folder', async () => {
    const dir = scratchProject();
    write(dir, 'chapters/kapittel-6.md', 'Kort: {{q:6adhh8nj}}\n');
    const result = await qcode(
      'render',
      join(dir, CHAPTER),
      join(dir, 'chapters/kapittel-6.md'),
      '--out',
      join(dir, 'ut/'),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read(dir, 'ut/kapittel-6.md'), `Kort: \u201c${K2_QUOTE}\u201d (K2)\n`);
    assert.ok(read(dir, 'ut/kapittel-5.md').includes(`> ${L7_QUOTE} (L7)`));
  });
});

describe('qcode check and diff with chapters', () => {
  it("check reports a chapter's broken references at their place", async () => {
    const dir = scratchProject();
    const clean = await qcode('check', dir);
    assert.ok(!clean.stdout.includes('chapters/'), clean.stdout);
    write(dir, CHAPTER, `{{concept:koordinatorer}}\n${read(dir, CHAPTER)}`);
    const result = await qcode('check', dir);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /^chapters\/kapittel-5\.md:1:1: error unknown-concept: The concept "koordinatorer" is not in codebook\.yaml\. Did you mean "koordinator"\?/m,
    );
  });

  it('diff lists the chapter citations whose quote text changed', async () => {
    const dir = scratchProject();
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '.');
    git(dir, 'commit', '--quiet', '-m', 'Coded sample');
    write(
      dir,
      'transcripts/intervju-K2.txt',
      read(dir, 'transcripts/intervju-K2.txt').replace(
        'hvilke skjema som må fylles ut',
        'hvilke skjemaer som må fylles ut',
      ),
    );
    const md = await qcode('diff', 'main', dir);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /### Chapter citations whose quotes changed/);
    assert.match(
      md.stdout,
      /\| `chapters\/kapittel-5\.md:8:1` \| `\{\{q:6adhh8nj\}\}` \| Hun vet hvordan systemet fungerer, hvem hun skal ringe, hvilke skjema som må fylles ut\. \| Hun vet hvordan systemet fungerer, hvem hun skal ringe, hvilke skjemaer som må fylles ut\. \|/,
    );
    const json = JSON.parse((await qcode('diff', 'main', dir, '--format', 'json')).stdout) as {
      chapters: { chapter: string; line: number; reference: string }[];
    };
    assert.deepEqual(
      json.chapters.map((c) => [c.chapter, c.line, c.reference]),
      [
        [CHAPTER, 8, '{{q:6adhh8nj}}'],
        [CHAPTER, 16, '{{concept:koordinator.doraapner where=role:tjenestemottaker}}'],
      ],
    );
  });
});

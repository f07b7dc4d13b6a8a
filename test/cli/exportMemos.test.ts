import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { qcode, read, scratchProject, write } from './cliHarness';

const K3 = 'transcripts/intervju-K3.txt.annotations.yaml';

/** The sample with a key quote (49q4zh6q), a memo on a concept, on a transcript and a project memo citing a passage. */
function withMemos(): string {
  const dir = scratchProject();
  write(
    dir,
    K3,
    read(dir, K3)
      .replace(
        '    memo: Tilgjengelig utenfor arbeidstid.\n',
        '    memo: Tilgjengelig utenfor arbeidstid.\n    key: true\n',
      )
      .replace('annotations:\n', 'memo: "Intervjuet ble avbrutt.\\n\\nTatt opp igjen neste dag."\nannotations:\n'),
  );
  write(
    dir,
    'codebook.yaml',
    read(dir, 'codebook.yaml').replace(
      '        label: Fallskjermen\n',
      '        label: Fallskjermen\n        memo: Nær Zackas <skjønn>?\n',
    ),
  );
  mkdirSync(join(dir, 'memos'));
  write(
    dir,
    'memos/analyse.md',
    '# Fallskjermen\n\nK3 sier det slik: {{q:49q4zh6q}}\n\n## Videre\n\n{{concept:koordinator.fallskjerm key}}\n',
  );
  return dir;
}

describe('qcode export --key-only', () => {
  it("exports only the key quotes, in every format and in a chapter's {{concept:ID key}}", async () => {
    const dir = withMemos();
    const all = await qcode('export', dir, '--format', 'json', '--concept', 'koordinator.fallskjerm');
    const key = await qcode('export', dir, '--format', 'json', '--concept', 'koordinator.fallskjerm', '--key-only');
    assert.equal(key.code, 0, key.stderr);
    const ids = (text: string) =>
      (JSON.parse(text) as { concepts: { quotes: { id: string; key: boolean }[] }[] }).concepts.flatMap((c) =>
        c.quotes.map((q) => `${q.id}:${q.key}`),
      );
    assert.ok(ids(all.stdout).length > 1);
    assert.ok(ids(all.stdout).includes('49q4zh6q:true'));
    assert.deepEqual(ids(key.stdout), ['49q4zh6q:true']);
    const md = await qcode('export', dir, '--key-only');
    assert.deepEqual(md.stdout.match(/^> .*$/gm), [
      '> Da har jeg nummeret til et par av dem. (K3)',
      '> Da har jeg nummeret til et par av dem. (K3)',
    ]);
    write(dir, 'chapters/k.md', '{{concept:koordinator.fallskjerm key}}\n');
    const rendered = await qcode('render', join(dir, 'chapters/k.md'));
    assert.equal(rendered.code, 0, rendered.stderr);
    assert.equal(rendered.stdout, '> Da har jeg nummeret til et par av dem. (K3)\n');
  });

  it('says what is wrong with a reference that has an unknown option', async () => {
    const dir = withMemos();
    write(dir, 'chapters/k.md', '\n{{concept:koordinator keys}}\n');
    const rendered = await qcode('render', join(dir, 'chapters/k.md'));
    assert.equal(rendered.code, 1);
    assert.match(
      rendered.stderr,
      /chapters\/k\.md:2:1: error malformed-reference: "keys" in \{\{concept:koordinator keys\}\} is not a filter; use informant=K1,K3, where=ATTRIBUTE:VALUE or key\./,
    );
  });
});

describe('qcode export --memos-only', () => {
  it('writes every memo under a heading per kind, project memos with their references rendered', async () => {
    const dir = withMemos();
    const result = await qcode('export', dir, '--memos-only');
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.deepEqual(md.match(/^#{1,6} .*$/gm)?.slice(0, 7), [
      '# Memos',
      '## Project memos',
      '### memos/analyse.md',
      '#### Fallskjermen',
      '##### Videre',
      '## Concepts',
      '### Fallskjermen',
    ]);
    assert.match(
      md,
      /^K3 sier det slik: “Da har jeg nummeret til et par av dem\.” \(K3\)$/m,
      'an inline reference is rendered',
    );
    assert.match(md, /^Nær Zackas &lt;skjønn&gt;\?$/m, 'text from the project is escaped');
    assert.match(
      md,
      /^## Transcript intervju-K3\.txt\n\nIntervjuet ble avbrutt\.\n\nTatt opp igjen neste dag\.\n\n> Da har jeg nummeret til et par av dem\. \(K3\)\n\nTilgjengelig utenfor arbeidstid\.$/m,
    );
    assert.match(md, /^## Transcript intervju-L5\.txt\n\n> .*\n\nRutinen finnes, men etterleves ikke\.$/m);
    assert.equal(
      md.match(/^> /gm)?.length,
      9,
      'one quote per passage with a memo, and the key quote the project memo lists',
    );
  });

  it('narrows the passages whose memos are written with the quote filters, and the concepts with --concept', async () => {
    const dir = withMemos();
    const key = await qcode('export', dir, '--memos-only', '--key-only');
    assert.equal(key.code, 0, key.stderr);
    assert.deepEqual(key.stdout.match(/^Tilgjengelig.*|^Rutinen.*|^Overlapper.*/gm), [
      'Tilgjengelig utenfor arbeidstid.',
    ]);
    const concept = await qcode('export', dir, '--memos-only', '--concept', 'samordning');
    assert.doesNotMatch(concept.stdout, /## Concepts|Tilgjengelig utenfor/);
    assert.match(concept.stdout, /Rutinen finnes/);
  });

  it('writes a Word document of the memos', async () => {
    const dir = withMemos();
    const out = join(dir, 'memoer.docx');
    const result = await qcode('export', dir, '--memos-only', '--format', 'docx', '--out', out);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^Wrote 11 memos to .*memoer\.docx\.$/m);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml'] as Uint8Array);
    for (const text of [
      'Project memos',
      'Tatt opp igjen neste dag.',
      'Nær Zackas &lt;skjønn&gt;?',
      'Overlapper Ingrids koding',
    ])
      assert.ok(xml.includes(text), text);
  });

  it('writes nothing when a project memo cites a passage that does not exist, and names the place', async () => {
    const dir = withMemos();
    write(dir, 'memos/feil.md', 'Tekst\n\nSe {{q:zzzzzzzz}}.\n');
    const out = join(dir, 'memos.docx');
    const result = await qcode('export', dir, '--memos-only', '--format', 'docx', '--out', out);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^memos\/feil\.md:3:4: error unknown-annotation: No annotation has the id "zzzzzzzz"\./m,
    );
    assert.match(result.stderr, /Nothing was written/);
    assert.equal(existsSync(out), false);
  });

  it('refuses formats and flags that do not fit memos, as usage errors', async () => {
    const dir = withMemos();
    for (const args of [['--format', 'csv'], ['--group', 'informant'], ['--context'], ['--preset', 'x']]) {
      const result = await qcode('export', dir, '--memos-only', ...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '');
    }
  });

  it("says when the project has no memos, in the project's language", async () => {
    const dir = scratchProject();
    for (const sidecar of ['fokusgruppe-ansatte', 'interview-M2-en', 'intervju-K1', 'intervju-K3', 'intervju-L5']) {
      const path = `transcripts/${sidecar}.txt.annotations.yaml`;
      write(dir, path, read(dir, path).replace(/^ {4}memo: .*\n/gm, ''));
    }
    write(dir, 'qcode.yaml', 'language: nb\n');
    const result = await qcode('export', dir, '--memos-only');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '# Memoer\n\n*Prosjektet har ingen memoer ennå.*\n');
  });
});

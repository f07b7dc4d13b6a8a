import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkJson, qcode, read, scratchProject, write, type CheckJson } from './cliHarness';

const KEY = 'rustjenesten: "[R]"\nkommunen: "[by]"\nFastlegen: "[lege]"\n';

function statuses(json: Awaited<ReturnType<typeof checkJson>>): Record<string, string> {
  return Object.fromEntries(json.files.flatMap((f) => f.annotations.map((a) => [a.id, a.status])));
}

describe('qcode pseudonymize', () => {
  it('replaces the key in transcripts and every copy, keeps every annotation exact, and check finds no leak after', async () => {
    const dir = scratchProject();
    write(dir, 'pseudonyms.yaml', KEY);
    const before = await checkJson(dir);
    const leaks = before.problems.filter((p) => p.code === 'pseudonym-leak');
    assert.ok(
      leaks.some((p) => p.file === 'transcripts/intervju-K1.txt' && p.line === 7),
      JSON.stringify(leaks.slice(0, 3)),
    );
    assert.equal(before.code, 1);
    const result = await qcode('pseudonymize', dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^transcripts\/intervju-K1\.txt:7:\d+: kommunen -> \[by\]$/m);
    assert.match(result.stdout, /replacement\(s\) in \d+ file\(s\)/);
    const after = await checkJson(dir);
    const handled = (file: string) =>
      file.startsWith('transcripts/') || file === 'codebook.yaml' || file === 'informants.yaml';
    assert.deepEqual(
      after.problems.filter((p) => p.code === 'pseudonym-leak' && handled(p.file)),
      [],
    );
    assert.deepEqual(statuses(after), statuses(before));
    assert.ok(Object.values(statuses(after)).includes('exact'));
    assert.doesNotMatch(read(dir, 'transcripts/intervju-K1.txt'), /kommunen/i);
    const again = await qcode('pseudonymize', dir);
    assert.match(again.stdout, /^Nothing to replace/m);
  });

  it('with --dry-run lists the replacements as file:line:column and changes nothing', async () => {
    const dir = scratchProject();
    write(dir, 'pseudonyms.yaml', KEY);
    const transcript = read(dir, 'transcripts/intervju-K2.txt');
    const result = await qcode('pseudonymize', dir, '--dry-run');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^transcripts\/intervju-K2\.txt:2:7: rustjenestens -> \[R\]s$/m);
    assert.match(result.stdout, /would be made; nothing was written/);
    assert.equal(read(dir, 'transcripts/intervju-K2.txt'), transcript);
  });

  it('rewrites the project memos (memos/**/*.md) outside their references, lists them with --dry-run, and check finds no leak in them after', async () => {
    const dir = scratchProject();
    write(dir, 'pseudonyms.yaml', KEY);
    write(dir, 'memos/helg.md', '# Kommunen i helgene\n\nFastlegens kontor er stengt.\n\n{{q:49q4zh6q}}\n');
    write(dir, 'memos/runde-2/notat.md', '\uFEFFSpør kommunen.\r\n{{concept:koordinator.fallskjerm}}\r\n');
    write(dir, 'notater/utkast.md', 'Kommunen er ikke en memo her.\n');
    const dry = await qcode('pseudonymize', dir, '--dry-run');
    assert.match(dry.stdout, /^memos\/helg\.md:1:3: Kommunen -> \[by\]$/m);
    assert.match(dry.stdout, /^memos\/helg\.md:3:1: Fastlegens -> \[lege\]s$/m);
    assert.match(dry.stdout, /^memos\/runde-2\/notat\.md:1:6: kommunen -> \[by\]$/m);
    assert.match(read(dir, 'memos/helg.md'), /^# Kommunen/);
    const result = await qcode('pseudonymize', dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read(dir, 'memos/helg.md'), '# [by] i helgene\n\n[lege]s kontor er stengt.\n\n{{q:49q4zh6q}}\n');
    assert.equal(read(dir, 'memos/runde-2/notat.md'), '\uFEFFSpør [by].\r\n{{concept:koordinator.fallskjerm}}\r\n');
    assert.equal(read(dir, 'notater/utkast.md'), 'Kommunen er ikke en memo her.\n');
    const after = await checkJson(dir);
    assert.deepEqual(
      after.problems.filter((p) => p.file.startsWith('memos/')),
      [],
    );
  });

  it('rewrites chapters as it does memos, leaves what qcode.yaml does not name a chapter or memo, and leaves exports for check to report', async () => {
    const dir = scratchProject();
    write(dir, 'pseudonyms.yaml', KEY);
    write(dir, 'qcode.yaml', 'exports:\n  kapittel:\n    format: md\n    out: eksport/sitater.md\n');
    const chapter = '\uFEFF# Kommunen og Ålesund\r\n\r\nFastlegen sa det: {{q:kommunen-1}}\r\n';
    write(dir, 'chapters/del/utkast.md', chapter);
    write(dir, 'memos/notat.txt', 'Kommunen, men ikke en memo.\n');
    write(dir, 'eksport/sitater.md', '> Det er ruskonsulenten her i kommunen.\n');
    const dry = await qcode('pseudonymize', dir, '--dry-run');
    assert.match(dry.stdout, /^chapters\/del\/utkast\.md:1:3: Kommunen -> \[by\]$/m);
    assert.match(dry.stdout, /^chapters\/del\/utkast\.md:3:1: Fastlegen -> \[lege\]$/m);
    assert.doesNotMatch(dry.stdout, /^(memos\/notat\.txt|eksport\/sitater\.md):/m);
    assert.equal(read(dir, 'chapters/del/utkast.md'), chapter);
    const result = await qcode('pseudonymize', dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      read(dir, 'chapters/del/utkast.md'),
      '\uFEFF# [by] og Ålesund\r\n\r\n[lege] sa det: {{q:kommunen-1}}\r\n',
    );
    assert.equal(read(dir, 'memos/notat.txt'), 'Kommunen, men ikke en memo.\n');
    assert.equal(read(dir, 'eksport/sitater.md'), '> Det er ruskonsulenten her i kommunen.\n');
    const left = (await checkJson(dir)).problems.filter((p) => p.code === 'pseudonym-leak');
    assert.deepEqual(
      left.map(
        (p) =>
          `${p.file}:${p.line}:${p.column} ${/Rename the id/.test(p.message) ? 'by hand' : /export again/.test(p.message) ? 'export again' : p.message}`,
      ),
      ['chapters/del/utkast.md:3:20 by hand', 'eksport/sitater.md:1:31 export again'],
    );
  });

  it('takes a key from outside the project with --key', async () => {
    const dir = scratchProject();
    const keyDir = mkdtempSync(join(tmpdir(), 'qcode-key-'));
    writeFileSync(join(keyDir, 'key.yaml'), KEY);
    const result = await qcode('pseudonymize', dir, '--key', join(keyDir, 'key.yaml'));
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(read(dir, 'transcripts/intervju-K2.txt'), /rustjenesten/i);
  });

  it('says where the key should be when there is none, and refuses a key with errors', async () => {
    const dir = scratchProject();
    const missing = await qcode('pseudonymize', dir);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /there is no key at pseudonyms\.yaml/);
    write(dir, 'pseudonyms.yaml', 'Ola: Per\nPer: "[P1]"\n');
    const looping = await qcode('pseudonymize', dir);
    assert.equal(looping.code, 1);
    assert.match(looping.stderr, /^pseudonyms\.yaml:1:1: error pseudonym-loop:/m);
  });

  it('refuses a key file that is not UTF-8, naming its line, and changes nothing', async () => {
    const dir = scratchProject();
    write(dir, 'pseudonyms.yaml', new Uint8Array([0x4b, 0x61, 0x72, 0x69, 0x3a, 0x20, 0xe6, 0x0a]));
    const result = await qcode('pseudonymize', dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^pseudonyms\.yaml:1:\d+: error not-utf8:/m);
    assert.match(result.stderr, /nothing was changed/);
  });
});

describe('qcode check and the pseudonym key', () => {
  const keyOutside = (text: string): string => {
    const path = join(mkdtempSync(join(tmpdir(), 'qcode-key-')), 'key.yaml');
    writeFileSync(path, text);
    return path;
  };

  it("with --key finds the leaks of a key kept outside the project, in place of the project's", async () => {
    const dir = scratchProject();
    write(dir, 'pseudonyms.yaml', 'NAV: "[etat]"\n');
    const result = await qcode('check', dir, '--key', keyOutside(KEY), '--format', 'json');
    const leaks = (JSON.parse(result.stdout) as CheckJson).problems.filter((p) => p.code === 'pseudonym-leak');
    assert.equal(result.code, 1);
    assert.ok(
      leaks.some((p) => p.file === 'transcripts/intervju-K1.txt' && p.line === 7 && /"kommunen"/i.test(p.message)),
      JSON.stringify(leaks.slice(0, 3)),
    );
    assert.ok(
      leaks.every((p) => !/"NAV"/.test(p.message)),
      "the project's own key is not used beside --key",
    );
  });

  it('with --key names a key file that is not there, so that a missing secret fails the check', async () => {
    const dir = scratchProject();
    const missing = join(tmpdir(), 'qcode-no-such-key.yaml');
    const result = await qcode('check', dir, '--key', missing);
    assert.equal(result.code, 1);
    assert.ok(
      result.stdout.startsWith(`${missing}:1:1: error missing-file: There is no pseudonym key at ${missing}.`),
      result.stdout,
    );
  });

  it('reports what is wrong in the key itself at its line and column, from the project or from --key', async () => {
    const key = 'Kommunen: "[by]"\nKOMMUNEN: "[by]"\nkommunen: "[K2]"\nOla: [a, b]\nNils:\n"--": "[x]"\nLise: true\n';
    const dir = scratchProject();
    write(dir, 'pseudonyms.yaml', key);
    const expected = [
      '2:1 warning duplicate-pseudonym',
      '3:1 error duplicate-pseudonym',
      '4:6 error wrong-type',
      '5:1 error bad-pseudonym',
      '6:1 error bad-pseudonym',
      '7:7 error wrong-type',
    ];
    const inProject = (await checkJson(dir)).problems.filter((p) => p.file === 'pseudonyms.yaml');
    assert.deepEqual(
      inProject.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`),
      expected,
    );
    const path = keyOutside(key);
    const given = (
      JSON.parse((await qcode('check', dir, '--key', path, '--format', 'json')).stdout) as CheckJson
    ).problems.filter((p) => p.file === path);
    assert.deepEqual(
      given.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`),
      expected,
    );
    write(dir, 'pseudonyms.yaml', 'Kommunen: "[by]\nOla: x\n');
    const broken = await qcode('check', dir);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /^pseudonyms\.yaml:3:1: error yaml-syntax:/m);
  });
});

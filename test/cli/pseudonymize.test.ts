import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkJson, qcode, read, scratchProject, write } from './cliHarness';

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
    assert.ok(leaks.some((p) => p.file === 'transcripts/intervju-K1.txt' && p.line === 7), JSON.stringify(leaks.slice(0, 3)));
    assert.equal(before.code, 1);
    const result = await qcode('pseudonymize', dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^transcripts\/intervju-K1\.txt:7:\d+: kommunen -> \[by\]$/m);
    assert.match(result.stdout, /replacement\(s\) in \d+ file\(s\)/);
    const after = await checkJson(dir);
    const handled = (file: string) => file.startsWith('transcripts/') || file === 'codebook.yaml' || file === 'informants.yaml';
    assert.deepEqual(after.problems.filter((p) => p.code === 'pseudonym-leak' && handled(p.file)), []);
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
});

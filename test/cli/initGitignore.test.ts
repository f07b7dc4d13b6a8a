import assert from 'node:assert/strict';
import { qcode, read, scratchProject, write } from './cliHarness';

describe('qcode init and .gitignore', () => {
  it('creates .gitignore for lock and temporary files, and adds nothing the second time', async () => {
    const dir = scratchProject(null);
    const first = await qcode('init', dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^created \.gitignore, so that qcode's lock and temporary files stay out of git$/m);
    assert.match(
      first.stdout,
      /^added \/pseudonyms\.yaml to \.gitignore, so that the pseudonym key with the real names stays out of git$/m,
    );
    assert.equal(
      read(dir, '.gitignore'),
      '# qcode: lock and temporary files that exist only while it writes\n*.yaml.lock\n*.yaml.lock.break\n*.tmp\n# qcode: the pseudonym key holds the real names, which must never be shared\n/pseudonyms.yaml\n',
    );
    const again = await qcode('init', dir);
    assert.equal(again.stdout, 'Nothing to do: the project is already set up.\n');
  });

  it('extends an existing .gitignore, keeping what is in it', async () => {
    const dir = scratchProject();
    write(dir, '.gitignore', 'pseudonyms.yaml\n*.tmp\n');
    const result = await qcode('init', dir);
    assert.match(result.stdout, /^extended \.gitignore, so that qcode's lock and temporary files stay out of git$/m);
    assert.equal(
      read(dir, '.gitignore'),
      'pseudonyms.yaml\n*.tmp\n# qcode: lock and temporary files that exist only while it writes\n*.yaml.lock\n*.yaml.lock.break\n',
      'a key already ignored is not added again',
    );
  });

  it('ignores the key named in qcode.yaml', async () => {
    const dir = scratchProject();
    write(dir, 'qcode.yaml', 'pseudonyms: private/key.yaml\n');
    const result = await qcode('init', dir);
    assert.match(result.stdout, /^added \/private\/key\.yaml to \.gitignore/m);
    assert.match(read(dir, '.gitignore'), /\n\/private\/key\.yaml\n$/);
  });

  it('says what to add by hand to a .gitignore that is not UTF-8', async () => {
    const dir = scratchProject();
    write(dir, '.gitignore', Uint8Array.from([0x2a, 0xe5, 0x0a]));
    const result = await qcode('init', dir);
    assert.match(
      result.stdout,
      /^\.gitignore is not UTF-8 text, so qcode left it alone; add \*\.yaml\.lock, \*\.yaml\.lock\.break, \*\.tmp to it/m,
    );
    assert.deepEqual([...Buffer.from(read(dir, '.gitignore'), 'latin1')].length, 3);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_NAMES } from '../../src/cli/main';
import { USAGE } from '../../src/cli/usage';
import { qcode } from './cliHarness';

const packageVersion = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

/** The flags a help text's usage lines name, and those its option list explains. */
function flags(help: string): { named: Set<string>; explained: Set<string> } {
  const usage = help.slice(0, help.indexOf('\n\n'));
  const details = help.slice(usage.length);
  return {
    named: new Set([...usage.matchAll(/--[a-z-]+/g)].map((m) => m[0])),
    explained: new Set([...details.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1] as string)),
  };
}

describe('qcode --version and --help', () => {
  it('prints the version of package.json', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await qcode(flag);
      assert.equal(result.code, 0);
      assert.equal(result.stdout, `qcode ${packageVersion}\n`);
    }
  });

  it('has help for every command, naming its usage lines and explaining each of their flags', async () => {
    assert.ok(COMMAND_NAMES.length >= 11, COMMAND_NAMES.join(', '));
    for (const name of COMMAND_NAMES) {
      const result = await qcode(name, '--help');
      assert.equal(result.code, 0, `${name}: ${result.stderr}`);
      assert.equal(result.stderr, '');
      assert.ok(result.stdout.startsWith(`Usage:\n  qcode ${name}`), `${name}:\n${result.stdout}`);
      const { named, explained } = flags(result.stdout);
      assert.deepEqual(
        [...named].filter((f) => !explained.has(f)),
        [],
        `${name} leaves flags unexplained`,
      );
      assert.ok(
        result.stdout.split('\n').every((line) => line.length <= 120),
        `${name} has a line over 120 characters`,
      );
    }
  });

  it('answers -h, help <command> and --help after other arguments alike, without running the command', async () => {
    const expected = (await qcode('check', '--help')).stdout;
    for (const argv of [
      ['check', '-h'],
      ['help', 'check'],
      ['check', 'no-such-folder', '--fix', '--help'],
    ]) {
      const result = await qcode(...argv);
      assert.equal(result.code, 0, argv.join(' '));
      assert.equal(result.stdout, expected, argv.join(' '));
    }
  });

  it('takes --help after -- as an argument, and refuses help for an unknown command', async () => {
    const afterDashes = await qcode('check', '--', '--help');
    assert.notEqual(afterDashes.stdout, (await qcode('check', '--help')).stdout);
    const unknown = await qcode('help', 'frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^qcode: Unknown command "frobnicate"\./);
  });

  it('lists --help and --version in the general usage', () => {
    assert.match(USAGE, /qcode <command> --help/);
    assert.match(USAGE, /qcode --version/);
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureExit } from '../../src/cli/failure';
import { escapeControls } from '../../src/cli/output';
import { CommandError, EXIT_CRASH, EXIT_PROBLEMS, EXIT_USAGE, USAGE } from '../../src/cli/usage';
import { FileAccessError } from '../../src/core/port';
import { checkJson, qcode, read, SAMPLE, scratchProject, write } from './cliHarness';
import { builtCli } from '../helpers/builtCli';

const K3 = 'transcripts/intervju-K3.txt';
const K3_SIDECAR = `${K3}.annotations.yaml`;

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Whether the text holds a control character other than tab, line feed and carriage return. */
function hasControls(text: string): boolean {
  return [...text].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || (code >= 0x7f && code <= 0x9f);
  });
}

function captured() {
  const io = { out: '', err: '' };
  return { io, output: { out: (t: string) => void (io.out += t), err: (t: string) => void (io.err += t) } };
}

describe('qcode check --fix messages', () => {
  it('reports each error once, and says which sidecar it left alone', async () => {
    const dir = scratchProject();
    write(dir, K3, `Transkribert av: A. N. Onym\n\n${read(dir, K3)}`);
    write(dir, K3_SIDECAR, read(dir, K3_SIDECAR).replace('range: 16:86-16:162', 'range: seksten'));
    const result = await qcode('check', dir, '--fix');
    assert.equal(result.code, 1);
    assert.equal(occurrences(result.stdout, 'error bad-range'), 1, result.stdout);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(new Set(lines).size, lines.length, 'no line twice');
    assert.match(
      result.stdout,
      /intervju-K3\.txt\.annotations\.yaml:1:1: warning not-fixed: \d+ moved or fuzzy annotation\(s\) in this sidecar were not updated: --fix leaves a sidecar with errors alone\./,
    );
  });

  it('calls a range that ends before it starts what it is, and --fix sets it from the quote', async () => {
    const dir = scratchProject();
    write(dir, K3_SIDECAR, read(dir, K3_SIDECAR).replace('range: 8:5-8:33', 'range: 8:33-8:5'));
    const checked = await qcode('check', dir);
    assert.match(
      checked.stdout,
      /intervju-K3\.txt\.annotations\.yaml:8:12: warning reversed-range: The range "8:33-8:5" ends before it starts\. Run "qcode check --fix" to set it from where the quote is found, or write the start first \(8:5-8:33\)\./,
    );
    assert.doesNotMatch(checked.stdout, /has moved to/);
    assert.doesNotMatch(checked.stdout, /bad-range/);
    const fixed = await qcode('check', dir, '--fix');
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.match(fixed.stderr, /^Updated 1 annotation\(s\) in 1 sidecar\(s\)\.\n$/);
    assert.match(read(dir, K3_SIDECAR), /range: 8:5-8:33\n/);
    const after = await checkJson(dir);
    assert.deepEqual(after.problems, []);
  });
});

describe('control characters from project files', () => {
  const hostile = 'samordning.\u001b[2J\u001b]0;pwned\u0007x\u009b31m';

  it('are shown escaped in text output, never sent to the terminal', async () => {
    const dir = scratchProject();
    write(
      dir,
      K3_SIDECAR,
      read(dir, K3_SIDECAR).replace(
        'concepts: [tjenestemodell.integrert]',
        `concepts: ["${hostile.split('\u001b').join('\\e').split('\u0007').join('\\a').split('\u009b').join('\\x9b')}"]`,
      ),
    );
    for (const format of ['text', 'github']) {
      const result = await qcode('check', dir, '--format', format);
      assert.equal(result.code, 1);
      assert.equal(hasControls(result.stdout), false);
      assert.ok(result.stdout.includes('samordning.\\x1b[2J\\x1b]0;pwned\\x07x\\u009b31m'), result.stdout);
    }
  });

  it('stay valid and unchanged in JSON output', async () => {
    const dir = scratchProject();
    write(
      dir,
      K3_SIDECAR,
      read(dir, K3_SIDECAR).replace('concepts: [tjenestemodell.integrert]', 'concepts: ["a\\eb\\x9bc\\x7fd"]'),
    );
    const result = await qcode('check', dir, '--format', 'json');
    assert.equal(hasControls(result.stdout), false);
    const report = JSON.parse(result.stdout) as { problems: { message: string }[] };
    assert.ok(report.problems.some((p) => p.message.includes('"a\u001bb\u009bc\u007fd"')));
  });

  it('are escaped one by one, leaving tabs, line feeds and CRLF alone', () => {
    assert.equal(
      escapeControls('a\tb\nc\r\nd\re\u0000f\u001bg\u007fh\u0085i'),
      'a\tb\nc\r\nd\\x0de\\x00f\\x1bg\\u007fh\\u0085i',
    );
  });
});

describe('the command table', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    it(`knows no command "${name}"`, async () => {
      const result = await qcode(name);
      assert.equal(result.code, EXIT_USAGE);
      assert.match(result.stderr, new RegExp(`^qcode: Unknown command "${name}"\\.\\n`));
    });
  }
});

describe('crashes', () => {
  const debug = process.env.QCODE_DEBUG;
  afterEach(() => {
    if (debug === undefined) delete process.env.QCODE_DEBUG;
    else process.env.QCODE_DEBUG = debug;
  });

  it('exit with their own code and one line that says where to report, without a stack', () => {
    delete process.env.QCODE_DEBUG;
    const { io, output } = captured();
    assert.equal(
      failureExit(new TypeError("Cannot read properties of undefined (reading 'x')"), 'qcode check', output),
      EXIT_CRASH,
    );
    assert.notEqual(EXIT_CRASH, EXIT_PROBLEMS);
    assert.notEqual(EXIT_CRASH, EXIT_USAGE);
    assert.match(
      io.err,
      /^qcode check: unexpected error: Cannot read properties of undefined \(reading 'x'\)\. This is a bug in qcode [\d.]+; please report it at \S+\/issues with the command you ran \(QCODE_DEBUG=1 shows where it happened\)\.\n$/,
    );
  });

  it('show the stack when QCODE_DEBUG is set', () => {
    process.env.QCODE_DEBUG = '1';
    const { io, output } = captured();
    failureExit(new RangeError('deep'), 'qcode diff', output);
    assert.match(io.err, /\nRangeError: deep\n\s+at /);
  });

  it('are told apart from failures outside qcode, which exit 1 with their message', () => {
    const cases: [unknown, RegExp][] = [
      [new CommandError('git was not found.'), /^qcode diff: git was not found\.\n$/],
      [
        new FileAccessError('codebook.yaml', 'permission'),
        /^qcode diff: codebook\.yaml cannot be read: permission denied\./,
      ],
      [
        Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }),
        /^qcode diff: ENOSPC: no space left on device, write\n$/,
      ],
    ];
    for (const [error, says] of cases) {
      const { io, output } = captured();
      assert.equal(failureExit(error, 'qcode diff', output), EXIT_PROBLEMS);
      assert.match(io.err, says);
    }
  });

  it('have their exit code documented in the usage text and the README', () => {
    assert.match(USAGE, /Exit codes: 0 ok, 1 problems found.*, 2 usage error,\s+70 internal error/);
    assert.match(
      readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8'),
      /Exit codes: 0 ok, 1 problems found.*2 usage\s+error, 70 internal error/s,
    );
  });
});

describe('a reader that stops early (qcode check | head)', () => {
  it('ends the output quietly: no EPIPE stack trace, the usual exit code', async () => {
    const child = spawn(process.execPath, [builtCli(), 'check', SAMPLE, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    assert.equal(stderr, '');
    assert.deepEqual([code, signal], [0, null]);
  });
});

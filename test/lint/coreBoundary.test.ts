import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..');

async function lint(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the core boundary lint rule', () => {
  it('fails the lint when the core imports vscode, a Node built-in or uses a Node global', async () => {
    const messages = await lint(
      "import * as vscode from 'vscode';\nimport { readFile } from 'node:fs/promises';\nimport path from 'path';\nexport const x = [vscode, readFile, path, Buffer.from('')];\n",
      'src/core/leak.ts',
    );
    assert.equal(messages.filter((m) => m.startsWith('no-restricted-imports')).length, 3, messages.join('\n'));
    assert.ok(
      messages.some((m) => m.startsWith('no-restricted-globals') && m.includes('Buffer')),
      messages.join('\n'),
    );
  });

  it('lets adapters outside the core use them', async () => {
    const messages = await lint(
      "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
      'src/cli/ok.ts',
    );
    assert.deepEqual(messages, []);
  });
});

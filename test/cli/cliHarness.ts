import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/main';
import { scratchDir } from '../helpers/scratch';

export const SAMPLE = join(__dirname, '..', '..', 'sample-project');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, capturing its output. */
export async function qcode(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A fresh copy of the sample project (or an empty folder) to change freely. */
export function scratchProject(from: string | null = SAMPLE): string {
  const dir = scratchDir('qcode-cli-');
  if (from) cpSync(from, dir, { recursive: true });
  return dir;
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** Writes a file of the project, making its folders. */
export function write(dir: string, path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

export interface CheckJson {
  files: {
    transcript: string;
    sidecar: string;
    annotations: { id: string; status: string; range: string | null; quote: string }[];
  }[];
  problems: { file: string; line: number; column: number; severity: string; code: string; message: string }[];
}

export async function checkJson(dir: string): Promise<CheckJson & { code: number }> {
  const result = await qcode('check', dir, '--format', 'json');
  return { ...(JSON.parse(result.stdout) as CheckJson), code: result.code };
}

import { readFile, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Target {
  name: string;
  target: string;
  value: number;
  unit: string;
  pass: boolean;
}

export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: platform(),
    release: release(),
    arch: arch(),
    loadAverage: loadavg(),
  };
}

export function fmt(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain text table; the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function targetTable(targets: readonly Target[]): string {
  return table([
    ['target', 'wanted', 'measured', 'result'],
    ...targets.map((t) => [
      t.name,
      t.target,
      `${fmt(t.value, t.unit === 'x' || t.unit === 'ms' ? 2 : 0)} ${t.unit}`.trim(),
      t.pass ? 'PASS' : 'FAIL',
    ]),
  ]);
}

/**
 * For a measurement run on its own: puts its figures under `key` (with the date) and its targets,
 * those whose names start with `prefix`, into bench/results.json, keeping everything else there.
 */
export async function recordResults(
  key: string,
  figures: object,
  prefix: string,
  targets: readonly Target[],
): Promise<void> {
  const file = join(__dirname, 'results.json');
  const results = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & { targets?: Target[] };
  results[key] = { date: new Date().toISOString(), ...figures };
  results.targets = [...(results.targets ?? []).filter((t) => !t.name.startsWith(prefix)), ...targets];
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
}

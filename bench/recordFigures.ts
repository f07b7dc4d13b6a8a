import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Target } from './report';

/**
 * For a measurement run alone: puts its figures under `key` in bench/results.json, dated, and its
 * targets (their names start with `${key}:`) in place of the ones recorded before; keeps the rest.
 */
export async function recordFigures(key: string, figures: object, targets: readonly Target[]): Promise<void> {
  const file = join(__dirname, 'results.json');
  const results = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & { targets?: Target[] };
  results[key] = { date: new Date().toISOString(), ...figures };
  results.targets = [...(results.targets ?? []).filter((t) => !t.name.startsWith(`${key}:`)), ...targets];
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
}

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Matrix } from '../../src/core/stats/matrix';

interface SidecarAnnotation {
  concepts: string[];
  informant?: string;
}

type Tally = Record<string, Record<string, number>>;

/**
 * Tagged passages per concept and column, read straight from the sidecars and codebook.yaml; "" for
 * no column. A passage counts once under each concept it is tagged with and each concept above those.
 */
export function tallySidecars(dir: string, columnOf: (informant: string | undefined) => string): Tally {
  const tally: Tally = {};
  const parents = readParents(dir);
  for (const annotation of sidecarAnnotations(dir)) {
    const column = columnOf(annotation.informant);
    for (const concept of withAncestors(annotation.concepts, parents)) {
      const row = (tally[concept] ??= {});
      row[column] = (row[column] ?? 0) + 1;
    }
  }
  return tally;
}

/** The attribute of a registered informant from informants.yaml, as text; "" when absent or unregistered. */
export function attributeReader(dir: string, attribute: string): (informant: string | undefined) => string {
  const registry = readRegistry(dir);
  return (informant) => {
    const value = registry.find((entry) => entry.code === informant)?.[attribute];
    return value === undefined ? '' : String(value);
  };
}

export function registryAttributes(dir: string): string[] {
  return [...new Set(readRegistry(dir).flatMap((entry) => Object.keys(entry).filter((key) => key !== 'code')))];
}

/** Every cell holds the tally's count, and no tagged passage is left out of the columns. */
export function assertMatchesTally(matrix: Matrix, tally: Tally): void {
  assert.deepEqual(
    Object.keys(tally).filter((concept) => !matrix.rows.some((row) => row.id === concept)),
    [],
    'concepts missing from the rows',
  );
  matrix.rows.forEach((row, i) => {
    const expected = tally[row.id] ?? {};
    const counts = matrix.cells[i]!.map((cell) => cell.count);
    assert.deepEqual(
      counts,
      matrix.columns.map((column) => expected[column.id] ?? 0),
      `row ${row.id}`,
    );
    assert.equal(sum(counts), sum(Object.values(expected)), `passages of ${row.id} outside the columns`);
    matrix.cells[i]!.forEach((cell) => assert.equal(cell.refs.length, cell.count));
  });
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

interface CodebookEntry {
  id: string;
  children?: CodebookEntry[];
}

function readParents(dir: string): Map<string, string> {
  return conceptParents(readFileSync(join(dir, 'codebook.yaml'), 'utf8'));
}

/** Each concept's parent, from the nesting of the text of a codebook.yaml. */
export function conceptParents(codebookYaml: string): Map<string, string> {
  const parents = new Map<string, string>();
  const visit = (entries: CodebookEntry[] | undefined, parent?: string): void => {
    for (const entry of entries ?? []) {
      if (parent !== undefined) parents.set(entry.id, parent);
      visit(entry.children, entry.id);
    }
  };
  visit((parse(codebookYaml) as { concepts?: CodebookEntry[] }).concepts);
  return parents;
}

/** The concepts and every concept above them, each once. */
export function withAncestors(concepts: readonly string[], parents: ReadonlyMap<string, string>): Set<string> {
  const found = new Set<string>();
  for (let queue = [...concepts], next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (found.has(next)) continue;
    found.add(next);
    const parent = parents.get(next);
    if (parent !== undefined) queue.push(parent);
  }
  return found;
}

function readRegistry(dir: string): Record<string, unknown>[] {
  return (parse(readFileSync(join(dir, 'informants.yaml'), 'utf8')) as { informants: Record<string, unknown>[] })
    .informants;
}

function sidecarAnnotations(dir: string): SidecarAnnotation[] {
  const folder = join(dir, 'transcripts');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.annotations.yaml'))
    .flatMap(
      (name) => (parse(readFileSync(join(folder, name), 'utf8')) as { annotations: SidecarAnnotation[] }).annotations,
    );
}

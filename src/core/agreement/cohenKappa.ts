import type { CodeValue, WeightedUnit } from './units';

/**
 * Two coders' values cross-tabulated: counts[i][j] units got categories[i] from the first, categories[j] from the
 * second.
 */
export interface ContingencyTable {
  categories: CodeValue[];
  counts: number[][];
}

/** The contingency table of two coders (indexes into the units' values), over the units both gave a value. */
export function contingencyTable(units: readonly WeightedUnit[], first: number, second: number): ContingencyTable {
  const paired = units.filter((unit) => unit.values[first] !== undefined && unit.values[second] !== undefined);
  const categories = [...new Set(paired.flatMap((unit) => [unit.values[first], unit.values[second]] as CodeValue[]))];
  const counts = categories.map(() => categories.map(() => 0));
  for (const unit of paired) {
    const row = counts[categories.indexOf(unit.values[first] as CodeValue)];
    const column = categories.indexOf(unit.values[second] as CodeValue);
    if (row) row[column] = (row[column] ?? 0) + unit.weight;
  }
  return { categories, counts };
}

/**
 * Cohen's kappa of a square contingency table: 1 - observed disagreement / disagreement expected
 * from the two coders' marginals. Null when no disagreement could be expected (an empty table, or
 * both coders used one and the same category throughout).
 */
export function cohenKappa(counts: readonly (readonly number[])[]): number | null {
  const total = sum(counts.map(sum));
  let observed = 0;
  let expected = 0;
  counts.forEach((row, i) => {
    const rowTotal = sum(row);
    const columnTotal = sum(counts.map((r) => r[i] ?? 0));
    observed += rowTotal - (row[i] ?? 0);
    expected += (rowTotal * (total - columnTotal)) / total;
  });
  return total > 0 && expected > 0 ? 1 - observed / expected : null;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

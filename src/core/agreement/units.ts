/** A value a coder gave a unit: a category, compared for equality only (nominal data). */
export type CodeValue = string | number | boolean;

/**
 * A unit of analysis with one value per coder (undefined where a coder gave none), counted
 * `weight` times: a run of identical units is one weighted unit.
 */
export interface WeightedUnit {
  values: readonly (CodeValue | undefined)[];
  weight: number;
}

/** The same units with identical value lists merged, their weights added. */
export function tallyUnits(units: Iterable<WeightedUnit>): WeightedUnit[] {
  const byValues = new Map<string, { values: readonly (CodeValue | undefined)[]; weight: number }>();
  for (const unit of units) {
    if (unit.weight <= 0) continue;
    const key = keyOf(unit.values);
    const tallied = byValues.get(key);
    if (tallied) tallied.weight += unit.weight;
    else byValues.set(key, { values: unit.values, weight: unit.weight });
  }
  return [...byValues.values()];
}

/** The values a unit has, missing ones left out. */
export function presentValues(unit: WeightedUnit): CodeValue[] {
  return unit.values.filter((value): value is CodeValue => value !== undefined);
}

function keyOf(values: readonly (CodeValue | undefined)[]): string {
  return JSON.stringify(values.map((value) => (value === undefined ? null : [typeof value, value])));
}

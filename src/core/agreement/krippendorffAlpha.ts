import { presentValues, type CodeValue, type WeightedUnit } from './units';

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed: built from
 * the coincidence matrix, of which the nominal metric needs only the diagonal and the marginals.
 * Units with fewer than two values are not pairable and are left out. Null when the pairable
 * values all fall into one category (no variation, so no disagreement could be expected).
 */
export function krippendorffAlpha(units: readonly WeightedUnit[]): number | null {
  const matching = new Map<CodeValue, number>();
  const marginal = new Map<CodeValue, number>();
  for (const unit of units) addCoincidences(unit, matching, marginal);
  const total = [...marginal.values()].reduce((a, b) => a + b, 0);
  let observed = 0;
  let expectedPairs = 0;
  for (const [category, count] of marginal) {
    observed += count - (matching.get(category) ?? 0);
    expectedPairs += count * (total - count);
  }
  return expectedPairs > 0 ? 1 - ((total - 1) * observed) / expectedPairs : null;
}

/** Adds a unit's pairs of values: o_cc gets n_c(n_c - 1)/(m - 1), the marginal n_c gets n_c, times the weight. */
function addCoincidences(unit: WeightedUnit, matching: Map<CodeValue, number>, marginal: Map<CodeValue, number>): void {
  const values = presentValues(unit);
  if (values.length < 2) return;
  const perCategory = new Map<CodeValue, number>();
  for (const value of values) perCategory.set(value, (perCategory.get(value) ?? 0) + 1);
  for (const [category, count] of perCategory) {
    matching.set(category, (matching.get(category) ?? 0) + (unit.weight * count * (count - 1)) / (values.length - 1));
    marginal.set(category, (marginal.get(category) ?? 0) + unit.weight * count);
  }
}

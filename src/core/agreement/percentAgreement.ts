import { presentValues, type WeightedUnit } from './units';

/**
 * The share of units, in per cent, on which every coder who gave a value gave the same one.
 * Units with fewer than two values cannot show agreement and are left out; null when none is left.
 */
export function percentAgreement(units: readonly WeightedUnit[]): number | null {
  let pairable = 0;
  let agreeing = 0;
  for (const unit of units) {
    const values = presentValues(unit);
    if (values.length < 2) continue;
    pairable += unit.weight;
    if (values.every((value) => value === values[0])) agreeing += unit.weight;
  }
  return pairable > 0 ? (100 * agreeing) / pairable : null;
}

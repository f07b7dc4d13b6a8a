import { cohenKappa, contingencyTable } from './cohenKappa';
import { krippendorffAlpha } from './krippendorffAlpha';
import { percentAgreement } from './percentAgreement';
import type { AgreementFigures, KappaFigures } from './report';
import { tallyUnits, type WeightedUnit } from './units';

/** The coded value of a character: 1 when the coder's annotations with the concept cover it. */
export const CODED = 1;

/** Percentage agreement, Cohen's kappa per pair of coders and Krippendorff's alpha of the units. */
export function agreementFigures(units: readonly WeightedUnit[], coders: readonly string[]): AgreementFigures {
  const tallied = tallyUnits(units);
  return {
    percentAgreement: percentAgreement(tallied),
    kappa: pairwiseKappa(tallied, coders),
    alpha: krippendorffAlpha(tallied),
    codedCharacters: Object.fromEntries(coders.map((coder, i) => [coder, codedWeight(tallied, i)])),
  };
}

function pairwiseKappa(units: readonly WeightedUnit[], coders: readonly string[]): KappaFigures {
  const pairs: KappaFigures['pairs'] = [];
  coders.forEach((first, i) => {
    coders.slice(i + 1).forEach((second, k) => {
      pairs.push({ coders: [first, second], kappa: cohenKappa(contingencyTable(units, i, i + 1 + k).counts) });
    });
  });
  const defined = pairs.map((pair) => pair.kappa).filter((kappa): kappa is number => kappa !== null);
  return { pairs, mean: defined.length > 0 ? defined.reduce((a, b) => a + b, 0) / defined.length : null };
}

function codedWeight(units: readonly WeightedUnit[], coder: number): number {
  return units.reduce((total, unit) => total + (unit.values[coder] === CODED ? unit.weight : 0), 0);
}

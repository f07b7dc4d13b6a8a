import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cohenKappa, contingencyTable } from '../../src/core/agreement/cohenKappa';
import { krippendorffAlpha } from '../../src/core/agreement/krippendorffAlpha';
import { percentAgreement } from '../../src/core/agreement/percentAgreement';
import { tallyUnits, type CodeValue, type WeightedUnit } from '../../src/core/agreement/units';
import { runs } from '../helpers/fcRuns';

/** One unit per column: values[coder][unit], undefined where the coder gave no value. */
function unitsOf(values: readonly (readonly (CodeValue | undefined)[])[]): WeightedUnit[] {
  const count = Math.max(...values.map((row) => row.length));
  return Array.from({ length: count }, (_, unit) => ({ values: values.map((row) => row[unit]), weight: 1 }));
}

function near(actual: number | null, expected: number, digits = 3): void {
  assert.notEqual(actual, null);
  assert.equal(
    (actual as number).toFixed(digits),
    expected.toFixed(digits),
    `${actual} is not ${expected} to ${digits} decimals`,
  );
}

const _ = undefined;

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
 * Communication, University of Pennsylvania. Section A, binary data, two observers, no missing data.
 */
const MARY = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
const DAVE = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];

/** The same paper, section C: nominal data, four observers, missing values, 12 units. */
const FOUR_OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe("Krippendorff's alpha (nominal)", () => {
  it('is 0.095 for the binary two-observer example of Krippendorff (2011)', () => {
    // Coincidences: o00 = 10 (units 4, 5, 7, 8, 10 twice), o11 = 2 (unit 2), o01 = o10 = 4 (units 1, 3, 6, 9).
    // n0 = 14, n1 = 6, n = 20: alpha = 1 - (n - 1) o01 / (n0 n1) = 1 - 19 * 4 / 84 = 8 / 84 = 0.0952.
    near(krippendorffAlpha(unitsOf([MARY, DAVE])), 8 / 84);
    near(krippendorffAlpha(unitsOf([MARY, DAVE])), 0.095);
  });

  it('is 0.743 for the four-observer example with missing values of Krippendorff (2011)', () => {
    // The paper's value; recomputed independently from all ordered pairs of values within units
    // (each weighted 1/(m_u - 1)): 0.7434. Unit 12 has one value and is not pairable.
    near(krippendorffAlpha(unitsOf(FOUR_OBSERVERS)), 0.743);
  });

  it('leaves units with fewer than two values out', () => {
    const withLoneValues = [
      ...unitsOf(FOUR_OBSERVERS),
      { values: [9, _, _, _], weight: 50 },
      { values: [_, _, _, _], weight: 7 },
    ];
    assert.equal(krippendorffAlpha(withLoneValues), krippendorffAlpha(unitsOf(FOUR_OBSERVERS)));
  });

  it('is 1 for perfect agreement with variation, and null without variation or pairable values', () => {
    assert.equal(
      krippendorffAlpha(
        unitsOf([
          [0, 1, 1],
          [0, 1, 1],
        ]),
      ),
      1,
    );
    assert.equal(
      krippendorffAlpha(
        unitsOf([
          [0, 0, 0],
          [0, 0, 0],
        ]),
      ),
      null,
    );
    assert.equal(
      krippendorffAlpha(
        unitsOf([
          [1, _],
          [_, 1],
        ]),
      ),
      null,
    );
    assert.equal(krippendorffAlpha([]), null);
  });

  it('is below zero when coders disagree more than chance: two coders always opposite', () => {
    // o01 = o10 = 4 over 4 units, n0 = n1 = 4, n = 8: alpha = 1 - 7 * 4 / 16 = -0.75.
    assert.equal(
      krippendorffAlpha(
        unitsOf([
          [0, 1, 0, 1],
          [1, 0, 1, 0],
        ]),
      ),
      -0.75,
    );
  });
});

describe("Cohen's kappa", () => {
  it('is 0.4 for the 2x2 table 20, 5 / 10, 15 (50 items)', () => {
    // The "simple example" of the Wikipedia article "Cohen's kappa". By hand: p_o = 35/50 = 0.7;
    // the first coder says yes 25 times, the second 30: p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5;
    // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    near(
      cohenKappa([
        [20, 5],
        [10, 15],
      ]),
      0.4,
      6,
    );
  });

  it('tells apart tables with the same percentage agreement (60 %) but other marginals', () => {
    // Same source. 45, 15 / 25, 15: p_e = 0.6 * 0.7 + 0.4 * 0.3 = 0.54, kappa = 0.06 / 0.46 = 0.1304.
    // 25, 35 / 5, 35: p_e = 0.6 * 0.3 + 0.4 * 0.7 = 0.46, kappa = 0.14 / 0.54 = 0.2593.
    near(
      cohenKappa([
        [45, 15],
        [25, 15],
      ]),
      0.06 / 0.46,
      6,
    );
    near(
      cohenKappa([
        [25, 35],
        [5, 35],
      ]),
      0.14 / 0.54,
      6,
    );
  });

  it('is 0.091 for the two observers of Krippendorff (2011), section A', () => {
    // Contingency (Mary rows, Dave columns): 0/0 = 5, 0/1 = 3, 1/0 = 1, 1/1 = 1. By hand:
    // p_o = 6/10, p_e = (8 * 6 + 2 * 4) / 100 = 0.56, kappa = 0.04 / 0.44 = 0.0909.
    const table = contingencyTable(unitsOf([MARY, DAVE]), 0, 1);
    assert.deepEqual(table, {
      categories: [0, 1],
      counts: [
        [5, 3],
        [1, 1],
      ],
    });
    near(cohenKappa(table.counts), 0.04 / 0.44, 6);
  });

  it('handles more than two categories: a 3x3 table', () => {
    // 10, 2, 0 / 1, 8, 1 / 0, 3, 5 (30 items). By hand: p_o = 23/30; row totals 12, 10, 8, column
    // totals 11, 13, 6: p_e = (132 + 130 + 48) / 900 = 310/900; kappa = (690 - 310) / (900 - 310) = 380/590.
    near(
      cohenKappa([
        [10, 2, 0],
        [1, 8, 1],
        [0, 3, 5],
      ]),
      380 / 590,
      6,
    );
  });

  it('uses only the units both coders gave a value', () => {
    const table = contingencyTable(
      unitsOf([
        [1, 1, 0, _, 0],
        [1, 0, 0, 1, _],
      ]),
      0,
      1,
    );
    assert.deepEqual(table, {
      categories: [1, 0],
      counts: [
        [1, 1],
        [0, 1],
      ],
    });
  });

  it('is null for an empty table and when both coders used one category throughout', () => {
    assert.equal(cohenKappa([]), null);
    assert.equal(
      cohenKappa([
        [0, 0],
        [0, 0],
      ]),
      null,
    );
    assert.equal(cohenKappa([[12]]), null);
    assert.equal(
      cohenKappa([
        [0, 0],
        [0, 9],
      ]),
      null,
    );
  });

  it('is 0 when one coder never varies but the other does', () => {
    // p_o = 7/10, p_e = 1 * 0.7 = 0.7: kappa = 0.
    assert.equal(
      cohenKappa([
        [7, 3],
        [0, 0],
      ]),
      0,
    );
  });
});

describe('percentAgreement', () => {
  it('is the share of units on which every coder with a value agrees', () => {
    assert.equal(percentAgreement(unitsOf([MARY, DAVE])), 60);
    // Four-observer example: the pairable units 1-11; units 1, 3, 4, 5, 7, 9, 10, 11 agree: 8 of 11.
    near(percentAgreement(unitsOf(FOUR_OBSERVERS)), (100 * 8) / 11, 6);
  });

  it('counts weights, and is null without pairable units', () => {
    assert.equal(
      percentAgreement([
        { values: [1, 1], weight: 3 },
        { values: [1, 0], weight: 1 },
      ]),
      75,
    );
    assert.equal(percentAgreement([{ values: [1, _], weight: 3 }]), null);
  });
});

const unitArb = (coders: number) =>
  fc.record({
    values: fc.array(fc.option(fc.constantFrom<CodeValue>(0, 1, 2, 'a'), { nil: undefined }), {
      minLength: coders,
      maxLength: coders,
    }),
    weight: fc.integer({ min: 1, max: 4 }),
  });
const unitsArb = fc.integer({ min: 2, max: 4 }).chain((coders) => fc.array(unitArb(coders), { maxLength: 25 }));

function expanded(units: readonly WeightedUnit[]): WeightedUnit[] {
  return units.flatMap((unit) => Array.from({ length: unit.weight }, () => ({ values: unit.values, weight: 1 })));
}

function sameFigure(a: number | null, b: number | null): void {
  if (a === null || b === null) assert.equal(a, b);
  else assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);
}

describe('weighted units (properties)', () => {
  it('a unit of weight k counts as k units, and tallying changes no figure', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        for (const figure of [
          krippendorffAlpha,
          percentAgreement,
          (u: readonly WeightedUnit[]) => cohenKappa(contingencyTable(u, 0, 1).counts),
        ]) {
          sameFigure(figure(units), figure(expanded(units)));
          sameFigure(figure(units), figure(tallyUnits(units)));
        }
      }),
      runs(200, 7101),
    );
  });

  it('kappa does not depend on which coder is first; kappa and alpha never exceed 1', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const kappa = cohenKappa(contingencyTable(units, 0, 1).counts);
        sameFigure(kappa, cohenKappa(contingencyTable(units, 1, 0).counts));
        assert.ok((kappa ?? 0) <= 1 + 1e-12 && (krippendorffAlpha(units) ?? 0) <= 1 + 1e-12);
      }),
      runs(200, 7102),
    );
  });

  it('a tally merges equal value lists only', () => {
    const tallied = tallyUnits([
      { values: [1, 0], weight: 2 },
      { values: [1, '1'], weight: 1 },
      { values: [1, 0], weight: 5 },
      { values: [1, _], weight: 1 },
      { values: [1, 0], weight: 0 },
    ]);
    assert.deepEqual(tallied, [
      { values: [1, 0], weight: 7 },
      { values: [1, '1'], weight: 1 },
      { values: [1, _], weight: 1 },
    ]);
  });
});

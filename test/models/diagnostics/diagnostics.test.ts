import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.js";
import {
  type BgBbModel,
  bgbbConditionalExpected,
  bgbbProbabilityAlive,
} from "../../../src/models/betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { calibrationFrequencyFit } from "../../../src/models/diagnostics/calibrationFrequencyFit.js";
import { cumulativePurchaseTracking } from "../../../src/models/diagnostics/cumulativePurchaseTracking.js";
import { expectedPurchasesMatrix } from "../../../src/models/diagnostics/expectedPurchasesMatrix.js";
import { holdoutComparison } from "../../../src/models/diagnostics/holdoutComparison.js";
import { probabilityAliveMatrix } from "../../../src/models/diagnostics/probabilityAliveMatrix.js";
import { donations } from "../../fixtures/load.js";

function bgbb(alpha: number, beta: number, gamma: number, delta: number): BgBbModel {
  return {
    kind: "bg-bb",
    params: { alpha, beta, gamma, delta },
    logLikelihood: -1,
    standardErrors: { alpha: 0, beta: 0, gamma: 0, delta: 0 },
    iterations: 0,
    converged: true,
    customerCount: 11104,
    unit: "year",
  };
}
// BG/BB estimates for the donations data (Fader, Hardie & Shang 2010)
const MODEL = bgbb(1.2035223936080475, 0.7497163581757659, 0.6567181695499289, 2.783441982887471);
const rows = donations();

function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}
function expectInvalid(f: () => unknown, fnName: string, path: string): void {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message.startsWith(`${fnName}:`)).toBe(true);
    expect((error as Error).message).toContain(path);
    return;
  }
  throw new Error("expected an InvalidInputError");
}

describe("calibrationFrequencyFit — donations (BTYD R package and Hardie's BG/BB spreadsheet)", () => {
  const fit = calibrationFrequencyFit(MODEL, rows, { maxBin: 6 });
  it("expected donors with x = 0 and x = 6: 3,454.9 and 1,253.1; actual counts from the data", () => {
    expect(fit.rows[0]!.expected.toFixed(1)).toBe("3454.9");
    expect(fit.rows[6]!.expected.toFixed(1)).toBe("1253.1");
    expect(fit.rows[0]!.actual).toBe(3464);
    expect(fit.rows[6]!.actual).toBe(1203);
    expect(fit.rows[6]!.label).toBe("6+");
    const total = fit.rows.reduce((s, r) => s + r.expected, 0);
    expectRel(total, 11104, 1e-12);
  });
  it("chi-square is Pearson's statistic with bins − 1 − 4 degrees of freedom", () => {
    const manual = fit.rows.reduce((s, r) => s + (r.actual - r.expected) ** 2 / r.expected, 0);
    expectRel(fit.chiSquare, manual, 1e-12);
    expect(fit.degreesOfFreedom).toBe(2);
    // χ²₂ survival is exp(−x/2)
    expectRel(fit.pValue, Math.exp(-fit.chiSquare / 2), 1e-9);
  });
  it("bad input", () => {
    expectInvalid(
      () => calibrationFrequencyFit(MODEL, [{ frequency: 2, recency: 7, periods: 6 }]),
      "calibrationFrequencyFit",
      "→ at customers[0].recency",
    );
    expectInvalid(
      () => calibrationFrequencyFit(MODEL, rows, { maxBin: 0 }),
      "calibrationFrequencyFit",
      "→ at options.maxBin",
    );
  });
});

describe("cumulativePurchaseTracking — donations annual tracking 1996–2006 (BTYD R package vignette)", () => {
  const actual = [5652, 4674, 4019, 3552, 3555, 3163, 3110, 2938, 2703, 2573, 1936];
  const expected = [
    5535.833, 4717.059, 4147.621, 3724.665, 3395.888, 3131.647, 2913.778, 2730.482, 2573.731,
    2437.854, 2318.727,
  ];
  const tracking = cumulativePurchaseTracking(MODEL, [11104], { periods: 11, actual });
  it("incremental expectations match BTYD's to its parameter precision (≤ 1e-4 relative)", () => {
    // the BTYD R package's estimates differ from the MLE in the 5th digit, hence 1e-4.
    for (const [i, e] of expected.entries()) expectRel(tracking[i]!.expectedIncremental, e, 1e-4);
    expectRel(tracking.at(-1)!.expectedCumulative, 37627.29, 1e-4);
    expect(tracking.at(-1)!.actualCumulative).toBe(37875);
  });
  it("several cohorts add up with their offsets", () => {
    const two = cumulativePurchaseTracking(MODEL, [100, 50], { periods: 4 });
    const one = cumulativePurchaseTracking(MODEL, [1], { periods: 4 });
    expectRel(two[0]!.expectedIncremental, 100 * one[0]!.expectedIncremental, 1e-13);
    expectRel(
      two[3]!.expectedIncremental,
      100 * one[3]!.expectedIncremental + 50 * one[2]!.expectedIncremental,
      1e-13,
    );
    expect(two[3]!.actualIncremental).toBeUndefined();
  });
  it("bad input", () => {
    expectInvalid(
      () => cumulativePurchaseTracking(MODEL, [10, -1], { periods: 3 }),
      "cumulativePurchaseTracking",
      "→ at cohorts[1]",
    );
    expectInvalid(
      () => cumulativePurchaseTracking(MODEL, [0, 0], { periods: 3 }),
      "cumulativePurchaseTracking",
      "→ at cohorts",
    );
    expectInvalid(
      () => cumulativePurchaseTracking(MODEL, [10], { periods: 0 }),
      "cumulativePurchaseTracking",
      "→ at options.periods",
    );
  });
});

describe("probabilityAliveMatrix and expectedPurchasesMatrix agree with the per-customer formulas", () => {
  it("donation patterns: P(alive in 2002) 0.11 / 0.59 / 0.93 (FHS 2010 Table 6)", () => {
    const cells = probabilityAliveMatrix(MODEL, { maxFrequency: 6, maxT: 6, horizon: 1 });
    expect(cells.length).toBe(22);
    const at = (x: number, t: number) =>
      cells.find((c) => c.frequency === x && c.recency === t)!.probabilityAlive;
    expect(at(0, 0).toFixed(2)).toBe("0.11");
    expect(at(2, 4).toFixed(2)).toBe("0.59");
    expect(at(6, 6).toFixed(2)).toBe("0.93");
    for (const c of cells) {
      expectRel(
        c.probabilityAlive,
        bgbbProbabilityAlive(MODEL.params, c.frequency, c.recency, 6, 1),
        1e-12,
      );
    }
  });
  it("expected purchases equal the conditional expectation; Σ over donors is 12,884.2", () => {
    const cells = expectedPurchasesMatrix(MODEL, { maxFrequency: 6, maxT: 6, horizon: 5 });
    const byKey = new Map(cells.map((c) => [`${c.frequency},${c.recency}`, c.expectedPurchases]));
    let total = 0;
    for (const r of rows) total += r.count * byKey.get(`${r.frequency},${r.recency}`)!;
    expect(total.toFixed(1)).toBe("12884.2");
    expectRel(byKey.get("4,5")!, 2.0300240284, 1e-10);
  });
  it("property: matrices match per-customer values for random parameters and sizes", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (a, b, g, d, n) => {
          const m = bgbb(a, b, g, d);
          const alive = probabilityAliveMatrix(m, { maxFrequency: n, maxT: n });
          const exp = expectedPurchasesMatrix(m, { maxFrequency: n, maxT: n, horizon: 3 });
          expect(alive.length).toBe(1 + (n * (n + 1)) / 2);
          for (const [i, c] of alive.entries()) {
            expect(c.probabilityAlive).toBeGreaterThanOrEqual(0);
            expect(c.probabilityAlive).toBeLessThanOrEqual(1);
            expectRel(
              c.probabilityAlive,
              bgbbProbabilityAlive(m.params, c.frequency, c.recency, n),
              1e-9,
            );
            expectRel(
              exp[i]!.expectedPurchases,
              bgbbConditionalExpected(m.params, c.frequency, c.recency, n, 3),
              1e-9,
            );
          }
        },
      ),
      { numRuns: 30 },
    );
  });
  it("bad input", () => {
    expectInvalid(
      () => probabilityAliveMatrix(MODEL, { maxFrequency: 3, maxT: 0 }),
      "probabilityAliveMatrix",
      "→ at options.maxT",
    );
    expectInvalid(
      () => expectedPurchasesMatrix(MODEL, { maxFrequency: -1, maxT: 5, horizon: 1 }),
      "expectedPurchasesMatrix",
      "→ at options.maxFrequency",
    );
    expectInvalid(
      () =>
        probabilityAliveMatrix({ ...MODEL, kind: "nope" } as never, { maxFrequency: 3, maxT: 3 }),
      "probabilityAliveMatrix",
      "kind",
    );
  });
});

describe("holdoutComparison", () => {
  // Synthetic holdout outcomes (the donations holdout data are not bundled): each pattern's
  // actual holdout count is set so the table is checkable by hand.
  const holdoutRows = rows.map((r) => ({
    ...r,
    holdoutPeriods: 5,
    holdoutFrequency: Math.min(5, r.frequency),
  }));
  it("by frequency: bin sizes, actual means and expected means (expected = FHS 2010 conditional expectation)", () => {
    const table = holdoutComparison(MODEL, holdoutRows, { by: "frequency", maxBin: 7 });
    expect(table.rows.map((r) => r.customerCount)).toEqual([
      3464, 1823, 1430, 1085, 1036, 1063, 1203,
    ]);
    expect(table.rows.map((r) => r.actual)).toEqual([0, 1, 2, 3, 4, 5, 5]);
    // expected mean of the x = 0 bin is E[X(6, 11) | 0, 0] (Fader, Hardie & Shang 2010, conditional expectation)
    expectRel(table.rows[0]!.expected, 0.0728633389408, 1e-10);
    expectRel(table.rows[6]!.expected, 3.75254424661, 1e-10);
    expect(table.totalExpected.toFixed(1)).toBe("12884.2");
    const mae =
      table.rows.reduce((s, r) => s + Math.abs(r.actual - r.expected), 0) / table.rows.length;
    expectRel(table.meanAbsoluteError, mae, 1e-12);
  });
  it("by recency and pooling of the last bin", () => {
    const table = holdoutComparison(MODEL, holdoutRows, { by: "recency", maxBin: 5 });
    expect(table.rows.map((r) => r.label)).toEqual(["0", "1", "2", "3", "4", "5+"]);
    expect(table.rows.reduce((s, r) => s + r.customerCount, 0)).toBe(11104);
    expect(table.rows[5]!.customerCount).toBe(
      119 + 173 + 225 + 284 + 335 + 129 + 234 + 357 + 512 + 728 + 1203,
    );
  });
  it("bad input", () => {
    const ok = { frequency: 1, recency: 2, periods: 6, holdoutFrequency: 1, holdoutPeriods: 5 };
    expectInvalid(
      () => holdoutComparison(MODEL, [ok, { ...ok, recency: 8 }]),
      "holdoutComparison",
      "→ at customers[1].recency",
    );
    expectInvalid(
      () => holdoutComparison(MODEL, [{ ...ok, frequency: 3 }]),
      "holdoutComparison",
      "→ at customers[0].frequency",
    );
    expectInvalid(
      () => holdoutComparison(MODEL, [{ ...ok, holdoutFrequency: 6 }]),
      "holdoutComparison",
      "→ at customers[0].holdoutFrequency",
    );
    expectInvalid(
      () => holdoutComparison(MODEL, [ok], { by: "age" } as never),
      "holdoutComparison",
      "→ at options.by",
    );
  });
});

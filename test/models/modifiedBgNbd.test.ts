/**
 * MBG/NBD on CDNOW. Sources: BTYDplus estimates via the lifetimes test suite (3 decimals),
 * lifetimes 0.11.3 outputs [L] and high-precision computations [C] (Batislam, Denizel & Filiztekin
 * 2007 formulas).
 */
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  fitMbgNbd,
  type MbgNbdModel,
  probabilityAlive,
  purchaseCountProbability,
} from "../../src/index.js";
import { bgNbdObjective } from "../../src/models/bgNbd/bgNbdMath.js";
import { cdnowSummary } from "../fixtures/load.js";

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);
const THETA = {
  r: 0.5248377255677019,
  alpha: 6.182988479134203,
  a: 0.8913562809310627,
  b: 1.614000025671838,
};
const model: MbgNbdModel = {
  kind: "mbg-nbd",
  params: THETA,
  logLikelihood: 0,
  standardErrors: { r: 0, alpha: 0, a: 0, b: 0 },
  iterations: 0,
  converged: true,
  customerCount: 0,
  unit: "week",
};
const delta = Math.log(1.15) / 52;

describe("fitMbgNbd on CDNOW (weeks)", () => {
  const fit = fitMbgNbd(cdnowSummary());
  it("reproduces r 0.5248, α 6.183, a 0.8914, b 1.614, LL −9582.13", () => {
    expect(fit.kind).toBe("mbg-nbd");
    expect(fit.params.r.toFixed(4)).toBe("0.5248");
    expect(fit.params.alpha.toFixed(3)).toBe("6.183");
    expect(fit.params.a.toFixed(4)).toBe("0.8914");
    expect(fit.params.b.toFixed(3)).toBe("1.614");
    expect(fit.logLikelihood.toFixed(2)).toBe("-9582.13");
  });
  it("matches θ_MBG to 2e-6 and the LL to 1e-12", () => {
    for (const [k, v] of Object.entries(THETA)) {
      expect(rel(fit.params[k as keyof typeof THETA], v)).toBeLessThan(2e-6);
    }
    expect(rel(fit.logLikelihood, -9582.13268489992)).toBeLessThan(1e-12);
  });
  it("standard errors match lifetimes to 2e-6", () => {
    const se = {
      r: 0.0832639452977,
      alpha: 0.695597191603,
      a: 0.154785320699,
      b: 0.537472350789,
    };
    for (const [k, v] of Object.entries(se)) {
      expect(rel(fit.standardErrors[k as keyof typeof se], v)).toBeLessThan(2e-6);
    }
  });
  it("rejects data without repeat purchases", () => {
    expect(() => fitMbgNbd([{ frequency: 0, recency: 0, T: 3 }], { unit: "week" })).toThrow(
      /repeat purchase/,
    );
  });
});

describe("MBG/NBD likelihood, gradient and predictions at θ_MBG ([L], [C])", () => {
  const p = Float64Array.of(THETA.r, THETA.alpha, THETA.a, THETA.b);
  const table: [number, number, number, number, number, number, number][] = [
    [2, 30.43, 38.86, -9.48586025911, 0.706126258715, 1.26267077871, 1.59682587369],
    [1, 1.71, 38.86, -4.46049328754, 0.170819630092, 0.18878924037, 0.240068867396],
    [0, 0, 38.86, -0.539610446933, 0.38971644205, 0.153953644367, 0.197628482882],
    [29, 37.71, 38.0, -44.4092260338, 0.965843210293, 18.9500574131, 23.5490650547],
    [5, 5.14, 37.29, -12.3827186427, 0.00437096568484, 0.0169931055385, 0.0212927953012],
    [7, 34.86, 34.86, -21.4527800721, 0.90622589494, 4.96213124931, 6.18782054253],
    [26, 30.86, 31.0, -38.3235915291, 0.965552868862, 19.4480371195, 23.9999577032],
    [21, 4.71, 29.29, -12.6959125968, 2.33050331957e-10, 3.96111746337e-9, 4.8816532578e-9],
    [4, 26.57, 27.0, -14.0486759616, 0.855851943283, 3.40378097239, 4.22750439187],
    [0, 0, 27.0, -0.474015781079, 0.42846310896, 0.220622536595, 0.280775859607],
  ];
  it.each(table)("x=%d t_x=%d T=%d", (x, tx, T, ll, alive, y39, y52) => {
    const f = bgNbdObjective(
      1,
      Float64Array.of(x),
      Float64Array.of(tx),
      Float64Array.of(T),
      Float64Array.of(1),
    );
    expect(rel(-f(p, new Float64Array(4)), ll)).toBeLessThan(1e-10);
    const c = { frequency: x, recency: tx, T };
    expect(rel(probabilityAlive(model, [c])[0]!, alive)).toBeLessThan(1e-10);
    expect(rel(conditionalExpectedPurchases(model, [c], { horizon: 39 })[0]!, y39)).toBeLessThan(
      1e-10,
    );
    expect(rel(conditionalExpectedPurchases(model, [c], { horizon: 52 })[0]!, y52)).toBeLessThan(
      1e-10,
    );
  });
  it("gradient for customers 1 and 3 [C]", () => {
    const cases: [number, number, number, number[]][] = [
      [2, 30.43, 38.86, [0.636237556102, 0.0250373982504, -0.576687762828, 0.291139933989]],
      [0, 0, 38.86, [-0.773904992552, 0.0285398006781, 0.285523665736, -0.15768482575]],
    ];
    for (const [x, tx, T, expected] of cases) {
      const g = new Float64Array(4);
      bgNbdObjective(
        1,
        Float64Array.of(x),
        Float64Array.of(tx),
        Float64Array.of(T),
        Float64Array.of(1),
      )(p, g);
      expected.forEach((v, j) => {
        expect(Math.abs(-g[j]! - v)).toBeLessThan(1e-10);
      });
    }
  });
  it("totals away from the optimum [C]", () => {
    const rows = cdnowSummary();
    const f = bgNbdObjective(
      1,
      Float64Array.from(rows, (r) => r.frequency),
      Float64Array.from(rows, (r) => r.recency),
      Float64Array.from(rows, (r) => r.T),
      new Float64Array(rows.length).fill(1),
    );
    const g = new Float64Array(4);
    expect(rel(-f(Float64Array.of(1, 1, 1, 1), g), -10492.500397660631)).toBeLessThan(1e-12);
    expect(rel(-f(Float64Array.of(0.5, 2, 0.7, 3), g), -10010.661786913399)).toBeLessThan(1e-12);
  });
  it("new customer E[X(t)] and PMF [L, C]", () => {
    const ex: [number, number][] = [
      [1, 0.0530606294471],
      [39, 1.18228379529],
      [52, 1.41888955525],
      [78, 1.80363619329],
    ];
    for (const [t, v] of ex)
      expect(rel(expectedPurchases(model, { horizon: t }), v)).toBeLessThan(1e-10);
    const pmf = [0.582605567407, 0.182763373981, 0.0868705914752, 0.0485507224355];
    pmf.forEach((v, n) => {
      expect(rel(purchaseCountProbability(model, { purchases: n, horizon: 39 }), v)).toBeLessThan(
        1e-10,
      );
    });
  });
  it("DERT (δ = ln 1.15/52) [C]", () => {
    const cases: [number, number, number, number][] = [
      [2, 30.43, 38.86, 4.92241273182],
      [1, 1.71, 38.86, 0.78365697307],
      [0, 0, 38.86, 0.724449728139],
      [29, 37.71, 38.0, 63.0686011191],
    ];
    for (const [x, tx, T, v] of cases) {
      const d = discountedExpectedResidualPurchases(model, [{ frequency: x, recency: tx, T }], {
        continuousDiscountRate: delta,
      })[0]!;
      expect(rel(d, v)).toBeLessThan(1e-10);
    }
  });
  it("P(alive) < 1 without repeat purchases (unlike the BG/NBD)", () => {
    expect(probabilityAlive(model, [{ frequency: 0, recency: 0, T: 1 }])[0]).toBeLessThan(1);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError, ModelFitError } from "../../src/core/errors.js";
import {
  fitSbg,
  type SbgModel,
} from "../../src/models/shiftedBetaGeometric/fitShiftedBetaGeometric.js";
import {
  expectedRemainingLifetime,
  retentionCurve,
  subscriptionLifetimeValue,
  survivalCurve,
} from "../../src/models/shiftedBetaGeometric/subscriptionPredictions.js";

// Fader & Hardie (2007), "How to project customer retention", Table 1: customers alive at the start of years 1…13 out of 1,000.
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394];

function model(alpha: number, beta: number): SbgModel {
  return {
    kind: "sbg",
    params: { alpha, beta },
    logLikelihood: 0,
    standardErrors: { alpha: 0, beta: 0 },
    iterations: 0,
    converged: true,
    customerCount: 1000,
    unit: "year",
  };
}
// Maximum-likelihood estimates of Fader & Hardie (2007) to full precision (this library's fits of
// Table 1, first 8 points; the published 3-digit values are asserted below).
const REG = model(0.7040772796023907, 1.182042983460019);
const HIGH = model(0.6680883501264947, 3.8060949687750463);

function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe("fitSbg — Fader & Hardie (2007) published estimates", () => {
  it("regular segment, first 8 points: α 0.704, β 1.182, LL −1680.27", () => {
    const fit = fitSbg(REGULAR.slice(0, 8), { unit: "year" });
    expect(fit.kind).toBe("sbg");
    expect(fit.params.alpha.toFixed(3)).toBe("0.704");
    expect(fit.params.beta.toFixed(3)).toBe("1.182");
    expect(fit.logLikelihood.toFixed(2)).toBe("-1680.27");
    // full precision (re-derived independently to ≤ 2e-6)
    expectRel(fit.params.alpha, 0.7040772796023907, 2e-6);
    expectRel(fit.params.beta, 1.182042983460019, 2e-6);
    expectRel(fit.logLikelihood, -1680.265188463284, 1e-10);
    // standard error by the delta method from the numerical Hessian (see maximizeLikelihood)
    expect(fit.standardErrors.alpha.toFixed(4)).toBe("0.0656");
    expect(fit.standardErrors.beta.toFixed(4)).toBe("0.1525");
    expect(fit.customerCount).toBe(1000);
    expect(fit.converged).toBe(true);
  });
  it("high-end segment, first 8 points: α 0.668, β 3.806, LL −1611.16", () => {
    const fit = fitSbg(HIGH_END.slice(0, 8), { unit: "year" });
    expect(fit.params.alpha.toFixed(3)).toBe("0.668");
    expect(fit.params.beta.toFixed(3)).toBe("3.806");
    expect(fit.logLikelihood.toFixed(2)).toBe("-1611.16");
    expectRel(fit.params.alpha, 0.6680883501264947, 2e-6);
    expectRel(fit.params.beta, 3.8060949687750463, 2e-6);
    expect(fit.standardErrors.alpha.toFixed(4)).toBe("0.1037");
    expect(fit.standardErrors.beta.toFixed(4)).toBe("0.7855");
  });
  it("fractions of the cohort give the same estimates (the likelihood is linear in the counts)", () => {
    const fit = fitSbg(
      HIGH_END.slice(0, 8).map((n) => n / 1000),
      { unit: "year" },
    );
    expectRel(fit.params.alpha, 0.6680883501264947, 5e-6);
    expectRel(fit.params.beta, 3.8060949687750463, 5e-6);
  });
  it("per-customer rows give the same fit as the survivor counts", () => {
    const counts = REGULAR.slice(0, 8);
    const rows = [];
    for (let t = 1; t < counts.length; t++) {
      rows.push({ periodsObserved: t, churned: true, count: counts[t - 1]! - counts[t]! });
    }
    rows.push({ periodsObserved: 7, churned: false, count: counts[7]! });
    const a = fitSbg(counts, { unit: "year" });
    const b = fitSbg(rows, { unit: "year" });
    expectRel(b.logLikelihood, a.logLikelihood, 1e-12);
    expectRel(b.params.alpha, a.params.alpha, 1e-9);
    expect(b.customerCount).toBe(1000);
  });
  it("a cohort of ten million customers converges (tolerance scaled by customers)", () => {
    const fit = fitSbg(
      HIGH_END.slice(0, 8).map((n) => n * 10_000),
      { unit: "year" },
    );
    expectRel(fit.params.alpha, 0.6680883501264947, 1e-5);
    expectRel(fit.params.beta, 3.8060949687750463, 1e-5);
    expect(fit.customerCount).toBe(10_000_000);
  });
  it("several cohorts: the log-likelihoods add", () => {
    const both = fitSbg([REGULAR.slice(0, 8), REGULAR.slice(0, 5)], { unit: "year" });
    expect(both.customerCount).toBe(2000);
    const rows = [
      ...[1, 2, 3, 4, 5, 6, 7].map((t) => ({
        periodsObserved: t,
        churned: true,
        count: REGULAR[t - 1]! - REGULAR[t]! + (t <= 4 ? REGULAR[t - 1]! - REGULAR[t]! : 0),
      })),
      { periodsObserved: 7, churned: false, count: REGULAR[7]! },
      { periodsObserved: 4, churned: false, count: REGULAR[4]! },
    ];
    expectRel(fitSbg(rows, { unit: "year" }).logLikelihood, both.logLikelihood, 1e-12);
  });
});

describe("sBG predictions — Fader & Hardie (2007, 2010) formulas on the published estimates", () => {
  it("survival curve and projected survivors (Fader & Hardie 2007, Table 1 projections)", () => {
    const regular = survivalCurve(REG, { periods: 12 });
    const high = survivalCurve(HIGH, { periods: 12 });
    expect(regular.length).toBe(13);
    expect(regular[0]).toBe(1);
    expectRel(regular[1]!, 0.6267060519, 1e-9);
    expectRel(regular[12]!, 0.1700374556, 1e-9);
    expectRel(high[7]!, 0.4889064205, 1e-9);
    expect(Array.from(regular.slice(8), (s) => (s * 1000).toFixed(1))).toEqual([
      "220.1",
      "204.4",
      "191.2",
      "179.9",
      "170.0",
    ]);
    expect(Array.from(high.slice(8), (s) => (s * 1000).toFixed(1))).toEqual([
      "460.4",
      "435.8",
      "414.2",
      "395.1",
      "378.0",
    ]);
  });
  it("retention rates rise with the period", () => {
    const regularCurve = retentionCurve(REG, { periods: 12 });
    const regular = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((t) =>
      regularCurve[t - 1]!.toFixed(3),
    );
    expect(regular).toEqual([
      "0.627",
      "0.756",
      "0.819",
      "0.856",
      "0.880",
      "0.898",
      "0.911",
      "0.921",
      "0.929",
      "0.935",
      "0.941",
      "0.945",
    ]);
    const highCurve = retentionCurve(HIGH, { periods: 12 });
    const high = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((t) => highCurve[t - 1]!.toFixed(3));
    expect(high).toEqual([
      "0.851",
      "0.878",
      "0.897",
      "0.911",
      "0.921",
      "0.929",
      "0.936",
      "0.942",
      "0.946",
      "0.950",
      "0.954",
      "0.957",
    ]);
    expectRel(retentionCurve(HIGH, { periods: 8 })[7]!, 0.9417746491, 1e-9);
  });
  it("DERL(d = 0.1) with n = 0, 1, 4, 7 renewals; 7.530 for the high-end customer with 7 renewals", () => {
    const reg = [2.964399287584, 4.103139823671, 5.894095428224, 6.842315014036];
    const high = [5.414478852706, 5.901377600474, 6.896706686798, 7.529628060142];
    [0, 1, 4, 7].forEach((n, i) => {
      expectRel(expectedRemainingLifetime(REG, { renewals: n, discountRate: 0.1 }), reg[i]!, 1e-12);
      expectRel(
        expectedRemainingLifetime(HIGH, { renewals: n, discountRate: 0.1 }),
        high[i]!,
        1e-12,
      );
    });
    expect(expectedRemainingLifetime(HIGH, { renewals: 7, discountRate: 0.1 }).toFixed(3)).toBe(
      "7.530",
    );
  });
  it("DERL equals its defining sum Σ_k P(T > n+k+1 | T > n)/(1+d)^k", () => {
    const S = survivalCurve(HIGH, { periods: 4000 });
    const n = 3;
    const d = 0.05;
    let sum = 0;
    for (let k = 0; n + k + 1 <= 4000; k++) sum += S[n + k + 1]! / S[n]! / (1 + d) ** k;
    expectRel(expectedRemainingLifetime(HIGH, { renewals: n, discountRate: d }), sum, 1e-9);
  });
  it("subscription CLV: DEL and DERL times the price, exact decimals", () => {
    // DEL(0.1): regular 3.694908443258 (Fader & Hardie 2010: DEL = ₂F₁(1, β; α+β; 1/(1+d)))
    const del = subscriptionLifetimeValue(REG, { pricePerPeriod: "100", discountRate: 0.1 });
    expectRel(del.toNumber(), 369.4908443258, 1e-12);
    const highDel = subscriptionLifetimeValue(HIGH, {
      pricePerPeriod: 1,
      discountRate: 0.1,
    });
    expectRel(highDel.toNumber(), 5.92225350246, 1e-12);
    const derl = subscriptionLifetimeValue(HIGH, {
      pricePerPeriod: "10.00",
      discountRate: 0.1,
      renewals: 7,
    });
    expectRel(derl.toNumber(), 75.29628060142, 1e-12);
    // identity DEL(d) = 1 + DERL(d | 0)/(1+d)
    const derl0 = expectedRemainingLifetime(REG, { renewals: 0, discountRate: 0.1 });
    expectRel(del.toNumber() / 100, 1 + derl0 / 1.1, 1e-13);
  });
});

describe("sBG properties", () => {
  const params = fc.record({
    alpha: fc.double({ min: 0.05, max: 20, noNaN: true }),
    beta: fc.double({ min: 0.05, max: 20, noNaN: true }),
  });
  it("survival is in (0, 1] and non-increasing; retention in [0, 1) and non-decreasing", () => {
    fc.assert(
      fc.property(params, ({ alpha, beta }) => {
        const m = model(alpha, beta);
        const S = survivalCurve(m, { periods: 30 });
        const R = retentionCurve(m, { periods: 30 });
        for (let t = 1; t <= 30; t++) {
          expect(S[t]!).toBeLessThanOrEqual(S[t - 1]!);
          expect(S[t]!).toBeGreaterThan(0);
          const r = R[t - 1]!;
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThan(1);
          if (t > 1) expect(r).toBeGreaterThanOrEqual(R[t - 2]!);
          expectRel(S[t]! / S[t - 1]!, r, 1e-12);
        }
      }),
    );
  });
  it("DERL grows with renewals and falls with the discount rate", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.01, max: 1, noNaN: true }), ({ alpha, beta }, d) => {
        const m = model(alpha, beta);
        const large = { allowLargeDiscountRate: true };
        const a = expectedRemainingLifetime(m, { renewals: 2, discountRate: d, ...large });
        const b = expectedRemainingLifetime(m, { renewals: 3, discountRate: d, ...large });
        const c = expectedRemainingLifetime(m, { renewals: 3, discountRate: d * 1.5, ...large });
        expect(Number.isFinite(a)).toBe(true);
        expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        expect(c).toBeLessThanOrEqual(b * (1 + 1e-12));
      }),
    );
  });
  it("refitting a fitted model's own survival curve recovers its parameters", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 5, noNaN: true }),
        fc.double({ min: 0.3, max: 8, noNaN: true }),
        (alpha, beta) => {
          const S = Array.from(survivalCurve(model(alpha, beta), { periods: 10 }), (s) => s * 1e4);
          const fit = fitSbg(S, { unit: "year" });
          expectRel(fit.params.alpha, alpha, 1e-4);
          expectRel(fit.params.beta, beta, 1e-4);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("sBG bad input", () => {
  function expectInvalid(f: () => unknown, fnName: string, path: string): void {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      const message = (error as Error).message;
      expect(message.startsWith(`${fnName}:`)).toBe(true);
      expect(message).toContain(path);
      return;
    }
    throw new Error("expected an InvalidInputError");
  }
  it("non-monotone survivor counts", () => {
    expectInvalid(() => fitSbg([1000, 600, 650], { unit: "year" }), "fitSbg", "→ at survival[2]");
    expectInvalid(
      () =>
        fitSbg(
          [
            [1000, 600],
            [500, 400, 450],
          ],
          { unit: "year" },
        ),
      "fitSbg",
      "→ at survival[1][2]",
    );
  });
  it("a cohort of size 0", () => {
    expectInvalid(() => fitSbg([0, 0, 0], { unit: "year" }), "fitSbg", "→ at survival[0]");
    expectInvalid(() => fitSbg([[10, 5], [0]], { unit: "year" }), "fitSbg", "→ at survival[1][0]");
  });
  it("negative or non-finite counts, empty input, bad rows", () => {
    expectInvalid(() => fitSbg([10, -1], { unit: "year" }), "fitSbg", "→ at survival[1]");
    expectInvalid(() => fitSbg([], { unit: "year" }), "fitSbg", "fitSbg");
    expectInvalid(
      () => fitSbg([{ periodsObserved: 0, churned: true }], { unit: "year" }),
      "fitSbg",
      "→ at survival[0].periodsObserved",
    );
    expectInvalid(
      () => fitSbg([{ periodsObserved: 1.5, churned: false }], { unit: "year" }),
      "fitSbg",
      "→ at survival[0].periodsObserved",
    );
    expectInvalid(
      () => fitSbg([1000, 600], { unit: "year", tolerance: -1 }),
      "fitSbg",
      "→ at options.tolerance",
    );
  });
  it("nobody churned is a ModelFitError, with or without a penalty (α → 0 is not penalised)", () => {
    expect(() => fitSbg([100, 100, 100], { unit: "year" })).toThrow(ModelFitError);
    expect(() => fitSbg([100, 100, 100], { unit: "year" })).not.toThrow(/penalty/);
    expect(() => fitSbg([100, 100, 100], { unit: "year", penalty: 0.01 })).toThrow(ModelFitError);
  });
  it("discount rate ≤ −1 (and ≤ 0, where the lifetime is unbounded)", () => {
    expectInvalid(
      () => expectedRemainingLifetime(REG, { renewals: 1, discountRate: -1 }),
      "expectedRemainingLifetime",
      "→ at options.discountRate",
    );
    expectInvalid(
      () => expectedRemainingLifetime(REG, { renewals: 1, discountRate: 0 }),
      "expectedRemainingLifetime",
      "→ at options.discountRate",
    );
    expectInvalid(
      () => subscriptionLifetimeValue(REG, { pricePerPeriod: 10, discountRate: -1.5 }),
      "subscriptionLifetimeValue",
      "→ at options.discountRate",
    );
  });
  it("bad model, period, price, renewals", () => {
    const bad = { ...REG, params: { alpha: -1, beta: 1 } };
    expectInvalid(
      () => survivalCurve(bad, { periods: 3 }),
      "survivalCurve",
      "→ at model.params.alpha",
    );
    expectInvalid(
      () => survivalCurve(REG, { periods: -1 }),
      "survivalCurve",
      "→ at options.periods",
    );
    expectInvalid(
      () => retentionCurve(REG, { periods: 0 }),
      "retentionCurve",
      "→ at options.periods",
    );
    expectInvalid(
      () => subscriptionLifetimeValue(REG, { pricePerPeriod: "1,5", discountRate: 0.1 }),
      "subscriptionLifetimeValue",
      "→ at options.pricePerPeriod",
    );
    expectInvalid(
      () => expectedRemainingLifetime(REG, { renewals: -2, discountRate: 0.1 }),
      "expectedRemainingLifetime",
      "→ at options.renewals",
    );
  });
});

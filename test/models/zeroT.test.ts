/**
 * Customers with T = 0 (first purchase at the end of observation: frequency 0, recency 0, T 0), as
 * `splitCalibrationHoldout` makes them for everyone who first bought on the calibration end day.
 * The history says nothing yet: its probability is 1 under every model (log-likelihood 0), and its
 * predictions are those for a customer just acquired. lifetimes scores such customers with the same
 * formulas (lifetimes 0.11.3 @4f2833f, lifetimes/fitters/beta_geo_fitter.py:295
 * `np.where(frequency == 0, 1.0, …)` for the BG/NBD P(alive); modified_beta_geo_fitter.py:213
 * `1 / (1 + a/(b + frequency)·((α+T)/(α+recency))^(r+frequency))`, which is b/(a+b) at x = T = 0;
 * pareto_nbd_fitter.py's P(alive) = E/(E + sI) with I = 0 when recency = T, hence 1), and so does
 * BTYD (2.4.3, R/bgnbd.R:58 `out$PAlive <- 1/(1 + as.numeric(x > 0) * C4 / C3)`: 1 when x = 0).
 */
import { describe, expect, it } from "vitest";
import {
  type BgNbdModel,
  calibrationFrequencyFit,
  churnRisk,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  fitBgBb,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  holdoutComparison,
  type PurchaseModel,
  probabilityAlive,
} from "../../src/index.js";
import { lnGamma } from "../../src/math/special.js";
import { bgNbdObjective } from "../../src/models/bgNbd/bgNbdMath.js";
import { paretoNbdLogLikelihood } from "../../src/models/paretoNbd/paretoNbdLikelihood.js";
import { expectIssue } from "../expectInvalidAt.js";
import { cdnowSummary, donations } from "../fixtures/load.js";
import {
  CDNOW_BG_NBD,
  CDNOW_GAMMA_GAMMA,
  CDNOW_PARETO_NBD,
  DONATIONS_BG_BB,
} from "../fixtures/models.js";

const CDNOW_MBG_NBD: BgNbdModel & { kind: "mbg-nbd" } = {
  ...CDNOW_BG_NBD,
  kind: "mbg-nbd",
} as never;
const MODELS: [string, PurchaseModel][] = [
  ["BG/NBD", CDNOW_BG_NBD],
  ["MBG/NBD", CDNOW_MBG_NBD],
  ["Pareto/NBD", CDNOW_PARETO_NBD],
];
const NEW = { frequency: 0, recency: 0, T: 0 } as const;

describe("predictions for a T = 0 customer are those for a customer just acquired", () => {
  it("P(alive) = 1 for the BG/NBD and the Pareto/NBD, b/(a+b) for the MBG/NBD (its drop-out chance at time 0)", () => {
    expect(probabilityAlive(CDNOW_BG_NBD, [NEW])[0]).toBe(1);
    expect(probabilityAlive(CDNOW_PARETO_NBD, [NEW])[0]).toBe(1);
    const { a, b } = CDNOW_BG_NBD.params;
    expect(probabilityAlive(CDNOW_MBG_NBD, [NEW])[0]).toBeCloseTo(b / (a + b), 15);
  });
  it.each(MODELS)(
    "%s: E[X(T, T+t] | 0, 0, 0] = E[X(t)], the unconditional expectation",
    (_, model) => {
      for (const horizon of [0.5, 1, 10, 39, 520]) {
        const conditional = conditionalExpectedPurchases(model, [NEW], { horizon })[0]!;
        const unconditional = expectedPurchases(model, { horizon });
        expect(conditional).toBeGreaterThan(0);
        expect(Math.abs(conditional - unconditional)).toBeLessThanOrEqual(1e-14 * unconditional);
      }
    },
  );
  it.each(MODELS)("%s: DERT, CLV and churn risk are finite and positive", (_, model) => {
    const dert = discountedExpectedResidualPurchases(model, [NEW], { discountRate: 0.01 })[0]!;
    expect(dert).toBeGreaterThan(0);
    expect(Number.isFinite(dert)).toBe(true);
    // More history of the same kind can only lower the residual purchases of a silent customer.
    const older = discountedExpectedResidualPurchases(model, [{ ...NEW, T: 10 }], {
      discountRate: 0.01,
    })[0]!;
    expect(older).toBeLessThan(dert);
    const row = { ...NEW, monetaryValue: "20" };
    const value = { purchase: model, spend: CDNOW_GAMMA_GAMMA };
    const clv = customerLifetimeValue(value, [row], { horizon: "infinite", discountRate: 0.01 });
    expect(clv[0]!.toNumber()).toBeGreaterThan(0);
    const [risk] = churnRisk(value, [row], { horizon: "infinite", discountRate: 0.01 });
    expect(risk!.probabilityAlive).toBe(probabilityAlive(model, [NEW])[0]);
  });
  it("calibrationFrequencyFit: a T = 0 customer is expected at frequency 0 with probability 1", () => {
    for (const [, model] of MODELS) {
      const fit = calibrationFrequencyFit(model, [NEW]);
      expect(fit.rows[0]!.actual).toBe(1);
      expect(fit.rows[0]!.expected).toBeCloseTo(1, 14);
      expect(fit.rows.slice(1).every((r) => r.expected < 1e-14)).toBe(true);
    }
  });
  it("holdoutComparison: a T = 0 row's expectation is E[X(holdout)]", () => {
    for (const [, model] of MODELS) {
      const table = holdoutComparison(model, [
        { ...NEW, holdoutFrequency: 1, holdoutDuration: 39 },
      ]);
      expect(table.rows[0]!.expected).toBeCloseTo(expectedPurchases(model, { horizon: 39 }), 14);
    }
  });
});

describe("T = 0 with repeat purchases, or T < 0, is not a history", () => {
  it.each(MODELS)("%s predictions", (_, model) => {
    expectIssue(
      () => probabilityAlive(model, [{ frequency: 1, recency: 0, T: 0 }]),
      "probabilityAlive",
      ["customers", 0, "T"],
      "inconsistent",
    );
    expectIssue(
      () => conditionalExpectedPurchases(model, [{ ...NEW, T: -1 }], { horizon: 1 }),
      "conditionalExpectedPurchases",
      ["customers", 0, "T"],
      "too_small",
    );
  });
  it("holdoutComparison and the fitters", () => {
    expectIssue(
      () =>
        holdoutComparison(CDNOW_BG_NBD, [
          { frequency: 2, recency: 0, T: 0, holdoutFrequency: 0, holdoutDuration: 1 },
        ]),
      "holdoutComparison",
      ["customers", 0, "T"],
      "inconsistent",
    );
    const rows = [...cdnowSummary().slice(0, 5), { frequency: 3, recency: 0, T: 0 }];
    expectIssue(() => fitBgNbd(rows), "fitBgNbd", ["customers", 5, "T"], "inconsistent");
  });
  it("data where every T is 0 cannot be fitted", () => {
    for (const fitter of [fitBgNbd, fitMbgNbd, fitParetoNbd]) {
      const error = expectIssue(
        () => fitter([NEW, { ...NEW, count: 7 }], { unit: "day" }),
        fitter.name,
        ["customers"],
        "too_small",
      );
      expect(error.message).toMatch(/Every customer has T = 0/);
    }
  });
});

describe("the likelihood of a T = 0 history is 1 (ln 1 = 0) under every model", () => {
  const one = (v: number) => new Float64Array([v]);
  // Fader, Hardie & Lee (2005) eq. 6 at x = t_x = T = 0: Γ(r)α^r/Γ(r)·α^{−r} = 1. MBG/NBD
  // (Batislam et al. 2007): α^r·α^{−r}·[B(a, b+1) + B(a+1, b)]/B(a, b) = b/(a+b) + a/(a+b) = 1.
  it.each([0, 1] as const)("BG/NBD family, m = %i: value and gradient 0", (m) => {
    const objective = bgNbdObjective(m, one(0), one(0), one(0), one(1));
    for (const p of [
      [0.243, 4.41, 0.793, 2.43],
      [2, 0.01, 5, 0.2],
      [0.05, 300, 0.1, 40],
    ]) {
      const gradient = new Float64Array(4);
      const value = objective(new Float64Array(p), gradient);
      // 0 up to the rounding of the terms that cancel: the textbook bound n·ε·Σ|tᵢ| of a sum of
      // n ≤ 8 terms (lnΓ(40.1) ≈ 106 in the last case: its ulp alone is 1.4e-14).
      const [r, alpha, a, b] = p as [number, number, number, number];
      const terms = [
        lnGamma(a + b),
        lnGamma(b),
        lnGamma(a + b + m),
        lnGamma(b + m),
        Math.log(a),
        2 * r * Math.log(alpha),
      ];
      const bound = 8 * Number.EPSILON * terms.reduce((sum, t) => sum + Math.abs(t), 0);
      expect(Math.abs(value)).toBeLessThanOrEqual(bound);
      for (const g of gradient) expect(Math.abs(g)).toBeLessThanOrEqual(bound);
    }
  });
  // Fader & Hardie (2005) eq. 3 at x = t_x = T = 0: α^r β^s·[α^{−r} β^{−s} + s/(r+s)·0] = 1.
  it("Pareto/NBD", () => {
    for (const q of [
      { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 },
      { r: 3, alpha: 0.02, s: 7, beta: 400 },
    ]) {
      expect(Math.abs(paretoNbdLogLikelihood(q, 0, 0, 0))).toBeLessThan(1e-13);
    }
  });
});

describe("fits: T = 0 rows add nothing", () => {
  const rows = cdnowSummary();
  const withNew = [
    ...rows.slice(0, 1000),
    { ...NEW, unit: "week" as const, count: 40 },
    ...rows.slice(1000),
    { ...NEW, unit: "week" as const },
  ];
  it.each([
    ["fitBgNbd", fitBgNbd],
    ["fitMbgNbd", fitMbgNbd],
    ["fitParetoNbd", fitParetoNbd],
  ] as const)(
    "%s: same parameters and log-likelihood with and without 41 T = 0 customers",
    (_, fitter) => {
      const without = fitter(rows);
      const withZero = fitter(withNew);
      expect(withZero.customerCount).toBe(without.customerCount + 41);
      expect(withZero.logLikelihood).toBeCloseTo(without.logLikelihood, 6);
      for (const [name, value] of Object.entries(without.params)) {
        const other = (withZero.params as unknown as Record<string, number>)[name]!;
        expect(Math.abs(other - value) / value).toBeLessThan(1e-5);
      }
    },
  );
});

describe("the BG/BB analogue: periods = 0 (acquired at the last opportunity observed)", () => {
  // Fader, Hardie & Shang (2010), eq. 5 at x = t_x = n = 0: L = B(α, β)/B(α, β)·B(γ, δ)/B(γ, δ) = 1,
  // the sum over deaths being empty; P(alive at opportunity n + 1) = B(γ, δ+1)/B(γ, δ) = δ/(γ+δ).
  const model = DONATIONS_BG_BB;
  const first = { frequency: 0, recency: 0, periods: 0 };
  it("P(alive) = 1 now and δ/(γ+δ) at the next opportunity; E[X(n, n+n*) | 0, 0, 0] = E[X(n*)]", () => {
    const { gamma, delta } = model.params;
    expect(probabilityAlive(model, [first])[0]).toBe(1);
    expect(probabilityAlive(model, [first], { horizon: 1 })[0]).toBeCloseTo(
      delta / (gamma + delta),
      14,
    );
    for (const horizon of [1, 5, 20]) {
      const conditional = conditionalExpectedPurchases(model, [first], { horizon })[0]!;
      expect(conditional).toBeCloseTo(expectedPurchases(model, { horizon }), 13);
    }
  });
  it("fitBgBb: the same fit with and without 500 such donors", () => {
    const rows = donations();
    const without = fitBgBb(rows);
    const withFirst = fitBgBb([...rows, { ...first, count: 500, unit: "year" as const }]);
    expect(withFirst.customerCount).toBe(without.customerCount + 500);
    expect(withFirst.logLikelihood).toBeCloseTo(without.logLikelihood, 6);
    for (const [name, value] of Object.entries(without.params)) {
      const other = (withFirst.params as unknown as Record<string, number>)[name]!;
      expect(Math.abs(other - value) / value).toBeLessThan(1e-5);
    }
  });
  it("periods = 0 with transactions is inconsistent", () => {
    expectIssue(
      () => probabilityAlive(model, [{ frequency: 1, recency: 1, periods: 0 }]),
      "probabilityAlive",
      ["customers", 0, "recency"],
      "inconsistent",
    );
  });
});

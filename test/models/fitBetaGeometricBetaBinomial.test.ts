import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/core/errors.js";
import {
  type BgBbParams,
  bgbbConditionalExpected,
  bgbbDert,
  bgbbExpected,
  bgbbLogLikelihood,
  bgbbProbabilityAlive,
  bgbbPurchaseCountProbability,
  fitBgBb,
} from "../../src/models/betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { donations } from "../fixtures/load.js";

// θ_BGBB: maximum-likelihood estimates on the donations data (full precision,
// reproduced by lifetimes 0.11.3 at a tight tolerance).
const THETA: BgBbParams = {
  alpha: 1.2035223936080475,
  beta: 0.7497163581757659,
  gamma: 0.6567181695499289,
  delta: 2.783441982887471,
};

function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const rows = donations();

describe("fitBgBb — Fader, Hardie & Shang (2010) donations", () => {
  const fit = fitBgBb(rows);
  it("reproduces α 1.2035, β 0.7497, γ 0.6567, δ 2.7834, LL −33225.58", () => {
    expect(fit.kind).toBe("bg-bb");
    expect(fit.params.alpha.toFixed(4)).toBe("1.2035");
    expect(fit.params.beta.toFixed(4)).toBe("0.7497");
    expect(fit.params.gamma.toFixed(4)).toBe("0.6567");
    expect(fit.params.delta.toFixed(4)).toBe("2.7834");
    expect(fit.logLikelihood.toFixed(2)).toBe("-33225.58");
    expect(fit.customerCount).toBe(11104);
    expect(fit.unit).toBe("year");
    // θ_BGBB at full precision, reproduced to ≤ 2e-6 relative
    for (const k of ["alpha", "beta", "gamma", "delta"] as const) {
      expectRel(fit.params[k], THETA[k], 2e-6);
    }
    expectRel(fit.logLikelihood, -33225.58127434616, 1e-11);
  });
  it("standard errors match lifetimes ([L] to 1e-6)", () => {
    expectRel(fit.standardErrors.alpha, 0.0693913621867, 1e-5);
    expectRel(fit.standardErrors.beta, 0.029447716221, 1e-5);
    expectRel(fit.standardErrors.gamma, 0.0510098503329, 1e-5);
    expectRel(fit.standardErrors.delta, 0.320818939435, 1e-5);
  });
  it("compresses the 11,104 donors and gives the same fit from expanded rows", () => {
    const expanded = rows.flatMap((r) =>
      Array.from({ length: Math.ceil(r.count / 20) }, () => ({
        frequency: r.frequency,
        recency: r.recency,
        periods: r.periods,
      })),
    );
    const withCounts = rows.map((r) => ({ ...r, count: Math.ceil(r.count / 20) }));
    expectRel(
      fitBgBb(expanded, { unit: "year" }).logLikelihood,
      fitBgBb(withCounts).logLikelihood,
      1e-12,
    );
  });
});

describe("BG/BB predictions at θ_BGBB (Fader, Hardie & Shang 2010 formulas; [L], [C])", () => {
  it("individual log-likelihoods and the total at (1,1,1,1)", () => {
    expectRel(bgbbLogLikelihood(THETA, 0, 0, 6), -1.16751710649, 1e-10);
    expectRel(bgbbLogLikelihood(THETA, 3, 4, 6), -5.05935886102, 1e-10);
    const ones = { alpha: 1, beta: 1, gamma: 1, delta: 1 };
    const total = rows.reduce(
      (s, r) => s + r.count * bgbbLogLikelihood(ones, r.frequency, r.recency, r.periods),
      0,
    );
    expectRel(total, -37231.97666761345, 1e-12);
  });
  it("gradient matches the reference values", () => {
    const g = new Float64Array(4);
    bgbbLogLikelihood(THETA, 2, 4, 6, g);
    const ref = [-0.234966500392, 0.821226619355, -0.518529676143, 0.118767942519];
    for (const [j, v] of ref.entries()) expectRel(g[j]!, v, 1e-9);
  });
  it("P(alive in 2002) 0.11 / 0.59 / 0.93 (FHS 2010 Table 6) and full-precision values", () => {
    expect(bgbbProbabilityAlive(THETA, 0, 0, 6, 1).toFixed(2)).toBe("0.11");
    expect(bgbbProbabilityAlive(THETA, 2, 4, 6, 1).toFixed(2)).toBe("0.59");
    expect(bgbbProbabilityAlive(THETA, 6, 6, 6, 1).toFixed(2)).toBe("0.93");
    expectRel(bgbbProbabilityAlive(THETA, 0, 0, 6), 0.116218156485, 1e-10);
    expectRel(bgbbProbabilityAlive(THETA, 4, 5, 6, 1), 0.69680011591, 1e-10);
    expect(bgbbProbabilityAlive(THETA, 6, 6, 6)).toBe(1);
  });
  it("expected donors with x = 0 and x = 6 in 6 opportunities: 3,454.9 and 1,253.1", () => {
    expect((11104 * bgbbPurchaseCountProbability(THETA, 0, 6)).toFixed(1)).toBe("3454.9");
    expect((11104 * bgbbPurchaseCountProbability(THETA, 6, 6)).toFixed(1)).toBe("1253.1");
    const ref = [
      0.311138506792, 0.170087747006, 0.121477155113, 0.100268239669, 0.0916716870093,
      0.0925041470672, 0.112852517344,
    ];
    for (const [x, v] of ref.entries())
      expectRel(bgbbPurchaseCountProbability(THETA, x, 6), v, 1e-10);
  });
  it("Σ expected transactions over the next 5 opportunities: 12,884.2", () => {
    const sum = rows.reduce(
      (s, r) => s + r.count * bgbbConditionalExpected(THETA, r.frequency, r.recency, r.periods, 5),
      0,
    );
    expect(sum.toFixed(1)).toBe("12884.2");
    expectRel(bgbbConditionalExpected(THETA, 4, 5, 6, 10), 3.62796772258, 1e-10);
    expectRel(bgbbConditionalExpected(THETA, 1, 1, 6, 5), 0.0856957076393, 1e-10);
  });
  it("E[X(n)] for a new customer", () => {
    expectRel(bgbbExpected(THETA, 1), 0.498542693625, 1e-10);
    expectRel(bgbbExpected(THETA, 10), 3.17982906512, 1e-10);
    expectRel(bgbbExpected(THETA, 11), 3.38865427398, 1e-10);
  });
  it("DERT with d = 0.1 ([C])", () => {
    expectRel(bgbbDert(THETA, 0, 0, 6, 0.1), 0.114752713308, 1e-10);
    expectRel(bgbbDert(THETA, 6, 6, 6, 0.1), 5.90989433596, 1e-10);
    const rounded = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 };
    expectRel(bgbbDert(rounded, 3, 4, 6, 0.1), 1.62137918584, 1e-10);
    const byX = [
      1.80204479861, 2.62115607071, 3.44026734281, 4.25937861491, 5.078489887, 5.8976011591,
    ];
    for (const [i, v] of byX.entries()) expectRel(bgbbDert(rounded, i + 1, 6, 6, 0.1), v, 1e-10);
  });
});

describe("BG/BB properties", () => {
  const params = fc.record({
    alpha: fc.double({ min: 0.1, max: 10, noNaN: true }),
    beta: fc.double({ min: 0.1, max: 10, noNaN: true }),
    gamma: fc.double({ min: 0.1, max: 10, noNaN: true }),
    delta: fc.double({ min: 0.1, max: 10, noNaN: true }),
  });
  const history = fc
    .integer({ min: 1, max: 20 })
    .chain((n) =>
      fc
        .integer({ min: 0, max: n })
        .chain((tx) => fc.integer({ min: tx === 0 ? 0 : 1, max: tx }).map((x) => ({ x, tx, n }))),
    );
  it("P(alive) in [0, 1], non-increasing in future opportunities", () => {
    fc.assert(
      fc.property(params, history, (p, { x, tx, n }) => {
        const a0 = bgbbProbabilityAlive(p, x, tx, n, 0);
        const a1 = bgbbProbabilityAlive(p, x, tx, n, 1);
        expect(a0).toBeGreaterThanOrEqual(0);
        expect(a0).toBeLessThanOrEqual(1);
        expect(a1).toBeLessThanOrEqual(a0 + 1e-15);
      }),
    );
  });
  it("the PMF sums to 1 and its mean is E[X(n)]", () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 15 }), (p, n) => {
        let total = 0;
        let mean = 0;
        for (let x = 0; x <= n; x++) {
          const q = bgbbPurchaseCountProbability(p, x, n);
          total += q;
          mean += x * q;
        }
        expectRel(total, 1, 1e-11);
        expectRel(mean, bgbbExpected(p, n), 1e-10);
      }),
    );
  });
  it("conditional expectations grow with the horizon; DERT is their discounted sum", () => {
    fc.assert(
      fc.property(params, history, (p, { x, tx, n }) => {
        const e5 = bgbbConditionalExpected(p, x, tx, n, 5);
        const e6 = bgbbConditionalExpected(p, x, tx, n, 6);
        expect(e6).toBeGreaterThanOrEqual(e5);
        let dert = 0;
        let prev = 0;
        for (let k = 1; k <= 600; k++) {
          const e = bgbbConditionalExpected(p, x, tx, n, k);
          dert += (e - prev) / 1.2 ** k;
          prev = e;
        }
        expectRel(bgbbDert(p, x, tx, n, 0.2), dert, 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});

describe("fitBgBb bad input", () => {
  function expectInvalid(input: unknown, path: string): void {
    try {
      fitBgBb(input as never, { unit: "year" });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message.startsWith("fitBgBb:")).toBe(true);
      expect((error as Error).message).toContain(path);
      return;
    }
    throw new Error("expected an InvalidInputError");
  }
  const ok = { frequency: 1, recency: 2, periods: 6 };
  it("recency > periods", () =>
    expectInvalid([ok, { frequency: 1, recency: 7, periods: 6 }], "→ at customers[1].recency"));
  it("frequency > recency", () =>
    expectInvalid([{ frequency: 3, recency: 2, periods: 6 }], "→ at customers[0].frequency"));
  it("transactions without a recency, recency without transactions", () => {
    expectInvalid([{ frequency: 1, recency: 0, periods: 6 }], "→ at customers[0].recency");
    expectInvalid([{ frequency: 0, recency: 3, periods: 6 }], "→ at customers[0].recency");
  });
  it("non-integer, negative, missing, count < 1, empty", () => {
    expectInvalid([{ frequency: 1.5, recency: 2, periods: 6 }], "→ at customers[0].frequency");
    expectInvalid([{ frequency: 1, recency: 2, periods: -1 }], "→ at customers[0].periods");
    expectInvalid([ok, { frequency: 1, recency: 2 }], "→ at customers[1].periods");
    expectInvalid([{ ...ok, count: 0 }], "→ at customers[0].count");
    expectInvalid([], "fitBgBb");
  });
});

describe("fitBgBb options", () => {
  it("rejects a starting value for a parameter the model does not have", () => {
    expect(() => fitBgBb(rows, { initial: { alhpa: 1 } })).toThrow(InvalidInputError);
    expect(() => fitBgBb(rows, { initial: { alhpa: 1 } })).toThrow("at options.initial.alhpa");
  });
});

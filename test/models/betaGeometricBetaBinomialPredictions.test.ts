import { describe, expect, it } from "vitest";
import type { BgBbModel } from "../../src/models/betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { conditionalExpectedPurchases } from "../../src/models/predictions/conditionalExpectedPurchases.js";
import { discountedExpectedResidualPurchases } from "../../src/models/predictions/discountedExpectedResidualPurchases.js";
import { expectedPurchases } from "../../src/models/predictions/expectedPurchases.js";
import { probabilityAlive } from "../../src/models/predictions/probabilityAlive.js";
import { purchaseCountProbability } from "../../src/models/predictions/purchaseCountProbability.js";
import { catchInvalidInput } from "../expectInvalidAt.js";
import { donations } from "../fixtures/load.js";

// BG/BB estimates for the donations data (Fader, Hardie & Shang 2010) and test values checked
// against the BTYD R package (bgbb.* functions).
const MODEL: BgBbModel = {
  kind: "bg-bb",
  params: {
    alpha: 1.2035223936080475,
    beta: 0.7497163581757659,
    gamma: 0.6567181695499289,
    delta: 2.783441982887471,
  },
  logLikelihood: -33225.58127434616,
  standardErrors: { alpha: 0.0694, beta: 0.0294, gamma: 0.051, delta: 0.3208 },
  iterations: 10,
  converged: true,
  customerCount: 11104,
  unit: "year",
};
function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe("public prediction functions with a BG/BB model", () => {
  it("probabilityAlive with and without future periods (FHS 2010 Table 6: 0.11 / 0.59 / 0.93)", () => {
    const customers = [
      { frequency: 0, recency: 0, periods: 6 },
      { frequency: 2, recency: 4, periods: 6 },
      { frequency: 6, recency: 6, periods: 6 },
    ];
    const next = probabilityAlive(MODEL, customers, { horizon: 1 });
    expect(Array.from(next, (p) => p.toFixed(2))).toEqual(["0.11", "0.59", "0.93"]);
    expectRel(probabilityAlive(MODEL, [customers[0]!])[0]!, 0.116218156485, 1e-10);
    expectRel(probabilityAlive(MODEL, [customers[1]!], { horizon: 1 })[0]!, 0.589657189079, 1e-10);
  });
  it("expectedPurchases and purchaseCountProbability (3,454.9 and 1,253.1 expected donors)", () => {
    expectRel(expectedPurchases(MODEL, { horizon: 10 }), 3.17982906512, 1e-10);
    expect((11104 * purchaseCountProbability(MODEL, { purchases: 0, horizon: 6 })).toFixed(1)).toBe(
      "3454.9",
    );
    expect((11104 * purchaseCountProbability(MODEL, { purchases: 6, horizon: 6 })).toFixed(1)).toBe(
      "1253.1",
    );
    expect(purchaseCountProbability(MODEL, { purchases: 7, horizon: 6 })).toBe(0);
  });
  it("conditionalExpectedPurchases: Σ over the 11,104 donors for the next 5 opportunities = 12,884.2", () => {
    const rows = donations();
    const perPattern = conditionalExpectedPurchases(
      MODEL,
      rows.map(({ count: _, ...h }) => h),
      { horizon: 5 },
    );
    const total = rows.reduce((s, r, i) => s + r.count * perPattern[i]!, 0);
    expect(total.toFixed(1)).toBe("12884.2");
    expectRel(
      conditionalExpectedPurchases(MODEL, [{ frequency: 4, recency: 5, periods: 6 }], {
        horizon: 10,
      })[0]!,
      3.62796772258,
      1e-10,
    );
  });
  it("discountedExpectedResidualPurchases with a per-opportunity rate d = 0.1", () => {
    expectRel(
      discountedExpectedResidualPurchases(MODEL, [{ frequency: 2, recency: 4, periods: 6 }], {
        discountRate: 0.1,
      })[0]!,
      1.6656233201,
      1e-10,
    );
    const many = discountedExpectedResidualPurchases(
      MODEL,
      [
        { frequency: 0, recency: 0, periods: 6 },
        { frequency: 6, recency: 6, periods: 6 },
      ],
      { discountRate: 0.1 },
    );
    expectRel(many[0]!, 0.114752713308, 1e-10);
    expectRel(many[1]!, 5.90989433596, 1e-10);
  });
  it("bad input: recency > periods, frequency > recency, fractional opportunities, discount ≤ 0", () => {
    const cases: [() => unknown, string][] = [
      [
        () => probabilityAlive(MODEL, [{ frequency: 1, recency: 7, periods: 6 }])[0]!,
        "→ at customers[0].recency",
      ],
      [
        () =>
          probabilityAlive(MODEL, [
            { frequency: 1, recency: 1, periods: 6 },
            { frequency: 3, recency: 2, periods: 6 },
          ]),
        "→ at customers[1].frequency",
      ],
      [
        () =>
          probabilityAlive(MODEL, [{ frequency: 1, recency: 1, periods: 6 }], {
            horizon: 0.5,
          })[0]!,
        "→ at options.horizon",
      ],
      [() => expectedPurchases(MODEL, { horizon: 2.5 }), "→ at options.horizon"],
      [
        () =>
          conditionalExpectedPurchases(MODEL, [{ frequency: 1, recency: 1, periods: 6 }], {
            horizon: -1,
          })[0]!,
        "→ at options.horizon",
      ],
      [
        () =>
          discountedExpectedResidualPurchases(MODEL, [{ frequency: 1, recency: 1, periods: 6 }], {
            discountRate: -1,
          })[0]!,
        "→ at options.discountRate",
      ],
      [
        () =>
          expectedPurchases({ ...MODEL, params: { ...MODEL.params, gamma: 0 } }, { horizon: 2 }),
        "→ at model.params.gamma",
      ],
    ];
    for (const [f, path] of cases) expect(catchInvalidInput(f).message).toContain(path);
  });
});

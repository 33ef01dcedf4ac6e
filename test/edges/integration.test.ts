/**
 * Regressions found by the hostile sweep (test/hostile) across the domains: each
 * was a broken promise of one error type, no non-finite result or no slow call.
 */
import { describe, expect, it } from "vitest";
import {
  type BgBbModel,
  customerLifetimeValue,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  holdoutComparison,
  prioritizeRecovery,
  probabilityAliveMatrix,
  purchaseCountProbability,
  recoveryPlanSummary,
} from "../../src/index.js";
import { expectInvalidAt } from "../expectInvalidAt.js";
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from "../fixtures/models.js";

/** Donations BG/BB estimates (Fader, Hardie & Shang 2010), with one parameter replaced. */
function bgbb(change: object): BgBbModel {
  return {
    kind: "bg-bb",
    params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783, ...change },
    logLikelihood: -33225.58,
    standardErrors: { alpha: 0, beta: 0, gamma: 0, delta: 0 },
    iterations: 0,
    converged: true,
    customerCount: 11104,
    unit: "week",
  };
}

/** A model whose `params` is valid on the first read and `null` on every later one. */
function paramsReadOnce<T extends { params: object }>(model: T): T {
  let reads = 0;
  const copy = { ...model };
  Object.defineProperty(copy, "params", {
    enumerable: true,
    get: () => (reads++ === 0 ? model.params : null),
  });
  return copy;
}

describe("model parameters are read once", () => {
  it("a getter on params that turns null after validation changes nothing", () => {
    const model = paramsReadOnce(CDNOW_BG_NBD);
    expect(expectedPurchases(model, { horizon: 39 })).toBe(
      expectedPurchases(CDNOW_BG_NBD, { horizon: 39 }),
    );
    const spend = paramsReadOnce(CDNOW_GAMMA_GAMMA);
    const options = { unit: "week" as const, horizon: 52, discountRate: 0.01 };
    const customers = [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" }];
    const values = customerLifetimeValue({ purchase: CDNOW_BG_NBD, spend }, customers, options);
    expect(values[0]!.toString()).toBe(
      customerLifetimeValue(
        { purchase: CDNOW_BG_NBD, spend: CDNOW_GAMMA_GAMMA },
        customers,
        options,
      )[0]!.toString(),
    );
  });
});

describe("BG/NBD DERT refuses a purchase rate that has run off to infinity", () => {
  it("r = 1e308 (hung for minutes) is an InvalidInputError at params.r, at once", () => {
    const model = { ...CDNOW_BG_NBD, params: { ...CDNOW_BG_NBD.params, r: 1e308 } };
    const started = process.cpuUsage();
    expectInvalidAt(
      () =>
        discountedExpectedResidualPurchases(model, [{ frequency: 0, recency: 0, T: 38.86 }], {
          continuousDiscountRate: Math.log(1.15) / 52,
        }),
      ["model", "params", "r"],
    );
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
  });
});

describe("money: a spread copy of a Decimal is not a Decimal", () => {
  it("recoveryPlanSummary rejects { ...amount } at its path (was a DecimalError)", () => {
    const plan = prioritizeRecovery(
      [{ customerId: "a", value: "100", cost: "10", cause: "own", winBackProbability: 0.5 }],
      {},
    );
    const entry = plan.entries[0]!;
    const forged = { ...entry, value: { ...entry.value } };
    expectInvalidAt(
      () => recoveryPlanSummary({ ...plan, entries: [forged] } as never),
      ["plan", "entries", 0, "value"],
    );
  });
});

describe("BG/BB diagnostics keep a tiny β or δ (no absorption into n)", () => {
  for (const change of [{ beta: 1e-200 }, { beta: 5e-324 }, { delta: 5e-324 }]) {
    it(`${JSON.stringify(change)}: finite matrices and holdout expectations`, () => {
      const model = bgbb(change);
      const grid = probabilityAliveMatrix(model, { maxFrequency: 6, maxT: 6, horizon: 1 });
      for (const cell of grid) expect(Number.isFinite(cell.probabilityAlive)).toBe(true);
      const holdout = holdoutComparison(model, [
        { frequency: 6, recency: 6, periods: 6, holdoutFrequency: 4, holdoutPeriods: 5 },
      ]);
      const expected = holdout.rows[0]!.expected;
      expect(Number.isFinite(expected)).toBe(true);
      // A customer who bought at every opportunity and whose dropout is (almost) impossible
      // buys at most once per holdout opportunity.
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThanOrEqual(5);
    });
  }
});

describe("counts are safe integers", () => {
  it("a BG/BB count of 1e308 and a huge array as n are InvalidInputErrors", () => {
    expectInvalidAt(
      () =>
        holdoutComparison(bgbb({}), [
          {
            frequency: 0,
            recency: 0,
            periods: 6,
            holdoutFrequency: 0,
            holdoutPeriods: 5,
            count: 1e308,
          },
        ]),
      ["customers", 0, "count"],
    );
    expectInvalidAt(
      () =>
        purchaseCountProbability(CDNOW_BG_NBD, {
          purchases: Object.assign([], { length: 2 ** 32 - 1 }) as never,
          horizon: 39,
        }),
      ["options", "purchases"],
    );
  });
});

describe("Pareto/NBD purchase counts: a work budget n·(1 + r + s) ≤ 5e6", () => {
  const pareto = (r: number, s: number) => ({
    ...CDNOW_BG_NBD,
    kind: "pareto-nbd" as const,
    params: { r, alpha: 1e6, s, beta: 0.5 },
    standardErrors: { r: 0, alpha: 0, s: 0, beta: 0 },
  });
  it("s = 1000 with n = 100,000 (5 s of CPU before) is refused at n; n = 4,000 is served", () => {
    const error = expectInvalidAt(
      () => purchaseCountProbability(pareto(0.0053, 1000), { purchases: 1e5, horizon: 1 }),
      ["options", "purchases"],
    );
    expect(error.message).toContain("purchases is at most 4994");
    const p = purchaseCountProbability(pareto(0.0053, 1000), { purchases: 4000, horizon: 1 });
    expect(p >= 0 && p <= 1).toBe(true);
  });
});

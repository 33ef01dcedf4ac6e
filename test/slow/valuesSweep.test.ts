/**
 * Hostile-number sweep of the non-BG/NBD predictions and the value formulas: sBG, BG/BB, Gamma-Gamma, Pareto/NBD purchase counts, customerLifetimeValue, src/value and
 * the model diagnostics. Every call, with numbers drawn from 0, −0, subnormals, 1e-300 … 1.7e308,
 * MAX_SAFE_INTEGER, NaN and ±∞ in every numeric slot, must
 * - return a result whose every number (deep, typed arrays and Decimals included) is finite, or
 *   throw `InvalidInputError` (never another error type), and
 * - finish in under 2 s.
 * fast-check with a fixed seed, so a failure replays.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as cv from "../../src/index.js";
import {
  bgbbModel,
  bgNbdModel,
  gammaGammaModel,
  paretoNbdModel,
  sbgModel,
} from "../fixtures/models.js";

const BUDGET_MS = 2000;
const SEED = 20261202;

const hostile = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    5e-324,
    2.2e-308,
    1e-300,
    1e-16,
    1e-8,
    1e-6,
    0.5,
    1,
    3,
    1e6,
    1e7,
    1e8,
    1e300,
    1.7e308,
    Number.MAX_SAFE_INTEGER,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.double({ noNaN: false }),
  fc.integer({ min: 0, max: 50 }),
);
const positive = fc.oneof(
  fc.constantFrom(5e-324, 1e-300, 1e-8, 0.05, 0.5, 1, 3, 20, 1e6, 1e8, 1e300, 1.7e308),
  fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
);
const count = fc.oneof(
  fc.constantFrom(0, 1, 2, 6, 1e4, 1e5, 1e6, 1e6 + 1, 1e7, 1e9, Number.MAX_SAFE_INTEGER, 1e308),
  fc.integer({ min: 0, max: 100 }),
);
const money = fc.oneof(
  hostile,
  fc.constantFrom("0", "12.50", "-3", "1e308", "1e-300", "9e15", "0.01"),
);

/** Every number inside `value` (deep; typed arrays; Decimals by `isFinite()`). */
function nonFinite(value: unknown, seen = new Set<unknown>()): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : String(value);
  if (typeof value !== "object" || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    for (const v of Array.from(value as unknown as ArrayLike<number>)) {
      if (!Number.isFinite(v)) return String(v);
    }
    return undefined;
  }
  const maybeDecimal = value as { isFinite?: unknown; toFixed?: unknown; toString(): string };
  if (typeof maybeDecimal.isFinite === "function" && typeof maybeDecimal.toFixed === "function") {
    // a Decimal (decimal.js): finite unless ±Infinity or NaN
    return (maybeDecimal.isFinite as () => boolean).call(value) ? undefined : value.toString();
  }
  for (const v of Object.values(value)) {
    const bad = nonFinite(v, seen);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** Runs one call and asserts the sweep's contract. */
function check(label: string, f: () => unknown): void {
  const start = performance.now();
  let result: unknown;
  let error: unknown;
  try {
    result = f();
  } catch (e) {
    error = e;
  }
  const elapsed = performance.now() - start;
  if (process.env.SWEEP_TRACE === "1" && elapsed > 300)
    console.log(`${label}: ${elapsed.toFixed(0)} ms`);
  expect(elapsed, `${label} took ${elapsed.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
  if (error !== undefined) {
    const name = (error as Error).name;
    expect(
      name === "InvalidInputError" || name === "ModelFitError",
      `${label} threw ${name}: ${(error as Error).message}`,
    ).toBe(true);
    return;
  }
  expect(nonFinite(result), `${label} returned a non-finite number`).toBeUndefined();
}

const bgNbd = bgNbdModel(0.2426, 4.4135, 0.7929, 2.4258);

// endOnFailure: no shrinking (a slow counterexample would be re-run for minutes); the seed replays it
const runs = (n: number) => ({ seed: SEED, numRuns: n, endOnFailure: true });

describe("hostile numbers: finite or InvalidInputError, each call under 2 s", () => {
  it("shifted-beta-geometric predictions", () => {
    fc.assert(
      fc.property(positive, positive, hostile, count, count, (alpha, beta, d, n, periods) => {
        const model = sbgModel(alpha, beta);
        check(`survivalCurve(${alpha}, ${beta}, ${periods})`, () =>
          cv.survivalCurve(model, { periods: periods }),
        );
        check(
          `retentionRate(${alpha}, ${beta}, ${n})`,
          () => cv.retentionCurve(model, { periods: n })[n - 1]!,
        );
        check(`expectedRemainingLifetime(${alpha}, ${beta}, ${n}, ${d})`, () =>
          cv.expectedRemainingLifetime(model, { renewals: n, discountRate: d }),
        );
        check(`subscriptionLifetimeValue(${alpha}, ${beta}, ${d})`, () =>
          cv.subscriptionLifetimeValue(model, { pricePerPeriod: "100", discountRate: d }),
        );
      }),
      runs(300),
    );
  });

  it("BG/BB predictions", () => {
    fc.assert(
      fc.property(
        fc.tuple(positive, positive, positive, positive),
        count,
        count,
        count,
        hostile,
        ([alpha, beta, gamma, delta], x, extra, t, d) => {
          const model = bgbbModel(alpha, beta, gamma, delta);
          const periods = x + extra;
          const customer = {
            frequency: x,
            recency: x === 0 ? 0 : periods,
            periods: Math.max(1, periods),
          };
          const label = `(${alpha}, ${beta}, ${gamma}, ${delta}) ${JSON.stringify(customer)} t=${t}`;
          check(
            `probabilityAlive${label}`,
            () => cv.probabilityAlive(model, [customer], { horizon: t })[0]!,
          );
          check(`expectedPurchases${label}`, () => cv.expectedPurchases(model, { horizon: t }));
          check(
            `conditionalExpectedPurchases${label}`,
            () => cv.conditionalExpectedPurchases(model, [customer], { horizon: t })[0]!,
          );
          check(`purchaseCountProbability${label}`, () =>
            cv.purchaseCountProbability(model, { purchases: x, horizon: t }),
          );
          check(
            `discountedExpectedResidualPurchases${label} d=${d}`,
            () =>
              cv.discountedExpectedResidualPurchases(model, [customer], {
                continuousDiscountRate: d,
              })[0]!,
          );
        },
      ),
      runs(300),
    );
  });

  it("Gamma-Gamma expected spend", () => {
    fc.assert(
      fc.property(
        positive,
        positive,
        positive,
        count,
        money,
        (p, q, v, frequency, monetaryValue) => {
          check(
            `conditionalExpectedSpend(${p}, ${q}, ${v}, ${frequency}, ${String(monetaryValue)})`,
            () =>
              cv.conditionalExpectedSpend(gammaGammaModel(p, q, v), [
                {
                  frequency,
                  monetaryValue: monetaryValue as number,
                },
              ])[0]!,
          );
        },
      ),
      runs(500),
    );
  });

  it("Pareto/NBD purchase-count probability", () => {
    fc.assert(
      fc.property(
        fc.tuple(positive, positive, positive, positive),
        count,
        hostile,
        ([r, alpha, s, beta], n, t) => {
          check(
            `purchaseCountProbability(paretoNbdModel(${r}, ${alpha}, ${s}, ${beta}), ${n}, ${t})`,
            () =>
              cv.purchaseCountProbability(paretoNbdModel(r, alpha, s, beta), {
                purchases: n,
                horizon: t,
              }),
          );
        },
      ),
      runs(300),
    );
  });

  it("customerLifetimeValue: horizons, rates and spends", () => {
    fc.assert(
      fc.property(
        fc.oneof(count, fc.constant("infinite" as const)),
        hostile,
        money,
        fc.constantFrom(bgNbd, paretoNbdModel(0.55, 10.58, 0.61, 11.67)),
        (horizon, discountRate, monetaryValue, purchaseModel) => {
          check(
            `customerLifetimeValue(${horizon}, ${discountRate}, ${String(monetaryValue)})`,
            () =>
              cv.customerLifetimeValue(
                { purchase: purchaseModel, spend: gammaGammaModel(6.25, 3.74, 15.45) },
                [
                  {
                    frequency: 2,
                    recency: 30.43,
                    T: 38.86,
                    monetaryValue: monetaryValue as number,
                  },
                ],
                {
                  horizon: horizon as number | "infinite",
                  discountRate: discountRate,
                  unit: "week",
                },
              ),
          );
        },
      ),
      runs(200),
    );
  });

  it("value formulas (src/value)", () => {
    fc.assert(
      fc.property(
        money,
        hostile,
        hostile,
        hostile,
        fc.option(count, { nil: undefined }),
        (margin, retentionRate, discountRate, growthRate, horizon) => {
          const base = {
            margin: margin as number,
            retentionRate,
            discountRate,
            ...(horizon === undefined ? {} : { horizon }),
          };
          check(`retentionLifetimeValue(${JSON.stringify(base)})`, () =>
            cv.retentionLifetimeValue({ ...base, growthRate }),
          );
          check(`lifetimeValueSensitivity(${JSON.stringify(base)})`, () =>
            cv.lifetimeValueSensitivity(base),
          );
          check(`discountedCashFlowValue(${discountRate})`, () =>
            cv.discountedCashFlowValue(
              [
                { margin: margin as number, survival: 1 },
                { margin: "100", survival: Math.min(1, Math.abs(retentionRate)) || 0 },
                { margin: "120", survival: 0.5 },
              ],
              { discountRate },
            ),
          );
          check(`customerBaseValue(${retentionRate}, ${discountRate})`, () =>
            cv.customerBaseValue({
              customerCount: Math.abs(growthRate) || 0,
              margin: margin as number,
              retentionRate,
              discountRate,
              acquisitionCost: 150,
            }),
          );
          check(`customerEquity(${retentionRate}, ${discountRate})`, () =>
            cv.customerEquity(
              {
                segments: [
                  {
                    name: "s",
                    customerCount: 1000,
                    prospectCount: 10000,
                    margin: margin as number,
                    retentionRate,
                    retentionCost: 20,
                    acquisitionRate: 0.3,
                    acquisitionCost: 50,
                  },
                ],
              },
              { discountRate },
            ),
          );
        },
      ),
      runs(300),
    );
  });

  it("diagnostics with hostile sizes", () => {
    fc.assert(
      fc.property(count, count, count, (a, b, c) => {
        const model = bgbbModel(1.2, 0.75, 0.66, 2.78);
        check(`probabilityAliveMatrix(${a}, ${b}, ${c})`, () =>
          cv.probabilityAliveMatrix(model, { maxFrequency: a, maxT: b, horizon: c }),
        );
        check(`expectedPurchasesMatrix(${a}, ${b}, ${c})`, () =>
          cv.expectedPurchasesMatrix(model, { maxFrequency: a, maxT: b, horizon: c }),
        );
        check(`expectedPurchasesMatrix BG/NBD (${a}, ${b}, ${c})`, () =>
          cv.expectedPurchasesMatrix(bgNbd, { maxFrequency: a, maxT: b, horizon: c }),
        );
        check(`calibrationFrequencyFit(${a}, ${b})`, () =>
          cv.calibrationFrequencyFit(
            model,
            [{ frequency: 0, recency: 0, periods: Math.max(1, b) }],
            {
              maxBin: a,
            },
          ),
        );
        check(`cumulativePurchaseTracking(${a}, ${b}, ${c})`, () =>
          cv.cumulativePurchaseTracking(model, new Array(Math.min(a, 1e6)).fill(1), { periods: b }),
        );
        check(`holdoutComparison(${a}, ${b}, ${c})`, () =>
          cv.holdoutComparison(
            model,
            [
              {
                frequency: 0,
                recency: 0,
                periods: Math.max(1, b),
                holdoutFrequency: 0,
                holdoutPeriods: Math.max(1, c),
              },
            ],
            { maxBin: Math.max(1, a) },
          ),
        );
      }),
      runs(150),
    );
  });
});

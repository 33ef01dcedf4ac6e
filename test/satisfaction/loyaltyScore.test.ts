import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type LoyaltyScoreInput,
  type LoyaltyScoreOptions,
  type LoyaltyScoreResult,
  loyaltyScore,
} from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "loyaltyScore";

/** The score of one customer, through the batch call. */
function one(
  reading: Omit<LoyaltyScoreInput, "customerId">,
  options?: LoyaltyScoreOptions,
): LoyaltyScoreResult {
  const rows = loyaltyScore([{ customerId: "c", ...reading }], options);
  expect(rows).toHaveLength(1);
  return rows[0] as LoyaltyScoreResult;
}

describe("loyaltyScore — Jones & Sasser's non-linear satisfaction response", () => {
  it("default curve: completely satisfied (5) is six times as loyal as merely satisfied (4) (Xerox, Jones & Sasser 1995)", () => {
    const five = one({ satisfaction: 5, repeatPurchase: 0 });
    const four = one({ satisfaction: 4, repeatPurchase: 0 });
    expect(five.attitudinal).toBe(100);
    expect(Math.abs(five.attitudinal / four.attitudinal - 6) / 6).toBeLessThan(1e-12);
    expect(four.satisfactionShare).toBe(0.75);
  });
  it("blends attitudinal and behavioural parts with the stated weight", () => {
    const r = one({ satisfaction: 5, repeatPurchase: 0.8 }, { attitudinalWeight: 0.25 });
    expect(r.behavioural).toBeCloseTo(80, 12);
    expect(r.score).toBeCloseTo(0.25 * 100 + 0.75 * 80, 12);
  });
  it("a monopoly (κ = 0) keeps loyalty high whatever the satisfaction; γ = 1 is linear", () => {
    expect(one({ satisfaction: 1, repeatPurchase: 0.5 }, { competitiveness: 0 }).attitudinal).toBe(
      100,
    );
    const linear = one(
      { satisfaction: 3, repeatPurchase: 0.5 },
      { curvature: 1, competitiveness: 0.5 },
    );
    expect(linear.attitudinal).toBeCloseTo(100 * (0.5 + 0.5 * 0.5), 12);
  });
  it("score in [0, 100]; attitudinal non-decreasing in satisfaction and non-increasing in competitiveness", () => {
    const f = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        f,
        f,
        f,
        f,
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        f,
        (s1, s2, repeat, kappa, gamma, w) => {
          const opts = {
            scale: { min: 0, max: 1 },
            competitiveness: kappa,
            curvature: gamma,
            attitudinalWeight: w,
          };
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const a = one({ satisfaction: lo, repeatPurchase: repeat }, opts);
          const b = one({ satisfaction: hi, repeatPurchase: repeat }, opts);
          expect(a.score).toBeGreaterThanOrEqual(0);
          expect(b.score).toBeLessThanOrEqual(100);
          expect(b.attitudinal).toBeGreaterThanOrEqual(a.attitudinal - 1e-9);
          const more = one(
            { satisfaction: lo, repeatPurchase: repeat },
            { ...opts, competitiveness: Math.min(1, kappa + 0.1) },
          );
          expect(more.attitudinal).toBeLessThanOrEqual(a.attitudinal + 1e-9);
        },
      ),
    );
  });
  it("scores every customer, in input order, carrying its id", () => {
    const rows = loyaltyScore([
      { customerId: "ann", satisfaction: 5, repeatPurchase: 0.8 },
      { customerId: "__proto__", satisfaction: 4, repeatPurchase: 0.8 },
      { customerId: "cem", satisfaction: 1, repeatPurchase: 0 },
    ]);
    expect(rows.map((r) => r.customerId)).toEqual(["ann", "__proto__", "cem"]);
    expect(rows[0]).toEqual({
      ...one({ satisfaction: 5, repeatPurchase: 0.8 }),
      customerId: "ann",
    });
    expect(rows[1]?.score).toBe(one({ satisfaction: 4, repeatPurchase: 0.8 }).score);
    expect(rows[2]?.score).toBe(0);
    expect(loyaltyScore([])).toEqual([]);
  });
  it("rejects readings outside the scale, duplicate ids and options out of range", () => {
    expectInvalid(
      () => one({ satisfaction: 6, repeatPurchase: 0.5 }),
      fn,
      "customers[0].satisfaction",
    );
    expectInvalid(
      () => one({ satisfaction: 3, repeatPurchase: 1.5 }),
      fn,
      "customers[0].repeatPurchase",
    );
    expectInvalid(
      () =>
        loyaltyScore([
          { customerId: "a", satisfaction: 3, repeatPurchase: 0.5 },
          { customerId: "a", satisfaction: 3, repeatPurchase: 0.5 },
        ]),
      fn,
      "customers[1].customerId",
    );
    expectInvalid(
      () => one({ satisfaction: 3, repeatPurchase: 0.5 }, { competitiveness: 2 }),
      fn,
      "options.competitiveness",
    );
    expectInvalid(
      () => one({ satisfaction: 3, repeatPurchase: 0.5 }, { curvature: 0 }),
      fn,
      "options.curvature",
    );
  });
});

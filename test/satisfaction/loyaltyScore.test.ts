import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loyaltyScore } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "loyaltyScore";

describe("loyaltyScore — Jones & Sasser's non-linear satisfaction response", () => {
  it("default curve: completely satisfied (5) is six times as loyal as merely satisfied (4) (Xerox, Jones & Sasser 1995)", () => {
    const five = loyaltyScore({ satisfaction: 5, repeatPurchase: 0 });
    const four = loyaltyScore({ satisfaction: 4, repeatPurchase: 0 });
    expect(five.attitudinal).toBe(100);
    expect(Math.abs(five.attitudinal / four.attitudinal - 6) / 6).toBeLessThan(1e-12);
    expect(four.satisfactionShare).toBe(0.75);
  });
  it("blends attitudinal and behavioural parts with the stated weight", () => {
    const r = loyaltyScore({ satisfaction: 5, repeatPurchase: 0.8 }, { attitudinalWeight: 0.25 });
    expect(r.behavioural).toBeCloseTo(80, 12);
    expect(r.score).toBeCloseTo(0.25 * 100 + 0.75 * 80, 12);
  });
  it("a monopoly (κ = 0) keeps loyalty high whatever the satisfaction; γ = 1 is linear", () => {
    expect(
      loyaltyScore({ satisfaction: 1, repeatPurchase: 0.5 }, { competitiveness: 0 }).attitudinal,
    ).toBe(100);
    const linear = loyaltyScore(
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
          const a = loyaltyScore({ satisfaction: lo, repeatPurchase: repeat }, opts);
          const b = loyaltyScore({ satisfaction: hi, repeatPurchase: repeat }, opts);
          expect(a.score).toBeGreaterThanOrEqual(0);
          expect(b.score).toBeLessThanOrEqual(100);
          expect(b.attitudinal).toBeGreaterThanOrEqual(a.attitudinal - 1e-9);
          const more = loyaltyScore(
            { satisfaction: lo, repeatPurchase: repeat },
            { ...opts, competitiveness: Math.min(1, kappa + 0.1) },
          );
          expect(more.attitudinal).toBeLessThanOrEqual(a.attitudinal + 1e-9);
        },
      ),
    );
  });
  it("rejects readings outside the scale and options out of range", () => {
    expectInvalid(
      () => loyaltyScore({ satisfaction: 6, repeatPurchase: 0.5 }),
      fn,
      "input.satisfaction",
    );
    expectInvalid(
      () => loyaltyScore({ satisfaction: 3, repeatPurchase: 1.5 }),
      fn,
      "input.repeatPurchase",
    );
    expectInvalid(
      () => loyaltyScore({ satisfaction: 3, repeatPurchase: 0.5 }, { competitiveness: 2 }),
      fn,
      "options.competitiveness",
    );
    expectInvalid(
      () => loyaltyScore({ satisfaction: 3, repeatPurchase: 0.5 }, { curvature: 0 }),
      fn,
      "options.curvature",
    );
  });
});

/**
 * Bounded work in the continuous-time DERT and the BG/BB fit: a discount rate below the documented
 * floor (10⁻⁶ per period) and a history longer than 10⁶ opportunities are rejected at their path
 * instead of running for seconds per customer (Gauss's continued fraction needs about 14/√(1−ζ)
 * steps: 0.7 s per customer at δ = 10⁻⁹, 5.5 s at 10⁻¹², before this bound).
 */
import { describe, expect, it } from "vitest";
import { discountedExpectedResidualPurchases, fitBgBb } from "../../src/index.js";
import { expectInvalidAt } from "../expectInvalidAt.js";
import { CDNOW_BG_NBD, CDNOW_PARETO_NBD } from "../fixtures/models.js";

const customer = { frequency: 2, recency: 30.43, T: 38.86 };

function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe("discountedExpectedResidualPurchases: the discount-rate floor", () => {
  for (const model of [CDNOW_BG_NBD, CDNOW_PARETO_NBD]) {
    it(`${model.kind}: δ = 1e-9 and 1e-15 are rejected at discountRate`, () => {
      for (const discountRate of [1e-9, 1e-15, 5e-324]) {
        const error = expectInvalidAt(
          () =>
            discountedExpectedResidualPurchases(model, [customer], {
              continuousDiscountRate: discountRate,
            })[0]!,
          ["options", "continuousDiscountRate"],
        );
        expect(error.message).toContain("at least 0.000001");
        expectInvalidAt(
          () =>
            discountedExpectedResidualPurchases(model, [customer], {
              continuousDiscountRate: discountRate,
            }),
          ["options", "continuousDiscountRate"],
        );
      }
    });

    it(`${model.kind}: δ = 1e-6 (the floor) is served, finite, within a second`, () => {
      let dert = Number.NaN;
      const ms = cpuMs(() => {
        dert = discountedExpectedResidualPurchases(model, [customer], {
          continuousDiscountRate: 1e-6,
        })[0]!;
      });
      expect(Number.isFinite(dert)).toBe(true);
      // DERT grows as δ shrinks: at the floor it exceeds the value at a 10 % weekly rate.
      expect(dert).toBeGreaterThan(
        discountedExpectedResidualPurchases(model, [customer], { continuousDiscountRate: 0.1 })[0]!,
      );
      expect(ms).toBeLessThan(1000);
    });
  }
});

describe("fitBgBb: periods are bounded like the predictions'", () => {
  it("a history of 2,000,000 opportunities is rejected at customers[i].periods", () => {
    expectInvalidAt(
      () =>
        fitBgBb([
          { frequency: 1, recency: 3, periods: 6 },
          { frequency: 2, recency: 5, periods: 2_000_000 },
        ]),
      ["customers", 1, "periods"],
    );
  });
});

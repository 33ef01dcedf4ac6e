/**
 * Invariants of the predB prediction set (fast-check): window purchase counts are probabilities
 * that fall (for n = 0: rise) with a later window start, posterior mean rates are finite and
 * positive (BG/NBD drop-out in (0, 1)), the sBG retention elasticity is ≥ 1 and rises with tenure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  posteriorMeanRates,
  purchaseCountProbability,
  retentionElasticity,
} from "../../src/index.js";
import { bgNbdModel, paretoNbdModel, sbgModel } from "../fixtures/models.js";

const param = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const four = fc.tuple(param(0.05, 20), param(0.05, 200), param(0.05, 20), param(0.05, 200));
const model = fc
  .tuple(four, fc.constantFrom("bg-nbd", "mbg-nbd", "pareto-nbd"))
  .map(([[r, alpha, c, d], kind]) =>
    kind === "pareto-nbd"
      ? paretoNbdModel(r, alpha, c, d)
      : { ...bgNbdModel(r, alpha, c, d), kind: kind as "bg-nbd" | "mbg-nbd" },
  );

describe("prediction set invariants", () => {
  it("P(X(t₁, t₁+τ) = n) ∈ [0, 1]; P(0) does not fall as the window starts later", () => {
    fc.assert(
      fc.property(
        model,
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 1e-3, max: 500, noNaN: true }),
        (m, purchases, from, horizon) => {
          const p = purchaseCountProbability(m, { purchases, from, horizon });
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          const zeroNow = purchaseCountProbability(m, { purchases: 0, from, horizon });
          const zeroLater = purchaseCountProbability(m, { purchases: 0, from: from + 10, horizon });
          expect(zeroLater).toBeGreaterThanOrEqual(zeroNow * (1 - 1e-9));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("posterior mean rates are finite and positive (a BG/NBD drop-out probability is below 1)", () => {
    fc.assert(
      fc.property(
        model,
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 1e-3, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, x, T, share) => {
          const [row] = posteriorMeanRates(m, [
            { frequency: x, recency: x === 0 ? 0 : share * T, T },
          ]);
          expect(row!.purchaseRate).toBeGreaterThan(0);
          expect(Number.isFinite(row!.purchaseRate)).toBe(true);
          expect(row!.dropoutRate).toBeGreaterThan(0);
          if (m.kind !== "pareto-nbd") expect(row!.dropoutRate).toBeLessThan(1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the retention elasticity is ≥ 1 and grows with tenure", () => {
    fc.assert(
      fc.property(
        param(0.05, 50),
        param(0.05, 50),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (alpha, beta, renewals, discountRate) => {
          const m = sbgModel(alpha, beta);
          const now = retentionElasticity(m, { renewals, discountRate });
          const later = retentionElasticity(m, { renewals: renewals + 1, discountRate });
          expect(now).toBeGreaterThanOrEqual(1);
          expect(later).toBeGreaterThanOrEqual(now * (1 - 1e-12));
        },
      ),
      { numRuns: 100 },
    );
  });
});

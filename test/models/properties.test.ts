/** Property tests (fast-check) of the BG/NBD-family predictions: ranges, monotonicity, finiteness. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BgNbdModel,
  conditionalExpectedPurchases,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  type MbgNbdModel,
  probabilityAlive,
  purchaseCountProbability,
} from "../../src/index.js";

const param = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);

const modelArb = fc
  .record({
    kind: fc.constantFrom("bg-nbd" as const, "mbg-nbd" as const),
    r: param(0.05, 20),
    alpha: param(0.05, 500),
    a: param(0.05, 20),
    b: param(0.05, 50),
  })
  .map(({ kind, r, alpha, a, b }): BgNbdModel | MbgNbdModel => ({
    kind,
    params: { r, alpha, a, b },
    logLikelihood: 0,
    standardErrors: { r: 0, alpha: 0, a: 0, b: 0 },
    iterations: 0,
    converged: true,
    customerCount: 0,
    unit: "week",
  }));

const customerArb = fc
  .record({
    frequency: fc.integer({ min: 0, max: 1000 }),
    T: fc.double({ min: 1e-3, max: 10000, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ frequency, T, share }) => ({
    frequency,
    recency: frequency === 0 ? 0 : share * T,
    T,
  }));

describe("BG/NBD and MBG/NBD invariants", () => {
  it("P(alive) is in [0, 1]", () => {
    fc.assert(
      fc.property(modelArb, customerArb, (model, customer) => {
        const p = probabilityAlive(model, [customer])[0]!;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });
  it("E[X(t)] is finite, ≥ 0 and increasing in t", () => {
    fc.assert(
      fc.property(
        modelArb,
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 1e-3, max: 200, noNaN: true }),
        (model, t, dt) => {
          const e1 = expectedPurchases(model, { horizon: t });
          const e2 = expectedPurchases(model, { horizon: t + dt });
          expect(Number.isFinite(e2)).toBe(true);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
        },
      ),
    );
  });
  it("conditional expectations are finite, ≥ 0 and increasing in t, even for extreme customers", () => {
    fc.assert(
      fc.property(
        modelArb,
        customerArb,
        fc.double({ min: 0, max: 104, noNaN: true }),
        (model, customer, t) => {
          const e1 = conditionalExpectedPurchases(model, [customer], { horizon: t })[0]!;
          const e2 = conditionalExpectedPurchases(model, [customer], { horizon: t + 1 })[0]!;
          expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
        },
      ),
    );
  });
  it("the extreme customers of the issue (x = 1000, T = 10,000; x = 0 at tiny T)", () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        for (const customer of [
          { frequency: 1000, recency: 9999, T: 10000 },
          { frequency: 1000, recency: 10, T: 10000 },
          { frequency: 0, recency: 0, T: 1e-6 },
        ]) {
          const p = probabilityAlive(model, [customer])[0]!;
          const e = conditionalExpectedPurchases(model, [customer], { horizon: 52 })[0]!;
          expect(p >= 0 && p <= 1).toBe(true);
          expect(Number.isFinite(e) && e >= 0).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
  it("DERT is finite and positive for customers with P(alive) > 0", () => {
    fc.assert(
      fc.property(
        modelArb,
        customerArb.filter((c) => c.frequency <= 100 && c.T <= 500),
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        (model, customer, discountRate) => {
          const d = discountedExpectedResidualPurchases(model, [customer], {
            continuousDiscountRate: discountRate,
          })[0]!;
          expect(Number.isFinite(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 40 },
    );
  });
  it("the PMF is a probability and sums (with the tail) to at most 1", () => {
    fc.assert(
      fc.property(modelArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (model, t) => {
        let total = 0;
        for (let n = 0; n < 30; n++) {
          const p = purchaseCountProbability(model, { purchases: n, horizon: t });
          expect(p >= 0 && p <= 1).toBe(true);
          total += p;
        }
        expect(total).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 50 },
    );
  });
});

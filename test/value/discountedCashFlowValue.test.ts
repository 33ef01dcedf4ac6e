import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountedCashFlowValue, retentionLifetimeValue } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "discountedCashFlowValue";

describe("discountedCashFlowValue", () => {
  it("end-of-period: Σ cashFlow_k·survival_k/(1+d)^k (the lifetimes `_customer_lifetime_value` convention)", () => {
    // -50/1.1 + 100·0.8/1.1² + 120·0.6/1.1³, computed by hand
    const result = discountedCashFlowValue(["-50", "100", "120"], {
      discountRate: 0.1,
      survival: [1, 0.8, 0.6],
    });
    const expected = -50 / 1.1 + 80 / 1.1 ** 2 + 72 / 1.1 ** 3;
    expect(Math.abs(result.value.toNumber() - expected) / Math.abs(expected)).toBeLessThan(1e-12);
    expect(result.convention).toBe("end-of-period");
    expect(result.periods.map((p) => p.time)).toEqual([1, 2, 3]);
    expect(result.periods.map((p) => p.expectedMargin.toString())).toEqual(["-50", "80", "72"]);
  });
  it("first-payment-now books the first cash flow today, undiscounted", () => {
    const result = discountedCashFlowValue([100, 100], {
      discountRate: 0.25,
      timing: "first-payment-now",
    });
    expect(result.value.toString()).toBe("180");
    expect(result.periods.map((p) => p.discountFactor.toString())).toEqual(["1", "0.8"]);
  });
  it("an empty stream is worth 0", () => {
    const result = discountedCashFlowValue([], { discountRate: 0.1 });
    expect(result.value.toString()).toBe("0");
    expect(result.periods).toEqual([]);
  });
  it("money sums are exact with no discounting", () => {
    const result = discountedCashFlowValue(["0.1", 0.2, "0.3"], { discountRate: 0 });
    expect(result.value.toString()).toBe("0.6");
  });
  it("property: constant margins with survival r^k equal the retention formula (end-of-period and first-payment-now)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (margin, retentionRate, discountRate, horizon) => {
          const flows = Array.from({ length: horizon }, () => margin);
          const end = discountedCashFlowValue(flows, {
            discountRate,
            survival: flows.map((_, k) => retentionRate ** (k + 1)),
          });
          const viaFormula = retentionLifetimeValue({
            margin,
            retentionRate,
            discountRate,
            horizon,
          });
          expect(Math.abs(end.value.toNumber() - viaFormula.value.toNumber())).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(viaFormula.value.toNumber())),
          );
          const now = discountedCashFlowValue(flows, {
            discountRate,
            timing: "first-payment-now",
            survival: flows.map((_, k) => retentionRate ** k),
          });
          const viaNow = retentionLifetimeValue({
            margin,
            retentionRate,
            discountRate,
            horizon,
            timing: "first-payment-now",
          });
          expect(Math.abs(now.value.toNumber() - viaNow.value.toNumber())).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(viaNow.value.toNumber())),
          );
        },
      ),
      { numRuns: 80 },
    );
  });
  it("property: decreasing in the discount rate for positive flows; does not mutate its input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (flows, d) => {
          const copy = [...flows];
          const low = discountedCashFlowValue(flows, { discountRate: d }).value;
          const high = discountedCashFlowValue(flows, { discountRate: d + 0.01 }).value;
          expect(high.lt(low)).toBe(true);
          expect(flows).toEqual(copy);
        },
      ),
    );
  });
});

describe("discountedCashFlowValue: bad input", () => {
  it("a cash flow that is not an amount is reported at its index", () => {
    expectInvalid(
      () => discountedCashFlowValue([1, "x", 3], { discountRate: 0 }),
      FN,
      "[1]",
      /Invalid amount/,
    );
    expectInvalid(
      () => discountedCashFlowValue([1, Number.POSITIVE_INFINITY], { discountRate: 0 }),
      FN,
      "[1]",
    );
  });
  it("cash flows must be an array", () => {
    expectInvalid(
      () => discountedCashFlowValue("12" as never, { discountRate: 0 }),
      FN,
      "",
      /array/,
    );
  });
  it("discount rate ≤ −1", () => {
    expectInvalid(
      () => discountedCashFlowValue([1], { discountRate: -1 }),
      FN,
      "options.discountRate",
    );
  });
  it("survival of the wrong length, out of range, or increasing", () => {
    expectInvalid(
      () => discountedCashFlowValue([1, 2], { discountRate: 0.1, survival: [1] }),
      FN,
      "options.survival",
      /one survival probability per cash flow/,
    );
    expectInvalid(
      () => discountedCashFlowValue([1, 2], { discountRate: 0.1, survival: [1, 1.5] }),
      FN,
      "options.survival[1]",
      /\[0, 1\]/,
    );
    expectInvalid(
      () => discountedCashFlowValue([1, 2, 3], { discountRate: 0.1, survival: [0.9, 0.5, 0.8] }),
      FN,
      "options.survival[2]",
      /cannot increase/,
    );
  });
  it("unknown option keys", () => {
    expectInvalid(
      () => discountedCashFlowValue([1], { discountRate: 0.1, rate: 2 } as never),
      FN,
      "options",
      /rate/,
    );
  });
});

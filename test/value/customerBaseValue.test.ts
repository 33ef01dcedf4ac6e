import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerBaseValue, retentionLifetimeValue } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "customerBaseValue";
const base = { customerCount: 10000, margin: 100, retentionRate: 0.8, discountRate: 0.1 } as const;

describe("customerBaseValue", () => {
  it("value per customer × number of customers (Gupta & Lehmann 2003 static base: N·CLV with AC sunk)", () => {
    const result = customerBaseValue(base);
    expect(result.valuePerCustomer.toFixed(2)).toBe("266.67");
    expect(result.baseValue.eq(result.valuePerCustomer.times(10000))).toBe(true);
    expect(result.valueWithLevers.eq(result.baseValue)).toBe(true);
    expect(result.interaction.isZero()).toBe(true);
    expect(Object.values(result.contributions).every((c) => c.isZero())).toBe(true);
  });
  it("each lever valued alone", () => {
    const result = customerBaseValue({
      ...base,
      acquisitionCost: 150,
      levers: { retention: 0.05, acquisition: 500, crossSell: 5, upSell: "7.5", costToServe: 2 },
    });
    // retention 0.80 → 0.85: 10,000 · (100·0.85/0.25 − 100·0.8/0.3) = 10,000 · (340 − 266.67)
    expect(result.contributions.retention.toFixed(2)).toBe("733333.33");
    // 500 new customers · (266.67 − 150)
    expect(result.contributions.acquisition.toFixed(2)).toBe("58333.33");
    // margin levers: Δm · 10,000 · 0.8/0.3
    expect(result.contributions.crossSell.toFixed(2)).toBe("133333.33");
    expect(result.contributions.upSell.toFixed(2)).toBe("200000.00");
    expect(result.contributions.costToServe.toFixed(2)).toBe("53333.33");
    // all together: 10,500 · (114.5 · 0.85 / 0.25) − 500 · 150
    expect(result.valueWithLevers.toFixed(2)).toBe(
      ((10500 * 114.5 * 0.85) / 0.25 - 75000).toFixed(2),
    );
  });
  it("timing and horizon are passed to the per-customer value", () => {
    const result = customerBaseValue({
      ...base,
      customerCount: 3,
      timing: "first-payment-now",
      horizon: 5,
    });
    const clv = retentionLifetimeValue({
      margin: 100,
      retentionRate: 0.8,
      discountRate: 0.1,
      timing: "first-payment-now",
      horizon: 5,
    }).value;
    expect(result.valuePerCustomer.eq(clv)).toBe(true);
    expect(result.convention).toBe("first-payment-now");
  });
  it("property: the table adds up exactly and margin levers are additive", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: -0.2, max: 0.09, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (customerCount, r, dR, acquisition, crossSell, upSell, costToServe) => {
          const retention = Math.max(-r, dR);
          const result = customerBaseValue({
            customerCount,
            margin: 100,
            retentionRate: r,
            discountRate: 0.1,
            acquisitionCost: 40,
            levers: { retention, acquisition, crossSell, upSell, costToServe },
          });
          const c = result.contributions;
          const sum = result.baseValue
            .plus(c.retention)
            .plus(c.acquisition)
            .plus(c.crossSell)
            .plus(c.upSell)
            .plus(c.costToServe)
            .plus(result.interaction);
          expect(sum.minus(result.valueWithLevers).abs().toNumber()).toBeLessThan(1e-20);
          // margin levers alone (no retention change, no acquisition) interact not at all
          const marginOnly = customerBaseValue({
            customerCount,
            margin: 100,
            retentionRate: r,
            discountRate: 0.1,
            levers: { crossSell, upSell, costToServe },
          });
          expect(marginOnly.interaction.abs().toNumber()).toBeLessThan(1e-20);
          // retention is monotone
          expect(c.retention.isNegative() === retention < 0 || c.retention.isZero()).toBe(true);
        },
      ),
    );
  });
});

describe("customerBaseValue: bad input", () => {
  it.each([
    [{ ...base, customerCount: -1 }, "parameters.customerCount", "too_small"],
    [{ ...base, customers: 10 }, "parameters.customers", "unknown_key"],
    [{ ...base, retentionRate: 1.1 }, "parameters.retentionRate", "too_big"],
    [{ ...base, discountRate: -2 }, "parameters.discountRate", "too_small"],
    [{ ...base, discountRate: 10 }, "parameters.discountRate", "implausible_rate"],
    [{ ...base, horizon: 0.5 }, "parameters.horizon", "not_integer"],
    [{ ...base, horizon: 0 }, "parameters.horizon", "too_small"],
    [{ ...base, levers: { retention: 0.3 } }, "parameters.levers.retention", "inconsistent"],
    [{ ...base, levers: { acquisition: -3 } }, "parameters.levers.acquisition", "too_small"],
    [{ ...base, levers: { crossSell: "a lot" } }, "parameters.levers.crossSell", "invalid_money"],
    [{ ...base, levers: { churn: 0.1 } }, "parameters.levers.churn", "unknown_key"],
  ] as const)("%o is rejected at %s", (input, path, code) => {
    expectInvalid(() => customerBaseValue(input as never), FN, path, undefined, code);
  });
  it("a large discount rate passes with the opt-in", () => {
    const result = customerBaseValue({ ...base, discountRate: 10, allowLargeDiscountRate: true });
    // 10,000 · 100 · 0.8 / (11 − 0.8)
    expect(result.baseValue.toFixed(2)).toBe("78431.37");
  });
  it("every bad field is listed in one error", () => {
    const error = expectInvalid(
      () =>
        customerBaseValue({ ...base, customerCount: -1, margin: "x", discountRate: 10 } as never),
      FN,
      "parameters.customerCount",
    );
    expect(error.issues.map((issue) => issue.code)).toEqual([
      "too_small",
      "invalid_money",
      "implausible_rate",
    ]);
  });
  it("diverging series, from the base or from the retention lever", () => {
    expectInvalid(
      () => customerBaseValue({ ...base, retentionRate: 1, discountRate: 0 }),
      FN,
      "parameters.retentionRate",
      /series diverges/,
      "inconsistent",
    );
    expectInvalid(
      () =>
        customerBaseValue({
          ...base,
          retentionRate: 0.95,
          discountRate: 0,
          levers: { retention: 0.05 },
        }),
      FN,
      "parameters.levers.retention",
      /series diverges/,
      "inconsistent",
    );
  });
});

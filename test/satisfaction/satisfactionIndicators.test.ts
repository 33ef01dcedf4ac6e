import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { satisfactionIndicators } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "satisfactionIndicators";

describe("satisfactionIndicators (Kotler & Keller 2016, ch. 5: measuring satisfaction)", () => {
  it("computes each rate over the customers at the start of the period", () => {
    const r = satisfactionIndicators({
      customerCount: 1000,
      repurchasingCustomers: 620,
      complainingCustomers: 45,
      referringCustomers: 150,
      satisfiedCustomers: 810,
    });
    expect(r).toEqual({
      repurchaseRate: 0.62,
      complaintRate: 0.045,
      referralRate: 0.15,
      satisfactionRate: 0.81,
    });
  });
  it("price sensitivity is the loss rate per 1 % of price change, whatever its sign", () => {
    const up = satisfactionIndicators({
      customerCount: 10,
      priceChange: { relativeChange: 0.05, customersExposed: 1000, customersLost: 30 },
    });
    expect(up.priceChangeLossRate).toBeCloseTo(0.03, 15);
    expect(up.priceSensitivity).toBeCloseTo(0.006, 15);
    const down = satisfactionIndicators({
      customerCount: 10,
      priceChange: { relativeChange: -0.05, customersExposed: 1000, customersLost: 30 },
    });
    expect(down.priceSensitivity).toBeCloseTo(0.006, 15);
  });
  it("mean purchase per transaction is an exact decimal", () => {
    const r = satisfactionIndicators({ customerCount: 1, transactions: 3, revenue: "0.30" });
    expect(r.meanPurchasePerTransaction?.toString()).toBe("0.1");
  });
  it("rates are fractions in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, u) => {
          const k = Math.floor(u * n);
          const r = satisfactionIndicators({
            customerCount: n,
            repurchasingCustomers: k,
            complainingCustomers: k,
          });
          expect(r.repurchaseRate).toBeGreaterThanOrEqual(0);
          expect(r.repurchaseRate).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
  it("rejects impossible counts with their path", () => {
    expectInvalid(
      () => satisfactionIndicators({ customerCount: 0 }),
      fn,
      "parameters.customerCount",
    );
    expectInvalid(
      () => satisfactionIndicators({ customerCount: 10, repurchasingCustomers: 11 }),
      fn,
      "parameters.repurchasingCustomers",
    );
    expectInvalid(
      () => satisfactionIndicators({ customerCount: 10, complainingCustomers: 1.5 }),
      fn,
      "parameters.complainingCustomers",
    );
    expectInvalid(
      () => satisfactionIndicators({ customerCount: 10, revenue: 5 }),
      fn,
      "parameters.transactions",
    );
    expectInvalid(
      () => satisfactionIndicators({ customerCount: 10, revenue: "1,5", transactions: 1 }),
      fn,
      "parameters.revenue",
    );
    expectInvalid(
      () =>
        satisfactionIndicators({
          customerCount: 10,
          priceChange: { relativeChange: 0, customersExposed: 5, customersLost: 1 },
        }),
      fn,
      "parameters.priceChange.relativeChange",
    );
    expectInvalid(
      () =>
        satisfactionIndicators({
          customerCount: 10,
          priceChange: { relativeChange: 0.1, customersExposed: 5, customersLost: 6 },
        }),
      fn,
      "parameters.priceChange.customersLost",
    );
  });
});

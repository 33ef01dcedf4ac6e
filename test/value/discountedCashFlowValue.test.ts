import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountedCashFlowValue, retentionLifetimeValue } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "discountedCashFlowValue";

describe("discountedCashFlowValue", () => {
  it("end-of-period: Σ cashFlow_k·survival_k/(1+d)^k (the lifetimes `_customer_lifetime_value` convention)", () => {
    // -50/1.1 + 100·0.8/1.1² + 120·0.6/1.1³, computed by hand
    const result = discountedCashFlowValue(
      [
        { margin: "-50", survival: 1 },
        { margin: "100", survival: 0.8 },
        { margin: "120", survival: 0.6 },
      ],
      { discountRate: 0.1 },
    );
    const expected = -50 / 1.1 + 80 / 1.1 ** 2 + 72 / 1.1 ** 3;
    expect(Math.abs(result.value.toNumber() - expected) / Math.abs(expected)).toBeLessThan(1e-12);
    expect(result.convention).toBe("end-of-period");
    expect(result.schedule.map((p) => p.time)).toEqual([1, 2, 3]);
    expect(result.schedule.map((p) => p.expectedMargin.toString())).toEqual(["-50", "80", "72"]);
  });
  it("first-payment-now books the first cash flow today, undiscounted", () => {
    const result = discountedCashFlowValue([{ margin: 100 }, { margin: 100 }], {
      discountRate: 0.25,
      timing: "first-payment-now",
    });
    expect(result.value.toString()).toBe("180");
    expect(result.schedule.map((p) => p.discountFactor.toString())).toEqual(["1", "0.8"]);
  });
  it("a row without survival counts its margin as already expected (survival 1)", () => {
    const result = discountedCashFlowValue([{ margin: 100 }, { margin: 100, survival: 0.5 }], {
      discountRate: 0,
    });
    expect(result.schedule.map((row) => row.survival)).toEqual([1, 0.5]);
    expect(result.value.toString()).toBe("150");
  });
  it("money sums are exact with no discounting", () => {
    const result = discountedCashFlowValue(
      [{ margin: "0.1" }, { margin: 0.2 }, { margin: "0.3" }],
      { discountRate: 0 },
    );
    expect(result.value.toString()).toBe("0.6");
  });
  it("property: constant margins with survival r^k equal the retention formula (end-of-period and first-payment-now)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (margin, retentionRate, discountRate, horizon) => {
          const periods = Array.from({ length: horizon }, (_, k) => k);
          const end = discountedCashFlowValue(
            periods.map((k) => ({ margin, survival: retentionRate ** (k + 1) })),
            { discountRate },
          );
          const viaFormula = retentionLifetimeValue({
            margin,
            retentionRate,
            discountRate,
            horizon,
          });
          expect(Math.abs(end.value.toNumber() - viaFormula.value.toNumber())).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(viaFormula.value.toNumber())),
          );
          const now = discountedCashFlowValue(
            periods.map((k) => ({ margin, survival: retentionRate ** k })),
            { discountRate, timing: "first-payment-now" },
          );
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
        (margins, d) => {
          const flows = margins.map((margin) => ({ margin }));
          const copy = structuredClone(flows);
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
  const flows = (...margins: unknown[]) => margins.map((margin) => ({ margin })) as never;
  it("every margin that is not an amount is reported at its row, in one error", () => {
    const error = expectInvalid(
      () => discountedCashFlowValue(flows(1, "x", 3, "1,000"), { discountRate: 0 }),
      FN,
      "cashFlows[1].margin",
      /Invalid amount/,
      "invalid_money",
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ["cashFlows", 1, "margin"],
      ["cashFlows", 3, "margin"],
    ]);
    expectInvalid(
      () => discountedCashFlowValue(flows(1, Number.POSITIVE_INFINITY), { discountRate: 0 }),
      FN,
      "cashFlows[1].margin",
      undefined,
      "invalid_money",
    );
    expectInvalid(
      () => discountedCashFlowValue([{ margin: 1 }, {}] as never, { discountRate: 0 }),
      FN,
      "cashFlows[1].margin",
      undefined,
      "required",
    );
  });
  it("a row that is not an object, or has an unknown key", () => {
    expectInvalid(
      () => discountedCashFlowValue(["100"] as never, { discountRate: 0 }),
      FN,
      "cashFlows[0]",
      /margin, survival/,
      "invalid_type",
    );
    expectInvalid(
      () => discountedCashFlowValue([{ margin: 1, surival: 0.5 }] as never, { discountRate: 0 }),
      FN,
      "cashFlows[0].surival",
      undefined,
      "unknown_key",
    );
  });
  it("a row that throws when read is reported, not thrown", () => {
    const throwing = {
      get margin(): number {
        throw new Error("boom");
      },
    };
    expectInvalid(
      () => discountedCashFlowValue([{ margin: 1 }, throwing], { discountRate: 0 }),
      FN,
      "cashFlows[1]",
      /Could not read/,
      "unreadable",
    );
  });
  it("cash flows must be a non-empty array", () => {
    expectInvalid(
      () => discountedCashFlowValue("12" as never, { discountRate: 0 }),
      FN,
      "cashFlows",
      /array/,
      "invalid_type",
    );
    expectInvalid(
      () => discountedCashFlowValue([], { discountRate: 0 }),
      FN,
      "cashFlows",
      /at least one/,
      "too_small",
    );
  });
  it("a negative discount rate; a discount rate of 10 without the opt-in", () => {
    expectInvalid(
      () => discountedCashFlowValue(flows(1), { discountRate: -0.5 }),
      FN,
      "options.discountRate",
      undefined,
      "too_small",
    );
    expectInvalid(
      () => discountedCashFlowValue(flows(1), { discountRate: 10 }),
      FN,
      "options.discountRate",
      /allowLargeDiscountRate/,
      "implausible_rate",
    );
    const large = discountedCashFlowValue(flows(110), {
      discountRate: 10,
      allowLargeDiscountRate: true,
    });
    expect(large.value.toString()).toBe("10");
  });
  it("survival out of range, or increasing", () => {
    expectInvalid(
      () =>
        discountedCashFlowValue(
          [
            { margin: 1, survival: 1 },
            { margin: 2, survival: 1.5 },
          ],
          { discountRate: 0.1 },
        ),
      FN,
      "cashFlows[1].survival",
      /\[0, 1\]/,
      "too_big",
    );
    expectInvalid(
      () =>
        discountedCashFlowValue(
          [
            { margin: 1, survival: 0.9 },
            { margin: 2, survival: 0.5 },
            { margin: 3, survival: 0.8 },
          ],
          { discountRate: 0.1 },
        ),
      FN,
      "cashFlows[2].survival",
      /cannot increase/,
      "inconsistent",
    );
  });
  it("bad rows and bad options are reported together", () => {
    const error = expectInvalid(
      () => discountedCashFlowValue(flows("x"), { discountRate: 0.1, rate: 2 } as never),
      FN,
      "options.rate",
      /rate/,
      "unknown_key",
    );
    expect(error.issues.map((issue) => issue.code)).toEqual(["invalid_money", "unknown_key"]);
  });
});

import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money, moneyProblem, sumMoney, toMoney } from "../../src/core/money.js";

describe("money", () => {
  it("accepts decimals, finite numbers and decimal strings", () => {
    expect(moneyProblem("12.50")).toBeUndefined();
    expect(moneyProblem("-3")).toBeUndefined();
    expect(moneyProblem("1e3")).toBeUndefined();
    expect(moneyProblem(0.1)).toBeUndefined();
    expect(moneyProblem(new Decimal("7.25"))).toBeUndefined();
  });
  it.each([
    ["12,5"],
    [""],
    [" 1"],
    ["NaN"],
    ["Infinity"],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [{}],
  ])("rejects %s", (value) => {
    expect(moneyProblem(value)).toBeTypeOf("string");
  });
  it("sums exactly where floats do not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney([toMoney(0.1), toMoney("0.2")]).toString()).toBe("0.3");
  });
  it("never changes the global decimal.js configuration", () => {
    expect(Decimal.precision).toBe(20);
    expect(Money.precision).toBe(34);
    expect(Money.rounding).toBe(Decimal.ROUND_HALF_EVEN);
  });
  it("property: sums of cents equal integer sums", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 })), (cents) => {
        const total = sumMoney(cents.map((c) => toMoney((c / 100).toFixed(2))));
        expect(total.times(100).toNumber()).toBe(cents.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

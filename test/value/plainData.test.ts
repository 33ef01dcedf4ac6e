import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  compareOffers,
  customerBaseValue,
  customerEquity,
  deliveredValue,
  discountedCashFlowValue,
  lifetimeValueSensitivity,
  retentionLifetimeValue,
} from "../../src/index.js";

/**
 * The path of the first value in `value` that is not plain data: a Map, a Set, a function, a
 * class instance other than a Decimal, or a non-finite number. `undefined` when all is plain.
 */
function firstNonPlain(value: unknown, path = "result"): string | undefined {
  if (typeof value === "function") return path;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== "object") return undefined;
  if (Decimal.isDecimal(value)) return (value as Decimal).isFinite() ? undefined : path;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return path;
  for (const [key, child] of Object.entries(value)) {
    const found = firstNonPlain(child, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

// docs/conventions.md (Per-customer data): no result holds a Map, a class instance other than
// Decimal, or a function. (Whether a Decimal survives structuredClone is a property of the core
// money type, tested over every export in test/api.)
describe("value results are plain data (Decimals apart)", () => {
  it.each([
    [
      "retentionLifetimeValue",
      () =>
        retentionLifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1, horizon: 3 }),
    ],
    [
      "lifetimeValueSensitivity",
      () => lifetimeValueSensitivity({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }),
    ],
    [
      "customerBaseValue",
      () =>
        customerBaseValue({
          customerCount: 10,
          margin: 100,
          retentionRate: 0.8,
          discountRate: 0.1,
          levers: { retention: 0.05, crossSell: 5 },
        }),
    ],
    [
      "customerEquity",
      () =>
        customerEquity(
          {
            segments: [{ name: "s", customerCount: 10, margin: 100, retentionRate: 0.6 }],
            cohorts: [
              {
                name: "c",
                periodsUntilAcquisition: 1,
                customerCount: 5,
                margin: 100,
                retentionRate: 0.6,
              },
            ],
          },
          { discountRate: 0.1 },
        ),
    ],
    [
      "discountedCashFlowValue",
      () =>
        discountedCashFlowValue([{ margin: 10 }, { margin: 20, survival: 0.5 }], {
          discountRate: 0.1,
        }),
    ],
    ["deliveredValue", () => deliveredValue({ productValue: 10 })],
    [
      "compareOffers",
      () =>
        compareOffers([
          { name: "a", productValue: 10, monetaryCost: 5 },
          { name: "b", productValue: 10 },
        ]),
    ],
  ] as const)("%s", (_name, run) => {
    const result = run();
    expect(firstNonPlain(result)).toBeUndefined();
    // JSON keeps every field (a Decimal as its string)
    const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(Object.keys(result).sort());
  });
  it("the checker finds what is not plain", () => {
    expect(firstNonPlain({ a: [1, new Map()] })).toBe("result.a.1");
    expect(firstNonPlain({ f: () => 1 })).toBe("result.f");
    expect(firstNonPlain({ v: Number.NaN })).toBe("result.v");
  });
});

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

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// Inputs are never mutated (CONVENTIONS §2): every function accepts deeply frozen inputs (a write
// would throw in strict mode) and leaves them equal to a fresh copy.
describe("value functions never mutate their inputs", () => {
  it.each([
    [
      "retentionLifetimeValue",
      () => ({ margin: 100, retentionRate: 0.8, discountRate: 0.1, horizon: 3 }),
      retentionLifetimeValue,
    ],
    [
      "lifetimeValueSensitivity",
      () => ({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }),
      lifetimeValueSensitivity,
    ],
    [
      "customerEquity",
      () => ({
        discountRate: 0.1,
        segments: [{ name: "s", customers: 5, margin: 10, retentionRate: 0.5 }],
        cohorts: [{ name: "c", period: 1, customers: 2, margin: 10, retentionRate: 0.5 }],
      }),
      customerEquity,
    ],
    [
      "customerBaseValue",
      () => ({
        customers: 5,
        margin: 10,
        retentionRate: 0.5,
        discountRate: 0.1,
        levers: { retention: 0.1, crossSell: 1 },
      }),
      customerBaseValue,
    ],
    [
      "deliveredValue",
      () => ({ productValue: [{ value: 3, weight: 2 }], monetaryCost: 4 }),
      deliveredValue,
    ],
  ] as const)("%s", (_name, make, fn) => {
    const input = deepFreeze(make());
    expect(() => (fn as (x: unknown) => unknown)(input)).not.toThrow();
    expect(input).toEqual(make());
  });
  it("discountedCashFlowValue and compareOffers", () => {
    const flows = deepFreeze([1, "2", 3]);
    const options = deepFreeze({ discountRate: 0.1, survival: [1, 0.5, 0.25] });
    discountedCashFlowValue(flows, options);
    expect(flows).toEqual([1, "2", 3]);
    expect(options).toEqual({ discountRate: 0.1, survival: [1, 0.5, 0.25] });
    const offers = deepFreeze([
      { name: "a", productValue: 5 },
      { name: "b", productValue: 6 },
    ]);
    const result = compareOffers(offers);
    expect(result.best).toBe("b");
    expect(offers.map((o) => o.name)).toEqual(["a", "b"]);
  });
});

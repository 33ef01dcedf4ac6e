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
      "customerBaseValue",
      () => ({
        customerCount: 5,
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
  it("customerEquity, discountedCashFlowValue and compareOffers", () => {
    const makeGroups = () => ({
      segments: [{ name: "s", customerCount: 5, margin: 10, retentionRate: 0.5 }],
      cohorts: [
        {
          name: "c",
          periodsUntilAcquisition: 1,
          customerCount: 2,
          margin: 10,
          retentionRate: 0.5,
        },
      ],
    });
    const groups = deepFreeze(makeGroups());
    const equityOptions = deepFreeze({ discountRate: 0.1, horizon: 5 });
    customerEquity(groups, equityOptions);
    expect(groups).toEqual(makeGroups());
    expect(equityOptions).toEqual({ discountRate: 0.1, horizon: 5 });
    const makeFlows = () => [
      { margin: 1, survival: 1 },
      { margin: "2", survival: 0.5 },
      { margin: 3, survival: 0.25 },
    ];
    const flows = deepFreeze(makeFlows());
    const options = deepFreeze({ discountRate: 0.1 });
    discountedCashFlowValue(flows, options);
    expect(flows).toEqual(makeFlows());
    expect(options).toEqual({ discountRate: 0.1 });
    const offers = deepFreeze([
      { name: "a", productValue: 5 },
      { name: "b", productValue: 6 },
    ]);
    const result = compareOffers(offers);
    expect(result.best).toBe("b");
    expect(offers.map((o) => o.name)).toEqual(["a", "b"]);
  });
});

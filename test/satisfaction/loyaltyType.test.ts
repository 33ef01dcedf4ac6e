import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type LoyaltyDrivers,
  type LoyaltyTypeOptions,
  type LoyaltyTypeResult,
  loyaltyType,
} from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "loyaltyType";
type Drivers = Omit<LoyaltyDrivers, "customerId">;
const base: Drivers = { alternativesAvailable: true, repeatPurchase: 0.8, attitude: 0.2 };

/** The type of one customer, through the batch call. */
function one(drivers: Drivers, options?: LoyaltyTypeOptions): LoyaltyTypeResult {
  const rows = loyaltyType([{ customerId: "c", ...drivers }], options);
  expect(rows).toHaveLength(1);
  return rows[0] as LoyaltyTypeResult;
}

describe("loyaltyType — the documented rule set", () => {
  it("fires each rule in order", () => {
    const cases: [Drivers, string, number][] = [
      [{ ...base, alternativesAvailable: false, attitude: 0.9, advocacy: 1 }, "monopoly", 1],
      [{ ...base, repeatPurchase: 0.1, attitude: 0.9 }, "latent", 2],
      [{ ...base, repeatPurchase: 0.1 }, "none", 3],
      [{ ...base, attitude: 0.9, advocacy: 0.9, rewardDependence: 1 }, "super-value", 4],
      [{ ...base, rewardDependence: 0.9, priceSensitivity: 0.9 }, "incentive", 5],
      [{ ...base, priceSensitivity: 0.9, convenienceDependence: 0.9 }, "price", 6],
      [{ ...base, convenienceDependence: 0.9 }, "convenience", 7],
      [{ ...base, attitude: 0.9 }, "super-value", 8],
      [base, "inertia", 9],
    ];
    for (const [drivers, type, rule] of cases) {
      expect(one(drivers)).toMatchObject({ customerId: "c", type, rule });
    }
    // The same customers in one call: one row each, in input order.
    const rows = loyaltyType(cases.map(([drivers], i) => ({ customerId: `c${i}`, ...drivers })));
    expect(rows.map((r) => [r.customerId, r.type, r.rule])).toEqual(
      cases.map(([, type, rule], i) => [`c${i}`, type, rule]),
    );
  });
  it("treats the threshold as inclusive and configurable", () => {
    expect(one({ ...base, repeatPurchase: 0.5 }).type).toBe("inertia");
    expect(one({ ...base, repeatPurchase: 0.5 }, { threshold: 0.6 }).type).toBe("none");
  });
  it("always returns exactly one known type", () => {
    const f = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.boolean(),
        f,
        f,
        f,
        f,
        f,
        f,
        (
          alternativesAvailable,
          repeatPurchase,
          attitude,
          rewardDependence,
          priceSensitivity,
          convenienceDependence,
          advocacy,
        ) => {
          const r = one({
            alternativesAvailable,
            repeatPurchase,
            attitude,
            rewardDependence,
            priceSensitivity,
            convenienceDependence,
            advocacy,
          });
          expect([
            "monopoly",
            "inertia",
            "latent",
            "convenience",
            "price",
            "incentive",
            "super-value",
            "none",
          ]).toContain(r.type);
          expect(r.rule).toBeGreaterThanOrEqual(1);
          expect(r.rule).toBeLessThanOrEqual(9);
        },
      ),
    );
  });
  it("rejects scores outside [0, 1], missing fields and bad thresholds", () => {
    expectInvalid(() => one({ ...base, attitude: 1.2 }), fn, "customers[0].attitude");
    expectInvalid(
      () => one({ repeatPurchase: 0.5, attitude: 0.5 } as never),
      fn,
      "customers[0].alternativesAvailable",
    );
    expectInvalid(() => one({ ...base, advocacy: -0.1 }), fn, "customers[0].advocacy");
    expectInvalid(() => loyaltyType([base as never]), fn, "customers[0].customerId");
    expectInvalid(() => one(base, { threshold: 0 }), fn, "options.threshold");
    // A field of your own is ignored.
    expect(one({ ...base, habit: 1 } as Drivers)).toEqual(one(base));
  });
});

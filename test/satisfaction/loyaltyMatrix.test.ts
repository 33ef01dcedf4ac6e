import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loyaltyMatrix } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "loyaltyMatrix";

describe("loyaltyMatrix (Dick & Basu 1994)", () => {
  const customers = [
    { customerId: "a", relativeAttitude: 6, repeatPatronage: 0.8 },
    { customerId: "b", relativeAttitude: 6, repeatPatronage: 0.1 },
    { customerId: "c", relativeAttitude: 2, repeatPatronage: 0.9 },
    { customerId: "d", relativeAttitude: 2, repeatPatronage: 0.2 },
  ];
  it("maps attitude × patronage to the four conditions with explicit thresholds", () => {
    const r = loyaltyMatrix(customers, { attitudeThreshold: 4, patronageThreshold: 0.5 });
    expect(r.segments.map((row) => row.customerId)).toEqual(["a", "b", "c", "d"]);
    expect(r.segments.map((row) => row.segment)).toEqual([
      "loyalty",
      "latent-loyalty",
      "spurious-loyalty",
      "no-loyalty",
    ]);
  });
  it("defaults to median splits (even n: mean of the middle two), high side inclusive", () => {
    const r = loyaltyMatrix(customers);
    expect(r.attitudeThreshold).toBe(4);
    expect(r.patronageThreshold).toBeCloseTo(0.5, 15);
    const odd = loyaltyMatrix(customers.slice(0, 3));
    expect(odd.attitudeThreshold).toBe(6);
    expect(odd.segments[0]).toEqual({ customerId: "a", segment: "loyalty" });
    expect(loyaltyMatrix(customers, { split: "mean" }).patronageThreshold).toBeCloseTo(0.5, 15);
  });
  it("a median of two equal subnormal attitudes is that attitude (halving them would round past it)", () => {
    // Counterexample fast-check found: two customers at −6.4e-323 were both "low attitude".
    const customers = [
      { customerId: "a", relativeAttitude: -6.4e-323, repeatPatronage: 0 },
      { customerId: "b", relativeAttitude: -6.4e-323, repeatPatronage: 0 },
    ];
    const r = loyaltyMatrix(customers);
    expect(r.attitudeThreshold).toBe(-6.4e-323);
    expect(r.counts.loyalty + r.counts.latentLoyalty).toBe(2);
  });
  it("the conditions partition the customers", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -10, max: 10, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { minLength: 1, maxLength: 100 },
        ),
        fc.constantFrom("median" as const, "mean" as const),
        (rows, split) => {
          const input = rows.map(([relativeAttitude, repeatPatronage], i) => ({
            customerId: String(i),
            relativeAttitude,
            repeatPatronage,
          }));
          const r = loyaltyMatrix(input, { split });
          expect(r.segments).toHaveLength(input.length);
          expect(r.segments.map((row) => row.customerId)).toEqual(input.map((c) => c.customerId));
          const c = r.counts;
          expect(c.loyalty + c.latentLoyalty + c.spuriousLoyalty + c.noLoyalty).toBe(input.length);
          expect(c.loyalty + c.latentLoyalty).toBeGreaterThanOrEqual(1); // the max is always ≥ its own median/mean
        },
      ),
    );
  });
  it("rejects empty input, duplicate ids and non-finite values", () => {
    expectInvalid(() => loyaltyMatrix([]), fn, "customers");
    expectInvalid(
      () => loyaltyMatrix([customers[0]!, customers[0]!]),
      fn,
      "customers[1].customerId",
    );
    expectInvalid(
      () => loyaltyMatrix([{ customerId: "x", relativeAttitude: Number.NaN, repeatPatronage: 1 }]),
      fn,
      "customers[0].relativeAttitude",
    );
  });
});

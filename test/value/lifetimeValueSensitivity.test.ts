import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type LifetimeValueTiming,
  lifetimeValueSensitivity,
  retentionLifetimeValue,
} from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "lifetimeValueSensitivity";
const base = { margin: 100, retentionRate: 0.8, discountRate: 0.1 } as const;

/** Central finite difference of ln V in ln x. */
function numericElasticity(
  input: Parameters<typeof retentionLifetimeValue>[0],
  key: "margin" | "retentionRate" | "discountRate" | "growthRate",
): number {
  const x = Number(input[key] ?? 0);
  const h = 1e-6 * x;
  const at = (value: number) => retentionLifetimeValue({ ...input, [key]: value }).value.toNumber();
  const v = at(x);
  return ((at(x + h) - at(x - h)) / (2 * h)) * (x / v);
}

describe("lifetimeValueSensitivity", () => {
  it("end-of-period closed forms: margin 1, retention (1+d)/(1+d−r), discount −d/(1+d−r) (Gupta & Lehmann 2003)", () => {
    const s = lifetimeValueSensitivity(base);
    expect(s.value.toFixed(2)).toBe("266.67");
    expect(s.elasticities.margin).toBeCloseTo(1, 12);
    expect(s.elasticities.retentionRate).toBeCloseTo(1.1 / 0.3, 12);
    expect(s.elasticities.discountRate).toBeCloseTo(-0.1 / 0.3, 12);
    expect(s.elasticities.growthRate).toBe(0);
    expect(s.elasticities.acquisitionCost).toBe(0);
    expect(s.levers.map((l) => l.driver)).toEqual([
      "retentionRate",
      "margin",
      "discountRate",
      "growthRate",
      "acquisitionCost",
    ]);
    // value × elasticity / 100 = 266.67 × 3.667 / 100
    expect(s.levers[0]!.valueChangePerPercent.toNumber()).toBeCloseTo(
      ((800 / 3) * (11 / 3)) / 100,
      10,
    );
  });
  it("retention is a stronger lever than discount rate, as Gupta, Lehmann & Stuart (2004) report", () => {
    const s = lifetimeValueSensitivity({ ...base, acquisitionCost: 50 });
    expect(Math.abs(s.elasticities.retentionRate)).toBeGreaterThan(
      Math.abs(s.elasticities.discountRate) * 4,
    );
    expect(s.elasticities.acquisitionCost).toBeCloseTo(-50 / (800 / 3 - 50), 12);
  });
  it("property: matches numerical derivatives for every timing, finite and infinite horizon", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        fc.double({ min: 0.01, max: 0.05, noNaN: true }),
        fc.constantFrom<LifetimeValueTiming>(
          "first-payment-now",
          "end-of-period",
          "start-of-period",
        ),
        fc.option(fc.integer({ min: 2, max: 40 }), { nil: undefined }),
        (margin, retentionRate, discountRate, growthRate, timing, horizon) => {
          const input = {
            margin,
            retentionRate,
            discountRate,
            growthRate,
            timing,
            ...(horizon === undefined ? {} : { horizon }),
          };
          const s = lifetimeValueSensitivity(input);
          for (const key of ["margin", "retentionRate", "discountRate", "growthRate"] as const) {
            const numeric = numericElasticity(input, key);
            expect(Math.abs(s.elasticities[key] - numeric)).toBeLessThan(
              1e-5 * Math.max(1, Math.abs(numeric)),
            );
          }
          expect(s.elasticities.margin).toBeCloseTo(1, 12);
          expect(s.elasticities.discountRate).toBeLessThan(0);
          expect(s.elasticities.retentionRate).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });
  it("levers are sorted by the size of their elasticity", () => {
    const s = lifetimeValueSensitivity({ ...base, growthRate: 0.02, acquisitionCost: 100 });
    const sizes = s.levers.map((l) => Math.abs(l.elasticity));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });
});

describe("lifetimeValueSensitivity: bad input", () => {
  it("shares the validation of retentionLifetimeValue", () => {
    expectInvalid(
      () => lifetimeValueSensitivity({ ...base, retentionRate: 2 }),
      FN,
      "parameters.retentionRate",
      undefined,
      "too_big",
    );
    expectInvalid(
      () => lifetimeValueSensitivity({ ...base, discountRate: 10 }),
      FN,
      "parameters.discountRate",
      /allowLargeDiscountRate/,
      "implausible_rate",
    );
    expect(() =>
      lifetimeValueSensitivity({ ...base, discountRate: 10, allowLargeDiscountRate: true }),
    ).not.toThrow();
    expectInvalid(
      () => lifetimeValueSensitivity({ margin: 1, retentionRate: 1, discountRate: 0 }),
      FN,
      "parameters.retentionRate",
      /series diverges/,
      "inconsistent",
    );
  });
  it("a zero value has no elasticities", () => {
    expectInvalid(
      () => lifetimeValueSensitivity({ ...base, margin: 0 }),
      FN,
      "parameters.margin",
      /undefined/,
      "unsupported",
    );
    expectInvalid(
      () =>
        lifetimeValueSensitivity({
          margin: 30,
          retentionRate: 0.5,
          discountRate: 0,
          acquisitionCost: 30,
        }),
      FN,
      "parameters.margin",
      /is 0/,
      "unsupported",
    );
  });
});

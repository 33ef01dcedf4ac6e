/**
 * Default tier thresholds of prioritizeRecovery are nearest-rank percentiles of the values (the
 * definition in the option docs): checked against a full sort, including ties and signed zeros.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prioritizeRecovery } from "../../src/index.js";

function nearestRank(values: readonly number[], share: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(1, Math.ceil(share * sorted.length)) - 1]!;
}

describe("prioritizeRecovery default thresholds", () => {
  it("are the nearest-rank 80th and 50th percentiles", () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, -0),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), (values) => {
        const plan = prioritizeRecovery(
          values.map((v, i) => ({
            customerId: `c${i}`,
            value: v,
            cause: "own",
            cost: 1,
            winBackProbability: 0.5,
          })),
        );
        const key = nearestRank(values, 0.8);
        const small = nearestRank(values, 0.5);
        expect(plan.thresholds.keyValue.toNumber()).toBe(key);
        expect(plan.thresholds.smallValue.toNumber()).toBe(small);
      }),
      { numRuns: 1500 },
    );
  });
  it("handle a large input with many ties", () => {
    const values = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 13);
    const plan = prioritizeRecovery(
      values.map((v, i) => ({
        customerId: `c${i}`,
        value: v,
        cause: "unknown",
        cost: 0,
        winBackProbability: 0.1,
      })),
    );
    expect(plan.thresholds.keyValue.toNumber()).toBe(nearestRank(values, 0.8));
    expect(plan.thresholds.smallValue.toNumber()).toBe(nearestRank(values, 0.5));
  });
});

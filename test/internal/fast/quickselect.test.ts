/** Quickselect agrees with sorting: the k-th smallest value and the nearest-rank percentile. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nearestRankPercentile, selectKth } from "../../../src/internal/fast/quickselect.js";

const value = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324),
  fc.integer({ min: -3, max: 3 }),
);

/** The plain version: sort a copy (typed-array sort: ascending, −0 before +0). */
function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

describe("selectKth", () => {
  it("returns the value a sort puts at position k (±0 equal), and partitions around it", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.nat(), (values, at) => {
        const k = at % values.length;
        const work = Float64Array.from(values);
        const v = selectKth(work, k);
        expect(v === sortedCopy(values)[k]).toBe(true);
        for (let i = 0; i < k; i++) expect(work[i]! <= v).toBe(true);
        for (let i = k + 1; i < work.length; i++) expect(work[i]! >= v).toBe(true);
        expect([...Float64Array.from(work).sort()]).toEqual([...sortedCopy(values)]);
      }),
      { numRuns: 2000 },
    );
  });
  it("finds the extremes of a long run of alternating-sign values", () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 2 ? i : -i));
    const k = 4999;
    expect(selectKth(values.slice(), k)).toBe(sortedCopy([...values])[k]);
    expect(selectKth(values.slice(), 0)).toBe(sortedCopy([...values])[0]);
  });
});

describe("nearestRankPercentile", () => {
  it("equals the sorted value at rank ⌈share·n⌉, sign of zero included", () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, share) => {
          const expected =
            values.length === 0
              ? 0
              : sortedCopy(values)[Math.max(1, Math.ceil(share * values.length)) - 1]!;
          expect(Object.is(nearestRankPercentile(Float64Array.from(values), share), expected)).toBe(
            true,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
  it("the 80th percentile of 1 … 10 is 8 and the median 5 (nearest rank)", () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => 10 - i);
    expect(nearestRankPercentile(values.slice(), 0.8)).toBe(8);
    expect(nearestRankPercentile(values.slice(), 0.5)).toBe(5);
  });
});

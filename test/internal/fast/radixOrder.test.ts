/**
 * The radix permutation sort agrees with a comparator sort (stable, ascending or descending, ±0
 * equal), and the counting order with a stable sort by a small key.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderBySmallKey, sortIndicesByKey } from "../../../src/internal/fast/radixOrder.js";
import { withScratch } from "../../../src/internal/fast/scratch.js";

function reference(keys: Float64Array, order: Uint32Array, descending = false): number[] {
  const sign = descending ? -1 : 1;
  return [...order].sort((x, y) => {
    const a = keys[x]!;
    const b = keys[y]!;
    return sign * (a < b ? -1 : a > b ? 1 : 0); // Array.prototype.sort is stable
  });
}

describe("sortIndicesByKey", () => {
  it("equals a stable comparator sort on random keys with ties", () => {
    const key = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-310),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.boolean(), (values, reversed) => {
        const keys = Float64Array.from(values);
        const order = Uint32Array.from(values.keys());
        if (reversed) order.reverse();
        const before = order.slice();
        expect(
          withScratch((scratch) => [...sortIndicesByKey(keys, order, scratch, "test.sort")]),
        ).toEqual(reference(keys, order));
        expect(order).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  });
  it("sorts a large array whose keys differ only in their high bits", () => {
    const keys = Float64Array.from({ length: 70_000 }, (_, i) => ((i * 7919) % 1000) * 2 ** 40);
    const order = Uint32Array.from(keys.keys());
    expect(
      withScratch((scratch) => [...sortIndicesByKey(keys, order, scratch, "test.sort")]),
    ).toEqual(reference(keys, order));
  });
  it("sorts descending, keeping the incoming order of equal keys", () => {
    const key = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.boolean(), (values, reversed) => {
        const keys = Float64Array.from(values);
        const order = Uint32Array.from(values.keys());
        if (reversed) order.reverse();
        expect(
          withScratch((scratch) => [...sortIndicesByKey(keys, order, scratch, "test.sort", true)]),
        ).toEqual(reference(keys, order, true));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("orderBySmallKey", () => {
  it("equals a stable sort of the indices by key", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(), { maxLength: 300 }),
        (buckets, raw) => {
          const keys = Uint8Array.from(raw, (k) => k % buckets);
          const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]!);
          expect(
            withScratch((scratch) => [...orderBySmallKey(keys, buckets, scratch, "test.count")]),
          ).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

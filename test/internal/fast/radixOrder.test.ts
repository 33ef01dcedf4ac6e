/** The radix permutation sort agrees with a comparator sort (stable, ascending, ±0 equal). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortIndicesByKey } from "../../../src/internal/fast/radixOrder.js";
import { withScratch } from "../../../src/internal/fast/scratch.js";

function reference(keys: Float64Array, order: Uint32Array): number[] {
  return [...order].sort((x, y) => {
    const a = keys[x]!;
    const b = keys[y]!;
    return a < b ? -1 : a > b ? 1 : 0; // Array.prototype.sort is stable
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
});

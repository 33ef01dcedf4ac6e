/**
 * The counting-sort grouping agrees with the plain implementation: a stable `Array.prototype.sort`
 * of the rows by key, and a plain indexed copy for the scatter and gather steps.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  gatherInt32,
  groupByKey,
  scatterFloat64,
  scatterInt32,
  scatterItems,
} from "../../../src/internal/fast/groupRows.js";
import { withScratch } from "../../../src/internal/fast/scratch.js";

/** Rows in group order: a stable comparator sort by key (Array.prototype.sort is stable). */
function reference(keys: readonly number[]): number[] {
  return [...keys.keys()].sort((a, b) => keys[a]! - keys[b]!);
}

const column = fc.integer({ min: 1, max: 12 }).chain((groups) =>
  fc.record({
    groups: fc.constant(groups),
    keys: fc.array(fc.integer({ min: 0, max: groups - 1 }), { maxLength: 300 }),
  }),
);

describe("groupByKey and the scatter steps", () => {
  it("put the rows where a stable sort by key puts them, with each group's start", () => {
    fc.assert(
      fc.property(column, ({ groups, keys }) => {
        const n = keys.length;
        const order = reference(keys);
        withScratch((scratch) => {
          const key = Int32Array.from(keys);
          const { start, position } = groupByKey(scratch, "test.group", key, n, groups);
          const rows = Int32Array.from(keys.keys());
          const grouped = scatterInt32(rows, position, n, new Int32Array(n));
          expect([...grouped]).toEqual(order);
          for (let g = 0; g < groups; g++) {
            const members = order.filter((row) => keys[row] === g);
            expect(start[g + 1]! - start[g]!).toBe(members.length);
            expect([...grouped.subarray(start[g]!, start[g + 1]!)]).toEqual(members);
          }
          const values = Float64Array.from(keys, (k, i) => k + i / 1000);
          const floats = scatterFloat64(values, position, n, new Float64Array(n));
          expect([...floats]).toEqual(order.map((row) => values[row]!));
          const items = keys.map((k, i) => `${k}:${i}`);
          expect(scatterItems(items, position, n)).toEqual(order.map((row) => items[row]));
        });
      }),
      { numRuns: 500 },
    );
  });

  it("gatherInt32 reads a column through a row index, like a plain map", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 100 }),
        fc.array(fc.nat(), { maxLength: 100 }),
        (values, picks) => {
          const index = Int32Array.from(picks, (p) => p % values.length);
          const out = gatherInt32(
            Int32Array.from(values),
            index,
            index.length,
            new Int32Array(index.length),
          );
          expect([...out]).toEqual([...index].map((i) => values[i]));
        },
      ),
    );
  });
});

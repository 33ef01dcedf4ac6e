/** The in-place distinct count agrees with the plain implementation, `new Set(values).size`. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countDistinct } from "../../../src/internal/fast/countDistinct.js";

describe("countDistinct", () => {
  it("equals new Set(values).size on short and long, sorted and unsorted lists, and sorts the prefix", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 80 }),
        fc.boolean(),
        fc.nat({ max: 5 }),
        (values, sorted, extra) => {
          const list = sorted ? [...values].sort((a, b) => a - b) : values;
          // Elements past n are working memory the count must not look at.
          const buffer = Int32Array.from([...list, ...new Array<number>(extra).fill(99)]);
          expect(countDistinct(buffer, list.length)).toBe(new Set(list).size);
          expect([...buffer.subarray(0, list.length)]).toEqual([...list].sort((a, b) => a - b));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

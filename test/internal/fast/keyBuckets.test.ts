/** Grouping indices by a small key with one counting pass agrees with filtering per key. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketsBySmallKey } from "../../../src/internal/fast/keyBuckets.js";

describe("bucketsBySmallKey", () => {
  it("equals one filter per key that occurs, keys and members ascending", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 400 }), (keys) => {
        const buckets = bucketsBySmallKey(keys.length, 100, (j) => keys[j]!);
        const expected = [...new Set(keys)]
          .sort((a, b) => a - b)
          .map((key) => ({
            key,
            members: keys.flatMap((k, j) => (k === key ? [j] : [])),
          }));
        expect(buckets.map((b) => ({ key: b.key, members: [...b.members] }))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Tie grouping by counting (small integers, exact hundredths) or by sorting agrees with the plain
 * definition: sort the values, count runs of equal values (±0 one group, reported as +0); and
 * labelling each entry by its group agrees with a Map from value to label.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelByTieGroup, tieGroups } from "../../../src/internal/fast/tieGroups.js";

/** The plain tie groups: a comparator sort and a count of each run. */
function reference(values: readonly number[]): { values: number[]; counts: number[] } {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (out.length > 0 && out[out.length - 1] === v) counts[counts.length - 1]!++;
    else {
      out.push(v === 0 ? 0 : v);
      counts.push(1);
    }
  }
  return { values: out, counts };
}

/** Values of the three shapes the strategies are made for, plus anything else. */
const column = fc.oneof(
  fc.array(fc.integer({ min: -50, max: 800 }), { maxLength: 300 }),
  fc.array(
    fc.integer({ min: -5000, max: 90_000 }).map((k) => k / 100),
    { maxLength: 300 },
  ),
  fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
    maxLength: 300,
  }),
  fc.array(fc.constantFrom(0, -0, 1, 2.5, -0.01, 1e15, 1e15 + 0.5, 7), { maxLength: 50 }),
);

/** A subset of the indices of `values`, in a shuffled order. */
function subset(values: readonly number[], picks: readonly boolean[]): Int32Array {
  const members: number[] = [];
  for (let i = 0; i < values.length; i++) if (picks[i % Math.max(1, picks.length)]) members.push(i);
  return Int32Array.from(members.reverse());
}

describe("tieGroups", () => {
  it("equals sort-and-count on every entry or on a subset", () => {
    fc.assert(
      fc.property(column, fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (vs, picks) => {
        const values = Float64Array.from(vs);
        const all = tieGroups(values, null);
        const expected = reference(vs);
        expect([...all.values]).toEqual(expected.values);
        expect([...all.counts]).toEqual(expected.counts);
        const members = subset(vs, picks);
        const some = tieGroups(values, members);
        const expectedSome = reference([...members].map((i) => vs[i]!));
        expect([...some.values]).toEqual(expectedSome.values);
        expect([...some.counts]).toEqual(expectedSome.counts);
      }),
      { numRuns: 1000 },
    );
  });
  it("uses each strategy: counting integers, counting hundredths, sorting", () => {
    expect(tieGroups(Float64Array.from([3, 1, 3, -0]), null).scale).toBe(1);
    expect(tieGroups(Float64Array.from([0.1, 12.35, 0.1]), null).scale).toBe(100);
    expect(tieGroups(Float64Array.from([0.125, 1 / 3]), null).scale).toBe(0);
    // a wide integer range is sorted, not counted
    expect(tieGroups(Float64Array.from([0, 1e9]), null).scale).toBe(0);
  });
});

describe("labelByTieGroup", () => {
  it("gives every entry its group's label, like a Map from value to label", () => {
    fc.assert(
      fc.property(
        column,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 400 }),
        (vs, picks, steps) => {
          const values = Float64Array.from(vs);
          const members = subset(vs, picks);
          const groups = tieGroups(values, members);
          // non-decreasing labels, as the scores of quantile bins are
          const labels = new Uint8Array(groups.values.length);
          for (let g = 0; g < labels.length; g++)
            labels[g] = Math.min(255, (g === 0 ? 1 : labels[g - 1]!) + (steps[g] ?? 0));
          const byValue = new Map<number, number>();
          for (let g = 0; g < labels.length; g++) byValue.set(groups.values[g]!, labels[g]!);
          const out = new Uint8Array(values.length);
          labelByTieGroup(values, members, groups, labels, out);
          for (let i = 0; i < values.length; i++) {
            const expected = members.includes(i) ? byValue.get(vs[i]! === 0 ? 0 : vs[i]!) : 0;
            expect(out[i]).toBe(expected);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/** The row-merging hash table agrees with a `Map` keyed by the row's values (first-seen order, summed weights, ±0 equal). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RowTable } from "../../../src/internal/fast/rowTable.js";

type Row = readonly [number, number, number, number];

function reference(rows: readonly Row[]): Row[] {
  const merged = new Map<string, [number, number, number, number]>();
  for (const [a, b, c, w] of rows) {
    const key = `${a + 0},${b + 0},${c + 0}`; // "+ 0": −0 and 0 are one row
    const seen = merged.get(key);
    if (seen) seen[3] += w;
    else merged.set(key, [a, b, c, w]);
  }
  return [...merged.values()];
}

function tabled(rows: readonly Row[], expected: number): Row[] {
  const table = new RowTable(expected);
  const indices = rows.map(([a, b, c, w]) => table.add(a, b, c, w));
  const out: Row[] = [];
  for (let k = 0; k < table.size; k++)
    out.push([table.a[k]!, table.b[k]!, table.c[k]!, table.w[k]!]);
  // add() returns the index of the row's distinct entry
  rows.forEach(([a, b, c], i) => {
    const k = indices[i]!;
    expect([table.a[k]! + 0, table.b[k]! + 0, table.c[k]! + 0]).toEqual([a + 0, b + 0, c + 0]);
  });
  return out;
}

describe("RowTable", () => {
  it("merges equal rows like a Map, in first-seen order, through growth", () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom(0, -0, 0.5, 1e-310, 1e300),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const row = fc.tuple(value, value, value, fc.integer({ min: 1, max: 9 }));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 3000 }),
        fc.integer({ min: 0, max: 10 }),
        (rows, expected) => {
          const got = tabled(rows, expected);
          const want = reference(rows);
          expect(got.length).toBe(want.length);
          got.forEach((r, k) => {
            expect(r[3]).toBe(want[k]![3]);
            expect(r.slice(0, 3).map((v) => v + 0)).toEqual(want[k]!.slice(0, 3).map((v) => v + 0));
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps a million-row column of few distinct rows to those rows", () => {
    const table = new RowTable(16);
    for (let i = 0; i < 1_000_000; i++) table.add(i % 7, (i % 7) / 2, 30, 1);
    expect(table.size).toBe(7);
    expect([...table.w.subarray(0, 7)]).toEqual(
      new Array(7)
        .fill(1_000_000 / 7)
        .map((v, k) => (k < 1_000_000 % 7 ? Math.ceil(v) : Math.floor(v))),
    );
  });
});

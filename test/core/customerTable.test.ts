/** CustomerTable: the read-only map the segmentation functions return behaves like a Map. */
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CustomerTable, isReadonlyMap } from "../../src/core/customerTable.js";

describe("CustomerTable", () => {
  it("answers like a Map built from the same entries (order, get, has, size, iteration)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 60 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 20 }),
        (ids, probes) => {
          const values = ids.map((id, i) => ({ id, i }));
          const table = new CustomerTable(ids, values);
          const map = new Map(ids.map((id, i) => [id, values[i]!] as const));
          expect(table.size).toBe(map.size);
          expect([...table]).toEqual([...map]);
          expect([...table.entries()]).toEqual([...map.entries()]);
          expect([...table.keys()]).toEqual([...map.keys()]);
          expect([...table.values()]).toEqual([...map.values()]);
          for (const probe of [...probes, ...ids, "__proto__", "constructor"]) {
            expect(table.get(probe)).toBe(map.get(probe));
            expect(table.has(probe)).toBe(map.has(probe));
          }
          const seen: [string, unknown, unknown][] = [];
          const self = { tag: "this" };
          table.forEach(function (this: unknown, v, k, m) {
            seen.push([k, v, m]);
            expect(this).toBe(self);
          }, self);
          expect(seen).toEqual(ids.map((id, i) => [id, values[i], table]));
          expect(new Map(table)).toEqual(map);
        },
      ),
    );
  });
  it("is recognised as a ReadonlyMap input, prints like a Map and names itself", () => {
    const table = new CustomerTable(["a", "b"], [1, 2]);
    expect(isReadonlyMap(table)).toBe(true);
    expect(isReadonlyMap(new Map())).toBe(true);
    expect(isReadonlyMap({ get: () => 1 })).toBe(false);
    expect(isReadonlyMap(null)).toBe(false);
    expect(isReadonlyMap([1, 2])).toBe(false);
    // A table from the other build (ESM vs CJS) is another class: accepted by its shape.
    const foreign = { size: 1, get: () => 1, forEach: () => undefined };
    expect(isReadonlyMap(foreign)).toBe(true);
    expect(inspect(table)).toBe("Map(2) { 'a' => 1, 'b' => 2 }");
    expect(Object.prototype.toString.call(table)).toBe("[object CustomerTable]");
  });
});

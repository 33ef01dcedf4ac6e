import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInterner, intern } from "../../src/core/intern.js";

/** The reference numbering: a Map in first-seen order. */
function reference(strings: readonly string[]): number[] {
  const map = new Map<string, number>();
  return strings.map((s) => {
    let k = map.get(s);
    if (k === undefined) {
      k = map.size;
      map.set(s, k);
    }
    return k;
  });
}

describe("intern (internal id numbering)", () => {
  it("numbers strings in first-seen order, like a Map", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 3 }),
            fc.string({ unit: "binary", maxLength: 14 }),
            fc.constantFrom("__proto__", "constructor", "a\u0000", "a", "\uffff\uffff"),
          ),
          { maxLength: 300 },
        ),
        (strings) => {
          const table = createInterner();
          const numbers = strings.map((s) => intern(table, s));
          expect(numbers).toEqual(reference(strings));
          expect(table.ids).toEqual([...new Set(strings)]);
        },
      ),
    );
  });

  it("survives many rehashes, short and long ids mixed", () => {
    const strings: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      strings.push(i % 7 === 0 ? `a-rather-long-customer-id-${i}` : `C${i % 9000}`);
    }
    const table = createInterner();
    const numbers = strings.map((s) => intern(table, s));
    expect(numbers).toEqual(reference(strings));
    expect(table.ids.length).toBe(new Set(strings).size);
  });
});

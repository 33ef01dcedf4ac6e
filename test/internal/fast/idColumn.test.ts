import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdColumn } from "../../../src/internal/fast/idColumn.js";
import { withScratch } from "../../../src/internal/fast/scratch.js";

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

function numberAll(strings: readonly string[]) {
  return withScratch((scratch) => {
    const column = new IdColumn(strings.length, scratch);
    for (let i = 0; i < strings.length; i++) column.add(i, strings[i]!);
    const { number, ids } = column.finish();
    return { number: number.slice(), ids };
  });
}

describe("IdColumn (batch id numbering)", () => {
  it("numbers strings in first-seen order, like a Map", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 3 }),
            fc.string({ unit: "binary", maxLength: 14 }),
            fc.constantFrom(
              "__proto__",
              "constructor",
              "a\u0000",
              "a",
              "\uffff\uffff",
              "a".repeat(12),
              "a".repeat(13),
            ),
          ),
          { maxLength: 300 },
        ),
        (strings) => {
          const { number, ids } = numberAll(strings);
          expect([...number]).toEqual(reference(strings));
          expect(ids).toEqual([...new Set(strings)]);
        },
      ),
    );
  });

  it("partitions large columns: 50,000 rows, short and long ids, equal hashes impossible to confuse", () => {
    const strings: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      strings.push(
        i % 11 === 0 ? `a-rather-long-customer-id-${i % 3000}` : `C${(i * 7919) % 20_000}`,
      );
    }
    const { number, ids } = numberAll(strings);
    expect([...number]).toEqual(reference(strings));
    expect(ids.length).toBe(new Set(strings).size);
  });

  it("keeps ids apart that differ only after the packed words or by a trailing NUL", () => {
    const strings = [
      "ab",
      "ab\u0000",
      "ab",
      "abcdefghijkl",
      "abcdefghijkm",
      "abcdefghijkl\u0000",
      "",
      "",
    ];
    const { number } = numberAll(strings);
    expect([...number]).toEqual(reference(strings));
  });

  it("keeps ids with the same 32-bit hash apart (the key words decide)", () => {
    // "C114305" and "C1020260" collide in the full FNV-1a + mix hash (found by search).
    const strings = ["C114305", "x", "C1020260", "C114305", "C1020260", "y"];
    const { number, ids } = numberAll(strings);
    expect([...number]).toEqual([0, 1, 2, 0, 2, 3]);
    expect(ids).toEqual(["C114305", "x", "C1020260", "y"]);
  });

  it("numbers long ids (UUIDs, e-mails: the Map path) mixed with short ones exactly", () => {
    const longId = fc.oneof(
      fc.uuid(),
      fc.emailAddress(),
      fc.constantFrom(
        "customer-000000001",
        "customer-000000002",
        "a".repeat(13),
        `${"a".repeat(12)}b`,
      ),
      fc.string({ unit: "binary", minLength: 13, maxLength: 16 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(longId, fc.string({ maxLength: 4 })), { maxLength: 200 }),
        (strings) => {
          const { number, ids } = numberAll(strings);
          expect([...number]).toEqual(reference(strings));
          expect(ids).toEqual([...new Set(strings)]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

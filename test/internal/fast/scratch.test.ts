import { describe, expect, it } from "vitest";
import { type Scratch, withScratch } from "../../../src/internal/fast/scratch.js";

describe("scratch arrays", () => {
  it("reuse one buffer per name while it is large enough, and a new one when it is not", () => {
    withScratch((scratch) => {
      const a = scratch.int32("test.a", 1000);
      expect(a.length).toBe(1000);
      a[999] = 7;
      const again = scratch.int32("test.a", 500);
      expect(again.buffer).toBe(a.buffer);
      expect(again.length).toBe(500);
      const other = scratch.int32("test.b", 500);
      expect(other.buffer).not.toBe(a.buffer);
      const bigger = scratch.int32("test.a", 100_000);
      expect(bigger.length).toBe(100_000);
      expect(bigger.buffer).not.toBe(a.buffer);
      expect(scratch.float64("test.f", 3).length).toBe(3);
      expect(scratch.uint8("test.u", 5).length).toBe(5);
      expect(scratch.uint32("test.w", 4).length).toBe(4);
    });
  });

  it("reuses a buffer across calls at the same nesting level", () => {
    const first = withScratch((scratch) => scratch.int32("test.level", 64).buffer);
    const second = withScratch((scratch) => scratch.int32("test.level", 64).buffer);
    expect(second).toBe(first);
  });

  it("never gives a nested call a buffer that an enclosing call holds (re-entrancy)", () => {
    withScratch((outer) => {
      const a = outer.int32("test.nested", 16).fill(1);
      const inner = withScratch((nested) => {
        const b = nested.int32("test.nested", 16).fill(2);
        expect(b.buffer).not.toBe(a.buffer);
        // Two levels deep: a third buffer.
        withScratch((deeper) => {
          const c = deeper.int32("test.nested", 16).fill(3);
          expect(c.buffer).not.toBe(a.buffer);
          expect(c.buffer).not.toBe(b.buffer);
        });
        return b.buffer;
      });
      expect([...a]).toEqual(new Array(16).fill(1));
      // After the nested call, a second nested call reuses the nested level's buffer.
      expect(withScratch((again) => again.int32("test.nested", 16).buffer)).toBe(inner);
    });
  });

  it("releases its level when the body throws", () => {
    const before = withScratch((scratch) => scratch.int32("test.throw", 8).buffer);
    expect(() =>
      withScratch(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    // Back at level 0: the same buffer as before the throw.
    expect(withScratch((scratch) => scratch.int32("test.throw", 8).buffer)).toBe(before);
  });

  it("refuses memory from a lease whose call has returned", () => {
    let leaked: Scratch | undefined;
    withScratch((scratch) => {
      leaked = scratch;
    });
    expect(() => leaked!.int32("test.closed", 4)).toThrow(/after its call returned/);
  });
});

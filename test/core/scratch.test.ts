import { describe, expect, it } from "vitest";
import { scratchFloat64, scratchInt32, scratchUint8 } from "../../src/core/scratch.js";

describe("scratch arrays", () => {
  it("reuse one buffer per name while it is large enough, and a new one when it is not", () => {
    const a = scratchInt32("test.a", 1000);
    expect(a.length).toBe(1000);
    a[999] = 7;
    const again = scratchInt32("test.a", 500);
    expect(again.buffer).toBe(a.buffer);
    expect(again.length).toBe(500);
    const other = scratchInt32("test.b", 500);
    expect(other.buffer).not.toBe(a.buffer);
    const bigger = scratchInt32("test.a", 100_000);
    expect(bigger.length).toBe(100_000);
    expect(bigger.buffer).not.toBe(a.buffer);
    expect(scratchFloat64("test.f", 3).length).toBe(3);
    expect(scratchUint8("test.u", 5).length).toBe(5);
  });
});

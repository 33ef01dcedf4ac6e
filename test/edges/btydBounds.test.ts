import { describe, it } from "vitest";
import { runBounds } from "./btydBoundsProperty.js";

// Fast copy of test/slow/btydBounds.test.ts (same property, fewer runs); see btydBoundsProperty.ts.
describe("BG/NBD and MBG/NBD predictions keep their bounds (fast-check, fixed seed)", () => {
  it("0 ≤ E[X(t)] ↑ t, 0 ≤ P(alive) ≤ 1, 0 ≤ E[Y(t)|·] ↑ t ≤ P(alive)Rt/A, DERT ≤ P(alive)E[λ]/δ", () => {
    runBounds(150, 23);
  });
});

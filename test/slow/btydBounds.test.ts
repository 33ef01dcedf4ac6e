import { describe, it } from "vitest";
import { runBounds } from "../edges/btydBoundsProperty.js";

// Slow suite (npm run test:slow): the bound properties of test/edges/btydBoundsProperty.ts over
// many more random models and customers, two fixed seeds.
describe("BG/NBD and MBG/NBD predictions keep their bounds over the accepted parameter space", () => {
  it("seed 23, 3,000 cases", () => {
    runBounds(3000, 23);
  });
  it("seed 2026, 3,000 cases", () => {
    runBounds(3000, 2026);
  });
});

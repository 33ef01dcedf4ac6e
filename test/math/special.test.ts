import { describe, expect, it } from "vitest";
import { digamma, lnBeta, lnGamma, logSumExp, trigamma } from "../../src/math/special.js";

// Test values: 40-digit high-precision references [C] for lnΓ, ψ, ψ₁ and ln B.
describe("lnGamma", () => {
  it.each([
    [0.2425929282798216, 1.319816296661302],
    [1.5, -0.12078223763524522],
    [29.242592928279823, 68.703448078352379],
    [1029.24259292828, 6107.6301417300617],
    [1e6, 12815504.569147612],
  ])("lnΓ(%d)", (x, expected) => {
    expect(Math.abs(lnGamma(x) - expected)).toBeLessThanOrEqual(
      1e-14 * Math.max(1, Math.abs(expected)) * 4,
    );
  });
  it("matches ln of factorials", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });
});

describe("digamma and trigamma", () => {
  it("known values", () => {
    // ψ(1) = −γ (Euler–Mascheroni), ψ₁(1) = π²/6
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(trigamma(1)).toBeCloseTo((Math.PI * Math.PI) / 6, 12);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 13);
  });
  it("digamma is the derivative of lnGamma", () => {
    for (const x of [0.3, 2.7, 41]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 7);
    }
  });
});

describe("logSumExp", () => {
  it("does not overflow", () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expIntegralJ, logExpIntegralJ } from "../../src/math/expIntegral.js";
import { gaussLaguerre, gaussLegendre } from "../../src/math/quadrature.js";

const rel = (value: number, expected: number): number =>
  Math.abs(value - expected) / Math.abs(expected);

describe("Gaussian quadrature rules", () => {
  it("64-point Gauss–Legendre integrates x^k exactly up to degree 127", () => {
    const { nodes, weights } = gaussLegendre(64);
    for (const k of [0, 2, 10, 40, 126]) {
      let sum = 0;
      for (let i = 0; i < 64; i++) sum += weights[i]! * nodes[i]! ** k;
      expect(rel(sum, 2 / (k + 1))).toBeLessThan(1e-13);
    }
    expect(gaussLegendre(64)).toBe(gaussLegendre(64)); // computed once
  });
  it("32-point Gauss–Laguerre integrates e^{−y} y^k exactly (k! ) up to degree 63", () => {
    const { nodes, weights } = gaussLaguerre(32);
    let factorial = 1;
    for (let k = 0; k <= 20; k++) {
      if (k > 0) factorial *= k;
      let sum = 0;
      for (let i = 0; i < 32; i++) sum += weights[i]! * nodes[i]! ** k;
      expect(rel(sum, factorial)).toBeLessThan(1e-12);
    }
  });
});

describe("expIntegralJ", () => {
  // 40-digit high-precision test values [C]
  it.each([
    [0.4081095, 0.23861197296, 2.5032082586837447],
    [0.6062134688357712, 0.13580535558206283, 2.865999232426021],
    [0.41, 1e-4, 344.85402592265993],
    [1, 1, 0.59634736232319407],
    [30.24, 0.1, 0.034079065448489811],
    [2, 0.01, 0.95921488556543574],
  ])("J_%d(%d)", (s, Z, expected) => {
    expect(rel(expIntegralJ(s, Z), expected)).toBeLessThan(1e-14);
  });
  it("J_0(Z) = 1/Z and J_1(Z) = e^Z E₁(Z) bounds; matches the continued fraction for Z ≥ 1 (property)", () => {
    expect(rel(expIntegralJ(0, 0.37), 1 / 0.37)).toBeLessThan(1e-14);
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1000, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (s, Z) => {
          // Independent route, a continued fraction of E_s (DLMF §8.19): J_s(Z) = 1/(Z+s − 1·s/(Z+s+2 − 2(s+1)/(Z+s+4 − …)))
          let f = Z + s;
          let C = f;
          let D = 0;
          for (let m = 1; m < 2000; m++) {
            const a = -m * (s + m - 1);
            const b = Z + s + 2 * m;
            D = 1 / (b + a * D);
            C = b + a / C;
            f *= C * D;
            if (Math.abs(C * D - 1) < 1e-16) break;
          }
          expect(rel(expIntegralJ(s, Z), 1 / f)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });
  it("is decreasing in Z and in s, and NaN outside the domain", () => {
    expect(expIntegralJ(0.6, 0.1)).toBeGreaterThan(expIntegralJ(0.6, 0.2));
    expect(expIntegralJ(0.6, 0.1)).toBeGreaterThan(expIntegralJ(0.7, 0.1));
    expect(logExpIntegralJ(0.6, 0)).toBeNaN();
  });
});

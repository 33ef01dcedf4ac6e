import { describe, expect, it } from "vitest";
import { hessianFromGradient, invertMatrix, minimizeBfgs } from "../../src/math/optimize.js";

describe("minimizeBfgs", () => {
  it("finds the minimum of the Rosenbrock function", () => {
    const result = minimizeBfgs(
      (x, g) => {
        const a = x[0]!;
        const b = x[1]!;
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      [-1.2, 1],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });
  it("treats non-finite values as outside the domain", () => {
    // f(x) = x − ln x has its minimum at 1 and is undefined for x ≤ 0.
    const result = minimizeBfgs(
      (x, g) => {
        const v = x[0]!;
        g[0] = 1 - 1 / v;
        return v > 0 ? v - Math.log(v) : Number.NaN;
      },
      [8],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });
  it("reports non-convergence instead of throwing", () => {
    const result = minimizeBfgs(
      (x, g) => {
        g[0] = -1;
        return -x[0]!;
      },
      [0],
      { maxIterations: 5 },
    );
    expect(result.converged).toBe(false);
  });
});

describe("hessianFromGradient and invertMatrix", () => {
  it("recover a quadratic form and its inverse", () => {
    // f = x² + x·y + 2y²  → H = [[2, 1], [1, 4]], H⁻¹ = [[4, −1], [−1, 2]] / 7
    const H = hessianFromGradient(
      (x, g) => {
        g[0] = 2 * x[0]! + x[1]!;
        g[1] = x[0]! + 4 * x[1]!;
        return x[0]! ** 2 + x[0]! * x[1]! + 2 * x[1]! ** 2;
      },
      [0.3, -0.2],
    );
    expect(Array.from(H).map((v) => Number(v.toFixed(8)))).toEqual([2, 1, 1, 4]);
    const inv = invertMatrix(H, 2)!;
    expect(inv[0]).toBeCloseTo(4 / 7, 8);
    expect(inv[1]).toBeCloseTo(-1 / 7, 8);
    expect(invertMatrix([1, 2, 2, 4], 2)).toBeUndefined();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hyp2f1, logHyp2f1 } from "../../src/math/hypergeometric.js";
import { regularizedIncompleteBeta } from "../../src/math/incompleteBeta.js";

const rel = (value: number, expected: number): number =>
  Math.abs(value - expected) / Math.abs(expected);

// Reference values [C]: mpmath 1.3 `hyp2f1` at 40 significant digits, covering every branch of the
// strategy of docs/numerics.md, "₂F₁" (direct series, Euler in logs, unit-parameter continued fraction,
// the 1 − z transformation, terminating polynomials, negative values, Pfaff for z < 0).
// Columns: a, b, c, z, F, ln |F|.
const cases: [string, number, number, number, number, number, number][] = [
  [
    "Pareto/NBD G(τ) family",
    1,
    2.553275541444536,
    4.159489010280307,
    0.05,
    1.0317896857031575,
    0.031294853367474517,
  ],
  [
    "BG/NBD new customer, z = 0.898",
    1.9760454207862135,
    -0.20711403355941493,
    2.218638349066035,
    0.898,
    0.69261314678871316,
    -0.36728366540258252,
  ],
  [
    "BG/NBD new customer, z = 0.9999 (1 − z)",
    1.9760454207862135,
    -0.20711403355941493,
    2.218638349066035,
    0.9999,
    0.47490704583132147,
    -0.74463618708455844,
  ],
  [
    "BG/NBD untransformed x = 29 (Euler)",
    29.242592928279823,
    31.42575238262545,
    31.218638349066033,
    0.62,
    2352994587954.7625,
    28.486709925609404,
  ],
  [
    "value 1e1058 (Euler in logs)",
    1000.5,
    1001.4,
    3.2,
    0.5,
    Number.POSITIVE_INFINITY,
    2436.2027583636718,
  ],
  [
    "unit parameter, z = 0.999 (continued fraction)",
    1,
    3.5,
    4.7,
    0.999,
    11.766454644038964,
    2.4652526561885974,
  ],
  ["unit parameter, z = 1 − 10⁻⁶", 1, 3.5, 4.7, 0.999999, 16.794628008271851, 2.8210590738622421],
  ["negative parameter, z = 0.995", 2.3, -1.7, 0.4, 0.995, 7.5872531872863863, 2.0264696269980755],
  ["Euler then 1 − z, z = 0.9995", 0.3, 0.4, 0.2, 0.9995, 54.578612430677527, 3.9996420922871431],
  ["negative a, direct series", -0.3, 0.5, 0.4, 0.7, 0.60877453169140184, -0.49630730693093036],
  ["polynomial with negative value", -3, 2.5, 1.5, 0.9, -0.016999999999999993, -4.0745419349259214],
  ["negative c, negative value", 0.5, 0.7, -0.3, 0.6, -2.3717082451262838, 0.86361047404524161],
  ["z < 0 (Pfaff)", 0.5, 0.7, 1.9, -3, 0.7335874962650894, -0.30980840253479856],
  [
    "integer m at z = 0.9999 (known limitation: direct series)",
    30.2,
    1.5,
    31.7,
    0.9999,
    882.53509104600123,
    6.782798551241846,
  ],
  ["1 − z at z = 0.99999", 0.7, 0.9, 3.1, 0.99999, 1.4230088511014037, 0.35277353911746711],
];

describe("hyp2f1 and logHyp2f1 against 40-digit references", () => {
  it.each(cases)("%s", (_name, a, b, c, z, value, logAbs) => {
    // The continued fraction is accurate to ≤ 1e-11 at z = 1 − 10⁻⁶, 3e-13 below (measured against
    // the mpmath values above).
    const tolerance = z > 0.99999 ? 2e-11 : 1e-12;
    if (Number.isFinite(value)) expect(rel(hyp2f1(a, b, c, z), value)).toBeLessThan(tolerance);
    else expect(hyp2f1(a, b, c, z)).toBe(Number.POSITIVE_INFINITY);
    if (value > 0) {
      expect(Math.abs(logHyp2f1(a, b, c, z) - logAbs)).toBeLessThan(
        Math.max(tolerance, 2e-13) * Math.max(1, Math.abs(logAbs)),
      );
    } else {
      // Negative values are evaluated without logarithms; the log form refuses them.
      expect(logHyp2f1(a, b, c, z)).toBeNaN();
    }
  });
});

describe("hyp2f1 elementary closed forms and identities", () => {
  it("terminating cases and z = 0", () => {
    expect(hyp2f1(0, 3.2, 1.5, 0.7)).toBe(1);
    expect(hyp2f1(2.5, 3.2, 1.5, 0)).toBe(1);
    // F(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const [b, c, z] = [2.5, 1.5, 0.4];
    expect(
      rel(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1))),
    ).toBeLessThan(1e-15);
  });
  it("₂F₁(1, 1; 2; z) = −ln(1 − z)/z on every branch", () => {
    for (const z of [1e-6, 0.1, 0.5, 0.9, 0.99, 0.995, 0.9999, 1 - 1e-7]) {
      // continued fraction beyond z = 0.9999: ≤ 1e-11
      expect(rel(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(z > 0.9999 ? 2e-11 : 1e-13);
    }
  });
  it("₂F₁(a, b; b; z) = (1 − z)^{−a}", () => {
    for (const z of [0.3, 0.95, 0.999]) {
      expect(Math.abs(logHyp2f1(2.7, 1.3, 1.3, z) + 2.7 * Math.log1p(-z))).toBeLessThan(1e-12);
    }
  });
  it("₂F₁(1/2, 1; 3/2; −x²) = arctan(x)/x and ₂F₁(1/2, 1/2; 3/2; x²) = arcsin(x)/x", () => {
    for (const x of [0.2, 0.9, 3])
      expect(rel(hyp2f1(0.5, 1, 1.5, -x * x), Math.atan(x) / x)).toBeLessThan(1e-13);
    for (const x of [0.2, 0.9, 0.999])
      expect(rel(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-12);
  });
  it("is symmetric in a and b, and satisfies Euler and Pfaff (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 30, noNaN: true }),
        fc.double({ min: 0.05, max: 30, noNaN: true }),
        fc.double({ min: 0.1, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (a, b, c, z) => {
          const f = logHyp2f1(a, b, c, z);
          expect(Math.abs(logHyp2f1(b, a, c, z) - f)).toBeLessThan(
            1e-12 * Math.max(1, Math.abs(f)),
          );
          // Euler: F(a,b;c;z) = (1−z)^{c−a−b} F(c−a, c−b; c; z), checked where the right-hand series
          // has positive terms (otherwise it is an alternating series with cancellation, §7.2 step 2)
          const euler = hyp2f1(c - a, c - b, c, z) * Math.exp((c - a - b) * Math.log1p(-z));
          if (c > a && c > b && Number.isFinite(euler) && Math.abs(f) < 600) {
            expect(Math.abs(euler - Math.exp(f))).toBeLessThan(1e-9 * Math.exp(f));
          }
          // Pfaff: F(a,b;c;z) = (1−z)^{−a} F(a, c−b; c; z/(z−1))
          const pfaff = hyp2f1(a, c - b, c, z / (z - 1)) * Math.exp(-a * Math.log1p(-z));
          if (c > b && Number.isFinite(pfaff) && Math.abs(f) < 600) {
            expect(Math.abs(pfaff - Math.exp(f))).toBeLessThan(1e-9 * Math.exp(f));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it("returns NaN outside the domain", () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(1, Number.NaN, 2, 0.5)).toBeNaN();
  });
});

describe("regularizedIncompleteBeta", () => {
  // Reference values [C]: mpmath 1.3 `betainc(…, regularized=True)` at 40 digits.
  it.each([
    [0.3, 2, 3, 0.3483],
    [0.9, 0.5, 0.5, 0.79516723530086657],
    [0.01, 10, 0.55, 2.1774434734352729e-21],
    [0.5, 30, 0.2425929282798216, 3.1160678352282009e-11],
    [0.0476, 10, 0.243, 2.8653082108775193e-15],
    [0.97, 0.3, 0.3, 0.80533037779124709],
    [0.9, 40, 0.5532755414445361, 0.0045552153585926581],
    [0.6, 7, 2, 0.10637568],
  ])("I_%d(%d, %d)", (z, a, b, expected) => {
    expect(rel(regularizedIncompleteBeta(z, a, b), expected)).toBeLessThan(2e-12);
  });
  it("closed forms: I_z(1, 1) = z, I_z(a, 1) = z^a, I_z(1, b) = 1 − (1 − z)^b", () => {
    for (const z of [0.01, 0.3, 0.77, 0.999]) {
      expect(rel(regularizedIncompleteBeta(z, 1, 1), z)).toBeLessThan(1e-14);
      expect(rel(regularizedIncompleteBeta(z, 3.5, 1), z ** 3.5)).toBeLessThan(1e-13);
      expect(
        rel(regularizedIncompleteBeta(z, 1, 2.5), -Math.expm1(2.5 * Math.log1p(-z))),
      ).toBeLessThan(1e-13);
    }
  });
  it("symmetry I_z(a, b) = 1 − I_{1−z}(b, a) and range [0, 1] (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (a, b, z) => {
          const v = regularizedIncompleteBeta(z, a, b);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(Math.abs(v + regularizedIncompleteBeta(1 - z, b, a) - 1)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
  it("edges and domain", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(0.5, -1, 3)).toBeNaN();
  });
});

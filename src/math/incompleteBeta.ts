/**
 * The regularised incomplete beta function I_z(a, b), by the continued fraction of DLMF 8.17.22
 * (NIST Digital Library of Mathematical Functions, §8.17) evaluated with the modified Lentz method,
 * the prefactor z^a (1 − z)^b / (a B(a, b)) formed in logarithms
 * (Press et al. 2007, Numerical Recipes, 3rd ed., §6.4, for the choice of side).
 * @internal
 * @module
 */
import { lnBeta } from "./special.js";

const MAX_STEPS = 100_000;

/** Continued fraction 1/(1 + d₁/(1 + d₂/(1 + …))) of DLMF 8.17.22, by modified Lentz. */
function continuedFraction(z: number, a: number, b: number): number {
  const tiny = 1e-300;
  let C = 1;
  let D = 0;
  let f = 1; // f = 1 + K(d_m / 1); the fraction is 1/f
  for (let step = 1; step <= MAX_STEPS; step++) {
    let d: number;
    if (step % 2 === 1) {
      const m = (step - 1) / 2;
      d = -((a + m) * (a + b + m) * z) / ((a + 2 * m) * (a + 2 * m + 1));
    } else {
      const m = step / 2;
      d = (m * (b - m) * z) / ((a + 2 * m - 1) * (a + 2 * m));
    }
    D = 1 + d * D;
    if (D === 0) D = tiny;
    D = 1 / D;
    C = 1 + d / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

function direct(z: number, a: number, b: number): number {
  const logPrefactor = a * Math.log(z) + b * Math.log1p(-z) - Math.log(a) - lnBeta(a, b);
  return Math.exp(logPrefactor) * continuedFraction(z, a, b);
}

/**
 * I_z(a, b) = (1/B(a, b)) ∫₀^z u^{a−1}(1−u)^{b−1} du for a, b > 0 and 0 ≤ z ≤ 1. Uses the
 * continued fraction when z < (a+1)/(a+b+2) and I_z(a, b) = 1 − I_{1−z}(b, a) otherwise.
 * Measured accuracy: ≤ 2·10⁻¹² relative (test/math/hypergeometric.test.ts). Returns `NaN` outside the domain.
 * @internal
 */
export function regularizedIncompleteBeta(z: number, a: number, b: number): number {
  if (!(a > 0 && b > 0 && z >= 0 && z <= 1) || !Number.isFinite(a) || !Number.isFinite(b)) {
    return Number.NaN;
  }
  if (z === 0) return 0;
  if (z === 1) return 1;
  if (z < (a + 1) / (a + b + 2)) return Math.min(1, direct(z, a, b));
  return Math.max(0, 1 - direct(1 - z, b, a));
}

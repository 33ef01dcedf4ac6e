/**
 * ₂F₁(1, b; A + b; z), the discounted survival sum of the beta-geometric family: with θ ~ Beta(A, b),
 * `Σ_{k≥0} E[(1−θ)^k] z^k`. The sBG's expected discounted lifetime and the BG/BB's DERT are this
 * function at z = 1/(1 + d).
 * @internal
 * @module
 */

/** Most continued-fraction steps (z = 1/(1 + 10⁻⁶) needs about 14,000). */
const MAX_STEPS = 1_000_000;

/**
 * ₂F₁(1, b; A + b; z) for A > 0, b > 0, 0 ≤ z < 1, by Gauss's continued fraction (Wall 1948,
 * Analytic Theory of Continued Fractions, eq. 89.9), evaluated by the modified Lentz method.
 *
 * Written in terms of A = c − b rather than c, so that a small A is not absorbed when b is large,
 * and with each partial numerator formed as a product of ratios (no overflow for parameters near
 * float64's limit). The value is `Σ_k (b)_k/(A+b)_k z^k ≤ 1/(1 − z)`, finite for every accepted
 * input. Returns `NaN` when the fraction has not converged in {@link MAX_STEPS} steps (callers
 * throw).
 * @internal
 */
export function unitHypergeometric(A: number, b: number, z: number): number {
  const c = A + b;
  if (!Number.isFinite(c)) return Number.NaN; // A + b beyond float64: b/c would read as 0
  const tiny = 1e-300;
  let f = 1;
  let C = 1;
  let D = 0;
  for (let m = 1; m <= MAX_STEPS; m++) {
    let k: number;
    if (m % 2 === 1) {
      const j = (m - 1) / 2;
      k = j === 0 ? b / c : ((b + j) / (c + (2 * j - 1))) * ((c + (j - 1)) / (c + 2 * j));
    } else {
      const j = m / 2;
      k = (j / (c + (2 * j - 2))) * ((A + (j - 1)) / (c + (2 * j - 1)));
    }
    const am = -k * z;
    D = 1 + am * D;
    if (D === 0) D = tiny;
    D = 1 / D;
    C = 1 + am / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    // converged when the last factor is 1 to within one ulp (a tighter test can cycle forever)
    if (Math.abs(delta - 1) <= Number.EPSILON) return 1 / f;
  }
  return Number.NaN;
}

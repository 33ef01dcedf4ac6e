/**
 * Chi-square tail probabilities for goodness-of-fit and likelihood-ratio tests.
 * @internal
 * @module
 */
import { lnGamma } from "./special.js";

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): power series for x < a + 1, Lentz
 * continued fraction above (Press et al. 2007, Numerical Recipes, §6.2).
 * @internal
 */
export function upperGammaRegularized(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnFront = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 10_000; k++) {
      term *= x / (a + k);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.max(0, 1 - Math.exp(lnFront) * sum);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.exp(lnFront) * h);
}

/** P(χ²_df ≥ x) = Q(df/2, x/2). @internal */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  return upperGammaRegularized(degreesOfFreedom / 2, x / 2);
}

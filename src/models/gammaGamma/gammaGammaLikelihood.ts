/**
 * One customer's Gamma-Gamma log-likelihood (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"):
 * the definition that `fitGammaGamma`'s objective sums over compressed rows.
 * @internal
 * @module
 */
import { lnGamma } from "../../math/special.js";
import type { GammaGammaParams } from "../types.js";

/**
 * ℓ(p, q, v | x, z̄) = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln z̄ + px ln x − (px+q) ln(v + x z̄),
 * the log-density of the mean z̄ of x ≥ 1 repeat transactions (z̄ | ν ~ Gamma(px, νx),
 * ν ~ Gamma(q, v)).
 * @internal
 */
export function gammaGammaLogLikelihood(q: GammaGammaParams, x: number, mean: number): number {
  const px = q.p * x;
  return (
    lnGamma(px + q.q) -
    lnGamma(px) -
    lnGamma(q.q) +
    q.q * Math.log(q.v) +
    (px - 1) * Math.log(mean) +
    px * Math.log(x) -
    (px + q.q) * Math.log(q.v + x * mean)
  );
}

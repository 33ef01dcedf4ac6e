/**
 * One customer's shifted-beta-geometric log-likelihood (Fader & Hardie 2007, "How to project
 * customer retention", eqs. 5–7): the term `fitSbg`'s objective adds per customer, in closed form.
 * @internal
 * @module
 */
import { lnBeta } from "../../math/special.js";

/**
 * ℓ(α, β | t, churned): `ln P(T = t) = ln B(α+1, β+t−1) − ln B(α, β)` for a customer who cancelled
 * at the end of period t (t ≥ 1), `ln S(t) = ln B(α, β+t) − ln B(α, β)` for one still active after
 * t renewals (0 at t = 0).
 * @internal
 */
export function sbgLogLikelihood(alpha: number, beta: number, t: number, churned: boolean): number {
  if (churned) return lnBeta(alpha + 1, beta + (t - 1)) - lnBeta(alpha, beta);
  return t === 0 ? 0 : lnBeta(alpha, beta + t) - lnBeta(alpha, beta);
}

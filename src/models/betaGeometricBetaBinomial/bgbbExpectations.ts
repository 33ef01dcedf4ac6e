/**
 * BG/BB predictions for one discrete-time history (Fader, Hardie & Shang 2010, "Customer-base
 * analysis in a discrete-time noncontractual setting"): P(alive), expected transactions
 * for a new and for an observed customer, the transaction-count distribution and DERT.
 * @internal
 * @module
 */
import { lnBeta, lnGamma } from "../../math/special.js";
import { unitHypergeometric } from "../../math/unitHypergeometric.js";
import { bgbbLogLikelihood } from "./bgbbLikelihood.js";
import type { BgBbParams } from "./fitBetaGeometricBetaBinomial.js";

/**
 * P(alive at opportunity n + m | x, t_x, n) = B(α+x, β+n−x)/B(α,β)·B(γ, δ+n+m)/B(γ,δ) / L
 * (Fader, Hardie & Shang 2010). `m = 0`: alive at the last observed opportunity; `m = 1`: at the next one.
 * @internal
 */
export function bgbbProbabilityAlive(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  m = 0,
): number {
  const { alpha, beta, gamma, delta } = p;
  const ell = bgbbLogLikelihood(p, x, tx, n);
  const lnNum =
    lnBeta(alpha + x, beta + (n - x)) +
    lnBeta(gamma, delta + (n + m)) -
    lnBeta(alpha, beta) -
    lnBeta(gamma, delta);
  return Math.min(1, Math.exp(lnNum - ell));
}

/** Σ_{k=from+1}^{to} B(γ, δ+k)/B(γ, δ), by the ratio recursion B(γ,δ+k+1)/B(γ,δ+k) = (δ+k)/(γ+δ+k). */
function survivalSum(gamma: number, delta: number, from: number, to: number, lnScale = 0): number {
  // e^{lnScale}·B(γ, δ+from)/B(γ, δ) in logs once (the scale joins in logs, so a huge factor times
  // a tiny sum, as at δ near 0, neither overflows nor underflows), then the recursion.
  let term = Math.exp(
    lnScale +
      lnGamma(delta + from) -
      lnGamma(delta) +
      lnGamma(gamma + delta) -
      lnGamma(gamma + delta + from),
  );
  let sum = 0;
  for (let k = from + 1; k <= to; k++) {
    term /= 1 + gamma / (delta + (k - 1));
    sum += term;
  }
  return sum;
}

/**
 * Expected transactions of a new customer in n opportunities:
 * `E[X(n)] = α/(α+β)·Σ_{t=1}^{n} B(γ, δ+t)/B(γ, δ)` (Fader, Hardie & Shang 2010; a finite sum, valid for every γ).
 * @internal
 */
export function bgbbExpected(p: BgBbParams, n: number): number {
  return (p.alpha / (p.alpha + p.beta)) * survivalSum(p.gamma, p.delta, 0, n);
}

/**
 * P(X(n) = x) for a new customer (Fader, Hardie & Shang 2010):
 * `C(n,x)·B(α+x, β+n−x)/B(α,β)·B(γ, δ+n)/B(γ,δ) + Σ_{i=x}^{n−1} C(i,x)·B(α+x, β+i−x)/B(α,β)·B(γ+1, δ+i)/B(γ,δ)`.
 * The terms of the sum follow each other by a ratio of three rational factors, accumulated in logs
 * (one `Math.log` per term, no special function in the loop), so the cost is O(n − x) cheap steps.
 * @internal
 */
export function bgbbPurchaseCountProbability(p: BgBbParams, x: number, n: number): number {
  if (x > n) return 0;
  const { alpha, beta, gamma, delta } = p;
  const lnNorm = lnBeta(alpha, beta) + lnBeta(gamma, delta);
  const lnChoose = (a: number, b: number) => lnGamma(a + 1) - lnGamma(b + 1) - lnGamma(a - b + 1);
  const alive = lnChoose(n, x) + lnBeta(alpha + x, beta + (n - x)) + lnBeta(gamma, delta + n);
  // i = x: C(x, x) = 1
  let term = lnBeta(alpha + x, beta) + lnBeta(gamma + 1, delta + x);
  let max = alive;
  let sum = 1; // Σ e^{term − max}, starting with the alive term
  for (let i = x; i < n; i++) {
    if (term > max) {
      sum = sum * Math.exp(max - term) + 1;
      max = term;
    } else {
      sum += Math.exp(term - max);
    }
    const b = beta + (i - x);
    const d = delta + i;
    term += Math.log((((i + 1) / (i + 1 - x)) * b * d) / ((alpha + x + b) * (gamma + 1 + d)));
  }
  return Math.min(1, Math.exp(max + Math.log(sum) - lnNorm));
}

/**
 * Conditional expected transactions in the next n* opportunities (Fader, Hardie & Shang 2010):
 * `E[X(n, n+n*) | x, t_x, n] = B(α+x+1, β+n−x)/B(α,β) / L · Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ,δ)`.
 * @internal
 */
export function bgbbConditionalExpected(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  nStar: number,
): number {
  const { alpha, beta, gamma, delta } = p;
  const ell = bgbbLogLikelihood(p, x, tx, n);
  const lnFront = lnBeta(alpha + (x + 1), beta + (n - x)) - lnBeta(alpha, beta) - ell;
  return survivalSum(gamma, delta, n, n + nStar, lnFront);
}

/**
 * DERT with per-opportunity discount rate d (Fader, Hardie & Shang 2010): opportunity n + k discounted by
 * (1+d)^{−k}; `B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+1)/(B(γ,δ)(1+d)) · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L`.
 * @internal
 */
export function bgbbDert(p: BgBbParams, x: number, tx: number, n: number, d: number): number {
  const { alpha, beta, gamma, delta } = p;
  const ell = bgbbLogLikelihood(p, x, tx, n);
  const lnFront =
    lnBeta(alpha + (x + 1), beta + (n - x)) -
    lnBeta(alpha, beta) +
    lnBeta(gamma, delta + (n + 1)) -
    lnBeta(gamma, delta) -
    Math.log1p(d) -
    ell;
  return Math.exp(lnFront) * unitHypergeometric(gamma, delta + (n + 1), 1 / (1 + d));
}

/**
 * P(X(n, n+n*) = k | x, t_x, n), the number of transactions in the next n* opportunities. Given
 * alive at n the posterior is p ~ Beta(α+x, β+n−x), θ ~ Beta(γ, δ+n) (independent: the history's
 * likelihood while alive is p^x (1−p)^{n−x} (1−θ)^n) and the future is a new BG/BB customer's, so
 * `P = (1 − A)·1[k=0] + A·P(X(n*) = k | α+x, β+n−x, γ, δ+n)`, A = P(alive at n) (derived here from
 * Fader, Hardie & Shang 2010, eqs. 8 and 11; its mean is their eq. 13).
 * @internal
 */
export function bgbbConditionalPurchaseCountProbability(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  k: number,
  nStar: number,
): number {
  const alive = bgbbProbabilityAlive(p, x, tx, n);
  const posterior = {
    alpha: p.alpha + x,
    beta: p.beta + (n - x),
    gamma: p.gamma,
    delta: p.delta + n,
  };
  const ifAlive = alive === 0 ? 0 : bgbbPurchaseCountProbability(posterior, k, nStar);
  return Math.min(1, (k === 0 ? 1 - alive : 0) + alive * ifAlive);
}

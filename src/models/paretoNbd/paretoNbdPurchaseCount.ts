/**
 * The Pareto/NBD purchase-count distribution P(X(t) = n) for a new customer and
 * P(Y(t) = n | x, t_x, T) for an observed one (Fader & Hardie, "Deriving an expression for
 * P(X(t) = x) under the Pareto/NBD model"), in logs; the ₂F₁ near z = 1 and the family recurrence
 * are described in `docs/numerics.md`.
 * @internal
 * @module
 */
import { logHyp2f1Complement, logHyp2f1Family } from "../../math/hypergeometric.js";
import { gaussLaguerre } from "../../math/quadrature.js";
import { lnBeta, lnGamma, lnPochhammer } from "../../math/special.js";
import type { ParetoNbdParams } from "../types.js";
import { paretoNbdProbabilityAlive } from "./paretoNbdExpectations.js";

/**
 * ln[Γ(r+n)/(Γ(r)·n!)], the log of the negative-binomial coefficient. For large n the difference
 * ln Γ(n+1+h) − ln Γ(n+1), h = r − 1, is formed from Stirling's series term by term,
 * `h·ln(n+1) + (n+h+½)·ln1p(h/(n+1)) − h + S(n+1+h) − S(n+1)`, so its absolute error stays at
 * rounding level of the result instead of ε·n·ln n (two ln Γ of size 10¹⁷ at n = 10¹⁶ would leave
 * no correct digit).
 */
function lnNegativeBinomialCoefficient(r: number, n: number): number {
  if (n <= 1e4 || !(Math.abs(r - 1) < n)) return lnPochhammer(r, n) - lnGamma(n + 1);
  const b = n + 1;
  const h = r - 1;
  const series = (z: number) => {
    const inv2 = 1 / (z * z);
    return (1 / z) * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  };
  const lnRatio =
    h * Math.log(b) + (b + h - 0.5) * Math.log1p(h / b) - h + (series(b + h) - series(b));
  return lnRatio - lnGamma(r);
}

/** ln NB(n; r, α, t) = ln Γ(r+n) − ln Γ(r) − ln n! + r ln(α/(α+t)) + n ln(t/(α+t)). */
function logNegativeBinomial(n: number, r: number, alpha: number, t: number): number {
  const lnAt = Math.log(alpha + t);
  return (
    lnNegativeBinomialCoefficient(r, n) +
    r * (Math.log(alpha) - lnAt) +
    (n === 0 ? 0 : n * (Math.log(t) - lnAt))
  );
}

/**
 * Q_n(t) = ∫₀^t NB(n; r, α, τ) sβ^s/(β+τ)^{s+1} dτ by its integral form, with a 32-point
 * Gauss–Laguerre rule: Γ(r+n)/(Γ(r) n!)·(sα/β)·u_t^{n+1}/(n+1)·∫₀^∞ e^{−y} φ(u_t e^{−y/(n+1)}) dy.
 */
function pmfTailLaguerre(q: ParetoNbdParams, n: number, t: number): number {
  const { r, alpha, s, beta } = q;
  const ut = t / (alpha + t);
  const kappa = 1 - alpha / beta;
  const { nodes, weights } = gaussLaguerre(32);
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) {
    const u = ut * Math.exp(-nodes[i]! / (n + 1));
    sum += weights[i]! * Math.exp((r + s - 1) * Math.log1p(-u) - (s + 1) * Math.log1p(-kappa * u));
  }
  const logPrefactor =
    lnNegativeBinomialCoefficient(r, n) +
    Math.log((s * alpha) / beta) +
    (n + 1) * Math.log(ut) -
    Math.log(n + 1);
  return Math.exp(logPrefactor) * sum;
}

/**
 * Q_n(t) by the closed form of Fader & Hardie ("Deriving an expression for P(X(t) = x) under the
 * Pareto/NBD model"), in logs; falls back to the Gauss–Laguerre integral form when the bracket
 * cancels (ρ ≥ 100).
 */
function pmfTail(q: ParetoNbdParams, n: number, t: number): number {
  const { r, alpha, s, beta } = q;
  const upper = alpha >= beta;
  const big = upper ? alpha : beta;
  const second = upper ? s + 1 : r + n;
  const c = r + s + n + 1;
  const logPrefactor =
    r * Math.log(alpha) + s * Math.log(beta) + lnBeta(r + n, s + 1) - lnBeta(r, s);
  // The ₂F₁ are taken at z = 1 − w with w = min(α,β)/max(α,β) and (min(α,β)+t)/(max(α,β)+t) given
  // exactly: near z = 1 they behave like w^{c−a−b}, and rounding z would cost |c−a−b|·2⁻⁵³/w.
  const small = upper ? beta : alpha;
  const logB1 = logHyp2f1Complement(r + s, second, c, small / big) - (r + s) * Math.log(big);
  const w2 = (small + t) / (big + t);
  const lnBigT = Math.log(big + t);
  const lnT = Math.log(t);
  // The n + 1 functions ₂F₁(r+s+i, ·; c; 1 − w₂) by the contiguous relation in a, checked
  // against direct evaluations (O(n) instead of n + 1 series).
  const family = logHyp2f1Family(r + s, second, c, w2, n + 1);
  let sum = 0;
  let logCoefficient = 0; // ln(Γ(r+s+i)/(Γ(r+s) i!) t^i)
  for (let i = 0; i <= n; i++) {
    if (i > 0) logCoefficient += Math.log((r + s + i - 1) / i) + lnT;
    const logB2 = family[i]! - (r + s + i) * lnBigT;
    sum += Math.exp(logCoefficient + logB2 - logB1);
  }
  const bracket = 1 - sum; // Q = prefactor·B₁·(1 − Σ…); ρ = 1/bracket
  if (!(bracket * 100 > 1) || !Number.isFinite(bracket)) return pmfTailLaguerre(q, n, t);
  return Math.exp(logPrefactor + logB1) * bracket;
}

/**
 * P(X(t) = n) for a new customer = NB(n; r, α, t)(β/(β+t))^s + Q_n(t) (Fader & Hardie).
 * @internal
 */
export function paretoNbdPurchaseCountProbability(
  q: ParetoNbdParams,
  n: number,
  t: number,
): number {
  if (t <= 0) return n === 0 ? 1 : 0;
  const alive = Math.exp(logNegativeBinomial(n, q.r, q.alpha, t) - q.s * Math.log1p(t / q.beta));
  const v = alive + pmfTail(q, n, t);
  return v < 0 ? 0 : Math.min(v, 1);
}

/**
 * P(Y(t) = n | x, t_x, T) = (1 − P(alive))·1[n = 0] + P(alive)·P_PNBD(X(t) = n | r+x, α+T, s, β+T)
 * (given alive at T the posterior is a Pareto/NBD with updated parameters).
 * @internal
 */
export function paretoNbdConditionalPurchaseCountProbability(
  q: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  n: number,
  t: number,
): number {
  const alive = paretoNbdProbabilityAlive(q, x, tx, T);
  const posterior = paretoNbdPurchaseCountProbability(
    { r: q.r + x, alpha: q.alpha + T, s: q.s, beta: q.beta + T },
    n,
    t,
  );
  return (n === 0 ? 1 - alive : 0) + alive * posterior;
}

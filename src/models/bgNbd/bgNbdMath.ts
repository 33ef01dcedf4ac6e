/**
 * The mathematics shared by the BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way") and the MBG/NBD (Batislam, Denizel & Filiztekin 2007): log-likelihood with analytic
 * gradient, P(alive), expected purchases, the purchase-count PMF and DERT, all in log space
 * (the BG/NBD expressions of Fader, Hardie & Lee 2005 and their MBG/NBD counterparts). The two models differ only by one drop-out opportunity at
 * time 0; `m` is 0 for the BG/NBD and 1 for the MBG/NBD, and every formula below is written with it.
 * @internal
 * @module
 */

import { logHyp2f1 } from "../../math/hypergeometric.js";
import type { Objective } from "../../math/optimize.js";
import { modeTrapezoidMean } from "../../math/quadrature.js";
import { digamma, lnBeta, lnGamma, logistic } from "../../math/special.js";
import { unitHypergeometric } from "../../math/unitHypergeometric.js";
import { indexHistories } from "../history.js";
import type { BgNbdParams } from "../types.js";
import { betaLogitMean, bgNbdExpectedIfAlive } from "./bgNbdExpectedIfAlive.js";

/** 0 for the BG/NBD, 1 for the MBG/NBD (the extra drop-out chance right after the first purchase). */
export type DropoutShift = 0 | 1;

/**
 * The parts of ℓ that depend on the frequency x alone, per distinct frequency k (filled by
 * {@link frequencyTerms}): C₂ = A₂ + (r+x) ln(α+T), C₃ = A₃ + (r+x) ln(α+t_x), and the digammas
 * ψ(b+x+m), ψ(b+x+m−1) of ∂A₂/∂b, ∂A₃/∂b.
 */
interface FrequencyTable {
  readonly C2: Float64Array;
  readonly C3: Float64Array;
  readonly D2: Float64Array;
  readonly D3: Float64Array;
}

/**
 * Fills `table` for parameters (r, α, a, b) and returns nothing; writes into `sums` the weighted
 * sums over frequencies of A₁ and of its derivatives (ℓ, ∂r, ∂α, ∂a, ∂b order), which the rows
 * then add to.
 */
function frequencyTerms(
  m: DropoutShift,
  params: Float64Array,
  distinct: readonly number[],
  wx: Float64Array,
  table: FrequencyTable,
  sums: Float64Array,
): void {
  const r = params[0]!;
  const alpha = params[1]!;
  const a = params[2]!;
  const b = params[3]!;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const lgab = lnGamma(a + b);
  const lgb = lnGamma(b);
  const lgr = lnGamma(r);
  const psiR = digamma(r);
  const psiAb = digamma(a + b);
  const psiB = digamma(b);
  const { C2, C3, D2, D3 } = table;
  sums.fill(0);
  for (let k = 0; k < distinct.length; k++) {
    const xv = distinct[k]!;
    const w = wx[k]!;
    const lgabx = lnGamma(a + b + xv + m);
    C2[k] = lgab + lnGamma(b + xv + m) - lgb - lgabx;
    C3[k] = xv + m > 0 ? lnA + lgab + lnGamma(b + xv + m - 1) - lgb - lgabx : 0;
    D2[k] = digamma(b + xv + m);
    D3[k] = xv + m > 0 ? digamma(b + xv + m - 1) : 0;
    const dab = psiAb - digamma(a + b + xv + m);
    sums[0]! += w * (lnGamma(r + xv) - lgr + r * lnAlpha);
    sums[1]! += w * (digamma(r + xv) - psiR + lnAlpha);
    sums[2]! += (w * r) / alpha;
    sums[3]! += w * dab;
    sums[4]! += w * (dab - psiB);
  }
}

/**
 * Negative log-likelihood −Σ w ℓ and its gradient over compressed rows (natural parameters
 * r, α, a, b). Per distinct frequency the gamma-function terms are computed once per evaluation
 * ({@link frequencyTerms}); per row only two logarithms and one exponential remain.
 * ℓ = A₁ + LSE(A₂, A₃) with (Fader, Hardie & Lee 2005; Batislam, Denizel & Filiztekin 2007 for
 * m = 1)
 * A₁ = lnΓ(r+x) − lnΓ(r) + r ln α,
 * A₂ = lnΓ(a+b) + lnΓ(b+x+m) − lnΓ(b) − lnΓ(a+b+x+m) − (r+x) ln(α+T),
 * A₃ = ln a + lnΓ(a+b) + lnΓ(b+x+m−1) − lnΓ(b) − lnΓ(a+b+x+m) − (r+x) ln(α+t_x)  (when x+m > 0).
 * @internal
 */
export function bgNbdObjective(
  m: DropoutShift,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  weight: Float64Array,
): Objective {
  const n = x.length;
  const { distinct, xi, wx, times, ti, txi } = indexHistories(x, tx, T, weight);
  const lnTime = new Float64Array(times.length);
  const invTime = new Float64Array(times.length);
  const nx = distinct.length;
  const table: FrequencyTable = {
    C2: new Float64Array(nx),
    C3: new Float64Array(nx),
    D2: new Float64Array(nx),
    D3: new Float64Array(nx),
  };
  const { C2, C3, D2, D3 } = table;
  const sums = new Float64Array(5);
  return (p, gradient) => {
    const r = p[0]!;
    const alpha = p[1]!;
    const a = p[2]!;
    frequencyTerms(m, p, distinct, wx, table, sums);
    for (let k = 0; k < times.length; k++) {
      const v = alpha + times[k]!;
      lnTime[k] = Math.log(v);
      invTime[k] = 1 / v;
    }
    let ll = sums[0]!;
    let gr = sums[1]!;
    let gal = sums[2]!;
    let ga = sums[3]!;
    let gb = sums[4]!;
    for (let i = 0; i < n; i++) {
      const k = xi[i]!;
      const w = weight[i]!;
      const rx = r + x[i]!;
      const L2 = lnTime[ti[i]!]!;
      const inv2 = invTime[ti[i]!]!;
      const A2 = C2[k]! - rx * L2;
      if (x[i]! + m === 0) {
        ll += w * A2;
        gr -= w * L2;
        gal -= w * rx * inv2;
        gb += w * D2[k]!;
        continue;
      }
      const L3 = lnTime[txi[i]!]!;
      const inv3 = invTime[txi[i]!]!;
      const A3 = C3[k]! - rx * L3;
      // ℓ − A₁ = LSE(A₂, A₃) and the weight w₂ = e^{A₂ − LSE} of the "alive" term.
      const e = Math.exp(-Math.abs(A3 - A2));
      const lse = Math.max(A2, A3) + Math.log1p(e);
      const w2 = A2 >= A3 ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w2;
      ll += w * lse;
      gr -= w * (w2 * L2 + w3 * L3);
      gal -= w * rx * (w2 * inv2 + w3 * inv3);
      ga += (w * w3) / a;
      gb += w * (w2 * D2[k]! + w3 * D3[k]!);
    }
    gradient[0] = -gr;
    gradient[1] = -gal;
    gradient[2] = -ga;
    gradient[3] = -gb;
    return -ll;
  };
}

/**
 * P(alive at T | x, t_x, T) = 1/(1+e^u), u = ln(a/(b+x+m−1)) + (r+x)[ln(α+T) − ln(α+t_x)];
 * 1 for a BG/NBD customer with x = 0 (Fader, Hardie & Lee 2005; Batislam, Denizel & Filiztekin
 * 2007).
 */
export function bgNbdProbabilityAlive(
  q: BgNbdParams,
  m: DropoutShift,
  x: number,
  tx: number,
  T: number,
): number {
  if (x + m === 0) return 1;
  // For large r + x, ln((α+T)/(α+t_x)) as log1p((T − t_x)/(α+t_x)): the rounding of the ratio,
  // which r + x amplifies, is avoided (log1p costs more, so only there).
  const R = q.r + x;
  const lnRatio =
    R > 64 ? Math.log1p((T - tx) / (q.alpha + tx)) : Math.log((q.alpha + T) / (q.alpha + tx));
  const u = Math.log(q.a / (q.b + x + m - 1)) + R * lnRatio;
  return logistic(u);
}

export { bgNbdExpectedIfAlive };

/**
 * One customer's log-likelihood ℓ(r, α, a, b | x, t_x, T) = A₁ + LSE(A₂, A₃) (A₁ + A₂ when
 * x + m = 0), with the A's of {@link bgNbdObjective} (Fader, Hardie & Lee 2005, eq. 6; Batislam,
 * Denizel & Filiztekin 2007 for m = 1): the definition that the objective sums over compressed rows
 * with the gamma-function terms shared per frequency. A log-density in the x purchase times.
 * @internal
 */
export function bgNbdLogLikelihood(
  q: BgNbdParams,
  m: DropoutShift,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = q;
  const lgab = lnGamma(a + b) - lnGamma(b) - lnGamma(a + b + x + m);
  const A1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const A2 = lgab + lnGamma(b + x + m) - (r + x) * Math.log(alpha + T);
  if (x + m === 0) return A1 + A2;
  const A3 = Math.log(a) + lgab + lnGamma(b + x + m - 1) - (r + x) * Math.log(alpha + tx);
  return A1 + Math.max(A2, A3) + Math.log1p(Math.exp(-Math.abs(A2 - A3)));
}

/**
 * P(alive at T + t | alive at T, x): drop-out happens only at a purchase, so given (λ, p) an
 * active customer survives (T, T + t] with probability E[(1−p)^N] = e^{−pλt}, N ~ Poisson(λt);
 * averaged over the posterior λ ~ Gamma(r+x, α+T) this is (1 + p·t/(α+T))^{−(r+x)}, and over
 * p ~ Beta(a, B), B = b+x+m, it is ₂F₁(r+x, a; a+B; −t/(α+T)) = (1+u)^{−(r+x)}·₂F₁(r+x, B; a+B; z)
 * (Pfaff), u = t/(α+T), z = u/(1+u). Fast path for z ≤ 0.95: that ₂F₁ in logs (about 4 µs; agrees
 * with the mixture to ≤ 10⁻¹¹ relative over r, a, b from 10⁻² to 50, x to 10⁴); otherwise, or when
 * it fails, the Beta mixture by {@link betaLogitMean} (about 90 µs; positive, at most 1,
 * non-increasing in t). Exactly 1 at t = 0; `NaN` where the mixture would need more than 100,000
 * nodes (a or b + x + m below ≈ 2·10⁻³).
 * @internal
 */
export function bgNbdAliveAfterIfAlive(
  q: BgNbdParams,
  m: DropoutShift,
  x: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 1;
  const R = q.r + x;
  const B = q.b + x + m;
  const u = t / (q.alpha + T);
  const z = u / (1 + u);
  if (z <= 0.95) {
    const fast = Math.exp(-R * Math.log1p(u) + logHyp2f1(R, B, q.a + B, z));
    if (fast >= 0 && fast <= 1) return fast;
  }
  return betaLogitMean(q.a, B, (p) => Math.exp(-R * Math.log1p(p * u)));
}

/** Most trapezoid nodes of one DERT evaluation: bounds the time of a prediction (≈ 10 ms). */
const MAX_NODES = 100_000;

/** Conditional expected purchases E[Y(t) | x, t_x, T] = P(alive)·g. */
export function bgNbdConditionalExpected(
  q: BgNbdParams,
  m: DropoutShift,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  const alive = bgNbdProbabilityAlive(q, m, x, tx, T);
  return alive === 0 ? 0 : alive * bgNbdExpectedIfAlive(q, m, x, T, t);
}

/** E[X(t)] for a customer just acquired (x = 0, T = 0). */
export function bgNbdExpected(q: BgNbdParams, m: DropoutShift, t: number): number {
  return bgNbdConditionalExpected(q, m, 0, 0, 0, t);
}

/**
 * P(X(t) = n) for a new customer (Fader, Hardie & Lee 2005; Batislam et al. 2007 for m = 1):
 * B(a, b+n+m)/B(a,b)·NB(n; r, α, t) + 1[n+m>0]·B(a+1, b+n+m−1)/B(a,b)·(n = 0 ? 1 : I_{t/(α+t)}(n, r)).
 */
export function bgNbdPurchaseCountProbability(
  q: BgNbdParams,
  m: DropoutShift,
  n: number,
  t: number,
  incompleteBeta: (z: number, a: number, b: number) => number,
): number {
  const { r, alpha, a, b } = q;
  const lbab = lnBeta(a, b);
  const lnNb =
    lnGamma(r + n) -
    lnGamma(r) -
    lnGamma(n + 1) +
    r * Math.log(alpha / (alpha + t)) +
    (n === 0 ? 0 : n * Math.log(t / (alpha + t)));
  let p = Math.exp(lnBeta(a, b + n + m) - lbab + lnNb);
  if (n + m > 0) {
    const tail = n === 0 ? 1 : incompleteBeta(t / (alpha + t), n, r);
    p += Math.exp(lnBeta(a + 1, b + n + m - 1) - lbab) * tail;
  }
  return Math.min(1, Math.max(0, p));
}

/** Largest trapezoid step on y = ln((α+T)λ) for DERT (Gamma weight, analytic for |Im y| < π/2). */
const DERT_MAX_STEP = 0.1;

/**
 * DERT, discounted expected residual transactions at continuous rate δ per time unit, infinite
 * horizon, of a customer alive at T (models: Fader, Hardie & Lee 2005; Λ-form): given (λ, p) an
 * active customer's DERT is λ/(δ + pλ); averaging over p ~ Beta(a, b+x+m) in closed form leaves
 * E_λ[ζ ₂F₁(1, b+x+m; a+b+x+m; ζ)], ζ = λ/(λ+δ), λ ~ Gamma(r+x, α+T).
 *
 * The λ-expectation is a trapezoidal rule on y = ln((α+T)λ), whose weight e^{(r+x)y − e^y} has its
 * mode at ln(r+x) and width 1/√(r+x) there: the step is min(0.1, ½/√(r+x)) — it follows the
 * weight's width, so heavy buyers (x in the thousands) are integrated as accurately as light ones
 * (relative error ≤ 10⁻¹³ against 40-digit values for x ≤ 2,000; docs/numerics.md). The rule is
 * normalised by itself, so the result never exceeds E[λ]/δ = (r+x)/((α+T)δ) by more than rounding.
 * For r + x ≤ 1 the rule divides by the weight's exact integral e^R Γ(R) R^{−R} (R = r+x) instead.
 */
export function bgNbdDertIfAlive(
  q: BgNbdParams,
  m: DropoutShift,
  x: number,
  T: number,
  delta: number,
): number {
  const R = q.r + x;
  const A = q.alpha + T;
  const bb = q.b + x + m;
  const lnR = Math.log(R);
  // ∫ e^{−R(e^d − 1 − d)} dd = e^R Γ(R) R^{−R}: used for R ≤ 1, where the weight's left tail
  // (∝ e^{Rd}) is far longer than the integrand's (∝ e^{(R+1)d}); no cancellation there.
  const logNormaliser = R <= 1 ? R + lnGamma(R) - R * lnR : undefined;
  return modeTrapezoidMean(
    // R·y − e^y relative to its value at the mode y = ln R, with y = ln R + d.
    (d) => -R * (Math.expm1(d) - d),
    (d) => {
      const lambda = Math.exp(lnR + d) / A;
      const zeta = lambda / (lambda + delta);
      return zeta * unitHypergeometric(q.a, bb, zeta);
    },
    Math.min(DERT_MAX_STEP, 0.5 / Math.sqrt(R)),
    MAX_NODES,
    logNormaliser,
  );
}

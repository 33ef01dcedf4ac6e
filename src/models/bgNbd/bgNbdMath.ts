/**
 * The mathematics shared by the BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way") and the MBG/NBD (Batislam, Denizel & Filiztekin 2007): log-likelihood with analytic
 * gradient, P(alive), expected purchases, the purchase-count PMF and DERT, all in log space
 * (shared reference "models.md" §1–2). The two models differ only by one drop-out opportunity at
 * time 0; `m` is 0 for the BG/NBD and 1 for the MBG/NBD, and every formula below is written with it.
 * @internal
 * @module
 */
import type { Objective } from "../../math/optimize.js";
import { modeTrapezoidMean } from "../../math/quadrature.js";
import { digamma, lnBeta, lnGamma, logistic } from "../../math/special.js";
import { unitHypergeometric } from "../../math/unitHypergeometric.js";
import { indexHistories } from "../history.js";
import type { BgNbdParams } from "../types.js";

/** 0 for the BG/NBD, 1 for the MBG/NBD (the extra drop-out chance right after the first purchase). */
export type DropoutShift = 0 | 1;

/**
 * Negative log-likelihood −Σ w ℓ and its gradient over compressed rows (natural parameters
 * r, α, a, b). Per distinct frequency the gamma-function terms are computed once per evaluation;
 * per row only two logarithms and one exponential remain.
 * ℓ = A₁ + LSE(A₂, A₃) with (models.md §1.2, §2.2, m ∈ {0, 1})
 * A₁ = lnΓ(r+x) − lnΓ(r) + r ln α,
 * A₂ = lnΓ(a+b) + lnΓ(b+x+m) − lnΓ(b) − lnΓ(a+b+x+m) − (r+x) ln(α+T),
 * A₃ = ln a + lnΓ(a+b) + lnΓ(b+x+m−1) − lnΓ(b) − lnΓ(a+b+x+m) − (r+x) ln(α+t_x)  (when x+m > 0).
 */
export function bgNbdObjective(
  m: DropoutShift,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  weight: Float64Array,
): Objective {
  const n = x.length;
  // Distinct frequencies and observation times, each row's indices into them.
  const { distinct, xi, wx, times, ti, txi } = indexHistories(x, tx, T, weight);
  const nx = distinct.length;
  const nt = times.length;
  const lnTime = new Float64Array(nt);
  const invTime = new Float64Array(nt);
  const C2 = new Float64Array(nx);
  const C3 = new Float64Array(nx);
  const D2 = new Float64Array(nx);
  const D3 = new Float64Array(nx);
  return (p, gradient) => {
    const r = p[0]!;
    const alpha = p[1]!;
    const a = p[2]!;
    const b = p[3]!;
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    const lgab = lnGamma(a + b);
    const lgb = lnGamma(b);
    const lgr = lnGamma(r);
    const psiR = digamma(r);
    const psiAb = digamma(a + b);
    const psiB = digamma(b);
    for (let k = 0; k < nt; k++) {
      const v = alpha + times[k]!;
      lnTime[k] = Math.log(v);
      invTime[k] = 1 / v;
    }
    let ll = 0;
    let gr = 0;
    let ga = 0;
    let gb = 0;
    let gal = 0;
    // Parts that depend only on the frequency.
    for (let k = 0; k < nx; k++) {
      const xv = distinct[k]!;
      const w = wx[k]!;
      const lgabx = lnGamma(a + b + xv + m);
      C2[k] = lgab + lnGamma(b + xv + m) - lgb - lgabx;
      C3[k] = xv + m > 0 ? lnA + lgab + lnGamma(b + xv + m - 1) - lgb - lgabx : 0;
      D2[k] = digamma(b + xv + m);
      D3[k] = xv + m > 0 ? digamma(b + xv + m - 1) : 0;
      ll += w * (lnGamma(r + xv) - lgr + r * lnAlpha);
      gr += w * (digamma(r + xv) - psiR + lnAlpha);
      gal += (w * r) / alpha;
      const dab = psiAb - digamma(a + b + xv + m);
      ga += w * dab;
      gb += w * (dab - psiB);
    }
    for (let i = 0; i < n; i++) {
      const k = xi[i]!;
      const w = weight[i]!;
      const xv = x[i]!;
      const rx = r + xv;
      const L2 = lnTime[ti[i]!]!;
      const inv2 = invTime[ti[i]!]!;
      const A2 = C2[k]! - rx * L2;
      if (xv + m === 0) {
        ll += w * A2;
        gr -= w * L2;
        gal -= w * rx * inv2;
        gb += w * D2[k]!;
        continue;
      }
      const L3 = lnTime[txi[i]!]!;
      const inv3 = invTime[txi[i]!]!;
      const A3 = C3[k]! - rx * L3;
      let lse: number;
      let w2: number;
      if (A2 >= A3) {
        const e = Math.exp(A3 - A2);
        lse = A2 + Math.log1p(e);
        w2 = 1 / (1 + e);
      } else {
        const e = Math.exp(A2 - A3);
        lse = A3 + Math.log1p(e);
        w2 = e / (1 + e);
      }
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
 * 1 for a BG/NBD customer with x = 0 (models.md §1.4, §2.3).
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

/** Most trapezoid nodes of one careful evaluation: bounds the time of a prediction (≈ 10 ms). */
const MAX_NODES = 100_000;
/** Horizons z = t/(α+T+t) beyond which the series of the fast path is not tried (≤ ~900 terms). */
const Z_SERIES_MAX = 0.95;
/** Most terms of the fast path's series. */
const MAX_SERIES_TERMS = 2_000;
/** Estimated relative error above which the fast path's result is discarded. */
const FAST_PATH_TOLERANCE = 5e-14;
/** Unit roundoff of float64. */
const EPS = 2 ** -53;

/**
 * Expected purchases in (T, T+t] of a customer alive at T with x repeat purchases, i.e. E[Y(t)]
 * divided by P(alive) (Fader, Hardie & Lee 2005, eq. 10; Batislam, Denizel & Filiztekin 2007):
 * g = c/(a−1)·[1 − (1−z)^{r+x} ₂F₁(r+x, B; c; z)], B = b+x+m, c = a+B−1, z = t/(α+T+t).
 *
 * Two routes, both free of the cancellation of the textbook form:
 * - fast path: the Euler-transformed series c/(a−1)·[1 − (1−z)^{a−1} ₂F₁(c−r−x, a−1; c; z)] with the
 *   bracket formed by expm1 (Hardie's note 027 stable form). It runs with a running error bound
 *   (the sum of |terms|, the size of the logarithms that cancel in the bracket) and is used only
 *   when that bound is below 5·10⁻¹⁴ relative — it is not for large r (the series alternates), large
 *   a ((1−z)^{a−1} underflows while ₂F₁ overflows), z near 1 or a = 1;
 * - careful path, everywhere else: the Beta mixture g = E_p[(1 − (1 + p·t/(α+T))^{−(r+x)})/p],
 *   p ~ Beta(a, B) (the posterior of p given alive; the inner term is the expected number of
 *   purchases before drop-out, averaged over the Gamma(r+x, α+T) purchase rate). Its integrand is
 *   positive, bounded by (r+x)·t/(α+T) and increasing in t, so the result is too; it is integrated
 *   by {@link expectedIfAliveMixture}.
 * Returns `NaN` only where the careful path would need more than 100,000 nodes (a or B below
 * ≈ 2·10⁻³; see docs/numerics.md), and +∞ when (r+x)·t/(α+T), a bound of g, exceeds float64.
 */
export function bgNbdExpectedIfAlive(
  q: BgNbdParams,
  m: DropoutShift,
  x: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = q;
  const z = t / (alpha + T + t);
  if (a !== 1 && z <= Z_SERIES_MAX) {
    const fast = eulerSeriesExpectedIfAlive(r + x, a, b + x + m, z);
    if (!Number.isNaN(fast)) return fast;
  }
  return expectedIfAliveMixture(r + x, a, b + x + m, t / (alpha + T));
}

/**
 * Fast path of {@link bgNbdExpectedIfAlive} for R = r+x, a, B = b+x+m and z: the Euler-transformed
 * series with a running error estimate. Returns `NaN` when the series does not converge within
 * 2,000 terms, overflows, or when the estimated relative error exceeds 5·10⁻¹⁴.
 */
export function eulerSeriesExpectedIfAlive(R: number, a: number, B: number, z: number): number {
  const c = a + B - 1;
  const A = c - R; // first parameter of the transformed ₂F₁
  const Bm1 = a - 1;
  const ln1mz = Math.log1p(-z);
  // Q = c·(₂F₁ − 1), summed from k = 1 with (c)_k = c·(c+1)_{k−1} (pole-free at c = 0).
  let term = 1; // (A)_k (a−1)_k z^k / ((c+1)_{k−1} k!)
  let Q = 0;
  let sumAbs = 0;
  // From this index on, every factor of the term ratio is positive (the tail bound below holds).
  const kPositive = Math.max(1, Math.ceil(-Math.min(A, Bm1, c)) + 1);
  let k = 1;
  for (; k <= MAX_SERIES_TERMS; k++) {
    term *= ((A + k - 1) * (Bm1 + k - 1) * z) / (k * (k === 1 ? 1 : c + k - 1));
    Q += term;
    sumAbs += Math.abs(term);
    if (term === 0) break;
    // Once the term is below 1e-17 of the sum (a cheap first test), every later ratio is
    // ≤ ρ = z·max(1, (A+k)/(k+1))·max(1, (a−1+k)/(c+k)): stop when the geometric tail bound holds.
    if (Math.abs(term) <= 1e-17 * Math.abs(Q) && k >= kPositive) {
      const rho = z * Math.max(1, (A + k) / (k + 1)) * Math.max(1, (Bm1 + k) / (c + k));
      if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= 1e-17 * Math.abs(Q)) break;
    }
  }
  if (k > MAX_SERIES_TERMS || !Number.isFinite(sumAbs)) return Number.NaN;
  // Rounding of the recurrence grows like √k per term; the sum's error is bounded by that of |terms|.
  const errQ = (4 + Math.sqrt(k)) * EPS * sumAbs;
  const power = Bm1 * ln1mz; // ln (1−z)^{a−1}
  let value: number;
  let relErr: number;
  if (c > 0 && c + Q > 0) {
    // −expm1((a−1)·ln(1−z) + ln F): full relative precision for short horizons.
    const lnF = Math.log1p(Q / c);
    const L = power + lnF;
    const em1 = Math.expm1(L);
    value = (c / Bm1) * -em1;
    // Rounding of log1p, the product and the sum (one unit each), and of F.
    const errL = errQ / (c + Q) + 2 * EPS * (Math.abs(power) + Math.abs(lnF)) + EPS * Math.abs(L);
    relErr = (errL * (em1 + 1)) / Math.abs(em1);
  } else {
    // c ≤ 0 (new customers with a + b + m ≤ 1): F may be ≤ 0; the pole-free combination.
    const w = Math.exp(power);
    const oneMinusW = -Math.expm1(power);
    const numerator = c * oneMinusW - w * Q;
    value = numerator / Bm1;
    relErr =
      (4 * EPS * (Math.abs(c * oneMinusW) + Math.abs(w * Q) + Math.abs(power)) + w * errQ) /
      Math.abs(numerator);
  }
  if (!(Number.isFinite(value) && value > 0 && relErr <= FAST_PATH_TOLERANCE)) return Number.NaN;
  return value;
}

/**
 * ln(1 + w·(e^v − 1)) for 0 < w ≤ 1 and w + w̄ = 1, without overflow: log1p(w·expm1(v)) while e^v is
 * representable, else v + ln(w + w̄·e^{−v}) (its value for large v).
 */
function logShiftedRatio(v: number, w: number, wBar: number): number {
  return v <= 30 ? Math.log1p(w * Math.expm1(v)) : v + Math.log(w + wBar * Math.exp(-v));
}

/** Largest trapezoid step on the logit of p (the integrand is analytic in |Im y| < π/2). */
const MIXTURE_MAX_STEP = 0.25;

/**
 * g = E_p[(1 − (1 + p·u)^{−R})/p], p ~ Beta(a, B), u = t/(α+T), by the trapezoidal rule in
 * y = logit p (density ∝ p^a (1−p)^B in y, unimodal with mode ln(a/B) and curvature
 * aB/(a+B) there), normalised by the same rule. Step h = min(0.25, ½·√(1/a + 1/B)): the integrand
 * is analytic for |Im y| < π/2 and the weight is near-Gaussian of width √(1/a + 1/B) at its mode,
 * so both error terms of the trapezoidal rule are below e^{−39} (Trefethen & Weideman 2014).
 * The inner expectation over λ ~ Gamma(R, α+T) is exact: E[(1 − e^{−pλt})/p].
 */
export function expectedIfAliveMixture(R: number, a: number, B: number, u: number): number {
  const p0 = a / (a + B);
  const q0 = B / (a + B);
  const y0 = Math.log(a) - Math.log(B);
  const h = Math.min(MIXTURE_MAX_STEP, 0.5 * Math.sqrt(1 / a + 1 / B));
  const Ru = R * u;
  // g ≤ R·u; when that bound is beyond float64 so may g be (and u = ∞ would lose the λ-mixture).
  if (!Number.isFinite(Ru)) return Number.POSITIVE_INFINITY;
  return modeTrapezoidMean(
    // ln[p^a (1−p)^B] relative to the mode, without cancellation: with p = logistic(y0 + d),
    // ln(p/p0) = −ln(1 + q0·(e^{−d} − 1)) and ln((1−p)/q0) = −ln(1 + p0·(e^d − 1)).
    (d) => -a * logShiftedRatio(-d, q0, p0) - B * logShiftedRatio(d, p0, q0),
    (d) => {
      const y = y0 + d;
      const p = y < 0 ? Math.exp(y) / (1 + Math.exp(y)) : 1 / (1 + Math.exp(-y));
      const pu = p * u;
      // (1 − (1+pu)^{−R})/p → R·u as p → 0.
      return pu < 1e-300 ? Ru : -Math.expm1(-R * Math.log1p(pu)) / p;
    },
    h,
    MAX_NODES,
  );
}

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
 * P(X(t) = n) for a new customer (models.md §1.6, §2.3):
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

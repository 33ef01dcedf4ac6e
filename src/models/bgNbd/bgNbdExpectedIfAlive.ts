/**
 * Expected purchases in (T, T+t] of a BG/NBD or MBG/NBD customer alive at T (Fader, Hardie & Lee
 * 2005, "Counting your customers the easy way", eq. 10; Batislam, Denizel & Filiztekin 2007), by
 * two routes free of the textbook form's cancellation: a series with a running error bound, and a
 * Beta-mixture integral everywhere else. Tolerances and the trapezoidal rule's step are in
 * `docs/numerics.md` ("Expected purchases: two routes").
 * @internal
 * @module
 */
import { modeTrapezoidMean } from "../../math/quadrature.js";
import type { BgNbdParams } from "../types.js";
import type { DropoutShift } from "./bgNbdMath.js";

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
 * @internal
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
 * @internal
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
 * The mean E_p[f(p)] of a bounded, non-negative f over p ~ Beta(a, B), by the trapezoidal rule in
 * y = logit p (density ∝ p^a (1−p)^B in y, unimodal with mode ln(a/B) and curvature aB/(a+B)
 * there), normalised by the same rule. Step h = min(0.25, ½·√(1/a + 1/B)): for integrands analytic
 * for |Im y| < π/2 (functions of p with no singularity on the negative p axis near 0, such as
 * (1 + p·u)^{−R}) and a weight near-Gaussian of width √(1/a + 1/B) at its mode, both error terms of
 * the trapezoidal rule are below e^{−39} (Trefethen & Weideman 2014). Returns `NaN` where more than
 * 100,000 nodes would be needed (a or B below ≈ 2·10⁻³).
 * @internal
 */
export function betaLogitMean(a: number, B: number, f: (p: number) => number): number {
  const p0 = a / (a + B);
  const q0 = B / (a + B);
  const y0 = Math.log(a) - Math.log(B);
  const h = Math.min(MIXTURE_MAX_STEP, 0.5 * Math.sqrt(1 / a + 1 / B));
  return modeTrapezoidMean(
    // ln[p^a (1−p)^B] relative to the mode, without cancellation: with p = logistic(y0 + d),
    // ln(p/p0) = −ln(1 + q0·(e^{−d} − 1)) and ln((1−p)/q0) = −ln(1 + p0·(e^d − 1)).
    (d) => -a * logShiftedRatio(-d, q0, p0) - B * logShiftedRatio(d, p0, q0),
    (d) => {
      const y = y0 + d;
      return f(y < 0 ? Math.exp(y) / (1 + Math.exp(y)) : 1 / (1 + Math.exp(-y)));
    },
    h,
    MAX_NODES,
  );
}

/**
 * g = E_p[(1 − (1 + p·u)^{−R})/p], p ~ Beta(a, B), u = t/(α+T), by {@link betaLogitMean}.
 * The inner expectation over λ ~ Gamma(R, α+T) is exact: E[(1 − e^{−pλt})/p].
 * @internal
 */
export function expectedIfAliveMixture(R: number, a: number, B: number, u: number): number {
  const Ru = R * u;
  // g ≤ R·u; when that bound is beyond float64 so may g be (and u = ∞ would lose the λ-mixture).
  if (!Number.isFinite(Ru)) return Number.POSITIVE_INFINITY;
  return betaLogitMean(a, B, (p) => {
    const pu = p * u;
    // (1 − (1+pu)^{−R})/p → R·u as p → 0.
    return pu < 1e-300 ? Ru : -Math.expm1(-R * Math.log1p(pu)) / p;
  });
}

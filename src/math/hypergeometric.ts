/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1, in float64,
 * following the strategy described in `docs/numerics.md` ("₂F₁"): terminating cases, Euler's
 * transformation with its power kept in logarithms, the direct series with a rigorous tail bound,
 * Gauss's continued fraction when a parameter is 1 and z > 0.99, and the linear transformation to
 * 1 − z (Abramowitz & Stegun 1964, Handbook of Mathematical Functions, 15.3.6) otherwise. Negative
 * arguments are mapped into [0, 1) by Pfaff's transformation (A&S 15.3.5).
 *
 * Results are carried as a sign and the logarithm of the magnitude, so values far beyond the
 * float64 range (for example ₂F₁(r+x, b+x; c; z) for x = 1000) are representable in logs and
 * negative values (possible when c or a parameter is negative) are evaluated without logs of them.
 * @internal
 * @module
 */
import { hyp2f1NearOne, nearOneCost } from "./hypergeometricNearOne.js";
import { lnGamma } from "./special.js";
import { unitHypergeometric } from "./unitHypergeometric.js";

/** Relative size of the neglected tail at which a series stops. */
const SERIES_EPS = 1e-17;
/** Most terms of a direct series before giving up (reached only for z extremely close to 1). */
const MAX_TERMS = 5_000_000;
/** Rescaling factor of running sums, and its logarithm. */
const BIG = 1e250;
const LN_BIG = Math.log(BIG);

/** Cost of one term of the near-one evaluation relative to a direct-series term. */
const NEAR_ONE_WEIGHT = 4;

/**
 * A value carried as sign · e^{log}: the result slot of the signed-log kernels below, owned by the
 * caller (each public entry point makes one per call), so that nothing is kept between calls.
 */
interface SignedLog {
  /** −1, 0 or 1. */
  sign: number;
  /** ln of the magnitude. */
  log: number;
}

function isNonPositiveInteger(v: number): boolean {
  return v <= 0 && Number.isInteger(v);
}

/** sin(πx) with the argument reduced first (exact zeros at integers). */
function sinPi(x: number): number {
  const r = x - 2 * Math.round(x / 2); // in [−1, 1]
  if (r === 0 || Math.abs(r) === 1) return 0;
  return Math.sin(Math.PI * r);
}

/**
 * ln |Γ(x)| for real x; +∞ at the poles (non-positive integers), so that 1/Γ there is e^{−∞} = 0.
 * Negative arguments use the reflection Γ(x) = π / (sin(πx) Γ(1 − x)) (DLMF 5.5.3).
 */
function lnAbsGamma(x: number): number {
  if (x > 0) return lnGamma(x);
  if (Number.isInteger(x)) return Number.POSITIVE_INFINITY;
  return Math.log(Math.PI) - Math.log(Math.abs(sinPi(x))) - lnGamma(1 - x);
}

/** The sign of Γ(x) (1 at the poles, where 1/Γ = 0 makes it irrelevant): that of sin(πx) for x < 0. */
function gammaSign(x: number): number {
  return x > 0 || Number.isInteger(x) || sinPi(x) > 0 ? 1 : -1;
}

/**
 * Number of indices k at which (p + k)(q + k) < 0: how far the series of ₂F₁(p, q; ·; z) alternates.
 */
function alternation(p: number, q: number): number {
  return Math.abs(Math.max(0, -p) - Math.max(0, -q));
}

/**
 * Direct Gauss series Σ (a)_k (b)_k / (c)_k z^k / k!, for |z| < 1. Stops when every later term is
 * bounded by a geometric series whose sum is below 10⁻¹⁷ of the partial sum (the stop rule of docs/numerics.md,
 * made rigorous: the bound uses the monotone factors (a+k)/(k+1) and (b+k)/(c+k) once every factor
 * is positive). Writes the result into `out`; returns false when it did not converge.
 */
function directSeries(
  out: SignedLog,
  a: number,
  b: number,
  c: number,
  z: number,
  maxTerms: number = MAX_TERMS,
): boolean {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  const kPositive = Math.max(0, Math.ceil(-Math.min(a, b, c)) + 1);
  const absZ = Math.abs(z);
  for (let k = 0; k < maxTerms; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (term === 0) break;
    const K = k + 1;
    if (K >= kPositive) {
      // Sup over j ≥ K of |ratio_j| ≤ |z|·max(1, (a+K)/(K+1))·max(1, (b+K)/(c+K)) (or with a ↔ b);
      // and ≤ |z| when g(j) = (a+j)(b+j)/((c+j)(j+1)) ≤ 1 on [K, ∞): g(j) − 1 has the numerator
      // (a+b−c−1)·j + ab − c, non-increasing when a + b ≤ c + 1, so ≤ 0 at K suffices (c large,
      // a and b small: the series then stops after a few terms instead of about b/(1 − z)).
      const slope = a + b - c - 1;
      const rho =
        slope <= 0 && slope * K + a * b - c <= 0
          ? absZ
          : Math.min(
              absZ * Math.max(1, (a + K) / (K + 1)) * Math.max(1, (b + K) / (c + K)),
              absZ * Math.max(1, (b + K) / (K + 1)) * Math.max(1, (a + K) / (c + K)),
            );
      if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= SERIES_EPS * Math.abs(sum)) break;
    }
    if (Math.abs(sum) > BIG) {
      sum /= BIG;
      term /= BIG;
      logScale += LN_BIG;
    }
    if (k >= maxTerms - 1) return false;
  }
  out.sign = sum > 0 ? 1 : sum < 0 ? -1 : 0;
  out.log = Math.log(Math.abs(sum)) + logScale;
  return true;
}

/**
 * Linear transformation to 1 − z (A&S 15.3.6) for non-integer m = c − a − b, writing the signed log
 * result. Gamma functions of negative arguments by reflection, signs tracked.
 */
function oneMinusZ(out: SignedLog, a: number, b: number, c: number, w: number): boolean {
  const m = c - a - b;
  const lnGc = lnAbsGamma(c);
  const sGc = gammaSign(c);
  // Term 1: Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) · F(a, b; 1−m; w)
  let log1 = lnGc + lnAbsGamma(m) - lnAbsGamma(c - a) - lnAbsGamma(c - b);
  let sign1 = sGc * gammaSign(m) * gammaSign(c - a) * gammaSign(c - b);
  if (log1 !== Number.NEGATIVE_INFINITY) {
    if (!directSeries(out, a, b, 1 - m, w)) return false;
    log1 += out.log;
    sign1 *= out.sign;
  }
  // Term 2: w^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) · F(c−a, c−b; 1+m; w)
  let log2 = lnGc + lnAbsGamma(-m) + m * Math.log(w) - lnAbsGamma(a) - lnAbsGamma(b);
  let sign2 = sGc * gammaSign(-m) * gammaSign(a) * gammaSign(b);
  if (log2 !== Number.NEGATIVE_INFINITY) {
    if (!directSeries(out, c - a, c - b, 1 + m, w)) return false;
    log2 += out.log;
    sign2 *= out.sign;
  }
  combine(out, sign1, log1, sign2, log2);
  return true;
}

/** out = s1·e^{l1} + s2·e^{l2}. */
function combine(out: SignedLog, s1: number, l1: number, s2: number, l2: number): void {
  if (s1 === 0 || l1 === Number.NEGATIVE_INFINITY) {
    out.sign = s2;
    out.log = l2;
    return;
  }
  if (s2 === 0 || l2 === Number.NEGATIVE_INFINITY) {
    out.sign = s1;
    out.log = l1;
    return;
  }
  const hi = Math.max(l1, l2);
  const sHi = l1 >= l2 ? s1 : s2;
  const lo = Math.min(l1, l2);
  const sLo = l1 >= l2 ? s2 : s1;
  const ratio = Math.exp(lo - hi);
  if (sHi === sLo) {
    out.sign = sHi;
    out.log = hi + Math.log1p(ratio);
  } else {
    const d = 1 - ratio; // cancellation happens here when the two terms nearly cancel
    out.sign = d > 0 ? sHi : d < 0 ? -sHi : 0;
    out.log = hi + Math.log(Math.abs(d));
  }
}

/** The strategy of docs/numerics.md ("₂F₁") on 0 ≤ z < 1, writing the signed log into `out`. */
function evaluate(
  out: SignedLog,
  a: number,
  b: number,
  c: number,
  z: number,
  wExact?: number,
): boolean {
  if (
    !(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(z) && z < 1)
  ) {
    return false;
  }
  // 1. Terminating cases.
  if (a === 0 || b === 0 || z === 0) {
    out.sign = 1;
    out.log = 0;
    return true;
  }
  const aTerm = isNonPositiveInteger(a);
  const bTerm = isNonPositiveInteger(b);
  if (isNonPositiveInteger(c)) {
    // A pole unless the series terminates before (c)_k reaches 0.
    const n = Math.min(
      aTerm ? -a : Number.POSITIVE_INFINITY,
      bTerm ? -b : Number.POSITIVE_INFINITY,
    );
    if (!(n < -c + 1)) return false;
  }
  if (z < 0) {
    // Pfaff: F(a,b;c;z) = (1−z)^{−a} F(a, c−b; c; z/(z−1)); keep whichever parameter alternates less.
    const zz = z / (z - 1);
    const keepA =
      alternation(a, c - b) + (aTerm ? 0 : 0.5) <= alternation(b, c - a) + (bTerm ? 0 : 0.5);
    const p = keepA ? a : b;
    const q = keepA ? b : a;
    const ok = evaluate(out, p, c - q, c, zz);
    out.log -= p * Math.log1p(-z);
    return ok;
  }
  if (aTerm || bTerm) return directSeries(out, a, b, c, z);
  const w = wExact ?? 1 - z;
  // 2. Near z = 1, the 1 − z transformation that stays exact at integer c − a − b, unless the
  // direct series (positive terms here) converges within the transformation's cost: it does
  // quickly when c ≫ ab, and needs about (k_peak + 40)/(1 − z) terms otherwise.
  if (z > 0.99) {
    const nearCost = NEAR_ONE_WEIGHT * nearOneCost(a, b, c, w);
    if (Number.isFinite(nearCost)) {
      // (on Euler's transform when c − a − b < 0, as in step 3)
      const euler = c - a - b < 0;
      const pa = euler ? c - a : a;
      const pb = euler ? c - b : b;
      const cap = Math.min(MAX_TERMS, Math.max(64, nearCost));
      if (pa > 0 && pb > 0 && c > 0 && directSeries(out, pa, pb, c, z, cap)) {
        if (euler) out.log += (c - a - b) * Math.log(w);
        return true;
      }
      const near = hyp2f1NearOne(a, b, c, w);
      if (near !== undefined) {
        out.sign = near.sign;
        out.log = near.log;
        return true;
      }
    }
  }
  // 3. Euler, when c − a − b < 0 and it does not create a (longer) alternating series.
  let m = c - a - b;
  let logPrefactor = 0;
  if (m < 0 && alternation(c - a, c - b) <= alternation(a, b) + 1) {
    logPrefactor = m * (wExact === undefined ? Math.log1p(-z) : Math.log(wExact));
    const a2 = c - a;
    const b2 = c - b;
    a = a2;
    b = b2;
    m = -m;
    if (a === 0 || b === 0) {
      out.sign = 1;
      out.log = logPrefactor;
      return true;
    }
    if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
      const ok = directSeries(out, a, b, c, z);
      out.log += logPrefactor;
      return ok;
    }
  }
  let ok: boolean;
  if (z <= 0.99) {
    // 3. Direct series.
    ok = directSeries(out, a, b, c, z);
  } else if ((a === 1 && c > b && b > 0) || (b === 1 && c > a && a > 0)) {
    // 4. Gauss continued fraction for a unit parameter.
    const other = a === 1 ? b : a;
    out.sign = 1;
    out.log = Math.log(unitHypergeometric(c - other, other, z));
    ok = true;
  } else if (Math.abs(m) <= 6 && Math.abs(m - Math.round(m)) >= 0.05) {
    // 5. Linear transformation to 1 − z.
    ok = oneMinusZ(out, a, b, c, w);
  } else {
    // Known limitation (docs/numerics.md): the direct series, whose cost grows like 1/(1 − z).
    ok = directSeries(out, a, b, c, z);
  }
  out.log += logPrefactor;
  return ok;
}

/**
 * ₂F₁(a, b; c; z) for real a, b, c and real z < 1 (the reference strategy works on 0 ≤ z < 1;
 * z < 0 is mapped there by Pfaff's transformation). Can be negative when a parameter or c is
 * negative. Returns `NaN` outside the domain (z ≥ 1, c a pole) and ±∞ when the value exceeds the
 * float64 range; use {@link logHyp2f1} for large values.
 * @internal
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const out: SignedLog = { sign: 1, log: 0 };
  if (!evaluate(out, a, b, c, z)) return Number.NaN;
  return out.sign === 0 ? 0 : out.sign * Math.exp(out.log);
}

/**
 * ln ₂F₁(a, b; c; z) for real parameters and z < 1, computed in logarithms throughout (no overflow
 * for very large values). Defined when the function is positive: returns `NaN` when it is negative
 * (use {@link hyp2f1}, which evaluates negative values without logarithms), −∞ when it is 0, and
 * `NaN` outside the domain.
 * @internal
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  const out: SignedLog = { sign: 1, log: 0 };
  if (!evaluate(out, a, b, c, z)) return Number.NaN;
  if (out.sign < 0) return Number.NaN;
  return out.sign === 0 ? Number.NEGATIVE_INFINITY : out.log;
}

/**
 * ln ₂F₁(a, b; c; 1 − w) given w = 1 − z in (0, 1] (as {@link logHyp2f1}). Near z = 1 the function
 * behaves like w^{c−a−b}, so the rounding of z = 1 − w would cost a relative error of
 * |c−a−b|·2⁻⁵³/w; callers that know w exactly (a ratio such as (β+t)/(α+t)) pass it here.
 * @internal
 */
export function logHyp2f1Complement(a: number, b: number, c: number, w: number): number {
  if (!(w > 0 && w <= 1)) return Number.NaN;
  const out: SignedLog = { sign: 1, log: 0 };
  if (!evaluate(out, a, b, c, 1 - w, w)) return Number.NaN;
  if (out.sign < 0) return Number.NaN;
  return out.sign === 0 ? Number.NEGATIVE_INFINITY : out.log;
}

/** Steps of the contiguous recurrence between two direct evaluations in {@link logHyp2f1Family}. */
const FAMILY_BLOCK = 48;
/** Shortest block tried before evaluating directly. */
const FAMILY_MIN_BLOCK = 8;
/** Largest disagreement in ln F accepted between the recurrence and a direct evaluation. */
const FAMILY_TOLERANCE = 2e-13;

/**
 * Runs the contiguous relation in a (A&S 15.2.10), (c − a)F(a − 1) + (2a − c + (b − a)z)F(a) +
 * a(z − 1)F(a + 1) = 0 with z = 1 − w, from out[from] and out[from + step] (ln F, exact) to
 * out[to], writing ln F; false when a value stops being positive and finite.
 */
function runFamily(
  out: Float64Array,
  a0: number,
  b: number,
  c: number,
  w: number,
  from: number,
  to: number,
): boolean {
  const step = to > from ? 1 : -1;
  let scale = out[from + step]!;
  let prev = Math.exp(out[from]! - scale);
  let cur = 1;
  for (let j = from + step; j !== to; j += step) {
    const a = a0 + j;
    const middle = (2 * a - c + (b - a) * (1 - w)) * cur;
    const next = step > 0 ? ((c - a) * prev + middle) / (a * w) : (a * w * prev - middle) / (c - a);
    if (!(next > 0) || !Number.isFinite(next)) return false;
    prev = cur;
    cur = next;
    out[j + step] = Math.log(cur) + scale;
    if (cur > 1e100 || cur < 1e-100) {
      prev /= cur;
      scale += Math.log(cur);
      cur = 1;
    }
  }
  return true;
}

/**
 * ln ₂F₁(a₀ + i, b; c; 1 − w) for i = 0 … count − 1 (positive values; entries as
 * {@link logHyp2f1Complement}), by Gauss's contiguous relation in a (Abramowitz & Stegun 15.2.10),
 * in blocks of {@link FAMILY_BLOCK}: each block runs the relation backward from two direct
 * evaluations at its top (stable where the family is the relation's minimal solution as a grows),
 * else forward from its bottom (where it is the dominant one), and the result at the far end is
 * checked against a direct evaluation; when neither agrees within 2·10⁻¹³ (+ 10⁻¹⁵ |ln F|) in
 * ln F the block is retried at length 8, and then evaluated directly. The Pareto/NBD purchase-count closed form needs the whole
 * family for n up to 10⁵.
 * @internal
 */
export function logHyp2f1Family(
  a0: number,
  b: number,
  c: number,
  w: number,
  count: number,
): Float64Array {
  const out = new Float64Array(count);
  const exact = new Float64Array(count).fill(Number.NaN); // direct evaluations made so far
  const direct = (i: number) => {
    if (Number.isNaN(exact[i]!)) exact[i] = logHyp2f1Complement(a0 + i, b, c, w);
    return exact[i]!;
  };
  const agrees = (exact: number, recurred: number) =>
    Math.abs(exact - recurred) <= FAMILY_TOLERANCE + 1e-15 * Math.abs(exact);
  out[0] = direct(0);
  let lo = 0;
  let block = FAMILY_BLOCK;
  while (lo < count - 1) {
    const hi = Math.min(count - 1, lo + block);
    const bottom = out[lo]!;
    out[hi] = direct(hi);
    let ok = false;
    if (hi - lo >= 3 && Number.isFinite(bottom) && Number.isFinite(out[hi]!)) {
      out[hi - 1] = direct(hi - 1);
      ok =
        Number.isFinite(out[hi - 1]!) &&
        runFamily(out, a0, b, c, w, hi, lo) &&
        agrees(bottom, out[lo]!);
      out[lo] = bottom;
      if (!ok) {
        const top = out[hi]!;
        const below = out[hi - 1]!;
        out[lo + 1] = direct(lo + 1);
        ok =
          Number.isFinite(out[lo + 1]!) &&
          runFamily(out, a0, b, c, w, lo, hi) &&
          agrees(top, out[hi]!) &&
          agrees(below, out[hi - 1]!);
        out[hi] = top;
        out[hi - 1] = below;
      }
    }
    if (!ok && hi - lo > FAMILY_MIN_BLOCK) {
      // Shorter blocks lose fewer digits: retry this one at a sixth of the length.
      block = FAMILY_MIN_BLOCK;
      continue;
    }
    if (!ok) for (let j = lo + 1; j < hi; j++) out[j] = direct(j);
    else block = Math.min(FAMILY_BLOCK, 2 * block);
    lo = hi;
  }
  return out;
}

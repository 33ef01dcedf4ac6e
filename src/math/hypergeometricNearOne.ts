/**
 * ₂F₁(a, b; c; z) for z close to 1 by the linear transformation to w = 1 − z (Abramowitz & Stegun
 * 1964, Handbook of Mathematical Functions, 15.3.6), written so that it stays exact when
 * m = c − a − b is an integer or close to one (A&S 15.3.10–15.3.12 are its ε → 0 limit).
 *
 * With m = m₀ + ε (m₀ = round(m) ≥ 0, |ε| ≤ ½) the two series of 15.3.6 each have terms of size
 * 1/ε from index m₀ on; pairing term m₀ + n of the first with term n of the second gives
 *
 *   F = Γ(c)·[ Σ_{k<m₀} (a)_k (b)_k (−1)^k Γ(m−k) w^k / (k! Γ(c−a) Γ(c−b))
 *        + (−1)^{m₀+1} (πε / sin πε) / (Γ(a)Γ(b)Γ(c−a)Γ(c−b)) · Σ_n w^{m₀+n} (f_n(ε) − f_n(0))/ε ],
 *
 *   f_n(x) = w^x Γ(A+x)Γ(B+x) / (Γ(C+x)Γ(D+x)),  A = a+m₀+n, B = b+m₀+n, C = 1+m₀+n, D = 1+n−ε,
 *
 * (the pairing of Forrey 1997, "Computing the hypergeometric function", J. Comput. Phys. 137, and of
 * Michel & Stoitsov 2008, Comput. Phys. Commun. 178). The divided difference (f(ε) − f(0))/ε =
 * f(0)·expm1(ελ)/ε is formed from λ = ln(f(ε)/f(0))/ε, itself a sum of differences
 * (ln Γ(X+ε) − ln Γ(X))/ε evaluated without cancellation (Stirling's series with a shift), so no
 * digit is lost as ε → 0 and ε = 0 is the digamma limit of 15.3.11.
 *
 * Results are a sign and the logarithm of the magnitude (no overflow). Used when every Gamma
 * argument of f_n is positive: c > 0, c − a > 0, c − b > 0, a + m₀ > 0, b + m₀ > 0.
 * @internal
 * @module
 */
import { lnGamma } from "./special.js";

/** A signed number in logarithms: sign · e^{log}. */
export interface SignedLog {
  readonly sign: number;
  readonly log: number;
}

/** Relative size of the neglected tail at which a series stops. */
const SERIES_EPS = 1e-17;
/** Rescaling factor of running sums, and its logarithm. */
const BIG = 1e250;
const LN_BIG = Math.log(BIG);
/** Largest ln(Σ|terms| / |result|) accepted: at most a factor 8 of rounding error is amplified. */
const MAX_CANCELLATION_LOG = Math.log(8);
/** Where Stirling's series for the divided difference is used (below, the argument is shifted up). */
const STIRLING_FROM = 16;
/** Stirling coefficients B_{2k}/(2k(2k−1)) of 1/x^{2k−1}, k = 1..6. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360];

/** log1p(ε/x)/ε, with its limit 1/x at ε = 0 (x > 0, x + ε > 0). */
function perEpsLog1p(x: number, eps: number): number {
  return eps === 0 ? 1 / x : Math.log1p(eps / x) / eps;
}

/**
 * (ln Γ(x+ε) − ln Γ(x))/ε for x > 0, x + ε > 0, without cancellation (its error is relative to
 * the difference, not to ln Γ(x)); ψ(x) at ε = 0.
 * Shifts x up to ≥ 16 by Γ(x+1) = xΓ(x), then Stirling: (x−½)·log1p(ε/x)/ε + ln(x+ε) − 1 +
 * Σ_k c_k (y^{1−2k} − x^{1−2k})/ε with y = x + ε, the last difference as −Σ_j y^{−j−1} x^{j−p}.
 */
export function lnGammaDividedDifference(x: number, eps: number): number {
  let shift = 0;
  while (Math.min(x, x + eps) < STIRLING_FROM) {
    shift -= perEpsLog1p(x, eps);
    x += 1;
  }
  const y = x + eps;
  let series = 0;
  for (let k = 0; k < STIRLING.length; k++) {
    const p = 2 * k + 1; // power of 1/x
    // (y^{−p} − x^{−p})/ε = −Σ_{j=0}^{p−1} y^{−(j+1)} x^{−(p−j)}
    let diff = 0;
    for (let j = 0; j < p; j++) diff -= y ** -(j + 1) * x ** -(p - j);
    series += STIRLING[k]! * diff;
  }
  return shift + (x - 0.5) * perEpsLog1p(x, eps) + Math.log(y) - 1 + series;
}

/** ln |Γ(x)| and its sign for real x that is not a non-positive integer. */
function signedLnGamma(x: number): SignedLog {
  if (x > 0) return { sign: 1, log: lnGamma(x) };
  const r = x - 2 * Math.round(x / 2);
  const s = Math.sin(Math.PI * r);
  return { sign: s > 0 ? 1 : -1, log: Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x) };
}

/** s1·e^{l1} + s2·e^{l2} as a signed log. */
export function addSignedLogs(x: SignedLog, y: SignedLog): SignedLog {
  if (x.sign === 0 || x.log === Number.NEGATIVE_INFINITY) return y;
  if (y.sign === 0 || y.log === Number.NEGATIVE_INFINITY) return x;
  const [hi, lo] = x.log >= y.log ? [x, y] : [y, x];
  const ratio = Math.exp(lo.log - hi.log);
  if (hi.sign === lo.sign) return { sign: hi.sign, log: hi.log + Math.log1p(ratio) };
  const d = 1 - ratio;
  return { sign: d > 0 ? hi.sign : d < 0 ? -hi.sign : 0, log: hi.log + Math.log(Math.abs(d)) };
}

/**
 * ln[Γ(c)Γ(a+m₀)Γ(b+m₀) / (Γ(a)Γ(b)Γ(c−a)Γ(c−b)Γ(1+m₀)Γ(1−ε))] (a, b > 0 here, c = a+b+m₀+ε),
 * as differences of ln Γ whose errors are relative to the differences: with a ≤ b,
 * ln Γ(c) − ln Γ(c−a) = a·Δ(c−a, a), ln Γ(c−a) − ln Γ(b) = (m₀+ε)·Δ(b, m₀+ε),
 * ln Γ(a+m₀) − ln Γ(c−b) = −ε·Δ(a+m₀, ε) and ln Γ(b+m₀) − ln Γ(c−a) = −ε·Δ(b+m₀, ε).
 */
function tailPrefactor(a: number, b: number, c: number, m0: number, eps: number): SignedLog {
  const lnRest = -lnGamma(1 + m0) - lnGamma(1 - eps);
  if (!(a > 0 && b > 0)) {
    // A negative parameter (after Euler's transformation): plain signed ln Γ.
    const gA = signedLnGamma(a);
    const gB = signedLnGamma(b);
    const log =
      lnGamma(c) +
      lnGamma(a + m0) +
      lnGamma(b + m0) -
      gA.log -
      gB.log -
      lnGamma(c - a) -
      lnGamma(c - b) +
      lnRest;
    return { sign: gA.sign * gB.sign, log };
  }
  if (a > b) [a, b] = [b, a];
  const m = m0 + eps;
  const log =
    a * lnGammaDividedDifference(c - a, a) +
    m * lnGammaDividedDifference(b, m) -
    lnGamma(a) -
    eps * lnGammaDividedDifference(a + m0, eps) -
    eps * lnGammaDividedDifference(b + m0, eps) +
    lnRest;
  return { sign: 1, log };
}

/** Whether the transformation below applies to (a, b, c) with m = c − a − b ≥ −½. */
function applies(a: number, b: number, c: number): boolean {
  const m0 = Math.round(c - a - b);
  return (
    m0 >= 0 &&
    c > 0 &&
    c - a > 0 &&
    c - b > 0 &&
    a + m0 > 0 &&
    b + m0 > 0 &&
    !(a <= 0 && Number.isInteger(a)) &&
    !(b <= 0 && Number.isInteger(b))
  );
}

/**
 * Estimated number of terms of the transformed evaluation: the finite sum of m₀ terms plus the
 * tail series, whose ratio tends to w from max(1, A·B·w/(C·D)). +∞ when it does not apply.
 */
export function nearOneCost(a: number, b: number, c: number, w: number): number {
  let m = c - a - b;
  if (m < -0.5) {
    [a, b] = [c - a, c - b];
    m = -m;
  }
  if (!applies(a, b, c)) return Number.POSITIVE_INFINITY;
  const m0 = Math.round(m);
  const growth = ((a + m0) * (b + m0) * w) / (1 + m0);
  return m0 + (Math.max(0, growth) + 40) / -Math.log(w);
}

/**
 * The finite part of the paired 1 − z transformation, Γ(c)/(Γ(c−a)Γ(c−b))·Σ_{k<m₀} (a)_k (b)_k
 * (−1)^k Γ(m−k) w^k / k! (summed as t_k with t₀ = 1 times Γ(m)), in signed logs, and
 * `absLog` = ln(Σ|terms| / |sum|), its cancellation. Zero (log −∞) when m₀ = 0.
 */
function finitePart(
  a: number,
  b: number,
  c: number,
  m: number,
  m0: number,
  w: number,
): { value: SignedLog; absLog: number } {
  if (!(m0 > 0)) return { value: { sign: 0, log: Number.NEGATIVE_INFINITY }, absLog: 0 };
  let term = 1;
  let sum = 1;
  let abs = 1;
  let scale = 0;
  for (let k = 0; k < m0 - 1; k++) {
    term *= ((a + k) * (b + k) * w) / ((k + 1) * (k + 1 - m));
    sum += term;
    abs += Math.abs(term);
    if (abs > BIG) {
      sum /= BIG;
      abs /= BIG;
      term /= BIG;
      scale += LN_BIG;
    }
  }
  // ln[Γ(c)Γ(m)/(Γ(c−a)Γ(c−b))] = [ln Γ(c) − ln Γ(c−a)] − [ln Γ(m+a) − ln Γ(m)], c − b = m + a.
  const lnPrefactor = a * (lnGammaDividedDifference(c - a, a) - lnGammaDividedDifference(m, a));
  return {
    value: {
      sign: sum > 0 ? 1 : sum < 0 ? -1 : 0,
      log: lnPrefactor + Math.log(Math.abs(sum)) + scale,
    },
    absLog: Math.log(abs) - Math.log(Math.abs(sum)),
  };
}

/**
 * The transformed evaluation at z = 1 − w, 0 < w < 1, given w (so that w keeps its relative
 * precision when z is within rounding of 1); `undefined` when the parameters are outside its domain
 * (see the module comment) or the tail series does not converge within `maxTerms`.
 */
export function hyp2f1NearOne(
  a: number,
  b: number,
  c: number,
  w: number,
  maxTerms = 1_000_000,
): SignedLog | undefined {
  const lnW = Math.log(w);
  let m = c - a - b;
  let logPrefactor = 0;
  if (m < -0.5) {
    // Euler (A&S 15.3.3): F(a, b; c; z) = w^m F(c−a, c−b; c; z).
    logPrefactor = m * lnW;
    [a, b] = [c - a, c - b];
    m = -m;
  }
  if (!applies(a, b, c)) return undefined;
  const m0 = Math.round(m);
  const eps = m - m0;

  const { value: finite, absLog: finiteAbsLog } = finitePart(a, b, c, m, m0, w);

  // Paired tail: Σ_n u_n·h_n with u_n = w^n f_n(0)/f_0(0), h_n = expm1(ελ_n)/ε, λ_n = ln(f_n(ε)/f_n(0))/ε.
  let A = a + m0;
  let B = b + m0;
  let C = 1 + m0;
  let D = 1 - eps;
  let lambda =
    lnW +
    lnGammaDividedDifference(A, eps) +
    lnGammaDividedDifference(B, eps) -
    lnGammaDividedDifference(C, eps) -
    lnGammaDividedDifference(D, eps);
  let u = 1;
  let sum = 0;
  let abs = 0;
  let scale = 0;
  let converged = false;
  for (let n = 0; n < maxTerms; n++) {
    const h = eps === 0 ? lambda : Math.expm1(eps * lambda) / eps;
    const term = u * h;
    sum += term;
    abs += Math.abs(term);
    // Next ratio and the bound of every later ratio (each factor is monotone towards 1).
    const rho = w * Math.max(1, A / C) * Math.max(1, B / D);
    if (n > 0 && rho < 1 && (2 * Math.abs(term) * rho) / (1 - rho) <= SERIES_EPS * Math.abs(sum)) {
      converged = true;
      break;
    }
    u *= (A * B * w) / (C * D);
    lambda += perEpsLog1p(A, eps) + perEpsLog1p(B, eps) - perEpsLog1p(C, eps) - perEpsLog1p(D, eps);
    A += 1;
    B += 1;
    C += 1;
    D += 1;
    if (abs > BIG || Math.abs(u) > BIG) {
      sum /= BIG;
      abs /= BIG;
      u /= BIG;
      scale += LN_BIG;
    }
    if (u === 0 && n > 0) {
      converged = true;
      break;
    }
  }
  if (!converged) return undefined;
  const piEps = eps === 0 ? 1 : (Math.PI * eps) / Math.sin(Math.PI * eps);
  const prefactor = tailPrefactor(a, b, c, m0, eps);
  const tail: SignedLog = {
    sign: (m0 % 2 === 0 ? -1 : 1) * (sum > 0 ? 1 : sum < 0 ? -1 : 0) * prefactor.sign,
    log: Math.log(piEps) + m0 * lnW + prefactor.log + Math.log(Math.abs(sum)) + scale,
  };
  const total = addSignedLogs(finite, tail);
  // Conditioning: the sum of the magnitudes of every term against the result. Where the terms
  // cancel (|a·b|·w large, the alternating finite part grows) the evaluation is refused.
  const magnitude = Math.max(
    finite.log + finiteAbsLog,
    tail.log + Math.log(abs) - Math.log(Math.abs(sum)),
  );
  if (!(magnitude - total.log <= MAX_CANCELLATION_LOG)) return undefined;
  return { sign: total.sign, log: total.log + logPrefactor };
}

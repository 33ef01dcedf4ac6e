/**
 * The mathematics of the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; Fader & Hardie
 * 2005, "A note on deriving the Pareto/NBD model and related expressions"): the stable
 * log-likelihood with its analytic gradient, P(alive), expected purchases, the purchase-count PMF
 * and DERT, following the shared reference "models.md" §3 (formulas, test values) and §7.
 *
 * Every function takes natural parameters `{ r, alpha, s, beta }` and histories `(x, t_x, T)` in one
 * time unit, and works in log space: nothing overflows for x up to 1,000 and T up to 10,000.
 * @internal
 * @module
 */
import { logExpIntegralJ } from "../../math/expIntegral.js";
import {
  logHyp2f1,
  logHyp2f1Complement,
  logHyp2f1Family,
  unitContinuedFraction,
} from "../../math/hypergeometric.js";
import type { Objective } from "../../math/optimize.js";
import { gaussLaguerre } from "../../math/quadrature.js";
import { digamma, lnBeta, lnGamma, lnPochhammer, logAddExp } from "../../math/special.js";
import { indexHistories } from "../history.js";
import type { ParetoNbdParams } from "../types.js";

/** Most terms of the G series (reached only when z is extremely close to 1). */
const MAX_G_TERMS = 1_000_000;

// Output registers of seriesG (no allocation in the hot loop).
let gLog = 0;
let gDp = 0;
let gDq = 0;
let gDalpha = 0;
let gDbeta = 0;

/**
 * G_{p,q}(τ) of models.md §3.3, in logs, and (optionally) the derivatives of ln G with respect to
 * p, q, α and β:
 * α ≥ β: G = ₂F₁(1, p; p+q; z)(α+τ)^{−p}(β+τ)^{−(q−1)}, z = (α−β)/(α+τ);
 * α < β: G = ₂F₁(1, q; p+q; z)(α+τ)^{−(p−1)}(β+τ)^{−q}, z = (β−α)/(β+τ).
 * The ₂F₁ has positive terms with ratio below z, so the tail after a term h is below h·z/(1−z).
 * Its parameter derivatives are summed in the same loop (running sums D^p_k, D^q_k of §3.3), and
 * so is z·dH/dz = Σ k h_k, which gives ∂/∂α and ∂/∂β through ∂z/∂α, ∂z/∂β (this replaces the
 * shifted integrals I(p+1, q), I(p, q+1) of §3.3: ∂I/∂α = −p I(p+1, q), ∂I/∂β = −q I(p, q+1)).
 * `I(p, q) = ∫_{t_x}^{T} (α+τ)^{−p}(β+τ)^{−q} dτ = (G(t_x) − G(T)) / (p + q − 1)`.
 */
function seriesG(
  p: number,
  q: number,
  alpha: number,
  beta: number,
  tau: number,
  lnAlphaTau: number,
  lnBetaTau: number,
  derivatives: boolean,
): void {
  const upper = alpha >= beta;
  const aT = alpha + tau;
  const bT = beta + tau;
  const z = upper ? (alpha - beta) / aT : (beta - alpha) / bT;
  const b0 = upper ? p : q;
  const c = p + q;
  // ln H and (with derivatives) ∂ ln H/∂p, ∂ ln H/∂q, ∂ ln H/∂z.
  let lnH = 0;
  let dHp = 0;
  let dHq = 0;
  let dHz = b0 / c; // the value at z = 0
  if (derivatives ? z > 0.9999 : z > 0.999) {
    // Close to 1 (β ≪ α, or α ≪ β at short ages) the series needs ~37/(1 − z) terms; Gauss's
    // continued fraction for a unit parameter needs far fewer (models.md §7.2, step 4). Beyond
    // z = 0.9999 the derivatives (needed only when an optimiser visits such extreme parameter
    // ratios, β/α < 10⁻⁴ on times scaled to max T = 1) are taken by central differences of the
    // continued fraction: relative accuracy ≈ 1e-9 for ln H, less for the gradient when t_x ≈ T.
    // The continued fraction is called directly (c > b₀ > 0 always holds here): the general ₂F₁
    // routine would first apply Euler's transformation when c − 1 − b₀ < 0 and lose the unit
    // parameter, and then sum up to millions of series terms (seconds per likelihood evaluation
    // for t_x = 0 and α ≪ β).
    lnH = unitContinuedFraction(b0, c, z);
    if (derivatives) {
      const hp = 1e-5 * p;
      const hq = 1e-5 * q;
      const hz = 1e-3 * (1 - z);
      if (upper) {
        dHp =
          (unitContinuedFraction(p + hp, c + hp, z) - unitContinuedFraction(p - hp, c - hp, z)) /
          (2 * hp);
        dHq =
          (unitContinuedFraction(p, c + hq, z) - unitContinuedFraction(p, c - hq, z)) / (2 * hq);
      } else {
        dHp =
          (unitContinuedFraction(q, c + hp, z) - unitContinuedFraction(q, c - hp, z)) / (2 * hp);
        dHq =
          (unitContinuedFraction(q + hq, c + hq, z) - unitContinuedFraction(q - hq, c - hq, z)) /
          (2 * hq);
      }
      dHz =
        (unitContinuedFraction(b0, c, z + hz) - unitContinuedFraction(b0, c, z - hz)) / (2 * hz);
    }
  } else if (z > 0) {
    let h = 1;
    let H = 1;
    let Dp = 0;
    let Dq = 0;
    let SDp = 0;
    let SDq = 0;
    let SK = 0; // Σ k h_k = z H'(z)
    const stop = 1e-17 * (1 - z);
    for (let k = 0; k < MAX_G_TERMS; k++) {
      if (derivatives) {
        const inv = 1 / (c + k);
        if (upper) {
          Dp += 1 / (p + k) - inv;
          Dq -= inv;
        } else {
          Dp -= inv;
          Dq += 1 / (q + k) - inv;
        }
      }
      h *= ((b0 + k) * z) / (c + k);
      H += h;
      if (derivatives) {
        SDp += h * Dp;
        SDq += h * Dq;
        SK += (k + 1) * h;
      }
      if (h * z <= stop * H) break;
    }
    lnH = Math.log(H);
    if (derivatives) {
      dHp = SDp / H;
      dHq = SDq / H;
      dHz = SK / (z * H);
    }
  }
  gLog = upper
    ? lnH - p * lnAlphaTau - (q - 1) * lnBetaTau
    : lnH - (p - 1) * lnAlphaTau - q * lnBetaTau;
  if (derivatives) {
    gDp = dHp - lnAlphaTau;
    gDq = dHq - lnBetaTau;
    const dLnH = dHz;
    if (upper) {
      // z = (α−β)/(α+τ): ∂z/∂α = (β+τ)/(α+τ)², ∂z/∂β = −1/(α+τ)
      gDalpha = (dLnH * bT) / (aT * aT) - p / aT;
      gDbeta = -dLnH / aT - (q - 1) / bT;
    } else {
      // z = (β−α)/(β+τ): ∂z/∂α = −1/(β+τ), ∂z/∂β = (α+τ)/(β+τ)²
      gDalpha = -dLnH / bT - (p - 1) / aT;
      gDbeta = (dLnH * aT) / (bT * bT) - q / bT;
    }
  }
}

/** ψ(r+x) − ψ(r): the exact sum Σ_{j<x} 1/(r+j) for small x (models.md §7.1). */
function digammaDifference(r: number, x: number): number {
  if (x <= 32) {
    let sum = 0;
    for (let j = 0; j < x; j++) sum += 1 / (r + j);
    return sum;
  }
  return digamma(r + x) - digamma(r);
}

// Output registers of evaluateRow.
let rowLogE = 0;
let rowLogSI = 0;
let gradR = 0;
let gradAlpha = 0;
let gradS = 0;
let gradBeta = 0;

/**
 * The parts of one customer's likelihood that depend on (t_x, T): ln E and ln(sI) of models.md §3.2
 * (stored in rowLogE, rowLogSI), and with `gradient` the (t_x, T)-dependent parts of ∂ℓ/∂(r, α, s, β)
 * of §3.3 (without ψ(r+x) − ψ(r) + ln α, r/α, ln β, s/β, which the caller adds).
 */
function evaluateRow(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
  gradient: boolean,
  lnAT = Math.log(alpha + T),
  lnBT = Math.log(beta + T),
  lnATx = Math.log(alpha + tx),
  lnBTx = Math.log(beta + tx),
): void {
  const p = r + x;
  const q = s + 1;
  const lnE = -p * lnAT - s * lnBT;
  rowLogE = lnE;
  if (!(tx < T)) {
    // t_x = T: the integral I vanishes, P(alive) = 1.
    rowLogSI = Number.NEGATIVE_INFINITY;
    if (gradient) {
      gradR = -lnAT;
      gradAlpha = -p / (alpha + T);
      gradS = -lnBT;
      gradBeta = -s / (beta + T);
    }
    return;
  }
  seriesG(p, q, alpha, beta, tx, lnATx, lnBTx, gradient);
  const g1 = gLog;
  const d1p = gDp;
  const d1q = gDq;
  const d1a = gDalpha;
  const d1b = gDbeta;
  seriesG(p, q, alpha, beta, T, lnAT, lnBT, gradient);
  const g2 = gLog;
  const d2p = gDp;
  const d2q = gDq;
  const d2a = gDalpha;
  const d2b = gDbeta;
  combineRow(
    s,
    beta,
    p,
    alpha,
    T,
    lnAT,
    lnBT,
    lnE,
    gradient,
    g1,
    d1p,
    d1q,
    d1a,
    d1b,
    g2,
    d2p,
    d2q,
    d2a,
    d2b,
  );
}

/**
 * From ln E and G(t_x), G(T) (with their log-derivatives), ln(sI) and the (t_x, T)-dependent
 * gradient parts of §3.3, into the row registers.
 */
function combineRow(
  s: number,
  beta: number,
  p: number,
  alpha: number,
  T: number,
  lnAT: number,
  lnBT: number,
  lnE: number,
  gradient: boolean,
  g1: number,
  d1p: number,
  d1q: number,
  d1a: number,
  d1b: number,
  g2: number,
  d2p: number,
  d2q: number,
  d2a: number,
  d2b: number,
): void {
  const denom = p + s; // r + s + x
  rowLogE = lnE;
  // ln(sI) = ln(s/(r+s+x)) + g₁ + log1p(−e^{g₂−g₁}) (models.md §3.2)
  rowLogSI = Math.log(s / denom) + g1 + Math.log1p(-Math.exp(Math.min(0, g2 - g1)));
  if (!gradient) return;
  // Common scale e^{−M} for every term (§3.3).
  const M = Math.max(lnE, g1);
  const e = Math.exp(lnE - M);
  const G1 = Math.exp(g1 - M);
  const G2 = Math.exp(g2 - M);
  const I = Math.max(0, G1 - G2) / denom;
  const dIp = (G1 * d1p - G2 * d2p - I) / denom;
  const dIq = (G1 * d1q - G2 * d2q - I) / denom;
  const dIalpha = (G1 * d1a - G2 * d2a) / denom;
  const dIbeta = (G1 * d1b - G2 * d2b) / denom;
  const D = e + s * I;
  gradR = (-lnAT * e + s * dIp) / D;
  gradAlpha = ((-p * e) / (alpha + T) + s * dIalpha) / D;
  gradS = (-lnBT * e + I + s * dIq) / D;
  gradBeta = ((-s * e) / (beta + T) + s * dIbeta) / D;
}

/**
 * ℓ(r, α, s, β | x, t_x, T) = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + LSE(ln E, ln(sI)) (§3.2).
 * @internal
 */
export function paretoNbdLogLikelihood(
  q: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  evaluateRow(q.r, q.alpha, q.s, q.beta, x, tx, T, false);
  return (
    lnPochhammer(q.r, x) +
    q.r * Math.log(q.alpha) +
    q.s * Math.log(q.beta) +
    logAddExp(rowLogE, rowLogSI)
  );
}

/**
 * The gradient (∂_r, ∂_α, ∂_s, ∂_β) ℓ of one customer's log-likelihood (§3.3).
 * @internal
 */
export function paretoNbdLogLikelihoodGradient(
  q: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): [number, number, number, number] {
  evaluateRow(q.r, q.alpha, q.s, q.beta, x, tx, T, true);
  return [
    digammaDifference(q.r, x) + Math.log(q.alpha) + gradR,
    q.r / q.alpha + gradAlpha,
    Math.log(q.beta) + gradS,
    q.s / q.beta + gradBeta,
  ];
}

/**
 * Largest ratio α/β or β/α at which the likelihood is evaluated during a fit (times rescaled to
 * max T = 1). Near t_x = 0 the argument of G's ₂F₁ is z = 1 − min(α,β)/max(α,β), and the continued
 * fraction's cost grows without bound as z → 1 (a fit on six customers with seven repeat purchases
 * at recency 0 ran for 38 s in such a region, its likelihood unbounded); the objective is "outside
 * the domain" beyond this ratio, which bounds the cost of one evaluation to about a millisecond per
 * distinct (frequency, time) pair. A maximum beyond it is a boundary solution that the fit rejects.
 */
const MAX_SCALE_RATIO = 1e6;

/**
 * Negative log-likelihood −Σ w ℓ and its gradient over compressed rows (natural parameters
 * r, α, s, β), for {@link maximizeLikelihood}. The frequency-only terms are computed once per
 * distinct frequency.
 * @internal
 */
export function paretoNbdObjective(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  weight: Float64Array,
): Objective {
  const n = x.length;
  // Distinct frequencies and observation times (t_x and T), each row's indices into them:
  // ln(α+τ), ln(β+τ) once per time value per evaluation.
  const { distinct, xi, wx, times, ti, txi } = indexHistories(x, tx, T, weight);
  const lnAlphaTime = new Float64Array(times.length);
  const lnBetaTime = new Float64Array(times.length);
  // Distinct (x, τ) pairs: G_{r+x, s+1}(τ) is shared by every row with that frequency and t_x or T
  // (e.g. every x = 0 row has t_x = 0), so the series are summed once per pair per evaluation.
  const pairIndex = new Map<number, number>();
  const pairX: number[] = [];
  const pairTime: number[] = [];
  const pairOf = (k: number, time: number): number => {
    const key = k * times.length + time;
    let j = pairIndex.get(key);
    if (j === undefined) {
      j = pairX.length;
      pairIndex.set(key, j);
      pairX.push(distinct[k]!);
      pairTime.push(time);
    }
    return j;
  };
  const pairAt = new Int32Array(n).fill(-1);
  const pairEnd = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (tx[i]! < T[i]!) {
      pairAt[i] = pairOf(xi[i]!, txi[i]!);
      pairEnd[i] = pairOf(xi[i]!, ti[i]!);
    }
  }
  const np = pairX.length;
  const pg = new Float64Array(np);
  const pdp = new Float64Array(np);
  const pdq = new Float64Array(np);
  const pda = new Float64Array(np);
  const pdb = new Float64Array(np);
  return (params, gradient) => {
    const r = params[0]!;
    const alpha = params[1]!;
    const s = params[2]!;
    const beta = params[3]!;
    // Outside the region the ₂F₁ numerics serve at bounded cost (see MAX_SCALE_RATIO).
    if (!(alpha <= MAX_SCALE_RATIO * beta && beta <= MAX_SCALE_RATIO * alpha)) {
      return Number.POSITIVE_INFINITY;
    }
    const lnAlpha = Math.log(alpha);
    const lnBeta = Math.log(beta);
    let ll = 0;
    let gr = 0;
    let ga = 0;
    let gs = 0;
    let gb = 0;
    for (let k = 0; k < distinct.length; k++) {
      const w = wx[k]!;
      const xv = distinct[k]!;
      ll += w * (lnPochhammer(r, xv) + r * lnAlpha + s * lnBeta);
      gr += w * (digammaDifference(r, xv) + lnAlpha);
      ga += (w * r) / alpha;
      gs += w * lnBeta;
      gb += (w * s) / beta;
    }
    for (let k = 0; k < times.length; k++) {
      lnAlphaTime[k] = Math.log(alpha + times[k]!);
      lnBetaTime[k] = Math.log(beta + times[k]!);
    }
    for (let j = 0; j < np; j++) {
      const k = pairTime[j]!;
      seriesG(r + pairX[j]!, s + 1, alpha, beta, times[k]!, lnAlphaTime[k]!, lnBetaTime[k]!, true);
      pg[j] = gLog;
      pdp[j] = gDp;
      pdq[j] = gDq;
      pda[j] = gDalpha;
      pdb[j] = gDbeta;
    }
    for (let i = 0; i < n; i++) {
      const w = weight[i]!;
      const kT = ti[i]!;
      const p = r + x[i]!;
      const Ti = T[i]!;
      const lnAT = lnAlphaTime[kT]!;
      const lnBT = lnBetaTime[kT]!;
      const lnE = -p * lnAT - s * lnBT;
      const a = pairAt[i]!;
      if (a < 0) {
        // t_x = T: I = 0
        ll += w * lnE;
        gr -= w * lnAT;
        ga -= (w * p) / (alpha + Ti);
        gs -= w * lnBT;
        gb -= (w * s) / (beta + Ti);
        continue;
      }
      const b = pairEnd[i]!;
      combineRow(
        s,
        beta,
        p,
        alpha,
        Ti,
        lnAT,
        lnBT,
        lnE,
        true,
        pg[a]!,
        pdp[a]!,
        pdq[a]!,
        pda[a]!,
        pdb[a]!,
        pg[b]!,
        pdp[b]!,
        pdq[b]!,
        pda[b]!,
        pdb[b]!,
      );
      ll += w * logAddExp(rowLogE, rowLogSI);
      gr += w * gradR;
      ga += w * gradAlpha;
      gs += w * gradS;
      gb += w * gradBeta;
    }
    gradient[0] = -gr;
    gradient[1] = -ga;
    gradient[2] = -gs;
    gradient[3] = -gb;
    return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
  };
}

/**
 * P(alive | x, t_x, T) = E / (E + sI) = exp(ln E − LSE(ln E, ln(sI))) (§3.4); exactly in [0, 1],
 * exactly 1 when t_x = T.
 * @internal
 */
export function paretoNbdProbabilityAlive(
  q: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  if (!(tx < T)) return 1;
  const { r, alpha, s, beta } = q;
  const p = r + x;
  // sI/E without forming either (three transcendental calls per customer):
  // α ≥ β: sI/E = s/(r+s+x)·[H(t_x)·((α+T)/(α+t_x))^{p}((β+T)/(β+t_x))^{s} − H(T)],
  // α < β: sI/E = s/(r+s+x)·(α+T)/(β+T)·[H(t_x)·((α+T)/(α+t_x))^{p−1}((β+T)/(β+t_x))^{s+1} − H(T)],
  // with H the ₂F₁(1, ·; r+s+x+1; z_τ) of G (§3.2); then P(alive) = 1/(1 + sI/E).
  const LA = Math.log((alpha + T) / (alpha + tx));
  const LB = Math.log((beta + T) / (beta + tx));
  const upper = alpha >= beta;
  const b0 = upper ? p : s + 1;
  const c = p + s + 1;
  const H1 = hypergeometricH(
    b0,
    c,
    upper ? (alpha - beta) / (alpha + tx) : (beta - alpha) / (beta + tx),
  );
  const H2 = hypergeometricH(
    b0,
    c,
    upper ? (alpha - beta) / (alpha + T) : (beta - alpha) / (beta + T),
  );
  const u = upper ? p * LA + s * LB : (p - 1) * LA + (s + 1) * LB;
  // H₁e^u − H₂ = H₁·expm1(u) + (H₁ − H₂): no cancellation in the exponential when t_x ≈ T.
  let ratio = (s / (p + s)) * (H1 * Math.expm1(u) + (H1 - H2));
  if (!upper) ratio *= (alpha + T) / (beta + T);
  if (!(ratio > 0)) return 1;
  return 1 / (1 + ratio);
}

/** ₂F₁(1, b; c; z) for 0 ≤ z < 1, c > b > 0: the positive series of G, or the continued fraction near 1. */
function hypergeometricH(b: number, c: number, z: number): number {
  if (z === 0) return 1;
  if (z > 0.999) return Math.exp(logHyp2f1(1, b, c, z));
  let h = 1;
  let H = 1;
  const stop = 1e-17 * (1 - z);
  for (let k = 0; k < MAX_G_TERMS; k++) {
    h *= ((b + k) * z) / (c + k);
    H += h;
    if (h * z <= stop * H) break;
  }
  return H;
}

/**
 * Vectorised {@link paretoNbdProbabilityAlive} over columns, written into `out`.
 * @internal
 */
export function paretoNbdProbabilityAliveMany(
  q: ParetoNbdParams,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < x.length; i++) out[i] = paretoNbdProbabilityAlive(q, x[i]!, tx[i]!, T[i]!);
  return out;
}

/** (1 − (1+u)^{−ε}) / ε with ε = s − 1, continuous through ε = 0 (limit ln(1+u)). */
function powerBracket(epsilon: number, u: number): number {
  const L = Math.log1p(u);
  const y = epsilon * L;
  if (Math.abs(y) < 1e-5) return L * (1 - y / 2 + (y * y) / 6 - (y * y * y) / 24);
  return -Math.expm1(-y) / epsilon;
}

/**
 * E[X(t)] for a new customer = rβ/(α(s−1))·[1 − (β/(β+t))^{s−1}] (§3.4), with the bracket as
 * −expm1(−(s−1)·log1p(t/β)) and the limit (rβ/α) ln(1 + t/β) at s = 1.
 * @internal
 */
export function paretoNbdExpectedPurchases(q: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return ((q.r * q.beta) / q.alpha) * powerBracket(q.s - 1, t / q.beta);
}

/**
 * E[Y(t) | x, t_x, T] = P(alive)·(r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^{s−1}] (§3.4).
 * @internal
 */
export function paretoNbdConditionalExpectedPurchases(
  q: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  const alive = paretoNbdProbabilityAlive(q, x, tx, T);
  if (alive === 0 || t <= 0) return 0;
  return (
    alive * (((q.r + x) * (q.beta + T)) / (q.alpha + T)) * powerBracket(q.s - 1, t / (q.beta + T))
  );
}

/**
 * The factor g of E[Y(t) | x, t_x, T] = P(alive)·g(x, T, t): (r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^{s−1}]
 * (lets batch paths compute it once per distinct (x, T)).
 * @internal
 */
export function paretoNbdExpectedIfAlive(
  q: ParetoNbdParams,
  x: number,
  T: number,
  t: number,
): number {
  if (t <= 0) return 0;
  return (((q.r + x) * (q.beta + T)) / (q.alpha + T)) * powerBracket(q.s - 1, t / (q.beta + T));
}

/**
 * The factor g of DERT = P(alive)·g(x, T, δ): (r+x)/(α+T)·(β+T)·J_s(δ(β+T)) (§3.6).
 * @internal
 */
export function paretoNbdDertIfAlive(
  q: ParetoNbdParams,
  x: number,
  T: number,
  delta: number,
): number {
  return Math.exp(
    Math.log((q.r + x) / (q.alpha + T)) +
      Math.log(q.beta + T) +
      logExpIntegralJ(q.s, delta * (q.beta + T)),
  );
}

/**
 * Vectorised P(alive) and E[Y(t) | x, t_x, T] over columns (one likelihood evaluation per customer).
 * @internal
 */
export function paretoNbdConditionalExpectedPurchasesMany(
  q: ParetoNbdParams,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  t: number,
  aliveOut: Float64Array,
  expectedOut: Float64Array,
): void {
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const Ti = T[i]!;
    const alive = paretoNbdProbabilityAlive(q, xi, tx[i]!, Ti);
    aliveOut[i] = alive;
    expectedOut[i] =
      alive === 0 || t <= 0
        ? 0
        : alive *
          (((q.r + xi) * (q.beta + Ti)) / (q.alpha + Ti)) *
          powerBracket(q.s - 1, t / (q.beta + Ti));
  }
}

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
 * Q_n(t) = ∫₀^t NB(n; r, α, τ) sβ^s/(β+τ)^{s+1} dτ by the integral form of §3.5 with a 32-point
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
 * cancels (ρ ≥ 100, §3.5).
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
 * P(X(t) = n) for a new customer = NB(n; r, α, t)(β/(β+t))^s + Q_n(t) (§3.5).
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
 * (§3.5: given alive at T the posterior is a Pareto/NBD with updated parameters).
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

/**
 * DERT(δ | x, t_x, T) = P(alive)·(r+x)/(α+T)·(β+T)·J_s(δ(β+T)) (§3.6, the factored form of
 * Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves", eq. 2), δ continuous per unit.
 * @internal
 */
export function paretoNbdDert(
  q: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  delta: number,
): number {
  const alive = paretoNbdProbabilityAlive(q, x, tx, T);
  return alive === 0 ? 0 : alive * paretoNbdDertIfAlive(q, x, T, delta);
}

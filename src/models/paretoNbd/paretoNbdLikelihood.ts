/**
 * The Pareto/NBD log-likelihood and its analytic gradient (Schmittlein, Morrison & Colombo 1987;
 * Fader & Hardie 2005, "A note on deriving the Pareto/NBD model and related expressions", and
 * its derivatives), per customer ({@link paretoNbdLogLikelihood}, the definition) and over
 * compressed histories ({@link paretoNbdObjective}, the engine a fit minimises). Both combine the
 * same two evaluations of G (see {@link seriesG}) by {@link combineRow}, in log space: nothing
 * overflows for x up to 1,000 and T up to 10,000.
 * @internal
 * @module
 */
import type { Objective } from "../../math/optimize.js";
import { digamma, lnPochhammer, logAddExp } from "../../math/special.js";
import { type HistoryIndex, indexHistories } from "../history.js";
import type { ParetoNbdParams } from "../types.js";
import { G_STRIDE, seriesG } from "./paretoNbdSeries.js";

/** One customer's quantities that {@link combineRow} needs besides G (a caller-owned, reused struct). */
interface LikelihoodRow {
  /** r + x. */
  p: number;
  /** The drop-out shape s. */
  s: number;
  /** The purchase-rate scale α. */
  alpha: number;
  /** The drop-out scale β. */
  beta: number;
  /** The length of observation T. */
  T: number;
  /** ln(α + T). */
  lnAT: number;
  /** ln(β + T). */
  lnBT: number;
}

/** Slots written by {@link combineRow}: ln E, ln(sI), and the (t_x, T)-dependent gradient parts. */
const LN_E = 0;
const LN_SI = 1;
const D_R = 2;
const D_ALPHA = 3;
const D_S = 4;
const D_BETA = 5;
/** Length of {@link combineRow}'s output. */
const ROW_SLOTS = 6;

/**
 * One customer's ln E = −(r+x) ln(α+T) − s ln(β+T) and ln(sI), I = ∫_{t_x}^{T} (α+τ)^{−(r+x)}
 * (β+τ)^{−(s+1)} dτ = (G(t_x) − G(T))/(r+s+x), from G(t_x) at `g[at …]` and G(T) at `g[end …]`
 * (ln G and its log-derivatives, as written by {@link seriesG}); `at < 0` means t_x = T (I = 0).
 * With `gradient` also the (t_x, T)-dependent parts of ∂ℓ/∂(r, α, s, β) (without ψ(r+x) − ψ(r) +
 * ln α, r/α, ln β, s/β, which depend on x alone). Writes {@link ROW_SLOTS} values into `out`.
 */
function combineRow(
  row: LikelihoodRow,
  g: Float64Array,
  at: number,
  end: number,
  gradient: boolean,
  out: Float64Array,
): void {
  const { p, s, alpha, beta, T, lnAT, lnBT } = row;
  const lnE = -p * lnAT - s * lnBT;
  out[LN_E] = lnE;
  if (at < 0) {
    out[LN_SI] = Number.NEGATIVE_INFINITY;
    if (!gradient) return;
    out[D_R] = -lnAT;
    out[D_ALPHA] = -p / (alpha + T);
    out[D_S] = -lnBT;
    out[D_BETA] = -s / (beta + T);
    return;
  }
  const denom = p + s; // r + s + x
  const g1 = g[at]!;
  const g2 = g[end]!;
  // ln(sI) = ln(s/(r+s+x)) + g₁ + log1p(−e^{g₂−g₁})
  out[LN_SI] = Math.log(s / denom) + g1 + Math.log1p(-Math.exp(Math.min(0, g2 - g1)));
  if (!gradient) return;
  // Common scale e^{−M} for every term.
  const M = Math.max(lnE, g1);
  const e = Math.exp(lnE - M);
  const G1 = Math.exp(g1 - M);
  const G2 = Math.exp(g2 - M);
  const I = Math.max(0, G1 - G2) / denom;
  const dIp = (G1 * g[at + 1]! - G2 * g[end + 1]! - I) / denom;
  const dIq = (G1 * g[at + 2]! - G2 * g[end + 2]! - I) / denom;
  const dIalpha = (G1 * g[at + 3]! - G2 * g[end + 3]!) / denom;
  const dIbeta = (G1 * g[at + 4]! - G2 * g[end + 4]!) / denom;
  const D = e + s * I;
  out[D_R] = (-lnAT * e + s * dIp) / D;
  out[D_ALPHA] = ((-p * e) / (alpha + T) + s * dIalpha) / D;
  out[D_S] = (-lnBT * e + I + s * dIq) / D;
  out[D_BETA] = ((-s * e) / (beta + T) + s * dIbeta) / D;
}

/** ψ(r+x) − ψ(r): the exact sum Σ_{j<x} 1/(r+j) for small x (no cancellation of two ψ). */
function digammaDifference(r: number, x: number): number {
  if (x <= 32) {
    let sum = 0;
    for (let j = 0; j < x; j++) sum += 1 / (r + j);
    return sum;
  }
  return digamma(r + x) - digamma(r);
}

/** One customer's G(t_x), G(T) and {@link combineRow} output (fresh arrays: a reference path). */
function evaluateRow(q: ParetoNbdParams, x: number, tx: number, T: number, gradient: boolean) {
  const { r, alpha, s, beta } = q;
  const row: LikelihoodRow = {
    p: r + x,
    s,
    alpha,
    beta,
    T,
    lnAT: Math.log(alpha + T),
    lnBT: Math.log(beta + T),
  };
  const g = new Float64Array(2 * G_STRIDE);
  const out = new Float64Array(ROW_SLOTS);
  const ends = tx < T;
  if (ends) {
    const { p, lnAT, lnBT } = row;
    seriesG(p, s + 1, alpha, beta, tx, Math.log(alpha + tx), Math.log(beta + tx), gradient, g, 0);
    seriesG(p, s + 1, alpha, beta, T, lnAT, lnBT, gradient, g, G_STRIDE);
  }
  combineRow(row, g, ends ? 0 : -1, G_STRIDE, gradient, out);
  return out;
}

/**
 * One customer's log-likelihood
 * ℓ(r, α, s, β | x, t_x, T) = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln(E + sI)
 * (Fader & Hardie 2005, with E and sI as in {@link combineRow}). {@link paretoNbdObjective}
 * is the same sum over many customers, with G shared between customers.
 * @internal
 */
export function paretoNbdLogLikelihood(
  q: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const out = evaluateRow(q, x, tx, T, false);
  const { r, alpha, s, beta } = q;
  return (
    lnPochhammer(r, x) +
    r * Math.log(alpha) +
    s * Math.log(beta) +
    logAddExp(out[LN_E]!, out[LN_SI]!)
  );
}

/**
 * The gradient (∂_r, ∂_α, ∂_s, ∂_β) ℓ of {@link paretoNbdLogLikelihood}.
 * @internal
 */
export function paretoNbdLogLikelihoodGradient(
  q: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): [number, number, number, number] {
  const out = evaluateRow(q, x, tx, T, true);
  return [
    digammaDifference(q.r, x) + Math.log(q.alpha) + out[D_R]!,
    q.r / q.alpha + out[D_ALPHA]!,
    Math.log(q.beta) + out[D_S]!,
    q.s / q.beta + out[D_BETA]!,
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
 * The distinct (frequency, time) pairs of compressed histories: G_{r+x, s+1}(τ) is shared by every
 * row with that frequency and t_x or T (e.g. every x = 0 row has t_x = 0), so the series are summed
 * once per pair per evaluation. `at[i]`, `end[i]` are row i's pairs for t_x and T (−1 when t_x = T).
 */
function distinctPairs(index: HistoryIndex, tx: Float64Array, T: Float64Array) {
  const { distinct, xi, times, ti, txi } = index;
  const n = tx.length;
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
  const at = new Int32Array(n).fill(-1);
  const end = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (tx[i]! < T[i]!) {
      at[i] = pairOf(xi[i]!, txi[i]!);
      end[i] = pairOf(xi[i]!, ti[i]!);
    }
  }
  return { pairX, pairTime, at, end };
}

/**
 * Negative log-likelihood −Σ w ℓ and its gradient over compressed rows (natural parameters
 * r, α, s, β), for {@link maximizeLikelihood}: {@link paretoNbdLogLikelihood} summed, with the
 * frequency-only terms computed once per distinct frequency, ln(α+τ), ln(β+τ) once per distinct
 * time and G once per distinct (frequency, time) pair. All scratch arrays belong to the closure.
 * @internal
 */
export function paretoNbdObjective(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  weight: Float64Array,
): Objective {
  const n = x.length;
  const index = indexHistories(x, tx, T, weight);
  const { distinct, wx, times, ti } = index;
  const { pairX, pairTime, at, end } = distinctPairs(index, tx, T);
  const lnAlphaTime = new Float64Array(times.length);
  const lnBetaTime = new Float64Array(times.length);
  const g = new Float64Array(pairX.length * G_STRIDE);
  const out = new Float64Array(ROW_SLOTS);
  const row: LikelihoodRow = { p: 0, s: 0, alpha: 0, beta: 0, T: 0, lnAT: 0, lnBT: 0 };
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
    for (let j = 0; j < pairX.length; j++) {
      const k = pairTime[j]!;
      const tau = times[k]!;
      seriesG(
        r + pairX[j]!,
        s + 1,
        alpha,
        beta,
        tau,
        lnAlphaTime[k]!,
        lnBetaTime[k]!,
        true,
        g,
        j * G_STRIDE,
      );
    }
    row.s = s;
    row.alpha = alpha;
    row.beta = beta;
    for (let i = 0; i < n; i++) {
      const w = weight[i]!;
      const kT = ti[i]!;
      row.p = r + x[i]!;
      row.T = T[i]!;
      row.lnAT = lnAlphaTime[kT]!;
      row.lnBT = lnBetaTime[kT]!;
      combineRow(row, g, at[i]! * G_STRIDE, end[i]! * G_STRIDE, true, out);
      ll += w * logAddExp(out[LN_E]!, out[LN_SI]!);
      gr += w * out[D_R]!;
      ga += w * out[D_ALPHA]!;
      gs += w * out[D_S]!;
      gb += w * out[D_BETA]!;
    }
    gradient[0] = -gr;
    gradient[1] = -ga;
    gradient[2] = -gs;
    gradient[3] = -gb;
    return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
  };
}

/**
 * The purchase-count distribution of a newly acquired customer over a window (t₁, t₁ + τ] that
 * starts after acquisition: P(X(t₁, t₁+τ) = n) (BTYD `pnbd.pmf.General`, `bgbb.pmf.General`,
 * `bgnbd.pmf.General`). Each model is reduced to its t₁ = 0 distribution by conditioning on being
 * alive at t₁:
 *
 * - Pareto/NBD (Fader & Hardie, "Deriving an expression for P(X(t, t+τ) = x) under the
 *   Pareto/NBD model", note 013): alive at t₁ with probability e^{−μt₁}, independent of λ, and
 *   e^{−μt₁}·Gamma(μ; s, β) = (β/(β+t₁))^s·Gamma(μ; s, β+t₁), so
 *   `P = 1[n=0]·(1 − (β/(β+t₁))^s) + (β/(β+t₁))^s·P_PNBD(X(τ) = n | r, α, s, β+t₁)`.
 * - BG/BB (Fader, Hardie & Shang 2010, appendix): alive after n₁ opportunities with probability
 *   (1−θ)^{n₁}, so with c = B(γ, δ+n₁)/B(γ, δ):
 *   `P = 1[n=0]·(1 − c) + c·P_BGBB(X(n*) = n | α, β, γ, δ+n₁)`.
 * - BG/NBD (MBG/NBD): given (λ, p) a customer is alive at t₁ with probability e^{−λpt₁}
 *   (times 1 − p for the MBG/NBD's drop-out at acquisition), and e^{−λpt₁}·Gamma(λ; r, α) =
 *   (α/(α+pt₁))^r·Gamma(λ; r, α+pt₁); λ and p stay coupled, so the average over
 *   p ~ Beta(a, b) of `1[n=0]·(1 − w(p)) + w(p)·[(1−p)^n·NB(n; r, α+pt₁, τ) +
 *   1[n>0]·p(1−p)^{n−1}·I_{τ/(α+pt₁+τ)}(n, r)]`, w(p) = (1−p)^m·(α/(α+pt₁))^r, is a
 *   one-dimensional integral, taken by Gauss–Legendre quadrature (below).
 *
 * BTYD's `bgnbd.pmf.General` (2.4.3) evaluates the t₁ = 0 formula at τ = t.end − t.start, ignoring
 * t.start; this is the distribution over the later window instead. BTYD's `pnbd.pmf.General` uses
 * max(α, β+t₁) + t.end in its B₂ terms where the derivation gives max(α, β+t₁) + τ: at t₁ > 0 its
 * values sum to more than 1 (1.157 at CDNOW, t₁ = 39, τ = 39); with τ its closed form equals this
 * one (test/fixtures/paretoIntervalCounts.py).
 * @internal
 * @module
 */
import { regularizedIncompleteBeta } from "../../math/incompleteBeta.js";
import { gaussLegendre } from "../../math/quadrature.js";
import { lnBeta, lnGamma } from "../../math/special.js";
import { bgbbPurchaseCountProbability } from "../betaGeometricBetaBinomial/bgbbExpectations.js";
import type { BgBbParams } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import type { DropoutShift } from "../bgNbd/bgNbdMath.js";
import { paretoNbdPurchaseCountProbability } from "../paretoNbd/paretoNbdPurchaseCount.js";
import type { BgNbdParams, ParetoNbdParams } from "../types.js";

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Pareto/NBD P(X(t₁, t₁+τ) = n). @internal */
export function paretoNbdIntervalCount(
  q: ParetoNbdParams,
  n: number,
  t1: number,
  tau: number,
): number {
  const alive = Math.exp(-q.s * Math.log1p(t1 / q.beta));
  const later = paretoNbdPurchaseCountProbability({ ...q, beta: q.beta + t1 }, n, tau);
  return clamp01((n === 0 ? 1 - alive : 0) + alive * later);
}

/** BG/BB P(X(n₁, n₁+n*) = n), n₁ and n* whole opportunities. @internal */
export function bgbbIntervalCount(p: BgBbParams, n: number, n1: number, span: number): number {
  const alive = Math.exp(lnBeta(p.gamma, p.delta + n1) - lnBeta(p.gamma, p.delta));
  const later = bgbbPurchaseCountProbability({ ...p, delta: p.delta + n1 }, n, span);
  return clamp01((n === 0 ? 1 - alive : 0) + alive * later);
}

/** Most octaves of p (or 1 − p) the rule resolves before its last panel, [0, 2^{−1−MAX_OCTAVES}]. */
const MAX_OCTAVES = 1100;
/** Gauss–Legendre points per panel. */
const POINTS = 16;
/** Most panels per octave (a shape c > 1 gets about √c: the density's relative width is 1/√c). */
const MAX_PANELS = 64;

/**
 * E[f(P)] for P ~ Beta(a, b). Each half of (0, 1) is split into octaves of its distance u to the
 * near end (u = p on (0, ½], u = 1 − p on [½, 1)): [2^{−k−1}, 2^{−k}]·½ for k below `octaves`, then
 * [0, 2^{−octaves}]·½, each with 16-point Gauss–Legendre rules. With the near shape c ≤ 1 (and on
 * the last panel) the octave is mapped by u = h·s^{1/c} (h its upper end), which turns u^{c−1}du
 * into h^c/c·ds: the density's endpoint behaviour is integrated exactly. With c > 1 the density is
 * bounded and the octave is cut
 * into about √c panels, its peak being about 1/√c wide relative to u. Octaves follow a feature at
 * any scale of p — f bends at p ≈ α/t₁ — down to `smallest`, below which f is flat.
 */
function betaExpectation(a: number, b: number, smallest: number, f: (p: number) => number): number {
  const { nodes, weights } = gaussLegendre(POINTS);
  const lnB = lnBeta(a, b);
  const rule = (lo: number, hi: number, g: (x: number) => number): number => {
    let sum = 0;
    for (let i = 0; i < POINTS; i++) sum += weights[i]! * g(lo + ((hi - lo) * (nodes[i]! + 1)) / 2);
    return ((hi - lo) / 2) * sum;
  };
  const half = (c: number, other: number, toP: (u: number) => number, octaves: number) => {
    // every weight is formed in logs: h^c/B(a, b) alone can overflow when (1 − u)^{other−1} underflows
    const lnFar = (u: number) => (other - 1) * Math.log1p(-u) - lnB;
    let total = 0;
    for (let k = 0; k <= octaves; k++) {
      const lnTop = -(k + 1) * Math.LN2; // ln h, h = ½·2^{−k}
      if (c <= 1 || k === octaves) {
        const lnScale = c * lnTop - Math.log(c); // h^c/c
        const low = k === octaves ? 0 : Math.exp(-c * Math.LN2); // s from 2^{−c}
        const g = (s: number) => {
          const u = Math.exp(lnTop + Math.log(s) / c);
          return Math.exp(lnScale + lnFar(u)) * f(toP(u));
        };
        total += rule(low, 1, g);
        continue;
      }
      // the density on this octave is at most h^{c−1}·2^{|other−1|}/B(a, b)
      if ((c - 1) * lnTop + Math.abs(other - 1) * Math.LN2 - lnB < -745) break;
      const top = Math.exp(lnTop);
      const bottom = top / 2;
      const panels = Math.min(MAX_PANELS, Math.ceil(Math.sqrt(c)));
      const g = (u: number) => Math.exp((c - 1) * Math.log(u) + lnFar(u)) * f(toP(u));
      for (let j = 0; j < panels; j++) {
        const lo = bottom + ((top - bottom) * j) / panels;
        total += rule(lo, bottom + ((top - bottom) * (j + 1)) / panels, g);
      }
    }
    return total;
  };
  const octaves = Math.min(MAX_OCTAVES, Math.max(8, Math.ceil(-Math.log2(2 * smallest))));
  return half(a, b, (u) => u, octaves) + half(b, a, (u) => 1 - u, 16);
}

/** BG/NBD (m = 0) and MBG/NBD (m = 1) P(X(t₁, t₁+τ) = n). @internal */
export function bgNbdIntervalCount(
  q: BgNbdParams,
  m: DropoutShift,
  n: number,
  t1: number,
  tau: number,
): number {
  const { r, alpha, a, b } = q;
  const lnCoefficient = lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1);
  // f is flat in p below a thousandth of its smallest scale: α/t₁ (drop-out before t₁), 1/(n+1)
  const smallest = 1e-3 * Math.min(alpha / t1, 1 / (n + 1), 1);
  const value = betaExpectation(a, b, smallest, (p) => {
    const shifted = alpha + p * t1;
    const lnStay = Math.log1p(-p); // −∞ at p = 1: every power below is taken with 0⁰ = 1
    const power = (k: number) => (k === 0 ? 0 : k * lnStay);
    const w = Math.exp(power(m) + r * Math.log(alpha / shifted));
    if (w === 0) return n === 0 ? 1 : 0;
    const lnNb =
      lnCoefficient +
      r * Math.log(shifted / (shifted + tau)) +
      (n === 0 ? 0 : n * Math.log(tau / (shifted + tau)));
    let alive = Math.exp(power(n) + lnNb);
    if (n > 0) {
      const tail = regularizedIncompleteBeta(tau / (shifted + tau), n, r);
      alive += p * Math.exp(power(n - 1)) * tail;
    }
    return (n === 0 ? 1 - w : 0) + w * alive;
  });
  return clamp01(value);
}

/**
 * The BG/BB log-likelihood of one discrete-time history and its gradient (Fader, Hardie & Shang
 * 2010, "Customer-base analysis in a discrete-time noncontractual setting", and its
 * derivatives), evaluated as a log-sum-exp of log-betas.
 * @internal
 * @module
 */
import { digamma, lnBeta } from "../../math/special.js";
import type { BgBbParams } from "./fitBetaGeometricBetaBinomial.js";

/** Per-parameter-vector constants, cached for the last (α, β, γ, δ) seen (compared by value). */
const cachedParams = new Float64Array([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
const cached = new Float64Array(9);

function constantsOf(p: BgBbParams): Float64Array {
  const { alpha, beta, gamma, delta } = p;
  if (
    cachedParams[0] !== alpha ||
    cachedParams[1] !== beta ||
    cachedParams[2] !== gamma ||
    cachedParams[3] !== delta
  ) {
    cached[0] = lnBeta(alpha, beta);
    cached[1] = lnBeta(gamma, delta);
    cached[2] = digamma(alpha + beta);
    cached[3] = digamma(gamma + delta);
    cached[4] = digamma(alpha);
    cached[5] = digamma(beta);
    cached[6] = digamma(gamma);
    cached[7] = digamma(gamma + 1);
    cached[8] = digamma(delta);
    cachedParams[0] = alpha;
    cachedParams[1] = beta;
    cachedParams[2] = gamma;
    cachedParams[3] = delta;
  }
  return cached;
}

/**
 * One history's log-likelihood ℓ(x, t_x, n) (Fader, Hardie & Shang 2010):
 * `L = B(α+x, β+n−x)/B(α,β)·B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β)·B(γ+1, δ+t_x+i)/B(γ,δ)`
 * (alive through n, or died after opportunity t_x + i), as the log-sum-exp of its n − t_x + 1
 * log-terms; optionally its gradient (added, times `w`, into `grad`).
 *
 * The "died after opportunity t_x + i" terms share their arguments up to integer shifts, so their
 * log-betas and digammas follow by recursion (`lnB(a, b+1) = lnB(a, b) + ln(b/(a+b))`,
 * `ψ(b+1) = ψ(b) + 1/b`): a constant number of special-function calls per history. The log-terms
 * are kept in `logs` when the caller passes one of at least n − t_x + 1 entries (a fit reuses one
 * across rows), else in a fresh array.
 * @internal
 */
export function bgbbLogLikelihood(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  grad?: Float64Array,
  w = 1,
  logs: Float64Array = new Float64Array(n - tx + 1),
): number {
  const { alpha, beta, gamma, delta } = p;
  const k = constantsOf(p);
  const lnBab = k[0]!;
  const lnBgd = k[1]!;
  const terms = n - tx + 1;
  const A = alpha + x;
  // term 0: alive through n
  // β + (n − x), not (β + n) − x: a tiny β must not be absorbed into n and cancelled to 0.
  logs[0] = lnBeta(A, beta + (n - x)) + lnBeta(gamma, delta + n) - lnBab - lnBgd;
  let max = logs[0]!;
  if (terms > 1) {
    let l1 = lnBeta(A, beta + (tx - x));
    let l2 = lnBeta(gamma + 1, delta + tx);
    for (let i = 0; i < terms - 1; i++) {
      const v = l1 + l2 - lnBab - lnBgd;
      logs[i + 1] = v;
      if (v > max) max = v;
      const b = beta + (tx - x + i);
      const d = delta + tx + i;
      l1 += Math.log(b / (A + b));
      l2 += Math.log(d / (gamma + 1 + d));
    }
  }
  let sum = 0;
  for (let k = 0; k < terms; k++) sum += Math.exp(logs[k]! - max);
  const ell = max + Math.log(sum);
  if (grad !== undefined) {
    const psiA = digamma(A);
    // term 0
    let omega = Math.exp(logs[0]! - ell);
    const psiAB0 = digamma(A + beta + n - x);
    const psiGD0 = digamma(gamma + delta + n);
    let ga = omega * (psiA - psiAB0);
    let gb = omega * (digamma(beta + n - x) - psiAB0);
    let gg = omega * (k[6]! - psiGD0);
    let gd = omega * (digamma(delta + n) - psiGD0);
    if (terms > 1) {
      let psiB = digamma(beta + tx - x);
      let psiAB = digamma(A + beta + tx - x);
      let psiD = digamma(delta + tx);
      let psiGD = digamma(gamma + 1 + delta + tx);
      const psiG1 = k[7]!;
      for (let i = 0; i < terms - 1; i++) {
        omega = Math.exp(logs[i + 1]! - ell);
        ga += omega * (psiA - psiAB);
        gb += omega * (psiB - psiAB);
        gg += omega * (psiG1 - psiGD);
        gd += omega * (psiD - psiGD);
        const b = beta + (tx - x + i);
        const d = delta + tx + i;
        psiB += 1 / b;
        psiAB += 1 / (A + b);
        psiD += 1 / d;
        psiGD += 1 / (gamma + 1 + d);
      }
    }
    const psiab = k[2]!;
    const psigd = k[3]!;
    grad[0]! += w * (ga - k[4]! + psiab);
    grad[1]! += w * (gb - k[5]! + psiab);
    grad[2]! += w * (gg - k[6]! + psigd);
    grad[3]! += w * (gd - k[8]! + psigd);
  }
  return ell;
}

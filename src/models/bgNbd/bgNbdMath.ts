/**
 * The mathematics shared by the BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way") and the MBG/NBD (Batislam, Denizel & Filiztekin 2007): log-likelihood with analytic
 * gradient, P(alive), expected purchases, the purchase-count PMF and DERT, all in log space
 * (shared reference "models.md" §1–2). The two models differ only by one drop-out opportunity at
 * time 0; `m` is 0 for the BG/NBD and 1 for the MBG/NBD, and every formula below is written with it.
 * @internal
 * @module
 */
import { hyp2f1, unitContinuedFraction } from "../../math/hypergeometric.js";
import type { Objective } from "../../math/optimize.js";
import { digamma, lnBeta, lnGamma, logistic } from "../../math/special.js";
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
  const u =
    Math.log(q.a / (q.b + x + m - 1)) + (q.r + x) * Math.log((q.alpha + T) / (q.alpha + tx));
  return logistic(u);
}

/**
 * Expected purchases in (T, T+t] of a customer alive at T with x repeat purchases, i.e. E[Y(t)]
 * divided by P(alive) (models.md §1.5, §2.3, Euler-transformed stable form):
 * g = c/(a−1)·[1 − (1−z)^{a−1} ₂F₁(A, a−1; c; z)], c = a+b+x+m−1, A = c − x − r, z = t/(α+T+t).
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
  const c = a + b + x + m - 1;
  const A = a + b + m - 1 - r;
  const B = a - 1;
  const z = t / (alpha + T + t);
  const ln1mz = Math.log1p(-z);
  if (Math.abs(B) < 1e-9) {
    // Removable singularity a = 1: g = c·[−ln(1−z) − Σ_{k≥1} (A)_k z^k / ((c)_k k)].
    let term = 1;
    let sum = 0;
    for (let k = 1; k < 2_000_000; k++) {
      term *= ((A + k - 1) * z) / (c + k - 1);
      const add = term / k;
      sum += add;
      if (Math.abs(add) <= 1e-17 * Math.abs(sum) && Math.abs(((A + k) * z) / (c + k)) < 1) break;
    }
    return c * (-ln1mz - sum);
  }
  if (z > 0.99 && c > 0) {
    // Long horizons: the series needs ~1/(1−z) terms; the general ₂F₁ (with its 1 − z
    // transformation, models.md §7.2) is fast there, and the bracket is far from 0 (no cancellation).
    const F = hyp2f1(A, B, c, z);
    if (Number.isFinite(F)) return (c / B) * (1 - Math.exp(B * ln1mz) * F);
  }
  // Q = c·(₂F₁ − 1), summed from k = 1 with (c)_k = c·(c+1)_{k−1} (pole-free at c = 0).
  let term = 1; // (A)_k (B)_k z^k / ((c+1)_{k−1} k!)
  let Q = 0;
  for (let k = 1; k < 2_000_000; k++) {
    term *= ((A + k - 1) * (B + k - 1) * z) / (k * (k === 1 ? 1 : c + k - 1));
    Q += term;
    const ratio = ((A + k) * (B + k) * z) / ((c + k) * (k + 1));
    if (Math.abs(term) <= 1e-17 * Math.abs(Q) && Math.abs(ratio) < 1) break;
    if (term === 0) break;
  }
  const w = Math.exp(B * ln1mz);
  const F = 1 + Q / c;
  if (c > 0 && F > 0) {
    // −expm1((a−1)·ln(1−z) + ln F): full relative precision for short horizons.
    return (c / B) * -Math.expm1(B * ln1mz + Math.log1p(Q / c));
  }
  return (c * (1 - w) - w * Q) / B;
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

/**
 * DERT, discounted expected residual transactions at continuous rate δ per time unit, infinite
 * horizon (models.md §1.7, Λ-form): P(alive)·E_λ[ζ ₂F₁(1, b+x+m; a+b+x+m; ζ)], ζ = λ/(λ+δ),
 * λ ~ Gamma(r+x, α+T), by the trapezoidal rule (step 0.1) on y = ln((α+T)λ).
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
  const cc = q.a + q.b + x + m;
  const lgR = lnGamma(R);
  const y0 = Math.log(R);
  const peak = R * y0 - R - lgR;
  const h = 0.1;
  const node = (y: number): number => {
    const logDensity = R * y - Math.exp(y) - lgR;
    const lambda = Math.exp(y) / A;
    const zeta = lambda / (lambda + delta);
    return Math.exp(logDensity) * zeta * Math.exp(unitContinuedFraction(bb, cc, zeta));
  };
  let sum = node(y0);
  for (const dir of [1, -1]) {
    for (let j = 1; j < 100_000; j++) {
      const y = y0 + dir * j * h;
      if (R * y - Math.exp(y) - lgR < peak - 40) break;
      sum += node(y);
    }
  }
  return sum * h;
}

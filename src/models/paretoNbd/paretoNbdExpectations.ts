/**
 * Pareto/NBD predictions for one customer (Schmittlein, Morrison & Colombo 1987; Fader & Hardie
 * 2005, "A note on deriving the Pareto/NBD model and related expressions"; Fader, Hardie & Lee
 * 2005, "RFM and CLV: using iso-value curves"): P(alive), expected purchases for a new and for an
 * observed customer, and DERT, each with the factor "if alive" that batch paths compute once per
 * distinct (x, T). Natural parameters `{ r, alpha, s, beta }`, histories `(x, t_x, T)` in one time
 * unit.
 * @internal
 * @module
 */
import { logExpIntegralJ } from "../../math/expIntegral.js";
import type { ParetoNbdParams } from "../types.js";
import { hypergeometricH } from "./paretoNbdSeries.js";

/**
 * P(alive | x, t_x, T) = E / (E + sI) = exp(ln E − LSE(ln E, ln(sI))) (Fader & Hardie 2005); exactly in [0, 1],
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
  // with H the ₂F₁(1, ·; r+s+x+1; z_τ) of G (see seriesG); then P(alive) = 1/(1 + sI/E).
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

/** (1 − (1+u)^{−ε}) / ε with ε = s − 1, continuous through ε = 0 (limit ln(1+u)). */
function powerBracket(epsilon: number, u: number): number {
  const L = Math.log1p(u);
  const y = epsilon * L;
  if (Math.abs(y) < 1e-5) return L * (1 - y / 2 + (y * y) / 6 - (y * y * y) / 24);
  return -Math.expm1(-y) / epsilon;
}

/**
 * E[X(t)] for a new customer = rβ/(α(s−1))·[1 − (β/(β+t))^{s−1}] (Schmittlein, Morrison & Colombo 1987), with the bracket as
 * −expm1(−(s−1)·log1p(t/β)) and the limit (rβ/α) ln(1 + t/β) at s = 1.
 * @internal
 */
export function paretoNbdExpectedPurchases(q: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return ((q.r * q.beta) / q.alpha) * powerBracket(q.s - 1, t / q.beta);
}

/**
 * E[Y(t) | x, t_x, T] = P(alive)·(r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^{s−1}]
 * (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005).
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
 * The factor g of DERT = P(alive)·g(x, T, δ): (r+x)/(α+T)·(β+T)·J_s(δ(β+T)) (see {@link paretoNbdDert}).
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
 * DERT(δ | x, t_x, T) = P(alive)·(r+x)/(α+T)·(β+T)·J_s(δ(β+T)) (the factored form of
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

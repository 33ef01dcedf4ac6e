/**
 * The BG/BB model of discrete-time, non-contractual purchasing (Fader, Hardie & Shang 2010,
 * "Customer-base analysis in a discrete-time noncontractual setting"; shared reference "models.md"
 * §4): fitting and the per-customer mathematics the prediction functions dispatch to.
 * @module
 */
import * as z from "zod/mini";
import {
  type InputIssue,
  InvalidInputError,
  type IssueCode,
  invalidInput,
  issue,
} from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { digamma, lnBeta, lnGamma } from "../../math/special.js";
import { unitHypergeometric } from "../../math/unitHypergeometric.js";
import { type FitOptions, maximizeLikelihood, readFitInput } from "../fit.js";

const PARAMETER_NAMES = ["alpha", "beta", "gamma", "delta"] as const;

import { checkArray, describeReceived } from "../../core/validate.js";
import { canonicalOrder, permute, scaledTolerance, throwRowIssues } from "../history.js";

/**
 * Parameters of the BG/BB model, named as in Fader, Hardie & Shang (2010).
 * @category Models
 */
export interface BgBbParams {
  /** First shape of the beta distribution of the transaction probability p of an alive customer. */
  readonly alpha: number;
  /** Second shape of the beta distribution of the transaction probability p. */
  readonly beta: number;
  /** First shape of the beta distribution of the per-opportunity drop-out probability θ. */
  readonly gamma: number;
  /** Second shape of the beta distribution of the drop-out probability θ (not a discount rate). */
  readonly delta: number;
}

/**
 * A fitted BG/BB model: a plain, JSON-serialisable object.
 * @category Models
 */
export interface BgBbModel {
  /** Always `"bg-bb"`. */
  readonly kind: "bg-bb";
  /** Maximum-likelihood estimates. */
  readonly params: BgBbParams;
  /** Total log-likelihood over all customers at the estimates (no penalty). */
  readonly logLikelihood: number;
  /** Asymptotic standard errors of `params` (delta method from the Hessian on log-parameters); always finite. */
  readonly standardErrors: BgBbParams;
  /** Quasi-Newton iterations used. */
  readonly iterations: number;
  /**
   * Always `true`: a fit that does not converge, or whose maximum lies at the boundary of the
   * parameter space or has a singular Hessian, throws `ModelFitError` instead.
   */
  readonly converged: true;
  /** Number of customers the model was fitted to (the sum of the rows' `count`). */
  readonly customerCount: number;
  /**
   * The time unit of one opportunity (a BG/BB or sBG period is one unit long: a year of donations, a
   * month of subscription). Predictions take horizons and discount rates per this unit.
   */
  readonly unit: TimeUnit;
}

/**
 * One customer's history over discrete transaction opportunities (BG/BB).
 * @category Models
 */
export interface DiscretePurchaseHistory {
  /** Number of the `periods` repeat opportunities with a transaction, `x` (integer, 0 ≤ x ≤ recency). */
  readonly frequency: number;
  /** Index of the last opportunity with a transaction, `t_x` (integer; 0 iff frequency is 0; ≤ periods). */
  readonly recency: number;
  /** Number of repeat transaction opportunities observed after the first, `n` (integer ≥ 1). */
  readonly periods: number;
}

/**
 * A row the BG/BB is fitted to: a {@link DiscretePurchaseHistory} with an optional multiplicity.
 * Extra fields (such as a customer id) are allowed and ignored.
 * @category Models
 */
export interface DiscretePurchaseHistoryRow extends DiscretePurchaseHistory {
  /** How many customers share this history (default 1); integer ≥ 1. */
  readonly count?: number;
  /** The time unit of one opportunity; when rows carry it, all must agree (see `FitOptions.unit`). */
  readonly unit?: TimeUnit;
}

/** Compressed BG/BB data: distinct (x, t_x, n) with weights. @internal */
export interface DiscreteHistories {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly weight: Float64Array;
  readonly customers: number;
}

/**
 * Most transaction opportunities the BG/BB fit and predictions accept, in a history's `periods` and in a
 * forecast span (`t`, `futurePeriods`). The likelihood of a history is a sum of `periods − recency`
 * terms and the forecasts sums over their span, so the cost is linear in them: 10⁶ opportunities
 * (2,700 years of days) keep every call in tens of milliseconds.
 * @internal
 */
export const MAX_OPPORTUNITIES = 1_000_000;

/** The code for a value that should be an integer ≥ `min`: its type, fraction or size. */
function integerCode(v: unknown): IssueCode {
  if (v === undefined) return "required";
  if (typeof v !== "number" || !Number.isFinite(v)) return "invalid_type";
  return Number.isInteger(v) ? "too_small" : "not_integer";
}

/**
 * Every problem of one discrete history `{ frequency, recency, periods, count? }` at `path` (the
 * row's path, `customers[3]`): a missing field (`required`), a field that is not a number
 * (`invalid_type`) or not a whole number (`not_integer`), negative values or `periods` < 1
 * (`too_small`), more than 10⁶ opportunities (`too_big`), and histories that contradict themselves
 * (`inconsistent`: recency > periods, frequency > recency, recency 0 with transactions or recency
 * ≠ 0 without). A `count` where none is allowed is `unknown_key`. Empty for a valid row.
 * @internal
 */
export function discreteHistoryIssues(
  row: unknown,
  path: readonly PropertyKey[],
  allowCount: boolean,
): InputIssue[] {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    return [
      issue(
        path,
        `Expected { frequency, recency, periods }, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      ),
    ];
  }
  const { frequency: x, recency: tx, periods: n, count } = row as Record<string, unknown>;
  const found: InputIssue[] = [];
  const integer = (v: unknown, key: string, min: number): v is number => {
    if (typeof v === "number" && Number.isInteger(v) && v >= min) return true;
    found.push(
      issue(
        [...path, key],
        `Expected an integer ≥ ${min}, received ${describeReceived(v)}`,
        integerCode(v),
        v,
      ),
    );
    return false;
  };
  const xOk = integer(x, "frequency", 0);
  const txOk = integer(tx, "recency", 0);
  let nOk = integer(n, "periods", 1);
  if (nOk && (n as number) > MAX_OPPORTUNITIES) {
    found.push(
      issue(
        [...path, "periods"],
        `Expected at most ${MAX_OPPORTUNITIES} opportunities, received ${n as number}`,
        "too_big",
        n,
      ),
    );
    nOk = false;
  }
  if (xOk && txOk && nOk) {
    const xv = x as number;
    const txv = tx as number;
    const nv = n as number;
    if (txv > nv) {
      found.push(
        issue(
          [...path, "recency"],
          `recency (${txv}) must not exceed periods (${nv})`,
          "inconsistent",
          txv,
        ),
      );
    } else if (xv > 0 && txv === 0) {
      found.push(
        issue([...path, "recency"], "recency must be ≥ 1 when frequency > 0", "inconsistent", txv),
      );
    } else if (xv > txv) {
      found.push(
        issue(
          [...path, "frequency"],
          `frequency (${xv}) must not exceed recency (${txv}): x transactions need at least x opportunities`,
          "inconsistent",
          xv,
        ),
      );
    } else if (xv === 0 && txv !== 0) {
      found.push(
        issue([...path, "recency"], "recency must be 0 when frequency is 0", "inconsistent", txv),
      );
    }
  }
  if (count !== undefined) {
    if (!allowCount) {
      found.push(issue([...path, "count"], "Unexpected key count", "unknown_key", count));
    } else if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1) {
      found.push(
        issue(
          [...path, "count"],
          `Expected an integer from 1 to 2^53 − 1, received ${describeReceived(count)}`,
          typeof count === "number" && Number.isInteger(count) && count > 1
            ? "too_big"
            : integerCode(count),
          count,
        ),
      );
    }
  }
  return found;
}

/**
 * Checks one discrete history (one hand-written pass; CONVENTIONS §4) and returns (x, t_x, n).
 * `path` is the row's path as the caller's signature spells it (`["customers", i]`); a bad row
 * throws an `InvalidInputError` listing all of its problems (see {@link discreteHistoryIssues}).
 * @internal
 */
export function checkDiscreteHistory(
  fn: string,
  row: unknown,
  path: readonly PropertyKey[],
  allowCount: boolean,
): { x: number; tx: number; n: number; w: number } {
  if (typeof row === "object" && row !== null) {
    // Each field read once: the value checked is the value used.
    const { frequency: x, recency: tx, periods: n, count } = row as Record<string, unknown>;
    if (
      typeof x === "number" &&
      typeof tx === "number" &&
      typeof n === "number" &&
      Number.isInteger(x) &&
      Number.isInteger(tx) &&
      Number.isInteger(n) &&
      n >= 1 &&
      n <= MAX_OPPORTUNITIES &&
      tx <= n &&
      x <= tx &&
      x >= 0 &&
      (x > 0 ? tx > 0 : tx === 0) &&
      (count === undefined ||
        (allowCount && typeof count === "number" && Number.isSafeInteger(count) && count >= 1))
    ) {
      return { x, tx, n, w: count === undefined ? 1 : (count as number) };
    }
  }
  const found = discreteHistoryIssues(row, path, allowCount);
  throw new InvalidInputError(
    fn,
    found.length > 0 ? found : [issue(path, "Expected a valid history", "custom")],
  );
}

/**
 * Validates rows and compresses identical (x, t_x, n). Paths `customers[i].field` (`argument`);
 * every bad row is listed (up to 100).
 * @internal
 */
export function compressDiscreteHistories(
  fn: string,
  rows: unknown,
  argument = "customers",
): DiscreteHistories {
  checkArray(fn, rows, "a non-empty array of { frequency, recency, periods } rows", [argument]);
  if (rows.length === 0) {
    throw invalidInput(
      fn,
      [argument],
      "Expected a non-empty array of { frequency, recency, periods } rows",
      "too_small",
      rows,
    );
  }
  const index = new Map<number | string, number>();
  const xs: number[] = [];
  const txs: number[] = [];
  const ns: number[] = [];
  const ws: number[] = [];
  let customers = 0;
  for (let i = 0; i < rows.length; i++) {
    let h: { x: number; tx: number; n: number; w: number };
    try {
      h = checkDiscreteHistory(fn, rows[i], [argument, i], true);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      // Slow path: list the problems of every row, not only this one.
      throwRowIssues(fn, rows, argument, (row, base) => discreteHistoryIssues(row, base, true));
    }
    const { x, tx, n, w } = h;
    customers += w;
    // exact numeric key while every value is below 2^17; a string key beyond
    const key: number | string = n < 131072 ? (n * 131072 + tx) * 131072 + x : `${x},${tx},${n}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, xs.length);
      xs.push(x);
      txs.push(tx);
      ns.push(n);
      ws.push(w);
    } else {
      ws[at]! += w;
    }
  }
  // Canonical order (by x, then t_x, then n), so that the order of the input rows cannot change
  // the floating-point sum of the likelihood.
  const x = Float64Array.from(xs);
  const tx = Float64Array.from(txs);
  const n = Float64Array.from(ns);
  const order = canonicalOrder(x, tx, n, x.length);
  return {
    x: permute(x, order),
    tx: permute(tx, order),
    n: permute(n, order),
    weight: permute(Float64Array.from(ws), order),
    customers,
  };
}

let logsBuffer = new Float64Array(64);

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
 * Individual log-likelihood ℓ(x, t_x, n) = LSE of the log-terms of models.md §4.2, and optionally
 * its gradient (added, times `w`, into `grad`).
 *
 * The "died after opportunity t_x + i" terms share their arguments up to integer shifts, so their
 * log-betas and digammas follow by recursion (`lnB(a, b+1) = lnB(a, b) + ln(b/(a+b))`,
 * `ψ(b+1) = ψ(b) + 1/b`): a constant number of special-function calls per history.
 * @internal
 */
export function bgbbLogLikelihood(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  grad?: Float64Array,
  w = 1,
): number {
  const { alpha, beta, gamma, delta } = p;
  const k = constantsOf(p);
  const lnBab = k[0]!;
  const lnBgd = k[1]!;
  const terms = n - tx + 1;
  if (logsBuffer.length < terms) logsBuffer = new Float64Array(2 * terms);
  const logs = logsBuffer;
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

/**
 * P(alive at opportunity n + m | x, t_x, n) = B(α+x, β+n−x)/B(α,β)·B(γ, δ+n+m)/B(γ,δ) / L
 * (models.md §4.3). `m = 0`: alive at the last observed opportunity; `m = 1`: at the next one.
 * @internal
 */
export function bgbbProbabilityAlive(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  m = 0,
): number {
  const { alpha, beta, gamma, delta } = p;
  const ell = bgbbLogLikelihood(p, x, tx, n);
  const lnNum =
    lnBeta(alpha + x, beta + (n - x)) +
    lnBeta(gamma, delta + (n + m)) -
    lnBeta(alpha, beta) -
    lnBeta(gamma, delta);
  return Math.min(1, Math.exp(lnNum - ell));
}

/** Σ_{k=from+1}^{to} B(γ, δ+k)/B(γ, δ), by the ratio recursion B(γ,δ+k+1)/B(γ,δ+k) = (δ+k)/(γ+δ+k). */
function survivalSum(gamma: number, delta: number, from: number, to: number, lnScale = 0): number {
  // e^{lnScale}·B(γ, δ+from)/B(γ, δ) in logs once (the scale joins in logs, so a huge factor times
  // a tiny sum, as at δ near 0, neither overflows nor underflows), then the recursion.
  let term = Math.exp(
    lnScale +
      lnGamma(delta + from) -
      lnGamma(delta) +
      lnGamma(gamma + delta) -
      lnGamma(gamma + delta + from),
  );
  let sum = 0;
  for (let k = from + 1; k <= to; k++) {
    term /= 1 + gamma / (delta + (k - 1));
    sum += term;
  }
  return sum;
}

/**
 * Expected transactions of a new customer in n opportunities:
 * `E[X(n)] = α/(α+β)·Σ_{t=1}^{n} B(γ, δ+t)/B(γ, δ)` (models.md §4.4; finite sum, valid for every γ).
 * @internal
 */
export function bgbbExpected(p: BgBbParams, n: number): number {
  return (p.alpha / (p.alpha + p.beta)) * survivalSum(p.gamma, p.delta, 0, n);
}

/**
 * P(X(n) = x) for a new customer (models.md §4.4):
 * `C(n,x)·B(α+x, β+n−x)/B(α,β)·B(γ, δ+n)/B(γ,δ) + Σ_{i=x}^{n−1} C(i,x)·B(α+x, β+i−x)/B(α,β)·B(γ+1, δ+i)/B(γ,δ)`.
 * The terms of the sum follow each other by a ratio of three rational factors, accumulated in logs
 * (one `Math.log` per term, no special function in the loop), so the cost is O(n − x) cheap steps.
 * @internal
 */
export function bgbbPurchaseCountProbability(p: BgBbParams, x: number, n: number): number {
  if (x > n) return 0;
  const { alpha, beta, gamma, delta } = p;
  const lnNorm = lnBeta(alpha, beta) + lnBeta(gamma, delta);
  const lnChoose = (a: number, b: number) => lnGamma(a + 1) - lnGamma(b + 1) - lnGamma(a - b + 1);
  const alive = lnChoose(n, x) + lnBeta(alpha + x, beta + (n - x)) + lnBeta(gamma, delta + n);
  // i = x: C(x, x) = 1
  let term = lnBeta(alpha + x, beta) + lnBeta(gamma + 1, delta + x);
  let max = alive;
  let sum = 1; // Σ e^{term − max}, starting with the alive term
  for (let i = x; i < n; i++) {
    if (term > max) {
      sum = sum * Math.exp(max - term) + 1;
      max = term;
    } else {
      sum += Math.exp(term - max);
    }
    const b = beta + (i - x);
    const d = delta + i;
    term += Math.log((((i + 1) / (i + 1 - x)) * b * d) / ((alpha + x + b) * (gamma + 1 + d)));
  }
  return Math.min(1, Math.exp(max + Math.log(sum) - lnNorm));
}

/**
 * Conditional expected transactions in the next n* opportunities (models.md §4.5):
 * `E[X(n, n+n*) | x, t_x, n] = B(α+x+1, β+n−x)/B(α,β) / L · Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ,δ)`.
 * @internal
 */
export function bgbbConditionalExpected(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  nStar: number,
): number {
  const { alpha, beta, gamma, delta } = p;
  const ell = bgbbLogLikelihood(p, x, tx, n);
  const lnFront = lnBeta(alpha + (x + 1), beta + (n - x)) - lnBeta(alpha, beta) - ell;
  return survivalSum(gamma, delta, n, n + nStar, lnFront);
}

/**
 * DERT with per-opportunity discount rate d (models.md §4.6): opportunity n + k discounted by
 * (1+d)^{−k}; `B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+1)/(B(γ,δ)(1+d)) · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L`.
 * @internal
 */
export function bgbbDert(p: BgBbParams, x: number, tx: number, n: number, d: number): number {
  const { alpha, beta, gamma, delta } = p;
  const ell = bgbbLogLikelihood(p, x, tx, n);
  const lnFront =
    lnBeta(alpha + (x + 1), beta + (n - x)) -
    lnBeta(alpha, beta) +
    lnBeta(gamma, delta + (n + 1)) -
    lnBeta(gamma, delta) -
    Math.log1p(d) -
    ell;
  return Math.exp(lnFront) * unitHypergeometric(gamma, delta + (n + 1), 1 / (1 + d));
}

const FN = "fitBgBb";

/**
 * Fits the BG/BB model to discrete-time purchase histories by maximum likelihood.
 *
 * Each customer has `n` transaction opportunities after the first; while alive, the customer
 * transacts at each opportunity with probability p, and before each opportunity an alive customer
 * dies with probability θ. Across customers `p ~ Beta(α, β)` and `θ ~ Beta(γ, δ)`. The likelihood of
 * a history (x transactions, the last at opportunity t_x, n opportunities) is
 * `B(α+x, β+n−x)/B(α,β)·B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β)·B(γ+1, δ+t_x+i)/B(γ,δ)`
 * (alive through n, or died after opportunity t_x + i), evaluated as a log-sum-exp of log-betas.
 * Identical rows are compressed first (the donations data: 11,104 donors → 22 patterns). BFGS on
 * log-parameters from (1, 1, 1, 1) with the analytic gradient.
 *
 * Units: opportunities are whatever the data's discrete periods are (years for annual donations);
 * `recency` is an opportunity index, not a time. Some tools also count the first opportunity; here
 * (as in the paper) it is opportunity 0 and is not part of `periods`.
 *
 * @param customers - `{ frequency, recency, periods, count?, unit? }` rows, one per customer or per
 *   group of identical customers (extra fields such as `customerId` are ignored)
 * @param options - {@link FitOptions}: `unit` (the time unit of one opportunity, required unless
 *   the rows carry it), `penalty`, `initial` (names `alpha`, `beta`, `gamma`, `delta`),
 *   `maxIterations`, `tolerance`
 * @returns the fitted {@link BgBbModel}, with `unit` and `customerCount`
 * @throws {InvalidInputError} listing every problem in one pass (up to 100): a malformed row at
 *   `customers[i].field` — a missing field (`required`), a non-integer (`not_integer`), a negative
 *   value or `periods` < 1 or `count` < 1 (`too_small`), `periods` > 10⁶ (`too_big`),
 *   frequency > recency, recency > periods, recency 0 with transactions (`inconsistent`); bad
 *   options at `options.<key>` (an unknown key of `initial` is `unknown_key`); no unit
 *   (`required` at `options.unit`), rows in different units (`inconsistent` at
 *   `customers[i].unit`) or rows in another unit than `options.unit` (`unit_mismatch`)
 * @throws {ModelFitError} when the optimiser does not converge, or when the data do not identify
 *   the model: the maximum lies at the boundary of the parameter space (a parameter running off
 *   to 0 or ∞, standard error of its logarithm above 20) or the Hessian there is singular or not
 *   positive definite, typical of too few customers or customers without heterogeneity. A fit
 *   never returns such a solution with `converged: true`.
 * @example
 * ```ts
 * import { fitBgBb } from "customer-value";
 * const model = fitBgBb([
 *   { frequency: 0, recency: 0, periods: 6, count: 3464 }, { frequency: 1, recency: 1, periods: 6, count: 1091 },
 *   { frequency: 1, recency: 2, periods: 6, count: 277 }, { frequency: 1, recency: 3, periods: 6, count: 129 },
 *   { frequency: 1, recency: 4, periods: 6, count: 78 }, { frequency: 1, recency: 5, periods: 6, count: 119 },
 *   { frequency: 1, recency: 6, periods: 6, count: 129 }, { frequency: 2, recency: 2, periods: 6, count: 613 },
 *   { frequency: 2, recency: 3, periods: 6, count: 255 }, { frequency: 2, recency: 4, periods: 6, count: 155 },
 *   { frequency: 2, recency: 5, periods: 6, count: 173 }, { frequency: 2, recency: 6, periods: 6, count: 234 },
 *   { frequency: 3, recency: 3, periods: 6, count: 322 }, { frequency: 3, recency: 4, periods: 6, count: 181 },
 *   { frequency: 3, recency: 5, periods: 6, count: 225 }, { frequency: 3, recency: 6, periods: 6, count: 357 },
 *   { frequency: 4, recency: 4, periods: 6, count: 240 }, { frequency: 4, recency: 5, periods: 6, count: 284 },
 *   { frequency: 4, recency: 6, periods: 6, count: 512 }, { frequency: 5, recency: 5, periods: 6, count: 335 },
 *   { frequency: 5, recency: 6, periods: 6, count: 728 }, { frequency: 6, recency: 6, periods: 6, count: 1203 },
 * ], { unit: "year" });
 * model.params.alpha.toFixed(4); // => "1.2035"
 * model.params.delta.toFixed(4); // => "2.7834"
 * model.logLikelihood.toFixed(2); // => "-33225.58"
 * ```
 * @category Models
 * @see Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual
 *   setting", Marketing Science 29(6).
 */
export function fitBgBb(
  customers: readonly DiscretePurchaseHistoryRow[],
  options: FitOptions = {},
): BgBbModel {
  const { opts, data, unit } = readFitInput(
    FN,
    options,
    PARAMETER_NAMES,
    () => compressDiscreteHistories(FN, customers),
    { rows: customers, argument: "customers" },
  );
  const k = data.x.length;
  const result = maximizeLikelihood(
    FN,
    (q, g) => {
      const p = { alpha: q[0]!, beta: q[1]!, gamma: q[2]!, delta: q[3]! };
      g.fill(0);
      let ll = 0;
      for (let i = 0; i < k; i++) {
        const w = data.weight[i]!;
        ll += w * bgbbLogLikelihood(p, data.x[i]!, data.tx[i]!, data.n[i]!, g, w);
      }
      for (let j = 0; j < 4; j++) g[j] = -g[j]!;
      return -ll;
    },
    PARAMETER_NAMES,
    { ...opts, tolerance: scaledTolerance(opts.tolerance, data.customers) },
  );
  const [alpha, beta, gamma, delta] = result.params;
  const [sa, sb, sg, sd] = result.standardErrors;
  return {
    kind: "bg-bb",
    params: { alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! },
    logLikelihood: result.logLikelihood,
    standardErrors: { alpha: sa!, beta: sb!, gamma: sg!, delta: sd! },
    iterations: result.iterations,
    converged: true,
    customerCount: data.customers,
    unit: unit!,
  };
}

/** Loose check of a (possibly deserialised) BG/BB model. @internal */
export const betaGeometricBetaBinomialModelSchema = z.object({
  kind: z.literal("bg-bb"),
  params: z.object({
    alpha: z.number().check(z.positive()),
    beta: z.number().check(z.positive()),
    gamma: z.number().check(z.positive()),
    delta: z.number().check(z.positive()),
  }),
});

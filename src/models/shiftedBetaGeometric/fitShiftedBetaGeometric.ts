/**
 * The shifted-beta-geometric (sBG) model of contract renewals: fitting (Fader & Hardie 2007, "How to
 * project customer retention"; shared reference "models.md" §5).
 * @module
 */
import * as z from "zod/mini";
import { IssueCollector, invalidInput, ModelFitError } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { arrayShapeProblem, checkArray, describeReceived } from "../../core/validate.js";
import { type FitOptions, maximizeLikelihood, readFitInput } from "../fit.js";

const PARAMETER_NAMES = ["alpha", "beta"] as const;

import { scaledTolerance } from "../history.js";
import { countIssue, countWeight } from "../historyValidation.js";

/**
 * Parameters of the shifted-beta-geometric model: the churn probability θ of a customer is
 * `Beta(alpha, beta)` across customers (mean churn `alpha/(alpha+beta)`).
 * @category Models
 */
export interface SbgParams {
  /** First shape of the beta distribution of the per-period churn probability θ (> 0). */
  readonly alpha: number;
  /** Second shape of the beta distribution of the per-period churn probability θ (> 0). */
  readonly beta: number;
}

/**
 * A fitted shifted-beta-geometric model: a plain, JSON-serialisable object.
 * @category Models
 */
export interface SbgModel {
  /** Always `"sbg"`. */
  readonly kind: "sbg";
  /** Maximum-likelihood estimates. */
  readonly params: SbgParams;
  /** Total log-likelihood at the estimates (a sum over customers; no penalty). */
  readonly logLikelihood: number;
  /** Asymptotic standard errors of `params` (delta method from the Hessian on log-parameters); always finite. */
  readonly standardErrors: SbgParams;
  /** Quasi-Newton iterations used. */
  readonly iterations: number;
  /**
   * Always `true`: a fit that does not converge, or whose maximum lies at the boundary of the
   * parameter space or has a singular Hessian, throws `ModelFitError` instead.
   */
  readonly converged: true;
  /** Number of customers the model was fitted to (the sum of the cohorts' initial sizes or of the rows' `count`). */
  readonly customerCount: number;
  /**
   * The time unit of one period (a BG/BB or sBG period is one unit long: a year of donations, a
   * month of subscription). Predictions take horizons and discount rates per this unit.
   */
  readonly unit: TimeUnit;
}

/**
 * One customer's (or one group of identical customers') subscription history, for
 * {@link fitSbg}. Extra fields (a `customerId`, your own columns) are allowed and ignored.
 * @category Models
 */
export interface SubscriptionHistoryRow {
  /**
   * Number of complete contract periods observed (integer; ≥ 1 when `churned`, ≥ 0 otherwise).
   * A customer with `periodsObserved = t` who has not churned has renewed `t` times.
   */
  readonly periodsObserved: number;
  /** `true` if the customer cancelled at the end of period `periodsObserved` (did not renew). */
  readonly churned: boolean;
  /** How many customers share this history (default 1); integer ≥ 1. */
  readonly count?: number;
  /** The customer's id (ignored by the fit). */
  readonly customerId?: string;
  /** The time unit of one contract period; when rows carry it, all must agree (see `FitOptions.unit`). */
  readonly unit?: TimeUnit;
}

/**
 * What {@link fitSbg} accepts as its `survival` argument: one cohort's survivor counts
 * (`[n₀, n₁, …, n_k]`, customers still active after 0, 1, …, k renewals), several cohorts
 * (an array of such arrays, each with its own length), or per-customer rows.
 * @category Models
 */
export type SbgInput =
  | readonly number[]
  | readonly (readonly number[])[]
  | readonly SubscriptionHistoryRow[];

const FN = "fitSbg";

/**
 * Most contract periods a per-customer row may report (`periodsObserved`): the fit sums its
 * likelihood over arrays indexed by period, so the bound bounds memory and time (a million
 * periods is 80,000 years of monthly renewals).
 */
const MAX_PERIODS_OBSERVED = 1_000_000;
/** The name of fitSbg's data argument, the first key of its error paths (`survival[2]`). */
const ARG = "survival";

/** Weighted sufficient statistics: churn and survival weights indexed by period. @internal */
export interface SurvivalData {
  /** `churnWeight[t]` customers cancelled in period t (t ≥ 1). */
  readonly churnWeight: Float64Array;
  /** `aliveWeight[t]` customers still active after t renewals (right-censored). */
  readonly aliveWeight: Float64Array;
  readonly customers: number;
}

/** Every problem of one cohort's survivor counts at `path` (`survival` or `survival[c]`). */
function cohortIssues(counts: unknown, path: readonly PropertyKey[], issues: IssueCollector): void {
  if (!Array.isArray(counts)) {
    issues.add(
      path,
      `Expected an array of survivor counts, received ${describeReceived(counts)}`,
      counts === undefined ? "required" : "invalid_type",
      counts,
    );
    return;
  }
  const shape = arrayShapeProblem(counts);
  if (shape) {
    issues.add([...path, ...shape.path], shape.message, shape.code);
    return;
  }
  if (counts.length === 0) {
    issues.add(
      path,
      "Expected at least one survivor count (the cohort's size)",
      "too_small",
      counts,
    );
    return;
  }
  let previous = Number.POSITIVE_INFINITY;
  for (let t = 0; t < counts.length && !issues.full; t++) {
    const v: unknown = counts[t];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.add(
        [...path, t],
        `Expected a finite number ≥ 0, received ${describeReceived(v)}`,
        v === undefined ? "required" : "invalid_type",
        v,
      );
      previous = Number.NaN;
      continue;
    }
    if (v < 0 || (t === 0 && v === 0)) {
      issues.add(
        [...path, t],
        t === 0
          ? `A cohort must start with a positive number of customers, received ${v}`
          : `Expected a count ≥ 0, received ${v}`,
        "too_small",
        v,
      );
    } else if (v > previous) {
      issues.add(
        [...path, t],
        `Survivor counts must not increase: ${v} after ${previous}`,
        "inconsistent",
        v,
      );
    }
    previous = v;
  }
}

/** Every problem of one per-customer row at `path` (`survival[i]`). */
function rowIssues(row: unknown, path: readonly PropertyKey[], issues: IssueCollector): void {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    issues.add(
      path,
      `Expected { periodsObserved, churned }, received ${describeReceived(row)}`,
      row === undefined ? "required" : "invalid_type",
      row,
    );
    return;
  }
  const { periodsObserved: t, churned, count } = row as Record<string, unknown>;
  let tOk = false;
  if (typeof t !== "number" || !Number.isFinite(t)) {
    issues.add(
      [...path, "periodsObserved"],
      `Expected an integer ≥ 0, received ${describeReceived(t)}`,
      t === undefined ? "required" : "invalid_type",
      t,
    );
  } else if (!Number.isInteger(t)) {
    issues.add(
      [...path, "periodsObserved"],
      `Expected an integer ≥ 0, received ${t}`,
      "not_integer",
      t,
    );
  } else if (t < 0) {
    issues.add(
      [...path, "periodsObserved"],
      `Expected an integer ≥ 0, received ${t}`,
      "too_small",
      t,
    );
  } else if (t > MAX_PERIODS_OBSERVED) {
    // The likelihood is summed per period: the data are arrays indexed by period.
    issues.add(
      [...path, "periodsObserved"],
      `Expected at most ${MAX_PERIODS_OBSERVED} periods, received ${t}`,
      "too_big",
      t,
    );
  } else tOk = true;
  if (typeof churned !== "boolean") {
    issues.add(
      [...path, "churned"],
      `Expected true or false, received ${describeReceived(churned)}`,
      churned === undefined ? "required" : "invalid_type",
      churned,
    );
  } else if (tOk && churned && t === 0) {
    issues.add(
      [...path, "periodsObserved"],
      "A customer who churned was observed for at least 1 period",
      "inconsistent",
      t,
    );
  }
  const c = countIssue(count, [...path, "count"]);
  if (c) issues.add(c.path, c.message, c.code, count);
}

/** Lexicographic order of survivor-count series (a shorter prefix first). */
function compareCohorts(u: readonly number[], v: readonly number[]): number {
  for (let t = 0; t < Math.min(u.length, v.length); t++) {
    if (u[t] !== v[t]) return u[t]! - v[t]!;
  }
  return u.length - v.length;
}

/**
 * Validates the `survival` argument of {@link fitSbg} (every problem listed, up to 100, at
 * `survival[t]`, `survival[c][t]` or `survival[i].field`) and reduces it to weights per period.
 * @internal
 */
export function survivalData(input: unknown): SurvivalData {
  checkArray(
    FN,
    input,
    "survivor counts, an array of cohorts' survivor counts, or an array of { periodsObserved, churned } rows",
    [ARG],
  );
  if (input.length === 0) {
    throw invalidInput(
      FN,
      [ARG],
      "Expected survivor counts, an array of cohorts' survivor counts, or a non-empty array of { periodsObserved, churned } rows",
      "too_small",
      input,
    );
  }
  const first: unknown = input[0];
  const issues = new IssueCollector();
  if (typeof first === "number" || Array.isArray(first)) {
    // One cohort, or several.
    const single = typeof first === "number";
    const cohorts = (single ? [input] : input) as readonly unknown[];
    for (let c = 0; c < cohorts.length && !issues.full; c++) {
      cohortIssues(cohorts[c], single ? [ARG] : [ARG, c], issues);
    }
    issues.throwIfAny(FN);
    const valid = cohorts as readonly (readonly number[])[];
    let maxT = 0;
    for (const cohort of valid) maxT = Math.max(maxT, cohort.length - 1);
    const churnWeight = new Float64Array(maxT + 1);
    const aliveWeight = new Float64Array(maxT + 1);
    let customers = 0;
    // Summed in a canonical order (cohorts sorted by their counts), so that the order of the
    // cohorts cannot change the floating-point sums of fractional counts.
    for (const cohort of [...valid].sort(compareCohorts)) {
      customers += cohort[0]!;
      for (let t = 1; t < cohort.length; t++) churnWeight[t]! += cohort[t - 1]! - cohort[t]!;
      aliveWeight[cohort.length - 1]! += cohort[cohort.length - 1]!;
    }
    return { churnWeight, aliveWeight, customers };
  }
  // Per-customer rows: each field read once, into plain arrays.
  const n = input.length;
  const periods = new Float64Array(n);
  const churned = new Uint8Array(n);
  const weights = new Float64Array(n);
  let maxT = 0;
  for (let i = 0; i < n && !issues.full; i++) {
    const row: unknown = input[i];
    const {
      periodsObserved: t,
      churned: c,
      count,
    } = typeof row === "object" && row !== null ? (row as Record<string, unknown>) : {};
    if (
      typeof t === "number" &&
      Number.isInteger(t) &&
      t >= 0 &&
      t <= MAX_PERIODS_OBSERVED &&
      typeof c === "boolean" &&
      (!c || t >= 1) &&
      countWeight(count) > 0 &&
      !Array.isArray(row)
    ) {
      periods[i] = t;
      churned[i] = c ? 1 : 0;
      weights[i] = countWeight(count);
      if (t > maxT) maxT = t;
    } else {
      rowIssues(row, [ARG, i], issues);
    }
  }
  issues.throwIfAny(FN);
  const churnWeight = new Float64Array(maxT + 1);
  const aliveWeight = new Float64Array(maxT + 1);
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    customers += w;
    if (churned[i] === 1) churnWeight[periods[i]!]! += w;
    else aliveWeight[periods[i]!]! += w;
  }
  return { churnWeight, aliveWeight, customers };
}

/**
 * Negative log-likelihood of the sBG and its gradient on the natural scale, by the recursions
 * `ln P(T=1) = ln α − ln(α+β)`, `ln P(T=t) = ln P(T=t−1) + ln(β+t−2) − ln(α+β+t−1)`,
 * `ln S(t) = ln S(t−1) + ln(β+t−1) − ln(α+β+t−1)` (models.md §5.2–5.3).
 * @internal
 */
export function shiftedBetaGeometricNegLogLikelihood(
  data: SurvivalData,
  alpha: number,
  beta: number,
  gradient: Float64Array,
): number {
  const { churnWeight, aliveWeight } = data;
  const ab = alpha + beta;
  // ψ(α+β) − ψ(α+β+t) and ψ(β+t) − ψ(β) accumulated as exact finite sums.
  let sumAB = 0; // Σ_{j<t} 1/(α+β+j)
  let sumB = 0; // Σ_{j<t} 1/(β+j)
  let lnS = 0;
  let ll = 0;
  let ga = 0;
  let gb = 0;
  // aliveWeight[0]: ln S(0) = 0 contributes nothing.
  for (let t = 1; t < churnWeight.length; t++) {
    // ln P(T = t) = ln S(t−1) + ln α − ln(α+β+t−1)
    const wc = churnWeight[t]!;
    const denom = ab + t - 1;
    if (wc !== 0) {
      ll += wc * (lnS + Math.log(alpha) - Math.log(denom));
      // ∂α ln P(T=t) = 1/α + ψ(α+β) − ψ(α+β+t); ∂β = ψ(β+t−1) − ψ(β) + ψ(α+β) − ψ(α+β+t)
      const dAB = sumAB + 1 / denom;
      ga += wc * (1 / alpha - dAB);
      gb += wc * (sumB - dAB);
    }
    lnS += Math.log(beta + t - 1) - Math.log(denom);
    sumAB += 1 / denom;
    sumB += 1 / (beta + t - 1);
    const ws = aliveWeight[t]!;
    if (ws !== 0) {
      ll += ws * lnS;
      ga -= ws * sumAB;
      gb += ws * (sumB - sumAB);
    }
  }
  gradient[0] = -ga;
  gradient[1] = -gb;
  return -ll;
}

/**
 * Fits the shifted-beta-geometric (sBG) model of contract renewals by maximum likelihood.
 *
 * Each customer cancels at the end of any period with a constant probability θ, and θ varies across
 * customers as `Beta(α, β)`. The period of cancellation T has `P(T=t) = B(α+1, β+t−1)/B(α, β)` and
 * survival `S(t) = P(T>t) = B(α, β+t)/B(α, β)`. A cohort with `n₀, n₁, …, n_k` customers active after
 * `0, 1, …, k` renewals has log-likelihood `Σ_{t=1}^{k} (n_{t−1} − n_t) ln P(T=t) + n_k ln S(k)`; the
 * last term right-censors the customers still active. Several cohorts (each with its own length) and
 * per-customer rows add up the same way. Counts may be fractions of a cohort (the estimates are
 * the same; the log-likelihood scales).
 *
 * Timing convention: `n_t` counts customers who have renewed `t` times (are in period `t+1`); the
 * first element of a cohort is its size at acquisition. Some write-ups index by period instead;
 * shift your series so that its first element is the cohort size.
 *
 * The sBG does not nest the continuous-time models; it is a contractual model: churn is observed.
 *
 * The data argument is named `survival` (not `customers`, which is always an array of customer
 * rows): what its three forms have in common is survival data, how many customers are still
 * subscribed after how many renewals. Error paths start with it: `survival[3]` (a count of one
 * cohort), `survival[1][3]` (of several), `survival[2].churned` (a row).
 *
 * @param survival - one cohort's survivor counts, an array of cohorts, or
 *   `{ periodsObserved, churned, count?, unit? }` rows (extra fields ignored)
 * @param options - {@link FitOptions}: `unit` (of one contract period; required unless the rows
 *   carry it), `penalty`, `initial` (names `alpha` and `beta`), `maxIterations`, `tolerance`
 * @returns the fitted {@link SbgModel}, with `unit` and `customerCount`
 * @throws {InvalidInputError} listing every problem in one pass (up to 100): a cohort that is
 *   empty or starts at 0 (`too_small`), a count that is not a finite number (`invalid_type`) or
 *   negative (`too_small`), counts that increase (`inconsistent`), a malformed row
 *   (`survival[i].periodsObserved`: `not_integer`, `too_small`, `too_big` above 1,000,000, `inconsistent` when a churned
 *   customer was observed for 0 periods; `survival[i].churned`: `invalid_type`); bad options at
 *   `options.<key>`; no unit (`required` at `options.unit`) or rows in another unit (`unit_mismatch`)
 * @throws {ModelFitError} when the likelihood has no finite maximum (e.g. nobody ever churns,
 *   or every period loses the same share of customers, so that α and β run off to ∞), when the
 *   Hessian at the solution is singular, or when the optimiser does not converge
 * @example
 * ```ts
 * import { fitSbg } from "customer-value";
 * const model = fitSbg([1000, 869, 743, 653, 593, 551, 517, 491], { unit: "year" });
 * model.params.alpha.toFixed(3); // => "0.668"
 * model.params.beta.toFixed(3); // => "3.806"
 * model.logLikelihood.toFixed(2); // => "-1611.16"
 * ```
 * @category Models
 * @see Fader & Hardie (2007), "How to project customer retention", Journal of Interactive
 *   Marketing 21(1).
 */
export function fitSbg(survival: SbgInput, options: FitOptions = {}): SbgModel {
  // Survivor counts carry no unit; per-customer rows may.
  const rows =
    Array.isArray(survival) && typeof survival[0] === "object" && !Array.isArray(survival[0]);
  const { opts, data, unit } = readFitInput(
    FN,
    options,
    PARAMETER_NAMES,
    () => survivalData(survival),
    { rows: rows ? survival : [], argument: ARG },
  );
  let churned = 0;
  for (const w of data.churnWeight) churned += w;
  if (churned === 0) {
    throw new ModelFitError(
      FN,
      "nobody churned, so the data cannot identify the churn distribution",
      "observe the cohort for longer, or add a small `penalty` (e.g. 0.001)",
    );
  }
  const result = maximizeLikelihood(
    FN,
    (p, g) => shiftedBetaGeometricNegLogLikelihood(data, p[0]!, p[1]!, g),
    PARAMETER_NAMES,
    { ...opts, tolerance: scaledTolerance(opts.tolerance, data.customers) },
  );
  return {
    kind: "sbg",
    params: { alpha: result.params[0]!, beta: result.params[1]! },
    logLikelihood: result.logLikelihood,
    standardErrors: { alpha: result.standardErrors[0]!, beta: result.standardErrors[1]! },
    iterations: result.iterations,
    converged: true,
    customerCount: data.customers,
    unit: unit!,
  };
}

/** Loose check of a (possibly deserialised) sBG model: kind and positive finite parameters. @internal */
export const shiftedBetaGeometricModelSchema = z.object({
  kind: z.literal("sbg"),
  params: z.object({
    alpha: z.number().check(z.positive()),
    beta: z.number().check(z.positive()),
  }),
});

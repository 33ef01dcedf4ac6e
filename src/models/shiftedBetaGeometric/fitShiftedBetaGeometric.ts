/**
 * The shifted-beta-geometric (sBG) model of contract renewals: fitting (Fader & Hardie 2007, "How to
 * project customer retention"; shared reference "models.md" §5).
 * @module
 */
import { z } from "zod";
import { invalidInput, ModelFitError } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { boundedArray, parseInput } from "../../core/validate.js";
import { type FitOptions, fitUnit, maximizeLikelihood, parseFitOptions } from "../fit.js";

const PARAMETER_NAMES = ["alpha", "beta"] as const;

import { scaledTolerance } from "../history.js";

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
 * {@link fitSbg}.
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
}

/**
 * What {@link fitSbg} accepts: one cohort's survivor counts
 * (`[n₀, n₁, …, n_k]`, customers still active after 0, 1, …, k renewals), several cohorts
 * (an array of such arrays, each with its own length), or per-customer rows.
 * @category Models
 */
export type SbgInput =
  | readonly number[]
  | readonly (readonly number[])[]
  | readonly SubscriptionHistoryRow[];

const FN = "fitSbg";

const rowSchema = z.strictObject({
  periodsObserved: z.number().int().nonnegative(),
  churned: z.boolean(),
  count: z.number().int().positive().exactOptional(),
}) satisfies z.ZodType<unknown, SubscriptionHistoryRow>;

const countsSchema = boundedArray(z.array(z.number().finite().nonnegative()).min(1));

/** Weighted sufficient statistics: churn and survival weights indexed by period. @internal */
export interface SurvivalData {
  /** `churnWeight[t]` customers cancelled in period t (t ≥ 1). */
  readonly churnWeight: Float64Array;
  /** `aliveWeight[t]` customers still active after t renewals (right-censored). */
  readonly aliveWeight: Float64Array;
  readonly customers: number;
}

function checkCohort(counts: readonly number[], path: readonly PropertyKey[]): void {
  const parsed = countsSchema.safeParse(counts);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidInput(FN, [...path, ...issue.path], issue.message);
  }
  if (!(counts[0]! > 0)) {
    throw invalidInput(FN, [...path, 0], "A cohort must start with a positive number of customers");
  }
  for (let t = 1; t < counts.length; t++) {
    if (counts[t]! > counts[t - 1]!) {
      throw invalidInput(
        FN,
        [...path, t],
        `Survivor counts must not increase: ${counts[t]} after ${counts[t - 1]}`,
      );
    }
  }
}

/** Lexicographic order of survivor-count series (a shorter prefix first). */
function compareCohorts(u: readonly number[], v: readonly number[]): number {
  for (let t = 0; t < Math.min(u.length, v.length); t++) {
    if (u[t] !== v[t]) return u[t]! - v[t]!;
  }
  return u.length - v.length;
}

/** Validates the input and reduces it to weights per period. @internal */
export function survivalData(input: unknown): SurvivalData {
  if (!Array.isArray(input) || input.length === 0) {
    throw invalidInput(
      FN,
      [],
      "Expected survivor counts, an array of cohorts' survivor counts, or a non-empty array of { periodsObserved, churned } rows",
    );
  }
  const first = input[0] as unknown;
  let cohorts: readonly (readonly number[])[] | undefined;
  let paths: PropertyKey[][] = [];
  if (typeof first === "number") {
    cohorts = [input as number[]];
    paths = [[]];
  } else if (Array.isArray(first)) {
    cohorts = input as number[][];
    paths = cohorts.map((_, c) => [c]);
  }
  if (cohorts !== undefined) {
    let maxT = 0;
    for (let c = 0; c < cohorts.length; c++) {
      const cohort = cohorts[c];
      if (!Array.isArray(cohort))
        throw invalidInput(FN, [c], "Expected an array of survivor counts");
      checkCohort(cohort, paths[c]!);
      maxT = Math.max(maxT, cohort.length - 1);
    }
    const churnWeight = new Float64Array(maxT + 1);
    const aliveWeight = new Float64Array(maxT + 1);
    let customers = 0;
    // Summed in a canonical order (cohorts sorted by their counts), so that the order of the
    // cohorts cannot change the floating-point sums of fractional counts.
    for (const cohort of [...cohorts].sort(compareCohorts)) {
      customers += cohort[0]!;
      for (let t = 1; t < cohort.length; t++) churnWeight[t]! += cohort[t - 1]! - cohort[t]!;
      aliveWeight[cohort.length - 1]! += cohort[cohort.length - 1]!;
    }
    return { churnWeight, aliveWeight, customers };
  }
  const rows = parseInput(FN, boundedArray(z.array(rowSchema)), input);
  let maxT = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.churned && row.periodsObserved < 1) {
      throw invalidInput(
        FN,
        [i, "periodsObserved"],
        "A customer who churned was observed for at least 1 period",
      );
    }
    maxT = Math.max(maxT, row.periodsObserved);
  }
  const churnWeight = new Float64Array(maxT + 1);
  const aliveWeight = new Float64Array(maxT + 1);
  let customers = 0;
  for (const row of rows) {
    const w = row.count ?? 1;
    customers += w;
    if (row.churned) churnWeight[row.periodsObserved]! += w;
    else aliveWeight[row.periodsObserved]! += w;
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
 * @param input - one cohort's survivor counts, an array of cohorts, or `{ periodsObserved, churned, count? }` rows
 * @param options - {@link FitOptions} (`initial` names `alpha` and `beta`)
 * @returns the fitted {@link SbgModel}
 * @throws {InvalidInputError} when a cohort is empty, starts at 0 or increases (path of the bad count),
 *   or a row is malformed
 * @throws {ModelFitError} when the likelihood has no finite maximum (e.g. nobody ever churns,
 *   or every period loses the same share of customers, so that α and β run off to ∞), when the
 *   Hessian at the solution is singular, or when the optimiser does not converge
 * @example
 * ```ts
 * import { fitSbg } from "customer-value";
 * const model = fitSbg([1000, 869, 743, 653, 593, 551, 517, 491]);
 * model.params.alpha.toFixed(3); // => "0.668"
 * model.params.beta.toFixed(3); // => "3.806"
 * model.logLikelihood.toFixed(2); // => "-1611.16"
 * ```
 * @category Models
 * @see Fader & Hardie (2007), "How to project customer retention", Journal of Interactive
 *   Marketing 21(1).
 */
export function fitSbg(input: SbgInput, options: FitOptions = {}): SbgModel {
  const data = survivalData(input);
  const opts = parseFitOptions(FN, options, PARAMETER_NAMES, ["options"]);
  // Survivor counts carry no unit; per-customer rows may.
  const rows = Array.isArray(input) && typeof input[0] === "object" && !Array.isArray(input[0]);
  const unit = fitUnit(FN, rows ? input : [], opts.unit, "input");
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
    unit,
  };
}

/** Loose check of a (possibly deserialised) sBG model: kind and positive finite parameters. @internal */
export const shiftedBetaGeometricModelSchema = z.object({
  kind: z.literal("sbg"),
  params: z.object({
    alpha: z.number().finite().positive(),
    beta: z.number().finite().positive(),
  }),
});

/**
 * The shifted-beta-geometric (sBG) model of contract renewals: fitting (Fader & Hardie 2007, "How to
 * project customer retention", Journal of Interactive Marketing 21(1)).
 * @module
 */
import * as z from "zod/mini";
import { ModelFitError } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { type FitOptions, maximizeLikelihood, readFitInput } from "../fit.js";
import { type SurvivalData, survivalData } from "./survivalData.js";

export { type SurvivalData, survivalData };

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
 * Negative log-likelihood of the sBG and its gradient on the natural scale, by the recursions
 * `ln P(T=1) = ln α − ln(α+β)`, `ln P(T=t) = ln P(T=t−1) + ln(β+t−2) − ln(α+β+t−1)`,
 * `ln S(t) = ln S(t−1) + ln(β+t−1) − ln(α+β+t−1)` (Fader & Hardie 2007, eqs. 5–6, in logs; the
 * likelihood of survivor counts and of right-censored customers, their eq. 7).
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
    { rows: rows ? survival : [], argument: "survival" },
  );
  let churned = 0;
  for (const w of data.churnWeight) churned += w;
  if (churned === 0) {
    throw new ModelFitError(
      FN,
      "nobody churned, so the data cannot identify the churn distribution",
      // A penalty does not help: the likelihood grows as α → 0, which an L2 penalty does not resist.
      "observe the cohort for longer, until some customers have churned",
    );
  }
  const result = maximizeLikelihood(
    FN,
    (p, g) => shiftedBetaGeometricNegLogLikelihood(data, p[0]!, p[1]!, g),
    PARAMETER_NAMES,
    { ...opts, tolerance: scaledTolerance(opts.tolerance, data.customers) },
    // Not in lifetimes; defined as its other fits: −Σℓ/N + λ(α² + β²).
    { penaltyWeight: data.customers },
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

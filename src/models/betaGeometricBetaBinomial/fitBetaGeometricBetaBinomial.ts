/**
 * The BG/BB model of discrete-time, non-contractual purchasing (Fader, Hardie & Shang 2010,
 * "Customer-base analysis in a discrete-time noncontractual setting"; the
 * per-customer mathematics is in bgbbLikelihood.ts and bgbbExpectations.ts, the validation of
 * histories in discreteHistories.ts): the model's types and its fit.
 * @module
 */
import * as z from "zod/mini";
import type { TimeUnit } from "../../core/time.js";
import { type FitOptions, maximizeLikelihood, readFitInput } from "../fit.js";
import { scaledTolerance } from "../history.js";
import { bgbbLogLikelihood } from "./bgbbLikelihood.js";
import { compressDiscreteHistories } from "./discreteHistories.js";

export {
  bgbbConditionalExpected,
  bgbbConditionalPurchaseCountProbability,
  bgbbDert,
  bgbbExpected,
  bgbbProbabilityAlive,
  bgbbPurchaseCountProbability,
} from "./bgbbExpectations.js";
export { bgbbLogLikelihood } from "./bgbbLikelihood.js";
export {
  checkDiscreteHistory,
  compressDiscreteHistories,
  type DiscreteHistories,
  discreteHistoryIssues,
  MAX_OPPORTUNITIES,
} from "./discreteHistories.js";

const PARAMETER_NAMES = ["alpha", "beta", "gamma", "delta"] as const;

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
  /**
   * Number of repeat transaction opportunities observed after the first, `n` (integer ≥ 0; 0 for a
   * customer acquired at the last opportunity observed, whose frequency and recency are then 0).
   */
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
 *   value or `count` < 1 (`too_small`), `periods` > 10⁶ (`too_big`),
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
  let longest = 0; // most log-terms of one history, n − t_x + 1
  for (let i = 0; i < k; i++) longest = Math.max(longest, data.n[i]! - data.tx[i]! + 1);
  const logs = new Float64Array(longest);
  const result = maximizeLikelihood(
    FN,
    (q, g) => {
      const p = { alpha: q[0]!, beta: q[1]!, gamma: q[2]!, delta: q[3]! };
      g.fill(0);
      let ll = 0;
      for (let i = 0; i < k; i++) {
        const w = data.weight[i]!;
        ll += w * bgbbLogLikelihood(p, data.x[i]!, data.tx[i]!, data.n[i]!, g, w, logs);
      }
      for (let j = 0; j < 4; j++) g[j] = -g[j]!;
      return -ll;
    },
    PARAMETER_NAMES,
    { ...opts, tolerance: scaledTolerance(opts.tolerance, data.customers) },
    // lifetimes' BetaGeoBetaBinomFitter: −Σwℓ/Σw + λΣp².
    { penaltyWeight: data.customers },
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

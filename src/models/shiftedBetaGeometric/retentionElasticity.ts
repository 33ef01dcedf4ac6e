import * as z from "zod/mini";
import { invalidInput } from "../../core/errors.js";
import { parseInput } from "../../core/validate.js";
import { hyp2f1 } from "../../math/hypergeometric.js";
import { unitHypergeometric } from "../../math/unitHypergeometric.js";
import type { SbgModel } from "./fitShiftedBetaGeometric.js";
import {
  type ExpectedRemainingLifetimeOptions,
  parseModel,
  sbgDiscountRate,
} from "./subscriptionPredictions.js";

const optionsSchema = z.strictObject({
  renewals: z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)),
  discountRate: z.number(),
  allowLargeDiscountRate: z.exactOptional(z.boolean()),
}) satisfies z.ZodMiniType<unknown, ExpectedRemainingLifetimeOptions>;

/**
 * η(d | n) = 1 + z·G′(z)/G(z) with G(z) = ₂F₁(1, b; c; z), b = β+n+1, c = α+β+n+1, z = 1/(1+d),
 * and G′(z) = (b/c)·₂F₁(2, b+1; c+1; z). @internal
 */
export function sbgRetentionElasticity(alpha: number, beta: number, n: number, d: number): number {
  const z = 1 / (1 + d);
  const b = beta + n + 1;
  const c = alpha + b;
  const g = unitHypergeometric(alpha, b, z);
  const slope = (b / c) * hyp2f1(2, b + 1, c + 1, z);
  return 1 + (z * slope) / g;
}

/**
 * Retention elasticity of a subscriber under the sBG: the percentage change in their discounted
 * expected residual lifetime ({@link expectedRemainingLifetime}) when every customer's per-period
 * renewal probability 1 − θ is raised by 1 % (Fader & Hardie 2010, §4; Pfeifer & Farris 2004 for
 * the homogeneous case).
 *
 * With n = `renewals` and z = 1/(1+d), DERL(d | n) = Σ_{k≥0} P(T > n+k+1 | T > n)·z^k, whose k-th
 * term holds k + 1 renewal probabilities; scaling each by (1 + ε) and differentiating at ε = 0 gives
 * `η = Σ (k+1)·S_k z^k / Σ S_k z^k = 1 + z·G′(z)/G(z)`, G(z) = ₂F₁(1, β+n+1; α+β+n+1; z), with
 * G′(z) = (β+n+1)/(α+β+n+1)·₂F₁(2, β+n+2; α+β+n+2; z). Without heterogeneity (α, β → ∞ with the
 * retention rate r fixed) this is `(1+d)/(1+d−r)`, the textbook elasticity of the geometric model in
 * this timing. Same timing and options as {@link expectedRemainingLifetime}.
 *
 * PyMC-Marketing's `ShiftedBetaGeoModel.expected_retention_elasticity` returns
 * ₂F₁(1, β+T−1; α+β+T−1; 1/(1+d)), which is the discounted expected lifetime of a customer in period
 * T (a DERL), not its elasticity; the two differ (about 6.30 vs 5.92 at the "high end" parameters,
 * T = 1, d = 0.1).
 *
 * @param model - a fitted (or stored) {@link SbgModel} (with its `unit`, the length of a period)
 * @param options - `{ renewals, discountRate, allowLargeDiscountRate? }`, as for
 *   {@link expectedRemainingLifetime}
 * @returns the elasticity η ≥ 1 (percent change in DERL per percent change in retention)
 * @throws {InvalidInputError} on an invalid model (`model.params.alpha`, `model.unit`, …),
 *   `options.renewals` not an integer ≥ 0, `options.discountRate` below 10⁻⁶ (code `"too_small"`)
 *   or ≥ 1 without `allowLargeDiscountRate` (code `"implausible_rate"`), or a model whose value
 *   float64 cannot evaluate (`model.params`, code `"unsupported"`)
 * @example
 * ```ts
 * import { retentionElasticity } from "customer-value";
 * const highEnd = {
 *   kind: "sbg", params: { alpha: 0.6680883501264947, beta: 3.8060949687750463 },
 *   logLikelihood: -1611.16, standardErrors: { alpha: 0.1037, beta: 0.7855 },
 *   iterations: 12, converged: true, customerCount: 1000, unit: "year",
 * } as const;
 * retentionElasticity(highEnd, { renewals: 0, discountRate: 0.1 }); // => 7.577356889568
 * ```
 * @category Models
 * @see Fader & Hardie (2010), "Customer-base valuation in a contractual setting: the perils of
 *   ignoring heterogeneity", Marketing Science 29(1); Pfeifer & Farris (2004), "The elasticity of
 *   customer value to retention: the duration of a customer relationship", Journal of Interactive
 *   Marketing 18(2).
 */
export function retentionElasticity(
  model: SbgModel,
  options: ExpectedRemainingLifetimeOptions,
): number {
  const fn = "retentionElasticity";
  const { alpha, beta } = parseModel(fn, model).params;
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const d = sbgDiscountRate(fn, opts.discountRate, opts.allowLargeDiscountRate);
  const value = sbgRetentionElasticity(alpha, beta, opts.renewals, d);
  if (!Number.isFinite(value) || value < 1) {
    throw invalidInput(
      fn,
      ["model", "params"],
      "The retention elasticity of this model cannot be evaluated in float64",
      "unsupported",
    );
  }
  return value;
}

/**
 * Predictions of the shifted-beta-geometric model: survival curve, retention rates, discounted
 * expected (residual) lifetime and subscription lifetime value (Fader & Hardie 2007, "How to
 * project customer retention", J. Interactive Marketing 21(1); Fader & Hardie 2010, "Customer-base
 * valuation in a contractual setting", Marketing Science 29(1): DEL and DERL as ₂F₁).
 * @module
 */
import * as z from "zod/mini";
import { checkDiscountFloor, checkDiscountRate } from "../../core/discount.js";
import { invalidInput } from "../../core/errors.js";
import { type Decimal, Money, type MoneyInput, moneySchema } from "../../core/money.js";
import { timeUnitSchema } from "../../core/time.js";
import { parseInput } from "../../core/validate.js";
import { unitHypergeometric } from "../../math/unitHypergeometric.js";
import { parseModelWithUnit } from "../predictions/modelArguments.js";
import { type SbgModel, shiftedBetaGeometricModelSchema } from "./fitShiftedBetaGeometric.js";

/** Most periods a survival or retention curve projects. @internal */
export const MAX_CURVE_PERIODS = 1e7;

/**
 * Options of {@link survivalCurve} and {@link retentionCurve}.
 * @category Models
 */
export interface CurveOptions {
  /** How many periods to project: an integer ≥ 0 (survival) or ≥ 1 (retention), at most 10⁷. */
  readonly periods: number;
}

const survivalOptionsSchema = z.strictObject({
  periods: z.int().check(z.nonnegative(), z.maximum(MAX_CURVE_PERIODS)),
}) satisfies z.ZodMiniType<unknown, CurveOptions>;

const retentionOptionsSchema = z.strictObject({
  periods: z.int().check(z.minimum(1), z.maximum(MAX_CURVE_PERIODS)),
}) satisfies z.ZodMiniType<unknown, CurveOptions>;

/** The sBG model schema with its (required) time unit: the length of one contract period. */
const modelSchema = z.extend(shiftedBetaGeometricModelSchema, { unit: timeUnitSchema });

/** The validated copy of the model (each parameter read once); paths `model.params.alpha`, `model.unit`. @internal */
export function parseModel(fn: string, model: unknown): SbgModel {
  return parseModelWithUnit(fn, modelSchema, model, ["model"]) as SbgModel;
}

/**
 * The discount rate of an sBG value: the one rule (`checkDiscountRate`: ≥ 0, < 1 unless
 * `allowLargeDiscountRate`) and the infinite-sum floor of 10⁻⁶ per period (code `"too_small"`).
 * @internal
 */
export function sbgDiscountRate(
  fn: string,
  rate: unknown,
  allowLarge: boolean | undefined,
): number {
  const path = ["options", "discountRate"];
  const d = checkDiscountRate(fn, rate, path, allowLarge === true);
  checkDiscountFloor(fn, d, path);
  return d;
}

/**
 * Survival curve of a cohort under the sBG: `S(t) = P(T > t) = B(α, β+t)/B(α, β)`, the share of an
 * acquired cohort still active after `t` renewals, for `t = 0 … periods`.
 *
 * Computed by the recursion `S(0) = 1`, `S(t) = S(t−1)/(1 + α/(β+(t−1)))` (no special functions, no
 * overflow, and β is not absorbed into t: finite and right for every accepted model). Multiply by a cohort's size for projected survivors. Element `t` of the result belongs
 * to the start of period `t+1` (after `t` renewals), the convention of Fader & Hardie (2007) Table 1.
 *
 * @param model - a fitted (or stored) {@link SbgModel} (with its `unit`, the length of a period)
 * @param options - `{ periods }`: the last number of renewals to project (integer from 0 to 10⁷)
 * @returns `S(0), S(1), …, S(periods)` as a `Float64Array` of length `periods + 1`, each in (0, 1]
 * @throws {InvalidInputError} on an invalid model (paths `model.params.alpha`, `model.unit`, …) or
 *   `options.periods` not an integer from 0 to 10⁷
 * @example
 * ```ts
 * import { survivalCurve } from "customer-value";
 * const model = {
 *   kind: "sbg", params: { alpha: 0.7040772796023907, beta: 1.182042983460019 },
 *   logLikelihood: -1680.27, standardErrors: { alpha: 0.0656, beta: 0.1525 },
 *   iterations: 10, converged: true, customerCount: 1000, unit: "year",
 * } as const;
 * const curve = survivalCurve(model, { periods: 12 });
 * (curve[8]! * 1000).toFixed(1); // => "220.1"
 * (curve[12]! * 1000).toFixed(1); // => "170.0"
 * ```
 * @category Models
 * @see Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1).
 */
export function survivalCurve(model: SbgModel, options: CurveOptions): Float64Array {
  const fn = "survivalCurve";
  const { alpha, beta } = parseModel(fn, model).params;
  const n = parseInput(fn, survivalOptionsSchema, options, ["options"]).periods;
  const out = new Float64Array(n + 1);
  let s = 1;
  out[0] = 1;
  for (let t = 1; t <= n; t++) {
    s /= 1 + alpha / (beta + (t - 1));
    out[t] = s;
  }
  return out;
}

/**
 * Retention curve of the sBG: the retention rate of each period `t = 1 … periods`, the probability
 * that a customer active in period `t` renews at its end, `r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1)`.
 *
 * It rises with `t` although no individual's churn probability changes: customers with high θ leave
 * first (the sorting effect of heterogeneity), which is why a constant-retention projection
 * underestimates long-run survival.
 *
 * Named `retentionCurve` (not `retentionRate`, the name of the field of retention formulas such as
 * `retentionLifetimeValue`): like {@link survivalCurve} it returns the curve over periods.
 *
 * @param model - a fitted (or stored) {@link SbgModel} (with its `unit`, the length of a period)
 * @param options - `{ periods }`: how many periods (integer from 1 to 10⁷; period 1 is the first
 *   contract period)
 * @returns `r(1), …, r(periods)` as a `Float64Array` of length `periods` (element `t − 1` is
 *   period `t`), each in [0, 1)
 * @throws {InvalidInputError} on an invalid model (paths `model.params.alpha`, `model.unit`, …) or
 *   `options.periods` not an integer from 1 to 10⁷
 * @example
 * ```ts
 * import { retentionCurve } from "customer-value";
 * const model = {
 *   kind: "sbg", params: { alpha: 0.6680883501264947, beta: 3.8060949687750463 },
 *   logLikelihood: -1611.16, standardErrors: { alpha: 0.1037, beta: 0.7855 },
 *   iterations: 12, converged: true, customerCount: 1000, unit: "year",
 * } as const;
 * const rates = retentionCurve(model, { periods: 12 });
 * rates[0]; // => 0.8506792631
 * rates[11]; // => 0.9568256149
 * ```
 * @category Models
 * @see Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1).
 */
export function retentionCurve(model: SbgModel, options: CurveOptions): Float64Array {
  const fn = "retentionCurve";
  const { alpha, beta } = parseModel(fn, model).params;
  const n = parseInput(fn, retentionOptionsSchema, options, ["options"]).periods;
  const out = new Float64Array(n);
  // 1/(1 + α/(β+t−1)): the same ratio without forming α + β (which overflows near float64's limit)
  for (let t = 1; t <= n; t++) out[t - 1] = 1 / (1 + alpha / (beta + (t - 1)));
  return out;
}

/**
 * Options of {@link expectedRemainingLifetime}.
 * @category Models
 */
export interface ExpectedRemainingLifetimeOptions {
  /** Renewals the customer has made so far (integer ≥ 0; 0 = in the first period). */
  readonly renewals: number;
  /**
   * Compound discount rate per contract period (a fraction; 0.1 = 10 % per period), at least 10⁻⁶
   * and below 1 unless `allowLargeDiscountRate`.
   */
  readonly discountRate: number;
  /** Accept a discount rate of 1 (100 %) or more per period. */
  readonly allowLargeDiscountRate?: boolean;
}

const derlOptionsSchema = z.strictObject({
  renewals: z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)),
  discountRate: z.number(),
  allowLargeDiscountRate: z.exactOptional(z.boolean()),
}) satisfies z.ZodMiniType<unknown, ExpectedRemainingLifetimeOptions>;

/** DERL(d | n) = (β+n)/(α+β+n)·₂F₁(1, β+n+1; α+β+n+1; 1/(1+d)). @internal */
export function sbgDerl(alpha: number, beta: number, n: number, d: number): number {
  const b = beta + n;
  return unitHypergeometric(alpha, b + 1, 1 / (1 + d)) / (1 + alpha / b);
}

/** DEL(d) = ₂F₁(1, β; α+β; 1/(1+d)) (first payment undiscounted). @internal */
export function sbgDel(alpha: number, beta: number, d: number): number {
  return unitHypergeometric(alpha, beta, 1 / (1 + d));
}

/** Returns a DEL/DERL value, or throws when the model lies outside what float64 can evaluate. */
function finitePayments(fn: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw invalidInput(
      fn,
      ["model", "params"],
      "The expected lifetime of this model cannot be evaluated in float64 (α + β overflows, or the continued fraction did not converge)",
      "unsupported",
    );
  }
  return value;
}

/**
 * Discounted expected residual lifetime (DERL) of a subscriber who has made `n` renewals, in
 * payments: `Σ_{k≥0} P(T > n+k+1 | T > n)/(1+d)^k = (β+n)/(α+β+n)·₂F₁(1, β+n+1; α+β+n+1; 1/(1+d))`.
 *
 * Timing: we stand at the end of the customer's current period (period `n+1`), just before the next
 * renewal decision; the payment that follows that renewal is counted **undiscounted**, the next one
 * discounted once, and so on. Fader & Hardie (2010, eq. 6) index the same quantity by the period
 * (`n−1` renewals). Multiply by the margin per period for money, or use
 * {@link subscriptionLifetimeValue}. The ₂F₁ is evaluated by the library's hypergeometric routine (Gauss continued fraction near z = 1).
 *
 * @param model - a fitted (or stored) {@link SbgModel} (with its `unit`, the length of a period)
 * @param options - `{ renewals, discountRate, allowLargeDiscountRate? }`: renewals made so far and
 *   the compound rate per period
 * @returns DERL in payments (finite, ≥ 0)
 * @throws {InvalidInputError} on an invalid model (`model.params.alpha`, `model.unit`, …),
 *   `options.renewals` not an integer ≥ 0, or `options.discountRate` below 10⁻⁶ (code
 *   `"too_small"`; at d = 0 the expected lifetime can be infinite) or ≥ 1 without
 *   `allowLargeDiscountRate` (code `"implausible_rate"`)
 * @example
 * ```ts
 * import { expectedRemainingLifetime } from "customer-value";
 * const highEnd = {
 *   kind: "sbg", params: { alpha: 0.6680883501264947, beta: 3.8060949687750463 },
 *   logLikelihood: -1611.16, standardErrors: { alpha: 0.1037, beta: 0.7855 },
 *   iterations: 12, converged: true, customerCount: 1000, unit: "year",
 * } as const;
 * expectedRemainingLifetime(highEnd, { renewals: 7, discountRate: 0.1 }); // => 7.529628060142
 * ```
 * @category Models
 * @see Fader & Hardie (2010), "Customer-base valuation in a contractual setting: the perils of
 *   ignoring heterogeneity", Marketing Science 29(1); Fader & Hardie (2007), "How to project customer
 *   retention", Journal of Interactive Marketing 21(1).
 */
export function expectedRemainingLifetime(
  model: SbgModel,
  options: ExpectedRemainingLifetimeOptions,
): number {
  const fn = "expectedRemainingLifetime";
  const { alpha, beta } = parseModel(fn, model).params;
  const opts = parseInput(fn, derlOptionsSchema, options, ["options"]);
  const { renewals } = opts;
  const discountRate = sbgDiscountRate(fn, opts.discountRate, opts.allowLargeDiscountRate);
  return finitePayments(fn, sbgDerl(alpha, beta, renewals, discountRate));
}

/**
 * Options of {@link subscriptionLifetimeValue}.
 * @category Models
 */
export interface SubscriptionLifetimeValueOptions {
  /** Payment (or margin) per contract period, received at the start of each period. */
  readonly pricePerPeriod: MoneyInput;
  /**
   * Compound discount rate per contract period (a fraction; 0.1 = 10 % per period), at least 10⁻⁶
   * and below 1 unless `allowLargeDiscountRate`.
   */
  readonly discountRate: number;
  /**
   * Renewals the customer has made so far. Omitted: a customer about to be acquired, whose first
   * payment (now) counts undiscounted (DEL). Given: an existing customer's remaining value (DERL).
   */
  readonly renewals?: number;
  /** Accept a discount rate of 1 (100 %) or more per period. */
  readonly allowLargeDiscountRate?: boolean;
}

const clvOptionsSchema = z.strictObject({
  pricePerPeriod: moneySchema,
  discountRate: z.number(),
  renewals: z.exactOptional(z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER))),
  allowLargeDiscountRate: z.exactOptional(z.boolean()),
});

/**
 * Lifetime value of a subscriber under the sBG: price per period × expected discounted number of
 * payments.
 *
 * Without `renewals`: a customer about to be acquired, `price·DEL(d)` with
 * `DEL(d) = Σ_{t≥0} S(t)/(1+d)^t = ₂F₁(1, β; α+β; 1/(1+d))` (first payment now, undiscounted). With
 * `renewals = n`: the remaining value of an existing customer, `price·DERL(d | n)` (see
 * {@link expectedRemainingLifetime} for the timing). The number of payments is computed in float64
 * and converted once to `Decimal`; the product with the price is exact decimal arithmetic.
 *
 * @param model - a fitted (or stored) {@link SbgModel} (with its `unit`, the length of a period)
 * @param options - `{ pricePerPeriod, discountRate, renewals?, allowLargeDiscountRate? }`
 * @returns the value as a `Decimal`, in the currency of `pricePerPeriod`
 * @throws {InvalidInputError} on an invalid model (`model.params.alpha`, `model.unit`, …), price
 *   (`options.pricePerPeriod`), discount rate (`options.discountRate`: below 10⁻⁶, code
 *   `"too_small"`; ≥ 1 without `allowLargeDiscountRate`, code `"implausible_rate"`) or renewals
 *   (`options.renewals`)
 * @example
 * ```ts
 * import { subscriptionLifetimeValue } from "customer-value";
 * const regular = {
 *   kind: "sbg", params: { alpha: 0.7040772796023907, beta: 1.182042983460019 },
 *   logLikelihood: -1680.27, standardErrors: { alpha: 0.0656, beta: 0.1525 },
 *   iterations: 10, converged: true, customerCount: 1000, unit: "year",
 * } as const;
 * subscriptionLifetimeValue(regular, { pricePerPeriod: "100", discountRate: 0.1 }).toFixed(2); // => "369.49"
 * subscriptionLifetimeValue(regular, { pricePerPeriod: 100, discountRate: 0.1, renewals: 4 }).toFixed(2); // => "589.41"
 * ```
 * @category Models
 * @see Fader & Hardie (2010), "Customer-base valuation in a contractual setting: the perils of
 *   ignoring heterogeneity", Marketing Science 29(1).
 */
export function subscriptionLifetimeValue(
  model: SbgModel,
  options: SubscriptionLifetimeValueOptions,
): Decimal {
  const fn = "subscriptionLifetimeValue";
  const { alpha, beta } = parseModel(fn, model).params;
  const parsed = parseInput(fn, clvOptionsSchema, options, ["options"]);
  const d = sbgDiscountRate(fn, parsed.discountRate, parsed.allowLargeDiscountRate);
  const payments = finitePayments(
    fn,
    parsed.renewals === undefined
      ? sbgDel(alpha, beta, d)
      : sbgDerl(alpha, beta, parsed.renewals, d),
  );
  return parsed.pricePerPeriod.times(new Money(payments));
}

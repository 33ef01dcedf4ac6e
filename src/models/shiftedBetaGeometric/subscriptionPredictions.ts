/**
 * Predictions of the shifted-beta-geometric model: survival curve, retention rates, discounted
 * expected (residual) lifetime and subscription lifetime value (Fader & Hardie 2007, 2010; shared
 * reference "models.md" §5.2, §5.4).
 * @module
 */
import { z } from "zod";
import { invalidInput } from "../../core/errors.js";
import { type Decimal, Money, type MoneyInput, moneySchema } from "../../core/money.js";
import { parseInput } from "../../core/validate.js";
import { unitHypergeometric } from "../../math/unitHypergeometric.js";
import { checkDiscountFloor } from "../discountRate.js";
import { type SbgModel, shiftedBetaGeometricModelSchema } from "./fitShiftedBetaGeometric.js";

const periodsSchema = z.number().int().nonnegative().max(1e7);
const discountRateSchema = z
  .number()
  .finite()
  .refine((d) => d > -1, { message: "The discount rate must be greater than −1" });

/** The validated copy of the model (each parameter read once). */
function parseModel(fn: string, model: unknown): SbgModel {
  return parseInput(fn, shiftedBetaGeometricModelSchema, model, ["model"]) as SbgModel;
}

/**
 * Survival curve of a cohort under the sBG: `S(t) = P(T > t) = B(α, β+t)/B(α, β)`, the share of an
 * acquired cohort still active after `t` renewals, for `t = 0 … periods`.
 *
 * Computed by the recursion `S(0) = 1`, `S(t) = S(t−1)/(1 + α/(β+(t−1)))` (no special functions, no
 * overflow, and β is not absorbed into t: finite and right for every accepted model). Multiply by a cohort's size for projected survivors. Element `t` of the result belongs
 * to the start of period `t+1` (after `t` renewals), the convention of Fader & Hardie (2007) Table 1.
 *
 * @param model - a fitted (or stored) {@link SbgModel}
 * @param periods - last number of renewals to project (integer ≥ 0)
 * @returns `S(0), S(1), …, S(periods)` as a `Float64Array` of length `periods + 1`, each in (0, 1]
 * @throws {InvalidInputError} on an invalid model (path `model…`) or a negative / non-integer `periods`
 * @example
 * ```ts
 * import { survivalCurve } from "customer-value";
 * const model = {
 *   kind: "sbg", params: { alpha: 0.7040772796023907, beta: 1.182042983460019 },
 *   logLikelihood: -1680.27, standardErrors: { alpha: 0.0656, beta: 0.1525 },
 *   iterations: 10, converged: true, customers: 1000,
 * } as const;
 * const curve = survivalCurve(model, 12);
 * (curve[8]! * 1000).toFixed(1); // => "220.1"
 * (curve[12]! * 1000).toFixed(1); // => "170.0"
 * ```
 * @category Models
 * @see Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1).
 */
export function survivalCurve(model: SbgModel, periods: number): Float64Array {
  const fn = "survivalCurve";
  const { alpha, beta } = parseModel(fn, model).params;
  const n = parseInput(fn, periodsSchema, periods, ["periods"]);
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
 * Retention rate of period `t` under the sBG: the probability that a customer active in period `t`
 * renews at its end, `r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1)` for `t ≥ 1`.
 *
 * It rises with `t` although no individual's churn probability changes: customers with high θ leave
 * first (the sorting effect of heterogeneity), which is why a constant-retention projection
 * underestimates long-run survival.
 *
 * @param model - a fitted (or stored) {@link SbgModel}
 * @param period - the period `t` (integer ≥ 1; period 1 is the first contract period)
 * @returns the retention rate in [0, 1)
 * @throws {InvalidInputError} on an invalid model or a `period` that is not an integer ≥ 1 (path `period`)
 * @example
 * ```ts
 * import { retentionRate } from "customer-value";
 * const model = {
 *   kind: "sbg", params: { alpha: 0.6680883501264947, beta: 3.8060949687750463 },
 *   logLikelihood: -1611.16, standardErrors: { alpha: 0.1037, beta: 0.7855 },
 *   iterations: 12, converged: true, customers: 1000,
 * } as const;
 * retentionRate(model, 1); // => 0.8506792631
 * retentionRate(model, 12); // => 0.9568256149
 * ```
 * @category Models
 * @see Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1).
 */
export function retentionRate(model: SbgModel, period: number): number {
  const fn = "retentionRate";
  const { alpha, beta } = parseModel(fn, model).params;
  const t = parseInput(fn, z.number().int().min(1), period, ["period"]);
  // 1/(1 + α/(β+t−1)): the same ratio without forming α + β (which overflows near float64's limit)
  return 1 / (1 + alpha / (beta + (t - 1)));
}

/**
 * Options of {@link expectedRemainingLifetime}.
 * @category Models
 */
export interface ExpectedRemainingLifetimeOptions {
  /** Renewals the customer has made so far (integer ≥ 0; 0 = in the first period). */
  readonly renewals: number;
  /** Discount rate per contract period (a fraction, > −1; 0.1 = 10 % per period). */
  readonly discountRate: number;
}

const derlOptionsSchema = z.strictObject({
  renewals: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  discountRate: discountRateSchema,
}) satisfies z.ZodType<unknown, ExpectedRemainingLifetimeOptions>;

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
 * @param model - a fitted (or stored) {@link SbgModel}
 * @param options - `renewals` made so far and the per-period `discountRate`
 * @returns DERL in payments (finite, ≥ 0)
 * @throws {InvalidInputError} on an invalid model, `renewals` not an integer ≥ 0, or a discount rate
 *   ≤ 0 (path `discountRate`; at d ≤ 0 the expected lifetime can be infinite)
 * @example
 * ```ts
 * import { expectedRemainingLifetime } from "customer-value";
 * const highEnd = {
 *   kind: "sbg", params: { alpha: 0.6680883501264947, beta: 3.8060949687750463 },
 *   logLikelihood: -1611.16, standardErrors: { alpha: 0.1037, beta: 0.7855 },
 *   iterations: 12, converged: true, customers: 1000,
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
  const { renewals, discountRate } = parseInput(fn, derlOptionsSchema, options, ["options"]);
  checkDiscountFloor(fn, discountRate, ["options", "discountRate"]);
  return finitePayments(fn, sbgDerl(alpha, beta, renewals, discountRate));
}

/**
 * Input of {@link subscriptionLifetimeValue}.
 * @category Models
 */
export interface SubscriptionLifetimeValueInput {
  /** A fitted (or stored) shifted-beta-geometric model. */
  readonly model: SbgModel;
  /** Payment (or margin) per contract period, received at the start of each period. */
  readonly pricePerPeriod: MoneyInput;
  /** Discount rate per contract period (a fraction, > 0; 0.1 = 10 % per period). */
  readonly discountRate: number;
  /**
   * Renewals the customer has made so far. Omitted: a customer about to be acquired, whose first
   * payment (now) counts undiscounted (DEL). Given: an existing customer's remaining value (DERL).
   */
  readonly renewals?: number;
}

const clvInputSchema = z.strictObject({
  model: z.unknown(),
  pricePerPeriod: moneySchema,
  discountRate: discountRateSchema,
  renewals: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).exactOptional(),
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
 * @param input - the model, `pricePerPeriod` (money), `discountRate` per period and optional `renewals`
 * @returns the value as a `Decimal`, in the currency of `pricePerPeriod`
 * @throws {InvalidInputError} on an invalid model (path `model…`), price (path `pricePerPeriod`),
 *   discount rate ≤ 0 (path `discountRate`) or renewals
 * @example
 * ```ts
 * import { subscriptionLifetimeValue } from "customer-value";
 * const regular = {
 *   kind: "sbg", params: { alpha: 0.7040772796023907, beta: 1.182042983460019 },
 *   logLikelihood: -1680.27, standardErrors: { alpha: 0.0656, beta: 0.1525 },
 *   iterations: 10, converged: true, customers: 1000,
 * } as const;
 * subscriptionLifetimeValue({ model: regular, pricePerPeriod: "100", discountRate: 0.1 }).toFixed(2); // => "369.49"
 * subscriptionLifetimeValue({ model: regular, pricePerPeriod: 100, discountRate: 0.1, renewals: 4 }).toFixed(2); // => "589.41"
 * ```
 * @category Models
 * @see Fader & Hardie (2010), "Customer-base valuation in a contractual setting: the perils of
 *   ignoring heterogeneity", Marketing Science 29(1).
 */
export function subscriptionLifetimeValue(input: SubscriptionLifetimeValueInput): Decimal {
  const fn = "subscriptionLifetimeValue";
  const parsed = parseInput(fn, clvInputSchema, input);
  const { alpha, beta } = parseModel(fn, parsed.model).params;
  checkDiscountFloor(fn, parsed.discountRate, ["discountRate"]);
  const payments = finitePayments(
    fn,
    parsed.renewals === undefined
      ? sbgDel(alpha, beta, parsed.discountRate)
      : sbgDerl(alpha, beta, parsed.renewals, parsed.discountRate),
  );
  return parsed.pricePerPeriod.times(new Money(payments));
}

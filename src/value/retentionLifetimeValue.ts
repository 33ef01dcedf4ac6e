import * as z from "zod/mini";
import { type Decimal, type MoneyInput, ZERO } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import {
  ALWAYS,
  addCodedIssue,
  addDiscountRateIssues,
  amountSchema,
  discountRateShape,
  finiteHorizon,
  growthRateSchema,
  horizonSchema,
  nonNegativeAmountSchema,
  retentionRateSchema,
  timingSchema,
} from "./schemas.js";
import {
  divergenceMessage,
  finiteSeries,
  infiniteSeries,
  type LifetimeValueTiming,
  ratesAreValid,
  type SeriesInput,
  seriesDenominator,
  type ValueScheduleRow,
} from "./series.js";

export type { LifetimeValueTiming, ValueScheduleRow } from "./series.js";

/**
 * Parameters of {@link retentionLifetimeValue}. All rates are fractions **per period**; use the
 * same period (month, quarter, year) for the margin, the retention rate, the discount rate, the
 * growth rate and the horizon.
 * @category Value
 */
export interface RetentionLifetimeValueParameters {
  /** Margin: money a customer contributes per period, e.g. `100` or `"15.49"`. May be negative. */
  readonly margin: MoneyInput;
  /** Probability that a customer of this period is still a customer next period, in [0, 1]. */
  readonly retentionRate: number;
  /**
   * Compound discount rate per period, a fraction ≥ 0 (0.1 = 10 % per period; period `k` is
   * discounted by `(1 + discountRate)^−k`). 1 or more is an error (`implausible_rate`) unless
   * `allowLargeDiscountRate` is `true`.
   */
  readonly discountRate: number;
  /** Set to `true` to accept a discount rate of 1 (100 %) or more per period. Default `false`. */
  readonly allowLargeDiscountRate?: boolean;
  /**
   * How many periods (margins) are counted: a **whole** number in (0, 10,000] (the periods are
   * summed one by one), or `"infinite"` (the default: the closed form, which needs
   * `1 + discountRate − retentionRate × (1 + growthRate) > 0`).
   */
  readonly horizon?: number | "infinite";
  /** Convention for counting and discounting each period's margin. Default `"end-of-period"`. */
  readonly timing?: LifetimeValueTiming;
  /** Growth of the margin per period (0.05 = the margin grows 5% a period). Default 0. */
  readonly growthRate?: number;
  /** Cost of acquiring the customer, paid now and subtracted from the value. Default 0 (sunk). */
  readonly acquisitionCost?: MoneyInput;
}

/**
 * Result of {@link retentionLifetimeValue}.
 * @category Value
 */
export interface RetentionLifetimeValueResult {
  /** Expected present value of the customer's margins minus the acquisition cost. */
  readonly value: Decimal;
  /** The timing convention used. */
  readonly convention: LifetimeValueTiming;
  /**
   * Period-by-period breakdown for a finite horizon (one row per margin counted); empty for an
   * infinite horizon. `Σ presentValue − acquisitionCost = value` exactly.
   */
  readonly schedule: readonly ValueScheduleRow[];
}

const FN = "retentionLifetimeValue";

/**
 * zod schema of {@link RetentionLifetimeValueParameters}, including the discount-rate rule and
 * the divergence check (both run even when another field failed, so every problem is reported).
 * @internal
 */
export const retentionLifetimeValueSchema = z
  .strictObject({
    margin: amountSchema,
    retentionRate: retentionRateSchema,
    ...discountRateShape,
    horizon: z.exactOptional(horizonSchema),
    timing: z.exactOptional(timingSchema),
    growthRate: z.exactOptional(growthRateSchema),
    acquisitionCost: z.exactOptional(nonNegativeAmountSchema),
  })
  .check(
    z.superRefine((input, context) => {
      if (!addDiscountRateIssues(context, input)) return;
      if (input.horizon !== undefined && input.horizon !== "infinite") return;
      if (!ratesAreValid(input.retentionRate, input.discountRate, input.growthRate)) return;
      const g = input.growthRate ?? 0;
      if (seriesDenominator(input.retentionRate, input.discountRate, g).gt(0)) return;
      const growthIsTheCause =
        input.growthRate !== undefined &&
        seriesDenominator(input.retentionRate, input.discountRate, 0).gt(0);
      const field = growthIsTheCause ? "growthRate" : "retentionRate";
      addCodedIssue(
        context,
        [field],
        divergenceMessage(input.retentionRate, input.discountRate, input.growthRate),
        "inconsistent",
        growthIsTheCause ? input.growthRate : input.retentionRate,
      );
    }, ALWAYS),
  ) satisfies z.ZodMiniType<unknown, RetentionLifetimeValueParameters>;

/** Parsed input. @internal */
export type ParsedRetentionInput = z.output<typeof retentionLifetimeValueSchema>;

/** Computes the value from parsed input. @internal */
export function computeRetentionLifetimeValue(
  input: ParsedRetentionInput,
): RetentionLifetimeValueResult {
  const convention = input.timing ?? "end-of-period";
  const series: SeriesInput = {
    margin: input.margin,
    retentionRate: input.retentionRate,
    discountRate: input.discountRate,
    growthRate: input.growthRate ?? 0,
    timing: convention,
  };
  const acquisitionCost = input.acquisitionCost ?? ZERO;
  const horizon = finiteHorizon(input.horizon);
  if (horizon === undefined) {
    return { value: infiniteSeries(series).minus(acquisitionCost), convention, schedule: [] };
  }
  const { rows, total } = finiteSeries(series, horizon);
  return { value: total.minus(acquisitionCost), convention, schedule: rows };
}

/**
 * Retention-based customer lifetime value: the expected present value of a customer's margins
 * when the customer stays each period with a constant probability.
 *
 * With margin `m`, retention rate `r`, discount rate `d` and growth `g` (all **per period**: use
 * the same period for all of them), period `k = 1, 2, …` earns the margin `m(1+g)^(k−1)` with
 * probability `r^s` and is discounted by `(1+d)^e`. The `timing` option says what `s` and `e` are,
 * because the textbooks disagree (Fader & Hardie 2012 list the three forms):
 *
 * | `timing` | survival `s`, discount `e` | infinite horizon | taught by |
 * |---|---|---|---|
 * | `"first-payment-now"` | `k−1`, `k−1` (first margin today, counted) | `m(1+d) / (1+d−r(1+g))` | Blattberg et al. 2008; Fader & Hardie 2014 |
 * | `"end-of-period"` (default) | `k`, `k` (first margin after one renewal) | `m·r / (1+d−r(1+g))` | Gupta & Lehmann 2003; Kotler & Keller 2012 |
 * | `"start-of-period"` | `k−1`, `k` (everyone alive at the start of a period earns it; booked at its end) | `m / (1+d−r(1+g))` | Ofek 2002; Davis 2007 |
 *
 * "end-of-period" values a just-acquired customer's *remaining* life (the payment just made is
 * excluded); "first-payment-now" includes it (it equals end-of-period + m); "start-of-period" is
 * first-payment-now discounted by one more period. With a `horizon` of `T` periods the value is
 * the finite sum over `k = 1..T` (Fader & Hardie call it truncated CLV), and `schedule` lists each
 * term; `horizon: "infinite"` (the default) is the closed form. The acquisition cost, if given, is subtracted once (leave it out for existing customers:
 * it is sunk). Money is exact: the sum uses decimal arithmetic (34 significant digits for each
 * division), so 100 · 0.8 / 0.3 is 266.666…667, not the float 266.66666666666669.
 *
 * @param parameters - margin, rates per period, and the optional horizon, timing, growth and acquisition cost
 * @returns the value (a `Decimal`), the convention used and, for a finite horizon, the schedule
 * @throws {@link InvalidInputError} listing every bad field at once, each at
 *   `parameters.<field>` with its code: retention outside [0, 1] (`too_small`/`too_big`), a
 *   discount rate that is negative (`too_small`) or ≥ 1 without `allowLargeDiscountRate`
 *   (`implausible_rate`), a growth rate ≤ −1, a horizon that is not `"infinite"` or a whole
 *   number in (0, 10,000] (`too_small`, `too_big`, `not_integer`), an amount that cannot be read
 *   (`invalid_money`), a negative acquisition cost, an unknown key (`unknown_key`), or an infinite
 *   horizon whose series diverges (`1 + d − r(1+g) ≤ 0`, code `inconsistent`, reported at
 *   `parameters.retentionRate`, or at `parameters.growthRate` when the growth is the cause).
 * @example
 * ```ts
 * import { retentionLifetimeValue } from "customer-value";
 * const base = { margin: 100, retentionRate: 0.8, discountRate: 0.1 };
 * retentionLifetimeValue(base).value.toFixed(2); // => "266.67"
 * retentionLifetimeValue({ ...base, timing: "first-payment-now" }).value.toFixed(2); // => "366.67"
 * retentionLifetimeValue({ ...base, timing: "start-of-period" }).value.toFixed(2); // => "333.33"
 * retentionLifetimeValue({ ...base, growthRate: 0.05 }).value.toFixed(2); // => "307.69"
 * const truncated = retentionLifetimeValue({ ...base, timing: "first-payment-now", horizon: 5 });
 * truncated.value.toFixed(3); // => "292.063"
 * truncated.schedule[1]?.survival; // => 0.8
 * ```
 * @category Value
 * @see Gupta, S. & Lehmann, D. R. (2003). Customers as assets. Journal of Interactive Marketing, 17(1), 9–24.
 * @see Fader, P. S. & Hardie, B. G. S. (2012). Reconciling and clarifying CLV formulas (note 024).
 * @see Fader, P. S. & Hardie, B. G. S. (2014). What's wrong with this CLV formula?
 */
export function retentionLifetimeValue(
  parameters: RetentionLifetimeValueParameters,
): RetentionLifetimeValueResult {
  return computeRetentionLifetimeValue(
    parseInput(FN, retentionLifetimeValueSchema, parameters, ["parameters"]),
  );
}

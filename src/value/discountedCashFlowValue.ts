import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { type Decimal, Money, type MoneyInput, readMoney, ZERO } from "../core/money.js";
import { assertArrayShape, boundedArray, parseInput } from "../core/validate.js";
import { discountRateSchema, MAX_HORIZON, rate, type ValuePeriod } from "./series.js";

/**
 * Options of {@link discountedCashFlowValue}. Rates are per period, the period of the cash flows.
 * @category Value
 */
export interface DiscountedCashFlowOptions {
  /** Discount rate per period, greater than −1 (0.01 = 1% per period). */
  readonly discountRate: number;
  /**
   * Cumulative probability that the customer is still a customer when each cash flow is earned
   * (one entry per cash flow, in [0, 1], non-increasing). Omit it when the cash flows are
   * already expected values.
   */
  readonly survival?: readonly number[];
  /**
   * When the cash flows are booked: `"end-of-period"` (default) discounts cash flow `k` (1-based)
   * by `(1+d)^k`; `"first-payment-now"` books the first cash flow today, so cash flow `k` is
   * discounted by `(1+d)^(k−1)`.
   */
  readonly timing?: "first-payment-now" | "end-of-period";
}

/**
 * Result of {@link discountedCashFlowValue}.
 * @category Value
 */
export interface DiscountedCashFlowResult {
  /** Present value of the expected cash flows, `Σ presentValue`. */
  readonly value: Decimal;
  /** The timing convention used. */
  readonly convention: "first-payment-now" | "end-of-period";
  /** One row per cash flow. */
  readonly periods: readonly ValuePeriod[];
}

const FN = "discountedCashFlowValue";

const optionsSchema = z.strictObject({
  discountRate: discountRateSchema,
  survival: boundedArray(z.array(z.number()).readonly()).exactOptional(),
  timing: z.enum(["first-payment-now", "end-of-period"]).exactOptional(),
}) satisfies z.ZodType<unknown, DiscountedCashFlowOptions>;

/**
 * Customer lifetime value of an explicit projected margin stream: the present value of each
 * period's cash flow times the probability that the customer is still there to pay it.
 *
 * `value = Σ_k cashFlow_k · survival_k / (1 + d)^e_k`, where `e_k = k` for `"end-of-period"`
 * (default; the Gupta–Lehmann and `lifetimes` convention: cash at the end of each period) and
 * `e_k = k − 1` for `"first-payment-now"` (the first cash flow is today's). `d` is the discount
 * rate **per period of the stream** (a monthly stream needs a monthly rate). Use it when margins
 * change over time (an onboarding cost, a price rise, a contract's end) or when the survival
 * curve comes from a model instead of a constant retention rate; with constant margins and
 * `survival_k = r^k` it equals {@link retentionLifetimeValue} with a finite horizon. Money is
 * exact: products and sums are decimal; each division is rounded to 34 significant digits.
 *
 * @param cashFlows - projected margin (net cash flow) per period, period 1 first; may be negative
 * @param options - discount rate per period, optional survival curve and timing
 * @returns the value (a `Decimal`), the convention and one row per period
 * @throws {@link InvalidInputError} when a cash flow is not an amount (path `[k]`), the discount
 *   rate is ≤ −1 (`discountRate`), or the survival curve has the wrong length, a value outside
 *   [0, 1], or increases (`survival[k]`); more than 10,000 cash flows (path `[]`).
 * @example
 * ```ts
 * import { discountedCashFlowValue } from "customer-value";
 * // an onboarding loss, then a growing margin; 10% a year; survival from a churn model
 * const result = discountedCashFlowValue(["-50", "100", "120"], {
 *   discountRate: 0.1,
 *   survival: [1, 0.8, 0.6],
 * });
 * result.value.toFixed(2); // => "74.76"
 * result.periods[2]?.expectedMargin.toString(); // => "72"
 * ```
 * @category Value
 * @see Gupta, S., Hanssens, D., Hardie, B., Kahn, W., Kumar, V., Lin, N., Ravishanker, N. & Sriram, S. (2006). Modeling customer lifetime value. Journal of Service Research, 9(2), 139–155.
 * @see Berger, P. D. & Nasr, N. I. (1998). Customer lifetime value: marketing models and applications. Journal of Interactive Marketing, 12(1), 17–30.
 */
export function discountedCashFlowValue(
  cashFlows: readonly MoneyInput[],
  options: DiscountedCashFlowOptions,
): DiscountedCashFlowResult {
  assertArrayShape(FN, cashFlows);
  if (!Array.isArray(cashFlows)) {
    throw invalidInput(FN, [], "Expected an array of cash flows (one amount per period)");
  }
  if (cashFlows.length > MAX_HORIZON) {
    throw invalidInput(
      FN,
      [],
      `Expected at most ${MAX_HORIZON} cash flows (periods), received ${cashFlows.length}`,
    );
  }
  const amounts: Decimal[] = new Array(cashFlows.length);
  for (let i = 0; i < cashFlows.length; i++) {
    const amount = readMoney(cashFlows[i]);
    if (typeof amount === "string") throw invalidInput(FN, [i], amount);
    amounts[i] = amount;
  }
  const parsed = parseInput(FN, optionsSchema, options, ["options"]);
  const survival = parsed.survival;
  if (survival !== undefined) {
    if (survival.length !== amounts.length) {
      throw invalidInput(
        FN,
        ["options", "survival"],
        `Expected one survival probability per cash flow (${amounts.length}), received ${survival.length}`,
      );
    }
    for (let i = 0; i < survival.length; i++) {
      const s = survival[i]!;
      if (!(s >= 0 && s <= 1)) {
        throw invalidInput(
          FN,
          ["options", "survival", i],
          `A survival probability is in [0, 1], received ${s}`,
        );
      }
      if (i > 0 && s > survival[i - 1]!) {
        throw invalidInput(
          FN,
          ["options", "survival", i],
          "A survival curve cannot increase: pass the cumulative probability of still being a customer, not per-period retention rates",
        );
      }
    }
  }
  const convention = parsed.timing ?? "end-of-period";
  const onePlusD = rate(parsed.discountRate).plus(1);
  let dPow: Decimal = convention === "end-of-period" ? onePlusD : new Money(1);
  let time = convention === "end-of-period" ? 1 : 0;
  let total = ZERO;
  const periods: ValuePeriod[] = [];
  for (let i = 0; i < amounts.length; i++) {
    if (i > 0) {
      dPow = dPow.times(onePlusD);
      time++;
    }
    const s = survival?.[i] ?? 1;
    const margin = amounts[i]!;
    const expectedMargin = margin.times(rate(s));
    const presentValue = expectedMargin.div(dPow);
    total = total.plus(presentValue);
    periods.push({
      period: i + 1,
      time,
      margin,
      survival: s,
      discountFactor: new Money(1).div(dPow),
      expectedMargin,
      presentValue,
    });
  }
  return { value: total, convention, periods };
}

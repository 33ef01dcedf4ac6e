import * as z from "zod/mini";
import { IssueCollector, invalidInput } from "../core/errors.js";
import { type Decimal, Money, type MoneyInput, readMoney, ZERO } from "../core/money.js";
import { checkArray, describeReceived, parseInputCollecting } from "../core/validate.js";
import { ALWAYS, addDiscountRateIssues, discountRateShape, MAX_HORIZON } from "./schemas.js";
import { rate, type ValueScheduleRow } from "./series.js";

/**
 * One period of the projected stream of {@link discountedCashFlowValue}, period 1 first.
 * @category Value
 */
export interface CashFlow {
  /** Margin: the money the customer contributes in this period (may be negative). */
  readonly margin: MoneyInput;
  /**
   * Cumulative probability that the customer is still a customer when this margin is earned, in
   * [0, 1] and non-increasing from one period to the next. Default 1 (the margin is already an
   * expected value).
   */
  readonly survival?: number;
}

/**
 * Options of {@link discountedCashFlowValue}. Rates are per period, the period of the cash flows.
 * @category Value
 */
export interface DiscountedCashFlowOptions {
  /**
   * Compound discount rate per period of the stream, a fraction ≥ 0 (0.01 = 1 % per period).
   * 1 or more is an error (`implausible_rate`) unless `allowLargeDiscountRate` is `true`.
   */
  readonly discountRate: number;
  /** Set to `true` to accept a discount rate of 1 (100 %) or more per period. Default `false`. */
  readonly allowLargeDiscountRate?: boolean;
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
  /** One row per cash flow, in input order. */
  readonly schedule: readonly ValueScheduleRow[];
}

const FN = "discountedCashFlowValue";

const optionsSchema = z
  .strictObject({
    ...discountRateShape,
    timing: z.exactOptional(z.enum(["first-payment-now", "end-of-period"])),
  })
  .check(
    z.superRefine((options, context) => {
      addDiscountRateIssues(context, options);
    }, ALWAYS),
  ) satisfies z.ZodMiniType<unknown, DiscountedCashFlowOptions>;

/** Keys a cash-flow row may have. */
function isCashFlowKey(key: string): boolean {
  return key === "margin" || key === "survival";
}

/**
 * The two fields of row `i`, each read once, or `undefined` (with the problem recorded) when the
 * row is not an object or cannot be read (a getter or a Proxy that throws). Unknown keys are
 * recorded too.
 */
function readRow(
  cashFlows: readonly unknown[],
  i: number,
  issues: IssueCollector,
): { margin: unknown; survival: unknown } | undefined {
  try {
    const row = cashFlows[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      issues.add(
        ["cashFlows", i],
        `Expected a cash flow { margin, survival? }, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      );
      return undefined;
    }
    for (const key of Object.keys(row)) {
      if (!isCashFlowKey(key)) {
        issues.add(
          ["cashFlows", i, key],
          `Unknown key ${JSON.stringify(key.slice(0, 64))}`,
          "unknown_key",
        );
      }
    }
    const { margin, survival } = row as { margin?: unknown; survival?: unknown };
    return { margin, survival };
  } catch (error) {
    const reason = error instanceof Error ? error.name : "a non-Error value";
    issues.add(
      ["cashFlows", i],
      `Could not read the row: reading it threw ${reason}`,
      "unreadable",
    );
    return undefined;
  }
}

/**
 * Reads every row once (its margin and survival), recording each problem in `issues`: a row that
 * is not an object, an unknown key, an unreadable margin, a survival outside [0, 1] or one that
 * rises above the previous row's.
 */
function readCashFlows(
  cashFlows: readonly unknown[],
  issues: IssueCollector,
): { margins: Decimal[]; survival: number[] } {
  const margins: Decimal[] = new Array(cashFlows.length);
  const survival: number[] = new Array(cashFlows.length);
  let previous = 1;
  for (let i = 0; i < cashFlows.length && !issues.full; i++) {
    const fields = readRow(cashFlows, i, issues);
    if (fields === undefined) continue;
    const { margin, survival: s } = fields;
    const amount = readMoney(margin);
    if (typeof amount === "string") {
      issues.add(
        ["cashFlows", i, "margin"],
        amount,
        margin === undefined ? "required" : "invalid_money",
        margin,
      );
    } else {
      margins[i] = amount;
    }
    if (s === undefined) {
      survival[i] = 1;
    } else if (typeof s !== "number" || Number.isNaN(s)) {
      issues.add(
        ["cashFlows", i, "survival"],
        `Expected a survival probability in [0, 1], received ${describeReceived(s)}`,
        "invalid_type",
        s,
      );
    } else if (!(s >= 0 && s <= 1)) {
      issues.add(
        ["cashFlows", i, "survival"],
        `A survival probability is in [0, 1], received ${s}`,
        s < 0 ? "too_small" : "too_big",
        s,
      );
    } else if (s > previous) {
      issues.add(
        ["cashFlows", i, "survival"],
        "A survival curve cannot increase: give the cumulative probability of still being a customer, not per-period retention rates",
        "inconsistent",
        s,
      );
    } else {
      survival[i] = s;
      previous = s;
    }
  }
  return { margins, survival };
}

/**
 * Customer lifetime value of an explicit projected margin stream: the present value of each
 * period's cash flow times the probability that the customer is still there to pay it.
 *
 * `value = Σ_k cashFlow_k · survival_k / (1 + d)^e_k`, where `e_k = k` for `"end-of-period"`
 * (default; the Gupta–Lehmann and `lifetimes` convention: cash at the end of each period) and
 * `e_k = k − 1` for `"first-payment-now"` (the first cash flow is today's). `d` is the compound
 * discount rate **per period of the stream** (a monthly stream needs a monthly rate). Each row of
 * `cashFlows` is one period: its `margin` and, optionally, its `survival` (the data); the options
 * hold only the rate and the timing. Use it when margins
 * change over time (an onboarding cost, a price rise, a contract's end) or when the survival
 * curve comes from a model instead of a constant retention rate; with constant margins and
 * `survival_k = r^k` it equals {@link retentionLifetimeValue} with a finite horizon. Money is
 * exact: products and sums are decimal; each division is rounded to 34 significant digits.
 *
 * @param cashFlows - one row per period, period 1 first: `{ margin, survival? }` (1 to 10,000 rows)
 * @param options - discount rate per period, its opt-in for a rate ≥ 1, and the timing
 * @returns the value (a `Decimal`), the convention and the schedule, one row per period
 * @throws {@link InvalidInputError} listing every problem at once, each with its path and code:
 *   no cash flow or more than 10,000 (`cashFlows`, `too_small`/`too_big`), a row that is not an
 *   object (`cashFlows[i]`), a margin that is not an amount (`cashFlows[i].margin`,
 *   `invalid_money`), a survival outside [0, 1] (`too_small`/`too_big`) or above the previous
 *   row's (`inconsistent`, at `cashFlows[i].survival`), an unknown key (`unknown_key`), a
 *   negative discount rate (`options.discountRate`, `too_small`) or one ≥ 1 without
 *   `allowLargeDiscountRate` (`implausible_rate`).
 * @example
 * ```ts
 * import { discountedCashFlowValue } from "customer-value";
 * // an onboarding loss, then a growing margin; 10% a year; survival from a churn model
 * const result = discountedCashFlowValue(
 *   [
 *     { margin: "-50", survival: 1 },
 *     { margin: "100", survival: 0.8 },
 *     { margin: "120", survival: 0.6 },
 *   ],
 *   { discountRate: 0.1 },
 * );
 * result.value.toFixed(2); // => "74.76"
 * result.schedule[2]?.expectedMargin.toString(); // => "72"
 * ```
 * @category Value
 * @see Gupta, S., Hanssens, D., Hardie, B., Kahn, W., Kumar, V., Lin, N., Ravishanker, N. & Sriram, S. (2006). Modeling customer lifetime value. Journal of Service Research, 9(2), 139–155.
 * @see Berger, P. D. & Nasr, N. I. (1998). Customer lifetime value: marketing models and applications. Journal of Interactive Marketing, 12(1), 17–30.
 */
export function discountedCashFlowValue(
  cashFlows: readonly CashFlow[],
  options: DiscountedCashFlowOptions,
): DiscountedCashFlowResult {
  checkArray(FN, cashFlows, "an array of cash flows { margin, survival? }", ["cashFlows"]);
  const issues = new IssueCollector();
  if (cashFlows.length === 0) {
    issues.add(["cashFlows"], "Expected at least one cash flow (period)", "too_small", cashFlows);
  } else if (cashFlows.length > MAX_HORIZON) {
    throw invalidInput(
      FN,
      ["cashFlows"],
      `Expected at most ${MAX_HORIZON} cash flows (periods), received ${cashFlows.length}`,
      "too_big",
      cashFlows.length,
    );
  }
  const { margins, survival } = readCashFlows(cashFlows, issues);
  const parsedOptions = parseInputCollecting(FN, optionsSchema, options, ["options"], issues);
  issues.throwIfAny(FN);
  const parsed = parsedOptions!; // parsed: throwIfAny threw otherwise
  const convention = parsed.timing ?? "end-of-period";
  const onePlusD = rate(parsed.discountRate).plus(1);
  let dPow: Decimal = convention === "end-of-period" ? onePlusD : new Money(1);
  let time = convention === "end-of-period" ? 1 : 0;
  let total = ZERO;
  const schedule: ValueScheduleRow[] = [];
  for (let i = 0; i < margins.length; i++) {
    if (i > 0) {
      dPow = dPow.times(onePlusD);
      time++;
    }
    const s = survival[i]!;
    const margin = margins[i]!;
    const expectedMargin = margin.times(rate(s));
    const presentValue = expectedMargin.div(dPow);
    total = total.plus(presentValue);
    schedule.push({
      period: i + 1,
      time,
      margin,
      survival: s,
      discountFactor: new Money(1).div(dPow),
      expectedMargin,
      presentValue,
    });
  }
  return { value: total, convention, schedule };
}

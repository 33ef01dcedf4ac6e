/**
 * Internal helpers shared by the deterministic value functions: the rate schemas, the geometric
 * retention series in exact decimals, and the divergence checks.
 * @internal
 * @module
 */
import { z } from "zod";
import { checkDiscountRate } from "../core/discount.js";
import { InvalidInputError, type IssueCode, type IssueCollector } from "../core/errors.js";
import { type Decimal, Money, type MoneyInput, readMoney, ZERO } from "../core/money.js";
import { parseInput } from "../core/validate.js";

/**
 * When each period's margin is counted and discounted. See {@link retentionLifetimeValue}.
 * @category Value
 */
export type LifetimeValueTiming = "first-payment-now" | "end-of-period" | "start-of-period";

/** zod schema for {@link LifetimeValueTiming}. @internal */
export const timingSchema = z.enum(["first-payment-now", "end-of-period", "start-of-period"]);

/** A retention rate per period, a fraction in [0, 1]. @internal */
export const retentionRateSchema = z
  .number({ error: "Expected a retention rate per period, a number in [0, 1]" })
  .min(0, { error: "A retention rate is a fraction in [0, 1] (0.8 = 80% per period)" })
  .max(1, { error: "A retention rate is a fraction in [0, 1] (0.8 = 80% per period)" });

/**
 * The field schema of a discount rate: it accepts anything, because the rule
 * (`checkDiscountRate`: finite, ≥ 0, < 1 per period unless `allowLargeDiscountRate: true`) needs
 * the sibling opt-in and runs in the object's refinement, {@link addDiscountRateIssues}.
 * @internal
 */
export const discountRateSchema = z.custom<number>((value) => value !== undefined, {
  error: "Expected a discount rate per period (a finite number, 0.1 for 10 %), received undefined",
  params: { code: "required" },
});

/** The opt-in for a discount rate of 1 (100 %) or more per period. @internal */
export const allowLargeDiscountRateSchema = z.boolean({
  error: "Expected allowLargeDiscountRate to be true or false",
});

/**
 * Records the problems of a discount rate (the one rule of `checkDiscountRate`) as issues of a zod
 * refinement at `path`, with their codes (`required`, `invalid_type`, `too_small`,
 * `implausible_rate`) and the received value. Returns whether the rate is valid.
 * @internal
 */
export function addDiscountRateIssues(
  context: z.RefinementCtx,
  value: unknown,
  allowLarge: unknown,
  path: readonly PropertyKey[],
): value is number {
  if (value === undefined) return false; // the field's own schema reported it (`required`)
  try {
    checkDiscountRate("", value, path, allowLarge === true);
    return true;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    for (const found of error.issues)
      addCodedIssue(context, path, found.message, found.code, value);
    return false;
  }
}

/**
 * Parses one argument of a function that takes two (data and options), adding its problems to
 * `issues` instead of throwing, so that one error lists the problems of both arguments.
 * @internal
 */
export function parseCollecting<S extends z.ZodType>(
  functionName: string,
  issues: IssueCollector,
  schema: S,
  value: unknown,
  argumentName: string,
): z.output<S> | undefined {
  try {
    return parseInput(functionName, schema, value, [argumentName]);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    issues.addAll(error.issues);
    return undefined;
  }
}

/** Adds a refinement issue carrying one of the library's issue codes. @internal */
export function addCodedIssue(
  context: z.RefinementCtx,
  path: readonly PropertyKey[],
  message: string,
  code: IssueCode,
  input: unknown,
): void {
  context.addIssue({ code: "custom", path: [...path], message, input, params: { code } });
}

/**
 * Runs a whole-object refinement even when a field already failed (zod skips refinements after
 * an aborting issue), so that one call reports every problem. The refinement must check each
 * field it reads. @internal
 */
export const ALWAYS: { when: (payload: { value: unknown }) => boolean } = {
  when: (payload) => typeof payload.value === "object" && payload.value !== null,
};

/**
 * An amount of money (code `invalid_money` when it cannot be read exactly, `required` when
 * missing).
 * @internal
 */
export const amountSchema = z.custom<MoneyInput>().transform((value, context): Decimal => {
  const read = readMoney(value);
  if (typeof read !== "string") return read;
  context.addIssue({
    code: "custom",
    message: read,
    input: value,
    params: { code: value === undefined ? "required" : "invalid_money" },
  });
  return z.NEVER;
});

/** An amount ≥ 0 (code `too_small` when negative). @internal */
export const nonNegativeAmountSchema = amountSchema.refine((value) => !value.isNegative(), {
  error: "Expected a non-negative amount",
  params: { code: "too_small" },
});

/** A margin growth rate per period, a fraction greater than −1. @internal */
export const growthRateSchema = z
  .number({ error: "Expected a margin growth rate per period, a number greater than -1" })
  .gt(-1, { error: "A growth rate per period must be greater than -1 (0.05 = 5% per period)" });

/**
 * Most periods of a finite-horizon value (`horizon`, a cohort's `periodsUntilAcquisition`, the
 * cash flows of `discountedCashFlowValue`). Each period is a row of exact 34-digit decimal
 * arithmetic (about 40 µs with its divisions), and `lifetimeValueSensitivity` evaluates the series
 * several times: 10,000 periods keep every call well under 2 s (100,000 took 8 s). 10,000 periods
 * are 27 years of days or 833 years of months.
 * @internal
 */
export const MAX_HORIZON = 10_000;

/** How far ahead a value counts: a whole number of periods in (0, 10,000], or `"infinite"`. @internal */
export type Horizon = number | "infinite";

/**
 * The schema of a {@link Horizon}: `"infinite"`, or a whole number of periods in
 * (0, {@link MAX_HORIZON}] (the periods are summed one by one, so a fraction is `not_integer`).
 * @internal
 */
export const horizonSchema = z
  .custom<Horizon>(() => true)
  .superRefine((value, context) => {
    const problem = horizonProblem(value);
    if (problem) addCodedIssue(context, [], problem.message, problem.code, value);
  });

/** What is wrong with a horizon, or `undefined`. @internal */
export function horizonProblem(
  value: unknown,
): { readonly message: string; readonly code: IssueCode } | undefined {
  if (value === "infinite") return undefined;
  if (typeof value !== "number" || Number.isNaN(value)) {
    return {
      message: `Expected a horizon: a whole number of periods in (0, ${MAX_HORIZON}] or "infinite"`,
      code: typeof value === "string" ? "invalid_value" : "invalid_type",
    };
  }
  if (value <= 0) {
    return {
      message: `A finite horizon is at least 1 period (omit it or pass "infinite" for the infinite horizon), received ${value}`,
      code: "too_small",
    };
  }
  if (value > MAX_HORIZON) {
    return {
      message: `A finite horizon is at most ${MAX_HORIZON} periods (pass "infinite" for the infinite-horizon closed form), received ${value}`,
      code: "too_big",
    };
  }
  if (!Number.isInteger(value)) {
    return {
      message: `A horizon is a whole number of periods (use the same period as the rates), received ${value}`,
      code: "not_integer",
    };
  }
  return undefined;
}

/** The finite horizon of a parsed {@link Horizon}, or `undefined` for the infinite one. @internal */
export function finiteHorizon(horizon: Horizon | undefined): number | undefined {
  return horizon === undefined || horizon === "infinite" ? undefined : horizon;
}

/** A count of customers or prospects: a finite number ≥ 0 (expected counts may be fractional). @internal */
export const countSchema = z
  .number({ error: "Expected a number of customers" })
  .nonnegative({ error: "A number of customers cannot be negative" });

/** A count of periods from now, a whole number in [0, {@link MAX_HORIZON}]. @internal */
export const periodCountSchema = z
  .number({ error: "Expected a whole number of periods" })
  .int({ error: "A number of periods is a whole number" })
  .nonnegative({ error: "A number of periods cannot be negative" })
  .max(MAX_HORIZON, { error: `A number of periods is at most ${MAX_HORIZON}` });

/** Converts a validated float rate to an exact decimal through its shortest decimal form. @internal */
export function rate(value: number): Decimal {
  return new Money(value);
}

/**
 * One row of the schedule of a finite-horizon value calculation: one period's cash flow.
 * @category Value
 */
export interface ValueScheduleRow {
  /** The 1-based period index: 1 for the first period counted. */
  readonly period: number;
  /** When the period's cash flow is booked, in periods from now (0 = today, undiscounted). */
  readonly time: number;
  /** Margin (net cash flow) of a customer who is still a customer in this period. */
  readonly margin: Decimal;
  /** Probability that the customer is still a customer when this margin is earned, in [0, 1]. */
  readonly survival: number;
  /**
   * Discount factor `1 / (1 + discountRate)^time` applied to this period's cash flow (34
   * significant digits; a `Decimal` because a negative discount rate can make it exceed the
   * float range over a long horizon).
   */
  readonly discountFactor: Decimal;
  /** Expected margin: `margin × survival` (exact decimal). */
  readonly expectedMargin: Decimal;
  /** Present value of the expected margin: `expectedMargin × discountFactor` (34 significant digits). */
  readonly presentValue: Decimal;
}

/** Exponents of the survival and discount factors of period k (1-based) under a timing. @internal */
export function exponents(timing: LifetimeValueTiming, k: number): { s: number; e: number } {
  switch (timing) {
    case "first-payment-now":
      return { s: k - 1, e: k - 1 };
    case "end-of-period":
      return { s: k, e: k };
    case "start-of-period":
      return { s: k - 1, e: k };
  }
}

/** Inputs of the retention series, already parsed. @internal */
export interface SeriesInput {
  readonly margin: Decimal;
  readonly retentionRate: number;
  readonly discountRate: number;
  readonly growthRate: number;
  readonly timing: LifetimeValueTiming;
}

/**
 * The finite retention series, period by period, in exact decimals (34 significant digits for the
 * divisions). Powers are built by repeated multiplication, so they stay exact while they fit.
 * @internal
 */
export function finiteSeries(
  input: SeriesInput,
  horizon: number,
): { rows: ValueScheduleRow[]; total: Decimal } {
  const r = rate(input.retentionRate);
  const onePlusD = rate(input.discountRate).plus(1);
  const onePlusG = rate(input.growthRate).plus(1);
  const rows: ValueScheduleRow[] = [];
  let total = ZERO;
  let margin = input.margin;
  let rPow: Decimal = new Money(1);
  let dPow: Decimal = new Money(1);
  let sPrev = 0;
  let ePrev = 0;
  for (let k = 1; k <= horizon; k++) {
    const { s, e } = exponents(input.timing, k);
    if (k > 1) margin = margin.times(onePlusG);
    while (sPrev < s) {
      rPow = rPow.times(r);
      sPrev++;
    }
    while (ePrev < e) {
      dPow = dPow.times(onePlusD);
      ePrev++;
    }
    const expectedMargin = margin.times(rPow);
    const presentValue = expectedMargin.div(dPow);
    total = total.plus(presentValue);
    rows.push({
      period: k,
      time: e,
      margin,
      survival: rPow.toNumber(),
      discountFactor: new Money(1).div(dPow),
      expectedMargin,
      presentValue,
    });
  }
  return { rows, total };
}

/** `1 + d − r(1 + g)`, the denominator of every infinite-horizon form. @internal */
export function seriesDenominator(
  retentionRate: number,
  discountRate: number,
  growthRate: number,
): Decimal {
  return rate(discountRate)
    .plus(1)
    .minus(rate(retentionRate).times(rate(growthRate).plus(1)));
}

/** The numerator factor of the infinite-horizon form for a timing: `1 + d`, `r` or `1`. @internal */
export function timingFactor(
  timing: LifetimeValueTiming,
  retentionRate: number,
  discountRate: number,
): Decimal {
  switch (timing) {
    case "first-payment-now":
      return rate(discountRate).plus(1);
    case "end-of-period":
      return rate(retentionRate);
    case "start-of-period":
      return new Money(1);
  }
}

/**
 * The closed-form infinite-horizon value `m · A / (1 + d − r(1 + g))`; the caller has checked
 * that the denominator is positive.
 * @internal
 */
export function infiniteSeries(input: SeriesInput): Decimal {
  const denominator = seriesDenominator(input.retentionRate, input.discountRate, input.growthRate);
  return input.margin
    .times(timingFactor(input.timing, input.retentionRate, input.discountRate))
    .div(denominator);
}

/** The message for a diverging infinite series. @internal */
export function divergenceMessage(
  retentionRate: number,
  discountRate: number,
  growthRate?: number,
): string {
  const growth = growthRate === undefined ? "" : ` × (1 + growthRate)`;
  const numbers =
    growthRate === undefined
      ? `1 + ${discountRate} − ${retentionRate}`
      : `1 + ${discountRate} − ${retentionRate} × (1 + ${growthRate})`;
  return (
    `The series diverges: an infinite horizon needs 1 + discountRate − retentionRate${growth} > 0, ` +
    `but ${numbers} ≤ 0. Give a finite horizon, or check that all rates are per the same period`
  );
}

/**
 * Whether a retention rate and a discount rate passed their own checks, so that a refinement
 * combining them (the divergence check) is meaningful. @internal
 */
export function ratesAreValid(
  retentionRate: unknown,
  discountRate: unknown,
  growthRate?: unknown,
): boolean {
  return (
    typeof retentionRate === "number" &&
    retentionRate >= 0 &&
    retentionRate <= 1 &&
    typeof discountRate === "number" &&
    Number.isFinite(discountRate) &&
    discountRate >= 0 &&
    (growthRate === undefined ||
      (typeof growthRate === "number" && Number.isFinite(growthRate) && growthRate > -1))
  );
}

/**
 * The validation of the deterministic value functions: the schemas of rates, amounts, horizons and
 * counts, and the helpers that let one call report the problems of its data and its options
 * together. The arithmetic lives in series.ts.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { checkDiscountRate } from "../core/discount.js";
import { InvalidInputError, type IssueCode } from "../core/errors.js";
import {
  type Decimal,
  type MoneyInput,
  moneyIssueCode,
  moneyProblem,
  moneySchema,
  nonNegativeMoneySchema,
} from "../core/money.js";

/** zod schema for a {@link LifetimeValueTiming} (see series.ts). @internal */
export const timingSchema = z.enum(["first-payment-now", "end-of-period", "start-of-period"]);

const RETENTION_RANGE = "A retention rate is a fraction in [0, 1] (0.8 = 80% per period)";

/** A retention rate per period, a fraction in [0, 1]. @internal */
export const retentionRateSchema = z
  .number({ error: "Expected a retention rate per period, a number in [0, 1]" })
  .check(z.minimum(0, { error: RETENTION_RANGE }), z.maximum(1, { error: RETENTION_RANGE }));

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

/** The context a refinement reports its issues to. @internal */
export type RefinementContext = z.core.$RefinementCtx;

/**
 * The two fields of every value function that discounts: `discountRate` and its opt-in
 * `allowLargeDiscountRate`. Their rule runs in the object's refinement,
 * {@link addDiscountRateIssues}.
 * @internal
 */
export const discountRateShape = {
  discountRate: discountRateSchema,
  allowLargeDiscountRate: z.exactOptional(allowLargeDiscountRateSchema),
};

/**
 * Records the problems of `input.discountRate` (the one rule of `checkDiscountRate`, with the
 * opt-in `input.allowLargeDiscountRate`) as issues of a zod refinement at `discountRate`, with
 * their codes (`required`, `invalid_type`, `too_small`, `implausible_rate`) and the received
 * value. Returns whether the rate is valid.
 * @internal
 */
export function addDiscountRateIssues(
  context: RefinementContext,
  input: { readonly discountRate?: unknown; readonly allowLargeDiscountRate?: unknown },
): boolean {
  const value = input.discountRate;
  if (value === undefined) return false; // the field's own schema reported it (`required`)
  try {
    checkDiscountRate("", value, ["discountRate"], input.allowLargeDiscountRate === true);
    return true;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    for (const found of error.issues) {
      addCodedIssue(context, ["discountRate"], found.message, found.code, value);
    }
    return false;
  }
}

/** Adds a refinement issue carrying one of the library's issue codes. @internal */
export function addCodedIssue(
  context: RefinementContext,
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
 * The value functions' one difference from core's money schema: a value that is no kind of amount
 * (`{}`, `true`, `null`) is reported with code `invalid_money` too, not `invalid_type`, so that
 * every unreadable amount of a value formula carries one code. Core's schema then reads the amount.
 */
const anyAmount = z.custom<MoneyInput>().check(
  z.superRefine((value: unknown, context) => {
    if (typeof value === "string" || typeof value === "number" || value === undefined) return;
    if (moneyIssueCode(value) !== "invalid_type") return;
    context.addIssue({
      code: "custom",
      message: moneyProblem(value) as string,
      input: value,
      params: { code: "invalid_money" },
      continue: false,
    });
  }),
);

/**
 * An amount of money (code `invalid_money` when it cannot be read exactly, `required` when
 * missing): core's `moneySchema`.
 * @internal
 */
export const amountSchema: z.ZodMiniType<Decimal, MoneyInput> = z.pipe(anyAmount, moneySchema);

/** An amount ≥ 0 (code `too_small` when negative): core's `nonNegativeMoneySchema`. @internal */
export const nonNegativeAmountSchema: z.ZodMiniType<Decimal, MoneyInput> = z.pipe(
  anyAmount,
  nonNegativeMoneySchema,
);

/** A margin growth rate per period, a fraction greater than −1. @internal */
export const growthRateSchema = z
  .number({ error: "Expected a margin growth rate per period, a number greater than -1" })
  .check(
    z.gt(-1, { error: "A growth rate per period must be greater than -1 (0.05 = 5% per period)" }),
  );

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
  .check(
    z.superRefine((value, context) => {
      const problem = horizonProblem(value);
      if (problem) addCodedIssue(context, [], problem.message, problem.code, value);
    }),
  );

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
  .check(z.nonnegative({ error: "A number of customers cannot be negative" }));

/** A count of periods from now, a whole number in [0, {@link MAX_HORIZON}]. @internal */
export const periodCountSchema = z
  .number({ error: "Expected a whole number of periods" })
  .check(
    z.int({ error: "A number of periods is a whole number" }),
    z.nonnegative({ error: "A number of periods cannot be negative" }),
    z.maximum(MAX_HORIZON, { error: `A number of periods is at most ${MAX_HORIZON}` }),
  );

import * as z from "zod/mini";
import { invalidInput } from "../core/errors.js";
import { type Decimal, Money, type MoneyInput } from "../core/money.js";
import {
  type DateInput,
  dateLikeSchema,
  dateProblem,
  parseCivilDay,
  type TimeUnit,
  timeUnitSchema,
  timeZoneSchema,
} from "../core/time.js";
import { parseInput } from "../core/validate.js";
import { type PeriodSeries, periodSeries, purchasesThrough, windowTotals } from "./periodSeries.js";

/**
 * Relationship stage (Dwyer, Schurr & Oh 1987, in the four-stage adaptation 考察期 / 形成期 / 稳定期 /
 * 退化期).
 * @category Churn
 */
export type LifecycleStage = "exploration" | "build-up" | "maturity" | "decline";

/**
 * One purchase of a customer's history.
 * @category Churn
 */
export interface LifecyclePurchase {
  /** When the purchase happened (a date-only string is a day in `options.timeZone`). */
  readonly date: DateInput;
  /** What it was worth (money ≥ 0). */
  readonly amount: MoneyInput;
}

/**
 * Options shared by {@link lifecycleStage} and {@link lifecyclePattern}.
 * @category Churn
 */
export interface LifecycleRuleOptions {
  /** Calendar period the purchases are bucketed into. Required (no default: a default would mean months here and days elsewhere); weeks start on Monday. */
  readonly unit: TimeUnit;
  /** Periods in each comparison window (default 3): the last `window` periods are compared with the `window` before them. */
  readonly window?: number;
  /** Relative change that counts as a rise or a fall (default 0.2 = 20 %). */
  readonly tolerance?: number;
  /** IANA time zone whose calendar days the dates are read in (default `"UTC"`). */
  readonly timeZone?: string;
}

/**
 * Options of {@link lifecycleStage}.
 * @category Churn
 */
export interface LifecycleStageOptions extends LifecycleRuleOptions {
  /** The day the stage is assessed on, inclusive (a calendar day in `timeZone`; its period is the last one, counted as a full period). Purchases after it are dropped. Required: the library never reads the clock. */
  readonly asOf: DateInput;
}

/**
 * Result of {@link lifecycleStage}.
 * @category Churn
 */
export interface LifecycleStageResult {
  /** The stage. */
  readonly stage: LifecycleStage;
  /** Why, in plain words. */
  readonly reason: string;
  /** Periods from the first purchase's period to the `asOf` period, inclusive. */
  readonly periodsObserved: number;
  /** Number of purchases on or before `asOf` (the ones assessed; later ones are dropped). */
  readonly purchases: number;
  /** Purchases in the recent window. */
  readonly recentPurchases: number;
  /** Purchases in the window before it. */
  readonly previousPurchases: number;
  /** Spend in the recent window (exact). */
  readonly recentSpend: Decimal;
  /** Spend in the window before it (exact). */
  readonly previousSpend: Decimal;
}

/** Validated rule parameters. @internal */
export interface LifecycleRules {
  readonly window: number;
  readonly tolerance: number;
}

/** Schema of the shared rule options. @internal */
export const lifecycleRuleShape = {
  unit: timeUnitSchema,
  window: z.exactOptional(z.int().check(z.minimum(1))),
  tolerance: z.exactOptional(z.number().check(z.minimum(0), z.lt(1))),
  timeZone: z.exactOptional(timeZoneSchema),
};

const optionsSchema = z.strictObject({
  ...lifecycleRuleShape,
  asOf: dateLikeSchema,
}) satisfies z.ZodMiniType<unknown, LifecycleStageOptions>;

/**
 * The stage at the end of period `k` (offset from the first period) by the documented rules, in
 * O(log n) steps.
 * @internal
 */
export function stageAt(
  series: PeriodSeries,
  k: number,
  rules: LifecycleRules,
): Omit<LifecycleStageResult, "periodsObserved" | "purchases"> {
  const { window, tolerance } = rules;
  const purchases = purchasesThrough(series, k);
  const recent = windowTotals(series, k - window + 1, k);
  const previous = windowTotals(series, k - 2 * window + 1, k - window);
  const recentCount = recent.count;
  const previousCount = previous.count;
  const recentSpend = recent.spend;
  const previousSpend = previous.spend;
  const base = {
    recentPurchases: recentCount,
    previousPurchases: previousCount,
    recentSpend,
    previousSpend,
  };
  if (k + 1 < 2 * window || purchases < 2) {
    return {
      stage: "exploration",
      reason:
        purchases < 2
          ? "fewer than two purchases: the relationship is still being tried out"
          : `fewer than ${2 * window} periods of history: too early to read a trend`,
      ...base,
    };
  }
  if (recentCount === 0) {
    return { stage: "decline", reason: "no purchase in the recent window", ...base };
  }
  const up = new Money(1 + tolerance);
  const down = new Money(1 - tolerance);
  const rise =
    recentCount > (1 + tolerance) * previousCount ||
    recentSpend.greaterThan(previousSpend.times(up));
  const fall =
    recentCount < (1 - tolerance) * previousCount ||
    recentSpend.lessThan(previousSpend.times(down));
  if (fall && !rise) {
    return {
      stage: "decline",
      reason: "purchase rate or spend fell beyond the tolerance",
      ...base,
    };
  }
  if (rise && !fall) {
    return {
      stage: "build-up",
      reason: "purchase rate or spend rose beyond the tolerance",
      ...base,
    };
  }
  return {
    stage: "maturity",
    reason:
      rise && fall
        ? "purchase rate and spend moved in opposite directions: level treated as stable"
        : "purchase rate and spend stable within the tolerance",
    ...base,
  };
}

/**
 * The relationship stage of one customer — exploration, build-up, maturity or decline — from the
 * trend of their purchase rate and spend.
 *
 * Convention (there is no formula in the literature; Dwyer, Schurr & Oh 1987 describe the phases
 * qualitatively): purchases are bucketed into calendar periods of `unit` (required: month, week, …)
 * from the first purchase's period to the `asOf` period (counted as a full period). The last
 * `window` (3) periods are compared with the `window` periods before them, on purchase count and on
 * spend:
 * - exploration: fewer than two purchases, or fewer than `2 × window` periods of history;
 * - decline: no purchase in the recent window, or count or spend fell by more than `tolerance`
 *   (20 %) and neither rose by more than it;
 * - build-up: count or spend rose by more than `tolerance` and neither fell by more than it;
 * - maturity: otherwise (both stable, or moving in opposite directions).
 * Alternatives: a regression slope over the whole history, share-of-wallet instead of spend.
 *
 * Cut-off (the library's one rule): `asOf` is a calendar day in `timeZone`, inclusive; purchases
 * dated after it are **dropped**, not an error, so the same log replays the stage on any past day.
 *
 * Cost: O(n log n) in the number of purchases, whatever the span of dates.
 *
 * @param purchases - the customer's purchases `{ date, amount }` (any order; other fields ignored)
 * @param options - `{ asOf, unit, window?, tolerance?, timeZone? }`
 * @returns the stage with the reason and the window figures
 * @throws {InvalidInputError} listing every bad purchase in one pass (up to 100): an invalid date,
 *   or one whose calendar day in `timeZone` is outside 0000-01-01 … 9999-12-31
 *   (`purchases[i].date`, `invalid_date`), an invalid or negative amount (`purchases[i].amount`,
 *   `invalid_money` / `too_small`); an empty history or none on or before `asOf` (`purchases`,
 *   `too_small`); a missing `unit` or `asOf` (`options.unit`, `required`) or any other invalid
 *   option (`options.<key>`)
 * @example
 * ```ts
 * import { lifecycleStage } from "customer-value";
 * const purchases = [
 *   { date: "2024-01-05", amount: 20 }, { date: "2024-02-05", amount: 20 },
 *   { date: "2024-03-05", amount: 20 }, { date: "2024-04-05", amount: 20 },
 *   { date: "2024-05-05", amount: 20 }, { date: "2024-06-05", amount: 20 },
 * ];
 * lifecycleStage(purchases, { asOf: "2024-06-30", unit: "month" }).stage; // => "maturity"
 * lifecycleStage(purchases, { asOf: "2024-09-30", unit: "month" }).stage; // => "decline"
 * // As of 28 February the later purchases are dropped:
 * lifecycleStage(purchases, { asOf: "2024-02-28", unit: "month" }).purchases; // => 2
 * lifecycleStage(purchases, { asOf: "2024-02-28", unit: "month" }).stage; // => "exploration"
 * ```
 * @category Churn
 * @see Dwyer, F. R., Schurr, P. H. & Oh, S. (1987). Developing buyer–seller relationships. Journal
 *   of Marketing 51(2), 11–27.
 */
export function lifecycleStage(
  purchases: readonly LifecyclePurchase[],
  options: LifecycleStageOptions,
): LifecycleStageResult {
  const fn = "lifecycleStage";
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const zone = opts.timeZone ?? "UTC";
  const asOf = parseCivilDay(opts.asOf, zone);
  if (asOf === undefined) {
    throw invalidInput(
      fn,
      ["options", "asOf"],
      dateProblem(opts.asOf, zone),
      "invalid_date",
      opts.asOf,
    );
  }
  const series = periodSeries(fn, purchases, opts.unit, zone, asOf);
  const k = series.length - 1;
  const rules = { window: opts.window ?? 3, tolerance: opts.tolerance ?? 0.2 };
  const counted = series.countPrefix[series.countPrefix.length - 1]!;
  return { ...stageAt(series, k, rules), periodsObserved: k + 1, purchases: counted };
}

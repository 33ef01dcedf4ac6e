import * as z from "zod/mini";
import { type IssueCode, IssueCollector, invalidInput } from "../core/errors.js";
import {
  type Decimal,
  Money,
  type MoneyInput,
  moneyIssueCode,
  readMoney,
  UNROUNDED_ZERO,
  ZERO,
} from "../core/money.js";
import {
  calendarPeriodIndex,
  type DateInput,
  dateLikeSchema,
  dateProblem,
  parseCivilDay,
  type TimeUnit,
  timeUnitSchema,
  timeZoneSchema,
} from "../core/time.js";
import { checkArray, parseInput } from "../core/validate.js";

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

/**
 * A purchase history bucketed into calendar periods, stored sparsely: only the periods that hold a
 * purchase, so memory and time follow the number of purchases, not the span of the history (a span
 * can reach millions of days within the supported date range). Periods are offsets from the first
 * purchase's period. @internal
 */
export interface PeriodSeries {
  /** Periods that hold a purchase, ascending. */
  readonly periods: Float64Array;
  /** `countPrefix[i]`: purchases in `periods[0..i)`. */
  readonly countPrefix: Float64Array;
  /**
   * `spendPrefix[i]`: spend in `periods[0..i)`, summed without rounding (`UnroundedMoney`), so the
   * spend of any window is an exact difference of two prefixes.
   */
  readonly spendPrefix: readonly Decimal[];
  /** Periods from the first purchase's period to the last (or to `lastDay`'s), inclusive. */
  readonly length: number;
  /** Period (offset from the first period) of the last purchase. */
  readonly lastPurchase: number;
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

/** Name of the data argument, the first key of every row path (`purchases[3].date`). */
const ARG = "purchases";

/** The code of an unreadable date: missing, not a date at all, or a date that does not exist. */
function dateCode(value: unknown): IssueCode {
  if (value === undefined) return "required";
  return typeof value === "string" || value instanceof Date ? "invalid_date" : "invalid_type";
}

/**
 * Validates a purchase history and buckets it into calendar periods from the first purchase's period
 * to `lastDay`'s (or to the last purchase's when `lastDay` is undefined). Purchases after `lastDay`
 * are dropped (the cut-off rule). Every problem of every purchase is reported in one error. Costs
 * O(n log n) in the number of purchases whatever the span of dates.
 * @internal
 */
export function periodSeries(
  fn: string,
  history: unknown,
  unit: TimeUnit,
  zone: string,
  lastDay: number | undefined,
): PeriodSeries {
  checkArray(fn, history, "an array of purchases", [ARG]);
  if (history.length === 0) {
    throw invalidInput(fn, [ARG], "Expected at least one purchase", "too_small", history);
  }
  const n = history.length;
  const periodOf = new Float64Array(n);
  const amounts: Decimal[] = new Array(n);
  const kept: number[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const issues = new IssueCollector();
  for (let i = 0; i < n && !issues.full; i++) {
    const p: unknown = history[i];
    if (typeof p !== "object" || p === null) {
      issues.add([ARG, i], "Expected an object", p === undefined ? "required" : "invalid_type", p);
      continue;
    }
    const { date, amount } = p as Record<string, unknown>;
    const day = parseCivilDay(date, zone);
    if (day === undefined) {
      issues.add([ARG, i, "date"], dateProblem(date, zone), dateCode(date), date);
    }
    const value = readMoney(amount);
    if (typeof value === "string") {
      issues.add([ARG, i, "amount"], value, moneyIssueCode(amount), amount);
    } else if (value.isNegative()) {
      issues.add([ARG, i, "amount"], "Expected a non-negative amount", "too_small", amount);
    }
    if (issues.size > 0 || day === undefined || typeof value === "string") continue;
    if (lastDay !== undefined && day > lastDay) continue; // after the cut-off: dropped
    const period = calendarPeriodIndex(day, unit);
    periodOf[i] = period;
    amounts[i] = value;
    kept.push(i);
    if (period < first) first = period;
    if (period > last) last = period;
  }
  issues.throwIfAny(fn);
  if (kept.length === 0) {
    throw invalidInput(
      fn,
      [ARG],
      "No purchase on or before asOf (purchases after it are dropped)",
      "too_small",
      history,
    );
  }
  // Purchases in period order (stable, so equal periods add their amounts in input order).
  const order = kept.sort((a, b) => periodOf[a]! - periodOf[b]! || a - b);
  const periods: number[] = [];
  const countPrefix: number[] = [0];
  const spendPrefix: Decimal[] = [UNROUNDED_ZERO];
  for (const i of order) {
    const k = periodOf[i]! - first;
    if (periods[periods.length - 1] !== k) {
      periods.push(k);
      countPrefix.push(countPrefix[countPrefix.length - 1]!);
      spendPrefix.push(spendPrefix[spendPrefix.length - 1]!);
    }
    const j = periods.length;
    countPrefix[j]!++;
    spendPrefix[j] = spendPrefix[j]!.plus(amounts[i]!);
  }
  const end = lastDay === undefined ? last : calendarPeriodIndex(lastDay, unit);
  return {
    periods: Float64Array.from(periods),
    countPrefix: Float64Array.from(countPrefix),
    spendPrefix,
    length: end - first + 1,
    lastPurchase: last - first,
  };
}

/** How many of the ascending `periods` are ≤ `k` (binary search). */
function countAtOrBefore(periods: Float64Array, k: number): number {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (periods[mid]! <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Purchases and spend in periods `from..to` (inclusive offsets; empty when `to < from`). */
function windowTotals(
  series: PeriodSeries,
  from: number,
  to: number,
): { count: number; spend: Decimal } {
  if (to < from) return { count: 0, spend: ZERO };
  const lo = countAtOrBefore(series.periods, from - 1);
  const hi = countAtOrBefore(series.periods, to);
  return {
    count: series.countPrefix[hi]! - series.countPrefix[lo]!,
    spend: new Money(series.spendPrefix[hi]!.minus(series.spendPrefix[lo]!)),
  };
}

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
  const purchases = series.countPrefix[countAtOrBefore(series.periods, k)]!;
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

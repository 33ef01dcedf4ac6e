/**
 * A customer's purchase history bucketed into calendar periods, the input of the lifecycle rules
 * (`stageAt` in `lifecycleStage.ts`): validation of the purchases, the cut-off, and the window
 * totals the rules compare.
 * @internal
 * @module
 */
import { type IssueCode, IssueCollector, invalidInput } from "../core/errors.js";
import {
  type Decimal,
  Money,
  moneyIssueCode,
  readMoney,
  UNROUNDED_ZERO,
  ZERO,
} from "../core/money.js";
import { calendarPeriodIndex, dateProblem, parseCivilDay, type TimeUnit } from "../core/time.js";
import { checkArray } from "../core/validate.js";

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

/** Purchases in periods `0..k` (inclusive offsets). @internal */
export function purchasesThrough(series: PeriodSeries, k: number): number {
  return series.countPrefix[countAtOrBefore(series.periods, k)]!;
}

/** Purchases and spend in periods `from..to` (inclusive offsets; empty when `to < from`). @internal */
export function windowTotals(
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

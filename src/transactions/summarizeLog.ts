/**
 * The engine behind `summarizeTransactions` and `splitCalibrationHoldout`: parse the log
 * (`transactionLog.ts`), lay each customer's purchases side by side, apply the per-customer
 * definition {@link summarizeCustomer} to every customer, and assemble the rows with their exact
 * money.
 * @internal
 * @module
 */
import { type Decimal, Money, UNROUNDED_ZERO, ZERO } from "../core/money.js";
import {
  calendarPeriodIndex,
  FIXED_UNIT_DAYS,
  formatCivilDay,
  type TimeUnit,
} from "../core/time.js";
import { moneyFromQuotient, moneyFromScaled } from "../internal/fast/fastMoney.js";
import {
  groupByKey,
  scatterFloat64,
  scatterInt32,
  scatterItems,
} from "../internal/fast/groupRows.js";
import { withScratch } from "../internal/fast/scratch.js";
import {
  type CustomerNumbers,
  type Cutoff,
  type Purchases,
  summarizeCustomer,
  summarizeHoldout,
} from "./btydSummary.js";
import type { TimeSettings } from "./logOptions.js";
import { parseLog } from "./transactionLog.js";

/** One customer's summary row (the public `CustomerSummary`). @internal */
export interface SummaryRow {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  unit: TimeUnit;
  monetaryValue: Decimal;
  totalSpend: Decimal;
  transactionCount: number;
  firstPurchase: string;
  lastPurchase: string;
}

/** A summary row with the holdout fields of a split (the public `CalibrationHoldoutSummary`). @internal */
export interface SplitRow extends SummaryRow {
  holdoutFrequency: number;
  holdoutSpend: Decimal;
  holdoutDuration: number;
}

/**
 * Summarises the log per customer with {@link summarizeCustomer}: the calibration summary over
 * transactions dated on or before `cutDay` (with T measured to `cutDay`), and, when
 * `holdoutDuration` is given, the holdout fields over `(cutDay, endDay]` ({@link summarizeHoldout},
 * {@link SplitRow}).
 * Customers whose first purchase is after `cutDay` are left out. Rows come in first-seen order.
 * Safe to re-enter: the whole call holds a scratch lease of its own.
 * @internal
 */
export function summarizeLog(
  functionName: string,
  transactions: unknown,
  settings: TimeSettings,
  cutDay: number,
  endDay: number,
  holdoutDuration: number | undefined,
): (SummaryRow | SplitRow)[] {
  return withScratch((scratch) => {
    const log = parseLog(scratch, functionName, transactions, settings.timeZone, endDay);
    const customers = log.customerIds.length;
    const { start, position } = groupByKey(
      scratch,
      "summarizeLog",
      log.customer,
      log.count,
      customers,
    );
    const { count } = log;
    const day = scatterInt32(log.day, position, count, scratch.int32("summarizeLog.day", count));
    const purchases: Purchases = {
      day,
      period: periodsOf(day, count, settings, scratch.int32("summarizeLog.period", count)),
      units:
        log.units &&
        scatterFloat64(log.units, position, count, scratch.float64("summarizeLog.units", count)),
    };
    const decimals = log.decimals && scatterItems(log.decimals, position, count);
    const calendar = settings.bucketing === "calendar";
    const cut: Cutoff = {
      day: cutDay,
      period: calendar ? calendarPeriodIndex(cutDay, settings.unit) : cutDay,
      unitDays: calendar ? 1 : FIXED_UNIT_DAYS[settings.unit]!,
    };
    const assemble = rowMaker(settings.unit, log.scale, holdoutDuration);
    const numbers: CustomerNumbers = {
      transactionCount: 0,
      frequency: 0,
      recency: 0,
      T: 0,
      firstDay: 0,
      lastDay: 0,
      firstPeriod: 0,
      spend: 0,
      repeatSpend: 0,
      holdoutFrequency: 0,
      holdoutSpend: 0,
    };
    let periods = new Int32Array(64);
    const rows: (SummaryRow | SplitRow)[] = [];
    for (let c = 0; c < customers; c++) {
      const from = start[c]!;
      const to = start[c + 1]!;
      if (to - from > periods.length) periods = new Int32Array(2 * (to - from));
      if (!summarizeCustomer(purchases, from, to, cut, periods, numbers)) continue;
      if (holdoutDuration !== undefined)
        summarizeHoldout(purchases, from, to, cut, periods, numbers);
      const money =
        decimals === undefined
          ? undefined
          : decimalSpend(decimals, purchases, from, to, cut, numbers);
      rows.push(assemble(log.customerIds[c]!, numbers, money));
    }
    return rows;
  });
}

/** The period of each of the `n` days, into `out`: see {@link Purchases.period}. @internal */
export function periodsOf(
  day: Int32Array,
  n: number,
  settings: TimeSettings,
  out: Int32Array,
): Int32Array {
  const { unit, bucketing } = settings;
  if (bucketing === "elapsed" || unit === "day") {
    out.set(day.subarray(0, n));
  } else if (unit === "week") {
    for (let j = 0; j < n; j++) out[j] = Math.floor((day[j]! + 3) / 7); // Monday weeks
  } else {
    for (let j = 0; j < n; j++) out[j] = calendarPeriodIndex(day[j]!, unit);
  }
  return out;
}

/** The money of a customer's row when the amounts are `Decimal`s. */
interface DecimalSpend {
  readonly spend: Decimal;
  readonly repeatSpend: Decimal;
  readonly holdoutSpend: Decimal;
}

/**
 * Exact sums of `decimals` (in grouped order) over the same purchases as {@link summarizeCustomer}'s
 * `spend`, `repeatSpend` and `holdoutSpend` — the slow path, used only when some amount did not fit
 * the integer path.
 */
function decimalSpend(
  decimals: readonly Decimal[],
  p: Purchases,
  from: number,
  to: number,
  cut: Cutoff,
  numbers: CustomerNumbers,
): DecimalSpend {
  let spend: Decimal = UNROUNDED_ZERO;
  let repeatSpend: Decimal = UNROUNDED_ZERO;
  let holdoutSpend: Decimal = UNROUNDED_ZERO;
  for (let j = from; j < to; j++) {
    const amount = decimals[j]!;
    if (p.day[j]! > cut.day) {
      holdoutSpend = holdoutSpend.plus(amount);
      continue;
    }
    spend = spend.plus(amount);
    if (p.period[j] !== numbers.firstPeriod) repeatSpend = repeatSpend.plus(amount);
  }
  const exact = (total: Decimal): Decimal => (total.isZero() ? ZERO : new Money(total));
  return {
    spend: exact(spend),
    repeatSpend: exact(repeatSpend),
    holdoutSpend: exact(holdoutSpend),
  };
}

/**
 * The row assembly: a function that turns one customer's {@link CustomerNumbers} (and, on the slow
 * path, their `Decimal` sums) into a fresh result row, with the money exact (`monetaryValue` =
 * repeat spend / frequency, 0 when frequency is 0) and the purchase days as `"YYYY-MM-DD"` (each
 * day formatted once per call).
 */
function rowMaker(
  unit: TimeUnit,
  scale: number,
  holdoutDuration: number | undefined,
): (
  customerId: string,
  numbers: CustomerNumbers,
  money: DecimalSpend | undefined,
) => SummaryRow | SplitRow {
  const dayText = new Map<number, string>();
  const text = (d: number): string => {
    let s = dayText.get(d);
    if (s === undefined) {
      s = formatCivilDay(d);
      dayText.set(d, s);
    }
    return s;
  };
  return (customerId, numbers, money) => {
    const { frequency, repeatSpend } = numbers;
    let monetaryValue: Decimal = ZERO;
    if (money !== undefined) {
      if (frequency > 0 && !money.repeatSpend.isZero())
        monetaryValue = money.repeatSpend.div(frequency);
    } else if (frequency > 0 && repeatSpend !== 0) {
      monetaryValue = moneyFromQuotient(repeatSpend, frequency, scale);
    }
    const row: SummaryRow = {
      customerId,
      frequency,
      recency: numbers.recency,
      T: numbers.T,
      unit,
      monetaryValue,
      totalSpend: money?.spend ?? moneyFromScaled(numbers.spend, scale),
      transactionCount: numbers.transactionCount,
      firstPurchase: text(numbers.firstDay),
      lastPurchase: text(numbers.lastDay),
    };
    if (holdoutDuration === undefined) return row;
    // The holdout fields, added in place (a copy with spread syntax is several times slower).
    const split = row as SplitRow;
    split.holdoutFrequency = numbers.holdoutFrequency;
    split.holdoutSpend = money?.holdoutSpend ?? moneyFromScaled(numbers.holdoutSpend, scale);
    split.holdoutDuration = holdoutDuration;
    return split;
  };
}

/**
 * The buy-till-you-die (BTYD) summary of one customer — `frequency`, `recency`, `T` and the spend
 * behind `monetaryValue` — as one short function, {@link summarizeCustomer}: the definition that
 * `summarizeTransactions`, `splitCalibrationHoldout` and docs/transactions.md refer to.
 * @internal
 * @module
 */
import { countDistinct } from "../internal/fast/countDistinct.js";

/**
 * One customer's purchases, as the engine lays them out: purchase j (in `from .. to` of
 * {@link summarizeCustomer}) was made on calendar day `day[j]`, in period `period[j]`, for
 * `units[j]` · 10^−scale.
 * @internal
 */
export interface Purchases {
  /** Calendar day of each purchase (days since 1970-01-01, in the call's time zone). */
  readonly day: Int32Array;
  /** Period of each purchase: its calendar period index, or its day for `"elapsed"` bucketing. */
  readonly period: Int32Array;
  /** Amount of each purchase as a scaled integer; `undefined` when the amounts need `Decimal`s. */
  readonly units: Float64Array | undefined;
}

/**
 * The cut-off and the unit: calibration purchases are those dated on or before `day`, whose
 * period is `period`; `unitDays` is the unit length in days for `"elapsed"` bucketing (day 1,
 * week 7) and 1 for `"calendar"` bucketing, whose periods already count units.
 * @internal
 */
export interface Cutoff {
  readonly day: number;
  readonly period: number;
  readonly unitDays: number;
}

/**
 * What {@link summarizeCustomer} writes (a caller-owned object, reused for every customer). Spends
 * are in units of 10^−scale, and 0 when the amounts need `Decimal`s (the caller sums those over the
 * same purchases).
 * @internal
 */
export interface CustomerNumbers {
  transactionCount: number;
  frequency: number;
  recency: number;
  T: number;
  firstDay: number;
  lastDay: number;
  /** The first purchase period: its purchases are left out of the repeat spend. */
  firstPeriod: number;
  spend: number;
  repeatSpend: number;
  holdoutFrequency: number;
  holdoutSpend: number;
}

/**
 * The BTYD summary of the customer whose purchases are `p`'s `from .. to` (Fader, Hardie & Lee
 * 2005; Python lifetimes `summary_data_from_transaction_data`). Purchases in one period are one
 * purchase. Over the calibration purchases (dated on or before `cut.day`), with f and l the first
 * and last period holding one:
 *
 * - `frequency` = periods holding a purchase − 1 (the *repeat* purchase periods);
 * - `recency` = (l − f) / unitDays, the customer's age at the last purchase;
 * - `T` = (cut period − f) / unitDays, the customer's age at the cut-off;
 * - `spend` = Σ amounts; `repeatSpend` = Σ amounts outside period f, so that `monetaryValue` =
 *   `repeatSpend` / `frequency` (0 when `frequency` is 0).
 *
 * Returns `false`, writing nothing, when the customer has no calibration purchase (no row). The
 * holdout fields of a split are {@link summarizeHoldout}'s.
 * `periods` is working memory of at least `to − from` elements.
 * @internal
 */
export function summarizeCustomer(
  p: Purchases,
  from: number,
  to: number,
  cut: Cutoff,
  periods: Int32Array,
  out: CustomerNumbers,
): boolean {
  const { day, period, units } = p;
  let n = 0;
  let f = Number.POSITIVE_INFINITY;
  let l = Number.NEGATIVE_INFINITY;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  let spend = 0;
  let firstSpend = 0;
  for (let j = from; j < to; j++) {
    const d = day[j]!;
    if (d > cut.day) continue;
    const q = period[j]!;
    const amount = units === undefined ? 0 : units[j]!;
    periods[n++] = q;
    spend += amount;
    if (q < f) {
      f = q;
      firstSpend = amount;
    } else if (q === f) {
      firstSpend += amount;
    }
    if (q > l) l = q;
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
  }
  if (n === 0) return false;
  out.transactionCount = n;
  out.frequency = countDistinct(periods, n) - 1;
  out.recency = (l - f) / cut.unitDays;
  out.T = (cut.period - f) / cut.unitDays;
  out.firstDay = firstDay;
  out.lastDay = lastDay;
  out.firstPeriod = f;
  out.spend = spend;
  out.repeatSpend = spend - firstSpend;
  return true;
}

/**
 * The holdout part of a calibration/holdout split (Python lifetimes
 * `calibration_and_holdout_data`), over the customer's purchases dated after `cut.day`:
 * `holdoutFrequency` = periods holding a purchase (a period that straddles the cut-off counts on
 * both sides), `holdoutSpend` = Σ amounts. `periods` is working memory of at least `to − from`
 * elements.
 * @internal
 */
export function summarizeHoldout(
  p: Purchases,
  from: number,
  to: number,
  cut: Cutoff,
  periods: Int32Array,
  out: CustomerNumbers,
): void {
  const { day, period, units } = p;
  let h = 0;
  let holdoutSpend = 0;
  for (let j = from; j < to; j++) {
    if (day[j]! <= cut.day) continue;
    periods[h++] = period[j]!;
    holdoutSpend += units === undefined ? 0 : units[j]!;
  }
  out.holdoutFrequency = countDistinct(periods, h);
  out.holdoutSpend = holdoutSpend;
}

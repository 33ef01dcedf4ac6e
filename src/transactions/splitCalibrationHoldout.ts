import * as z from "zod/mini";
import type { Decimal } from "../core/money.js";
import {
  calendarPeriodIndex,
  type DateInput,
  FIXED_UNIT_DAYS,
  formatCivilDay,
  type TimeUnit,
} from "../core/time.js";
import { dateInputSchema, readLogOptions, timeOptionShape } from "./logOptions.js";
import { summarizeLog } from "./summarizeLog.js";
import type { CustomerSummary, Transaction } from "./summarizeTransactions.js";

/**
 * Options of {@link splitCalibrationHoldout}.
 * @category Transactions
 */
export interface SplitCalibrationHoldoutOptions {
  /**
   * Last day of the calibration period, an inclusive calendar day in `timeZone`: the summary is
   * computed from the transactions up to this day, with `T` measured to it. Not after
   * `observationEnd`.
   */
  readonly calibrationEnd: DateInput;
  /**
   * Last day of the holdout period, an inclusive calendar day in `timeZone`; on or after
   * `calibrationEnd`. Later transactions are dropped (not an error).
   */
  readonly observationEnd: DateInput;
  /**
   * Time unit of `recency`, `T` and `holdoutDuration`, recorded on every row as `unit`. Required
   * (no default). Weeks start on Monday.
   */
  readonly unit: TimeUnit;
  /**
   * `"calendar"` (default) or `"elapsed"`, as in {@link SummarizeTransactionsOptions.bucketing}.
   */
  readonly bucketing?: "calendar" | "elapsed";
  /** IANA time zone whose calendar days the dates are read in (default `"UTC"`). */
  readonly timeZone?: string;
}

/**
 * A customer's calibration-period summary plus what they did in the holdout period. The
 * {@link CustomerSummary} fields describe the calibration period only (observation end =
 * `calibrationEnd`).
 * @category Transactions
 */
export interface CalibrationHoldoutSummary extends CustomerSummary {
  /**
   * Number of distinct periods (days for `"elapsed"`) holding a purchase dated after
   * `calibrationEnd`. With `"calendar"` bucketing, a period that straddles `calibrationEnd` counts
   * here if it holds a purchase after `calibrationEnd`, even when it also counted in the calibration
   * period.
   */
  readonly holdoutFrequency: number;
  /** Exact sum of the amounts dated after `calibrationEnd`, up to `observationEnd`. */
  readonly holdoutSpend: Decimal;
  /**
   * Length of the holdout period in `unit`s: period index of `observationEnd` minus that of
   * `calibrationEnd` for `"calendar"`; elapsed days divided by the unit length for `"elapsed"`.
   */
  readonly holdoutDuration: number;
}

const optionsSchema = z.strictObject({
  calibrationEnd: dateInputSchema,
  observationEnd: dateInputSchema,
  ...timeOptionShape,
}) satisfies z.ZodMiniType<unknown, SplitCalibrationHoldoutOptions>;

/**
 * Splits a transaction log at `calibrationEnd` for validating a model out of sample: each
 * customer's summary of the calibration period (to fit the model on) and the number of purchase
 * periods and the spend in the holdout period that follows (to compare predictions with).
 *
 * Only customers whose first purchase is on or before `calibrationEnd` get a row: a customer first
 * seen in the holdout period has no calibration history to predict from. The calibration fields are
 * exactly those of {@link summarizeTransactions} with `observationEnd = calibrationEnd`;
 * `holdoutFrequency` counts distinct periods with a purchase in (`calibrationEnd`, `observationEnd`]
 * and `holdoutDuration` = (e − c) / u, with e and c the period indices (`"calendar"`) or days
 * (`"elapsed"`) of the two ends and u as in {@link summarizeTransactions}.
 *
 * Convention: the same as the Python lifetimes library's `calibration_and_holdout_data` (holdout
 * purchases merged per period; holdout duration as a difference of period indices) and the
 * CDNOW analyses of Fader, Hardie & Lee (2005), which use 39 calibration and 39 holdout weeks.
 *
 * Cut-offs: both ends are inclusive calendar days in `timeZone`; purchases after `observationEnd`
 * are dropped, never an error (a split replays the past, and the log always holds later
 * purchases). Every row carries `unit`, the time unit of `recency`, `T` and `holdoutDuration`.
 * Rows come one per customer, in the order each customer first appears in the input.
 *
 * @param transactions - the transaction log, in any order; never modified
 * @param options - calibration end, observation end and unit (all required), bucketing and time
 *   zone
 * @returns one new {@link CalibrationHoldoutSummary} per customer first seen on or before
 *   `calibrationEnd`, in first-seen order
 * @throws {InvalidInputError} listing every problem of the call in one error (up to 100): a bad
 *   transaction (paths and codes as {@link summarizeTransactions}), a missing, invalid or unknown
 *   option (`options.<key>`), a month/quarter/year unit with `"elapsed"` bucketing (`options.unit`,
 *   code `inconsistent`), or a `calibrationEnd` after `observationEnd` (`options.calibrationEnd`,
 *   code `inconsistent`)
 *
 * @example
 * ```ts
 * import { splitCalibrationHoldout } from "customer-value";
 * const rows = splitCalibrationHoldout(
 *   [
 *     { customerId: "ann", date: "2024-01-01", amount: 10 },
 *     { customerId: "ann", date: "2024-01-10", amount: 20 },
 *     { customerId: "ann", date: "2024-02-05", amount: 30 },
 *     { customerId: "ann", date: "2024-02-06", amount: 40 },
 *     { customerId: "bob", date: "2024-02-01", amount: 5 }, // first seen in the holdout: no row
 *   ],
 *   { calibrationEnd: "2024-01-31", observationEnd: "2024-02-29", unit: "day" },
 * );
 * rows.length; // => 1
 * rows[0].unit; // => "day"
 * rows[0].frequency; // => 1
 * rows[0].T; // => 30
 * rows[0].holdoutFrequency; // => 2
 * rows[0].holdoutSpend.toString(); // => "70"
 * rows[0].holdoutDuration; // => 29
 * ```
 * @see Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
 *   Pareto/NBD Model", Marketing Science 24(2): 275–284.
 * @category Transactions
 */
export function splitCalibrationHoldout(
  transactions: readonly Transaction[],
  options: SplitCalibrationHoldoutOptions,
): CalibrationHoldoutSummary[] {
  const fn = "splitCalibrationHoldout";
  const { settings, days } = readLogOptions(
    fn,
    optionsSchema,
    options,
    transactions,
    ["calibrationEnd", "observationEnd"],
    ({ calibrationEnd: cut, observationEnd: end }, opts, issues) => {
      if (end >= cut) return;
      issues.add(
        ["options", "calibrationEnd"],
        `calibrationEnd (${formatCivilDay(cut)}) is after observationEnd (${formatCivilDay(end)})`,
        "inconsistent",
        opts.calibrationEnd,
      );
    },
  );
  const { calibrationEnd: cut, observationEnd: end } = days;
  const holdoutDuration =
    settings.bucketing === "calendar"
      ? calendarPeriodIndex(end, settings.unit) - calendarPeriodIndex(cut, settings.unit)
      : (end - cut) / FIXED_UNIT_DAYS[settings.unit]!;
  return summarizeLog(
    fn,
    transactions,
    settings,
    cut,
    end,
    holdoutDuration,
  ) as CalibrationHoldoutSummary[];
}

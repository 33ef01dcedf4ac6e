import * as z from "zod/mini";
import type { Decimal, MoneyInput } from "../core/money.js";
import type { DateInput, TimeUnit } from "../core/time.js";
import { dateInputSchema, readLogOptions, timeOptionShape } from "./logOptions.js";
import { summarizeLog } from "./summarizeLog.js";

/**
 * One purchase in a transaction log. Other fields (quantity, order id, …) may be present and are
 * ignored.
 * @category Transactions
 */
export interface Transaction {
  /** Who bought: any non-empty string (`"__proto__"` is an ordinary id). */
  readonly customerId: string;
  /**
   * When: a `Date` or an ISO string. A date-only string (`"1997-01-01"`) is that calendar day; a
   * `Date` or a date-time with an offset is placed on its calendar day in `timeZone`.
   */
  readonly date: DateInput;
  /**
   * What was spent (any sign: zero amounts and refunds are allowed). Omitted means 0, for logs
   * without amounts.
   */
  readonly amount?: MoneyInput;
}

/**
 * Options of {@link summarizeTransactions}.
 * @category Transactions
 */
export interface SummarizeTransactionsOptions {
  /**
   * The end of the observation period, an inclusive calendar day in `timeZone`: a date-only string
   * is that day, a `Date` or a date-time is placed on the day it falls on. Transactions dated after
   * that day are dropped (not an error). `T` is measured to this day.
   */
  readonly observationEnd: DateInput;
  /**
   * Time unit of `recency` and `T`, recorded on every row as `unit`. Required: there is no default,
   * because the same numbers mean days in one analysis and weeks in another. Weeks start on Monday.
   */
  readonly unit: TimeUnit;
  /**
   * How time is measured (default `"calendar"`): `"calendar"` merges the purchases of one calendar
   * period (day, Monday week, month, quarter, year) and counts whole periods between period
   * indices; `"elapsed"` merges the purchases of one calendar day and measures elapsed days divided
   * by the unit length (day 1, week 7), so `recency` and `T` can be fractional. Months, quarters and
   * years have no fixed length and are calendar-only.
   */
  readonly bucketing?: "calendar" | "elapsed";
  /** IANA time zone whose calendar days the dates are read in (default `"UTC"`). */
  readonly timeZone?: string;
}

/**
 * One customer's purchase history in the buy-till-you-die (BTYD) sense, ready for the model
 * fitters (`frequency`, `recency`, `T`, `monetaryValue`).
 * @category Transactions
 */
export interface CustomerSummary {
  /** The customer's id, as given. */
  readonly customerId: string;
  /**
   * Number of **repeat** purchase periods: periods (days for `"elapsed"`) holding a purchase, minus
   * the first one. Integer ≥ 0.
   */
  readonly frequency: number;
  /**
   * Time from the first to the last purchase period, in `unit`s (the customer's age at the last
   * purchase; not "time since the last purchase" as in RFM). 0 when `frequency` is 0;
   * 0 ≤ recency ≤ T.
   */
  readonly recency: number;
  /** Time from the first purchase period to the end of observation, in `unit`s (the customer's age); ≥ 0. */
  readonly T: number;
  /**
   * The time unit of `recency` and `T` (and of `holdoutDuration` in a split): the `unit` option,
   * recorded so that a model fitted on these rows knows its unit.
   */
  readonly unit: TimeUnit;
  /**
   * Mean spend per repeat period: the amounts of each period are summed, the first period is left
   * out, and the rest are averaged (0 when `frequency` is 0). Exact sum, divided to 34 significant
   * digits.
   */
  readonly monetaryValue: Decimal;
  /** Exact sum of all the customer's amounts in the observation period, first purchase included. */
  readonly totalSpend: Decimal;
  /** Number of transactions (before merging per period) in the observation period. */
  readonly transactionCount: number;
  /** Calendar day of the first purchase, `"YYYY-MM-DD"` in `timeZone`. */
  readonly firstPurchase: string;
  /** Calendar day of the last purchase in the observation period, `"YYYY-MM-DD"` in `timeZone`. */
  readonly lastPurchase: string;
}

const optionsSchema = z.strictObject({
  observationEnd: dateInputSchema,
  ...timeOptionShape,
}) satisfies z.ZodMiniType<unknown, SummarizeTransactionsOptions>;

/**
 * Turns a transaction log into one purchase-history row per customer: `frequency`, `recency`,
 * `T` and `monetaryValue` in the buy-till-you-die sense, plus exact total spend and the dates of
 * the first and last purchase.
 *
 * Purchases in the same period are merged into one. With first period f, last period l and
 * observation end e (all as period indices for `"calendar"`, as calendar days for `"elapsed"`):
 * `frequency` = distinct periods − 1, `recency` = (l − f) / u, `T` = (e − f) / u, with u = 1 for
 * `"calendar"` and the unit length in days (day 1, week 7) for `"elapsed"`;
 * `monetaryValue` = (Σ spend of the periods after f) / `frequency`. In the source, this
 * definition is one short function, `summarizeCustomer` (`src/transactions/btydSummary.ts`).
 *
 * Conventions: these are the definitions of Fader, Hardie & Lee (2005) and the Python lifetimes
 * library (`summary_data_from_transaction_data`): the first purchase is not a repeat and is left out
 * of `monetaryValue`. `"calendar"` weeks start on Monday like lifetimes' weekly mode (pandas
 * `W-SUN` periods); `"elapsed"` with `unit: "week"` reproduces the CDNOW summaries
 * (`T` = 272 days / 7 = 38.86 weeks). RFM analysis uses different meanings (all purchases; days
 * *since* the last purchase: RFM rows call that `daysSinceLastPurchase`).
 *
 * Cut-off: `observationEnd` is a calendar day in `timeZone`, included whole; purchases dated after
 * it are **dropped**, never an error — a cut-off is how you replay the past (summarise the log as
 * it stood at the end of last year), and the log you replay always holds later purchases. Every
 * row carries `unit`, the time unit of `recency` and `T`. Rows come one per customer, in the order
 * each customer first appears in the input (a customer whose every purchase is after the cut-off
 * has no row).
 *
 * @param transactions - the transaction log, in any order; never modified
 * @param options - observation end and unit (both required), bucketing and time zone
 * @returns one new {@link CustomerSummary} per customer with a purchase on or before
 *   `observationEnd`, in first-seen order
 * @throws {InvalidInputError} listing every problem of the call in one error (up to 100): a bad
 *   transaction at `transactions[i].customerId` (codes `required`, `invalid_type`, `too_small` for
 *   an empty id), `transactions[i].date` (`required`, `invalid_type`, `invalid_date`),
 *   `transactions[i].amount` (`invalid_type`, `invalid_money`) or `transactions[i]` (not an
 *   object); a missing, invalid or unknown option at `options.<key>` (`required`, `invalid_date`,
 *   `invalid_value`, `unknown_key`); a month/quarter/year unit with `"elapsed"` bucketing
 *   (`options.unit`, code `inconsistent`)
 *
 * @example
 * ```ts
 * import { summarizeTransactions } from "customer-value";
 * const rows = summarizeTransactions(
 *   [
 *     { customerId: "ann", date: "2024-01-01", amount: "10.00" },
 *     { customerId: "ann", date: "2024-01-01", amount: "5.00" }, // same day: merged
 *     { customerId: "ann", date: "2024-01-15", amount: "20.00" },
 *     { customerId: "ann", date: "2024-01-29", amount: "30.10" },
 *     { customerId: "bob", date: "2024-01-20", amount: "7.50" },
 *   ],
 *   { observationEnd: "2024-01-31", unit: "week", bucketing: "elapsed" },
 * );
 * rows.length; // => 2
 * rows[0].unit; // => "week"
 * rows[0].frequency; // => 2
 * rows[0].recency; // => 4
 * rows[0].T; // => 4.29
 * rows[0].monetaryValue.toString(); // => "25.05"
 * rows[0].totalSpend.toString(); // => "65.1"
 * rows[0].transactionCount; // => 4
 * rows[1].frequency; // => 0
 * rows[1].firstPurchase; // => "2024-01-20"
 * ```
 * @see Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
 *   Pareto/NBD Model", Marketing Science 24(2): 275–284.
 * @category Transactions
 */
export function summarizeTransactions(
  transactions: readonly Transaction[],
  options: SummarizeTransactionsOptions,
): CustomerSummary[] {
  const fn = "summarizeTransactions";
  const { settings, days } = readLogOptions(fn, optionsSchema, options, transactions, [
    "observationEnd",
  ]);
  const end = days.observationEnd;
  return summarizeLog(fn, transactions, settings, end, end, undefined);
}

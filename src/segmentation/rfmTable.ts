import * as z from "zod/mini";
import { invalidInput } from "../core/errors.js";
import { type Decimal, Money, type MoneyInput, UNROUNDED_ZERO, ZERO } from "../core/money.js";
import { type DateInput, dateProblem, parseCivilDay, timeZoneSchema } from "../core/time.js";
import { parseInput } from "../core/validate.js";
import { moneyFromQuotient, moneyFromScaled } from "../internal/fast/fastMoney.js";
import { type Scratch, withScratch } from "../internal/fast/scratch.js";
import { parseLog } from "../transactions/transactionLog.js";

const FN = "rfmTable";

/**
 * One purchase in a transaction log, as {@link rfmTable} reads it.
 * @category Segmentation
 */
export interface RfmTransaction {
  /** The customer's id (a non-empty string). */
  readonly customerId: string;
  /**
   * When the purchase happened: a `Date` or an ISO 8601 string (`"2024-03-01"`, `"20240301"`,
   * `"2024-03-01T18:30"`); a date-only string is a calendar day in `timeZone`.
   */
  readonly date: DateInput;
  /** What the purchase was worth; omitted amounts count as a purchase with no spend. */
  readonly amount?: MoneyInput;
}

/**
 * Options of {@link rfmTable}.
 * @category Segmentation
 */
export interface RfmTableOptions {
  /**
   * The analysis day, inclusive (a calendar day in `timeZone`; a `Date` or date-time counts as the
   * day it falls on): `daysSinceLastPurchase` counts calendar days from the last purchase to it.
   * Purchases dated after it are left out, so a log can be replayed as of any past day.
   */
  readonly asOf: DateInput;
  /** IANA time zone in which dates are calendar days (default `"UTC"`). */
  readonly timeZone?: string;
  /**
   * Whether a customer's purchases on the same calendar day (in `timeZone`) count separately or as
   * one: `"separate"` (default; every transaction is a purchase, as R `rfm` counts them) or
   * `"merge"` (one purchase per customer per day, its amounts summed, as PyMC-Marketing's
   * `rfm_summary` counts them at its default daily `time_unit`). Only `purchases` and
   * `averageSpend` change; `totalSpend` and `daysSinceLastPurchase` are the same either way.
   */
  readonly sameDayPurchases?: "separate" | "merge";
}

/**
 * A customer's RFM measures (segmentation definitions, not the buy-till-you-die ones: there is no
 * `recency` field here on purpose — see the glossary in the conventions).
 * @category Segmentation
 */
export interface RfmRow {
  /** The customer's id, as in the log. */
  readonly customerId: string;
  /** Whole calendar days from the last purchase to `asOf` (0 = bought on the analysis day). */
  readonly daysSinceLastPurchase: number;
  /** Number of purchases (transactions), the first one included. */
  readonly purchases: number;
  /** Total spend over all purchases, exact. */
  readonly totalSpend: Decimal;
  /** Mean spend per purchase, `totalSpend / purchases` (34 significant digits). */
  readonly averageSpend: Decimal;
}

const optionsSchema = z.strictObject({
  asOf: z.custom<DateInput>((v) => typeof v === "string" || v instanceof Date, {
    error: (issue) => dateProblem(issue.input),
  }),
  timeZone: z.exactOptional(timeZoneSchema),
  sameDayPurchases: z.exactOptional(z.enum(["separate", "merge"])),
}) satisfies z.ZodMiniType<unknown, RfmTableOptions>;

/**
 * Summarises a transaction log into per-customer RFM measures: days since the last purchase,
 * number of purchases, total and mean spend.
 *
 * For each customer with purchases on calendar days d₁ … dₙ ≤ `asOf` (in `timeZone`) and amounts
 * a₁ … aₙ: `daysSinceLastPurchase = asOf − max dᵢ` (days), `purchases = n`,
 * `totalSpend = Σ aᵢ` (exact) and `averageSpend = totalSpend / n`. These are the RFM definitions of
 * Hughes (1994) and of the R `rfm` package (`rfm_table_order`): every purchase counts, the first
 * one included, and recency is the time *since* the last purchase. They are not the
 * buy-till-you-die summaries of `summarizeTransactions` (repeat purchases `frequency`, `recency` =
 * time from the first to the last purchase, `T`), whose rows {@link rfmScores} refuses. A
 * purchase without `amount` counts with zero spend. Monetary value is reported both as total
 * (Hughes, R `rfm`) and as mean per purchase (Marcus 1998; PyMC-Marketing).
 *
 * **Same-day purchases.** Peers disagree on two orders placed on one day. R `rfm`
 * (`rfm_table_order`) counts every transaction, so n is the number of transactions: the default
 * here (`sameDayPurchases: "separate"`). PyMC-Marketing's `rfm_summary(...,
 * include_first_transaction=True)` (like lifetimes' `summary_data_from_transaction_data`) first
 * sums each customer's transactions per period of `time_unit` (default a day), so n is the number
 * of distinct purchase days and the mean spend is per day: `sameDayPurchases: "merge"`, which
 * reproduces it. Merging is what `summarizeTransactions` always does for the buy-till-you-die
 * `frequency`; separate counting suits order-level analyses (several baskets a day are several
 * visits).
 *
 * `asOf` is an inclusive calendar day; purchases dated after it are dropped (the library's one
 * cut-off rule), and a customer whose purchases all fall after it has no row.
 *
 * @param transactions - the purchases, in any order
 * @param options - `asOf` (the analysis day, inclusive), `timeZone`, and `sameDayPurchases`
 *   (`"separate"`, the default, or `"merge"`)
 * @returns one new {@link RfmRow} per customer with a purchase on or before `asOf`, in order of
 *   first appearance in the log
 * @throws {@link InvalidInputError} when a row is not an object, a customer id is empty, a date or
 *   an amount is invalid (path of the transaction's field), or an option is invalid
 *   (`options.asOf`, code `"invalid_date"`; `options.timeZone`; `options.sameDayPurchases`, code
 *   `"invalid_value"`; an unknown key)
 * @example
 * ```ts
 * import { rfmTable } from "customer-value";
 * const table = rfmTable(
 *   [
 *     { customerId: "a", date: "2024-01-05", amount: "20.00" },
 *     { customerId: "a", date: "2024-03-01", amount: "35.50" },
 *     { customerId: "b", date: "2024-02-10", amount: 12 },
 *     { customerId: "a", date: "2024-04-02", amount: 99 }, // after asOf: left out
 *   ],
 *   { asOf: "2024-03-31" },
 * );
 * table[0]?.customerId; // => "a"
 * table[0]?.daysSinceLastPurchase; // => 30
 * table[0]?.purchases; // => 2
 * table[0]?.totalSpend.toString(); // => "55.5"
 * table[0]?.averageSpend.toString(); // => "27.75"
 * table[1]?.daysSinceLastPurchase; // => 50
 * // Two orders on one day: two purchases (R rfm), or one of 30.00 (PyMC-Marketing).
 * const sameDay = [
 *   { customerId: "c", date: "2024-03-01", amount: 10 },
 *   { customerId: "c", date: "2024-03-01T18:30", amount: 20 },
 * ];
 * rfmTable(sameDay, { asOf: "2024-03-31" })[0]?.purchases; // => 2
 * const merged = rfmTable(sameDay, { asOf: "2024-03-31", sameDayPurchases: "merge" })[0];
 * merged?.purchases; // => 1
 * merged?.averageSpend.toString(); // => "30"
 * ```
 * @category Segmentation
 * @see Hughes, A. M. (1994). *Strategic Database Marketing*. Probus. Ch. on RFM analysis.
 * @see R package `rfm` (Hebbali), `rfm_table_order`; PyMC-Marketing `pymc_marketing.clv.utils.rfm_summary`.
 */
export function rfmTable(
  transactions: readonly RfmTransaction[],
  options: RfmTableOptions,
): RfmRow[] {
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const timeZone = opts.timeZone ?? "UTC";
  const asOf = parseCivilDay(opts.asOf, timeZone);
  if (asOf === undefined)
    throw invalidInput(FN, ["options", "asOf"], dateProblem(opts.asOf), "invalid_date", opts.asOf);
  const merge = opts.sameDayPurchases === "merge";
  return withScratch((scratch) => tabulate(scratch, transactions, timeZone, asOf, merge));
}

/**
 * Per customer, the number of distinct calendar days among its kept purchases: the days grouped by
 * customer (a counting sort on the customer numbers), then each customer's few days sorted and
 * their distinct values counted — linear in the log but for the per-customer sorts, no hashing.
 */
function purchaseDays(log: {
  readonly count: number;
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly customerIds: readonly string[];
}): Float64Array {
  const customers = log.customerIds.length;
  const { count, customer, day } = log;
  // end[c]: one past customer c's slot in `grouped` once filled (starts as its first slot).
  const end = new Int32Array(customers + 1);
  for (let k = 0; k < count; k++) end[customer[k]! + 1]!++;
  for (let c = 0; c < customers; c++) end[c + 1]! += end[c]!;
  const grouped = new Int32Array(count);
  for (let k = 0; k < count; k++) grouped[end[customer[k]!]!++] = day[k]!;
  const days = new Float64Array(customers);
  let from = 0;
  for (let c = 0; c < customers; c++) {
    const to = end[c]!;
    if (to - from > 1) {
      const own = grouped.subarray(from, to).sort();
      let distinct = 1;
      for (let k = 1; k < own.length; k++) if (own[k] !== own[k - 1]) distinct++;
      days[c] = distinct;
    } else {
      days[c] = to - from;
    }
    from = to;
  }
  return days;
}

/** {@link rfmTable} after the options, under the scratch lease `scratch`. */
function tabulate(
  scratch: Scratch,
  transactions: unknown,
  timeZone: string,
  asOf: number,
  merge: boolean,
): RfmRow[] {
  // One validating pass over the log (shared with summarizeTransactions); purchases after asOf
  // are left out (the cut-off rule).
  const log = parseLog(scratch, FN, transactions, timeZone, asOf);
  const { count, customer, day, units, scale, decimals, customerIds } = log;
  const customers = customerIds.length;
  // Per customer, side by side so that a row touches one cache line: last day, purchases, total
  // (in units of 10^−scale; exact, the parser checked that every partial sum stays below 2^52).
  const acc = new Float64Array(3 * customers).fill(0);
  for (let c = 0; c < customers; c++) acc[3 * c] = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const at = 3 * customer[k]!;
    const d = day[k]!;
    if (d > acc[at]!) acc[at] = d;
    acc[at + 1]!++;
    if (units !== undefined) acc[at + 2]! += units[k]!;
  }
  let exact: Decimal[] | undefined;
  if (decimals !== undefined) {
    // Rare exact path (amounts with many digits): Decimal sums per customer.
    exact = new Array<Decimal>(customers).fill(UNROUNDED_ZERO);
    for (let k = 0; k < count; k++) exact[customer[k]!] = exact[customer[k]!]!.plus(decimals[k]!);
  }
  // Merged: one purchase per customer and calendar day, its amounts summed (the total is the same).
  const days = merge ? purchaseDays(log) : undefined;
  const rows: RfmRow[] = [];
  for (let c = 0; c < customers; c++) {
    // A customer seen only after asOf has no kept purchase: no row.
    if (acc[3 * c + 1] === 0) continue;
    const purchases = days === undefined ? acc[3 * c + 1]! : days[c]!;
    let totalSpend: Decimal;
    let averageSpend: Decimal;
    if (exact === undefined) {
      // Exact from the integer sum, without decimal.js arithmetic.
      const total = acc[3 * c + 2]!;
      totalSpend = moneyFromScaled(total, scale);
      averageSpend = purchases === 1 ? totalSpend : moneyFromQuotient(total, purchases, scale);
    } else {
      const total = exact[c]!;
      totalSpend = total.isZero() ? ZERO : new Money(total);
      averageSpend = purchases === 1 ? totalSpend : totalSpend.div(purchases);
    }
    rows.push({
      customerId: customerIds[c]!,
      daysSinceLastPurchase: asOf - acc[3 * c]!,
      purchases,
      totalSpend,
      averageSpend,
    });
  }
  return rows;
}

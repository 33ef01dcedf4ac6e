import { z } from "zod";
import { CustomerTable } from "../core/customerTable.js";
import { invalidInput } from "../core/errors.js";
import { moneyFromQuotient, moneyFromScaled } from "../core/fastMoney.js";
import { type Decimal, Money, type MoneyInput, UNROUNDED_ZERO, ZERO } from "../core/money.js";
import { type Scratch, withScratch } from "../core/scratch.js";
import { type DateInput, dateProblem, parseCivilDay, timeZoneSchema } from "../core/time.js";
import { parseInput } from "../core/validate.js";
import { parseLog } from "../transactions/transactionLog.js";

const FN = "rfmTable";

/** One purchase in a transaction log, as {@link rfmTable} reads it. */
export interface RfmTransaction {
  /** The customer's id (a non-empty string). */
  readonly customerId: string;
  /** When the purchase happened: a `Date` or an ISO string; a date-only string is a calendar day in `timeZone`. */
  readonly date: DateInput;
  /** What the purchase was worth; omitted amounts count as a purchase with no spend. */
  readonly amount?: MoneyInput;
}

/** Options of {@link rfmTable}. */
export interface RfmTableOptions {
  /** The analysis date: recency is counted in calendar days from the last purchase to this day. No purchase may be later. */
  readonly asOf: DateInput;
  /** IANA time zone in which dates are calendar days (default `"UTC"`). */
  readonly timeZone?: string;
}

/** A customer's RFM measures (segmentation definitions, not the buy-till-you-die ones). */
export interface RfmRow {
  /** Calendar days from the last purchase to `asOf` (0 = bought on the analysis day). */
  readonly recency: number;
  /** Number of purchases (transactions), the first one included. */
  readonly frequency: number;
  /** Total spend over all purchases, exact. */
  readonly monetary: Decimal;
  /** Mean spend per purchase, `monetary / frequency` (34 significant digits). */
  readonly averageMonetary: Decimal;
}

const optionsSchema = z.strictObject({
  asOf: z.custom<DateInput>((v) => typeof v === "string" || v instanceof Date, {
    error: (issue) => dateProblem(issue.input),
  }),
  timeZone: timeZoneSchema.exactOptional(),
}) satisfies z.ZodType<unknown, RfmTableOptions>;

/**
 * Summarises a transaction log into per-customer RFM measures: recency in days since the last
 * purchase, number of purchases, total and mean spend.
 *
 * For each customer with purchases on calendar days d₁ … dₙ (in `timeZone`) and amounts a₁ … aₙ:
 * `recency = asOf − max dᵢ` (days), `frequency = n`, `monetary = Σ aᵢ` (exact) and
 * `averageMonetary = monetary / n`. These are the RFM definitions of Hughes (1994) and of the R
 * `rfm` package (`rfm_table_order`): every purchase counts, the first one included, and recency is
 * the time *since* the last purchase. They are not the buy-till-you-die summaries (repeat purchases,
 * time of last purchase since the first) used by the probabilistic models. Several purchases on one
 * day count separately; a purchase without `amount` counts with zero spend. Monetary is reported
 * both as total (Hughes, R `rfm`) and as mean per purchase (Marcus 1998; PyMC-Marketing); score
 * whichever you prefer.
 *
 * Customers are returned in order of first appearance in the log.
 *
 * @param transactions - the purchases, in any order
 * @param options - `asOf` (the analysis day) and `timeZone`
 * @returns a read-only map from customer id to its {@link RfmRow}, in first-seen order (`get` builds
 *   its id index on first use; iterating needs none)
 * @throws {@link InvalidInputError} when a row is not an object, a customer id is empty, a date or
 *   an amount is invalid (path `[i].date`, `[i].amount`), a purchase is later than `asOf`, or an
 *   option is invalid
 * @example
 * ```ts
 * import { rfmTable } from "customer-value";
 * const table = rfmTable(
 *   [
 *     { customerId: "a", date: "2024-01-05", amount: "20.00" },
 *     { customerId: "a", date: "2024-03-01", amount: "35.50" },
 *     { customerId: "b", date: "2024-02-10", amount: 12 },
 *   ],
 *   { asOf: "2024-03-31" },
 * );
 * table.get("a")?.recency; // => 30
 * table.get("a")?.frequency; // => 2
 * table.get("a")?.monetary.toString(); // => "55.5"
 * table.get("a")?.averageMonetary.toString(); // => "27.75"
 * ```
 * @category Segmentation
 * @see Hughes, A. M. (1994). *Strategic Database Marketing*. Probus. Ch. on RFM analysis.
 */
export function rfmTable(
  transactions: readonly RfmTransaction[],
  options: RfmTableOptions,
): ReadonlyMap<string, RfmRow> {
  const opts = parseInput(FN, optionsSchema, options);
  const timeZone = opts.timeZone ?? "UTC";
  const asOf = parseCivilDay(opts.asOf, timeZone);
  if (asOf === undefined) throw invalidInput(FN, ["asOf"], dateProblem(opts.asOf));
  return withScratch((scratch) => tabulate(scratch, transactions, timeZone, asOf));
}

/** {@link rfmTable} after the options, under the scratch lease `scratch`. */
function tabulate(
  scratch: Scratch,
  transactions: unknown,
  timeZone: string,
  asOf: number,
): ReadonlyMap<string, RfmRow> {
  // One validating pass over the log (shared with summarizeTransactions); a purchase after asOf
  // is an error here, not a row to leave out.
  const log = parseLog(scratch, FN, transactions, timeZone, asOf, "asOf");
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
  const rows: RfmRow[] = new Array(customers);
  for (let c = 0; c < customers; c++) {
    const frequency = acc[3 * c + 1]!;
    let monetary: Decimal;
    let averageMonetary: Decimal;
    if (exact === undefined) {
      // Exact from the integer sum, without decimal.js arithmetic.
      const total = acc[3 * c + 2]!;
      monetary = moneyFromScaled(total, scale);
      averageMonetary = frequency === 1 ? monetary : moneyFromQuotient(total, frequency, scale);
    } else {
      const total = exact[c]!;
      monetary = total.isZero() ? ZERO : new Money(total);
      averageMonetary = frequency === 1 ? monetary : monetary.div(frequency);
    }
    rows[c] = { recency: asOf - acc[3 * c]!, frequency, monetary, averageMonetary };
  }
  return new CustomerTable(customerIds as string[], rows);
}

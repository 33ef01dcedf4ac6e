import { z } from "zod";
import { CustomerTable } from "../core/customerTable.js";
import { invalidInput } from "../core/errors.js";
import { moneyFromQuotient, moneyFromScaled } from "../core/fastMoney.js";
import { createInterner, intern } from "../core/intern.js";
import {
  AMOUNT_DECIMAL,
  AMOUNT_INVALID,
  type Decimal,
  type MoneyInput,
  moneyProblem,
  readScaledAmount,
  scaledAmount,
  toMoney,
  ZERO,
} from "../core/money.js";
import {
  type DateInput,
  dateProblem,
  formatCivilDay,
  parseCivilDay,
  timeZoneSchema,
} from "../core/time.js";
import { parseInput } from "../core/validate.js";

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

// Hot-loop aliases of imported bindings. Some loaders (tsx, vitest, CommonJS output) turn every
// read of an imported binding into a getter call; a module-level copy is read once.
const readAmount = readScaledAmount;
const scaled = scaledAmount;
const internId = intern;
const INVALID = AMOUNT_INVALID;
const DECIMAL = AMOUNT_DECIMAL;

/** Below 1e15 micro-units a sum has at most 15 significant digits, so `micro / 1e6` prints exactly. */
const SAFE = 1e15;
/** 10^(6 − scale): micro-units per unit of a scaled amount with `scale` fraction digits (≤ 6). */
const TO_MICRO = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];
/** Returned by {@link fastMicro} for a valid amount that needs the exact `Decimal` path. */
const NEEDS_DECIMAL = Number.POSITIVE_INFINITY;

/**
 * Micro-units of an amount when it is exactly representable that way (at most 6 fraction digits,
 * magnitude below 1e9), {@link NEEDS_DECIMAL} for another valid amount, `NaN` for an invalid one.
 * Reads strings with a `charCodeAt` loop ({@link readScaledAmount}): no allocation per row.
 */
function fastMicro(value: unknown): number {
  const kind = readAmount(value);
  if (kind === INVALID) return Number.NaN;
  if (kind === DECIMAL) return NEEDS_DECIMAL;
  const scale = scaled.scale;
  if (scale > 6) return NEEDS_DECIMAL;
  const micro = scaled.units * TO_MICRO[scale]!;
  return micro < SAFE && micro > -SAFE ? micro : NEEDS_DECIMAL;
}

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
  if (!Array.isArray(transactions)) {
    throw invalidInput(FN, [], "Expected an array of transactions");
  }
  const n = transactions.length;
  const index = createInterner();
  const ids = index.ids;
  const last = new Int32Array(n);
  const count = new Int32Array(n);
  const micro = new Float64Array(n);
  const slow = new Uint8Array(n);
  let anySlow = false;
  const dayOfString = new Map<string, number>();
  let lastId = "";
  let lastIndex = -1;
  for (let i = 0; i < n; i++) {
    const row = transactions[i] as unknown;
    if (typeof row !== "object" || row === null) {
      throw invalidInput(FN, [i], "Expected a transaction object { customerId, date, amount? }");
    }
    const { customerId, date, amount } = row as {
      customerId?: unknown;
      date?: unknown;
      amount?: unknown;
    };
    if (typeof customerId !== "string" || customerId.length === 0) {
      throw invalidInput(
        FN,
        [i, "customerId"],
        typeof customerId === "string"
          ? "Expected a non-empty customer id"
          : `Expected a customer id (string), received ${customerId === null ? "null" : typeof customerId}`,
      );
    }
    let day = typeof date === "string" ? dayOfString.get(date) : undefined;
    if (day === undefined) {
      day = parseCivilDay(date, timeZone);
      if (day === undefined) throw invalidInput(FN, [i, "date"], dateProblem(date));
      // Logs repeat the same few thousand days: remember them (bounded, so memory stays small).
      if (typeof date === "string" && dayOfString.size < 8192) dayOfString.set(date, day);
    }
    if (day > asOf) {
      throw invalidInput(
        FN,
        [i, "date"],
        `Purchase on ${formatCivilDay(day)} is after asOf ${formatCivilDay(asOf)}`,
      );
    }
    // Logs grouped by customer hit the same id repeatedly: skip the hash lookup then.
    let c: number;
    if (customerId === lastId) {
      c = lastIndex;
    } else {
      const known = ids.length;
      c = internId(index, customerId);
      if (c === known) last[c] = day;
    }
    if (day > last[c]!) last[c] = day;
    lastId = customerId;
    lastIndex = c;
    count[c]! += 1;
    if (amount !== undefined) {
      const m = fastMicro(amount);
      if (Number.isNaN(m)) {
        throw invalidInput(FN, [i, "amount"], moneyProblem(amount) ?? "Invalid amount");
      }
      if (m === NEEDS_DECIMAL) {
        slow[c] = 1;
        anySlow = true;
      } else {
        const sum = micro[c]! + m;
        micro[c] = sum;
        if (sum > SAFE || sum < -SAFE) {
          slow[c] = 1;
          anySlow = true;
        }
      }
    }
  }
  const exact = new Map<number, Decimal>();
  if (anySlow) {
    for (let i = 0; i < n; i++) {
      const { customerId, amount } = transactions[i] as { customerId: string; amount?: MoneyInput };
      const c = intern(index, customerId);
      if (slow[c] === 0 || amount === undefined) continue;
      exact.set(c, (exact.get(c) ?? ZERO).plus(toMoney(amount)));
    }
  }
  const rows: RfmRow[] = new Array(ids.length);
  for (let c = 0; c < ids.length; c++) {
    const frequency = count[c]!;
    let total: Decimal;
    let average: Decimal;
    if (slow[c] === 1) {
      total = exact.get(c) ?? ZERO;
      average = frequency === 1 ? total : total.div(frequency);
    } else {
      // Exact from the integer micro-units, without decimal.js arithmetic.
      total = moneyFromScaled(micro[c]!, 6);
      average = frequency === 1 ? total : moneyFromQuotient(micro[c]!, frequency, 6);
    }
    rows[c] = {
      recency: asOf - last[c]!,
      frequency,
      monetary: total,
      averageMonetary: average,
    };
  }
  return new CustomerTable(ids, rows);
}

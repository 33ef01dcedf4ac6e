import * as z from "zod/mini";
import { invalidInput } from "../../core/errors.js";
import {
  calendarPeriodIndex,
  type DateInput,
  formatCivilDay,
  type TimeUnit,
} from "../../core/time.js";
import { withScratch } from "../../internal/fast/scratch.js";
import {
  type CustomerNumbers,
  type Cutoff,
  summarizeCustomer,
} from "../../transactions/btydSummary.js";
import {
  dateInputSchema,
  readLogOptions,
  type TimeSettings,
  timeOptionShape,
} from "../../transactions/logOptions.js";
import { checkLogShape } from "../../transactions/rowProblems.js";
import { periodsOf } from "../../transactions/summarizeLog.js";
import { parseLog } from "../../transactions/transactionLog.js";
import type { PurchaseModel } from "../types.js";
import { purchaseKernel } from "./kernels.js";
import { parsePurchaseModel } from "./modelArguments.js";

/**
 * One purchase of the customer whose path is drawn: a transaction-log row (other fields, such as
 * `amount`, are ignored).
 * @category Models
 */
export interface PathPurchase {
  /** When: as `Transaction.date` of `summarizeTransactions`. */
  readonly date: DateInput;
  /** The customer's id; when given, every row must carry the same one. */
  readonly customerId?: string;
}

/**
 * Options of {@link probabilityAlivePath}: those of `summarizeTransactions`, with `unit` defaulting to
 * the model's.
 * @category Models
 */
export interface ProbabilityAlivePathOptions {
  /** The last day of the path, an inclusive calendar day in `timeZone` (later purchases are dropped). */
  readonly observationEnd: DateInput;
  /** The period of the path and of `T`/`recency`; must be the model's `unit` (the default). */
  readonly unit?: TimeUnit;
  /** As in `summarizeTransactions` (default `"calendar"`). */
  readonly bucketing?: "calendar" | "elapsed";
  /** IANA time zone the dates are read in (default `"UTC"`). */
  readonly timeZone?: string;
}

/**
 * One point of a P(alive) path: the customer's history as it stood at the end of `date`.
 * @category Models
 */
export interface AlivePathPoint {
  /** The cut-off day of this point, `"YYYY-MM-DD"`: the last day of its period, or `observationEnd`. */
  readonly date: string;
  /** Age at the cut-off, in the model's unit (0 at the first purchase). */
  readonly T: number;
  /** Repeat purchase periods up to the cut-off. */
  readonly frequency: number;
  /** Age at the last purchase up to the cut-off. */
  readonly recency: number;
  /** P(alive | frequency, recency, T) under the model. */
  readonly probabilityAlive: number;
}

const optionsSchema = z.strictObject({ observationEnd: dateInputSchema, ...timeOptionShape });

/** A stand-in id for rows without one (parseLog numbers customers; the path has a single one). */
const SOLE_CUSTOMER = "\u0000path";

/** The unit length in days of `"elapsed"` bucketing (validated: day or week only). */
const elapsedUnitDays = (settings: TimeSettings): number => (settings.unit === "week" ? 7 : 1);

/** The cut-off days of the path: one per period from the first purchase's to `endDay`'s. */
function cutDays(settings: TimeSettings, firstDay: number, endDay: number): number[] {
  const out: number[] = [];
  if (settings.bucketing === "elapsed") {
    const step = elapsedUnitDays(settings);
    for (let d = firstDay; d < endDay; d += step) out.push(d);
  } else {
    let period = calendarPeriodIndex(firstDay, settings.unit);
    for (let d = firstDay; d < endDay; d++) {
      const next = calendarPeriodIndex(d + 1, settings.unit);
      if (next !== period) out.push(d);
      period = next;
    }
  }
  out.push(endDay);
  return out;
}

/**
 * A customer's P(alive) history, one point per period of the model's unit from their first purchase
 * to `observationEnd` (lifetimes `calculate_alive_path`, `plot_history_alive`): at each cut-off the
 * purchases up to that day are summarised exactly as `summarizeTransactions` does (same `unit`,
 * `bucketing` and `timeZone`; the same per-customer definition, `summarizeCustomer`), and
 * P(alive | frequency, recency, T) is evaluated, so the last point equals
 * `probabilityAlive(model, summarizeTransactions(purchases, options))` for that customer.
 *
 * Calendar bucketing: a point at the last day of each period (the last one at `observationEnd`).
 * Elapsed bucketing: a point every unit length (1 or 7 days) from the first purchase, plus
 * `observationEnd`. The first point (T = 0) is the moment of the first purchase: P(alive) = 1 for
 * the BG/NBD and Pareto/NBD; for the MBG/NBD, which lets a customer drop out at once, b/(a+b).
 *
 * @param model - a fitted BG/NBD, MBG/NBD or Pareto/NBD model
 * @param purchases - one customer's transactions (`{ date, customerId? }`, any order; other fields
 *   ignored)
 * @param options - `{ observationEnd, unit?, bucketing?, timeZone? }` as for `summarizeTransactions`
 * @returns the points in time order (at least one)
 * @throws {InvalidInputError} on an invalid model, options (`options.<key>`; `options.unit` other
 *   than the model's, code `"unit_mismatch"`) or purchases (`purchases[i].date`,
 *   `purchases[i].customerId`; two different ids, code `"inconsistent"`; no purchase on or before
 *   `observationEnd`, path `purchases`, code `"too_small"`), or a path of more than 100,000 points
 *   or 5·10⁷ point × purchase steps (`options.observationEnd`, code `"too_big"`)
 * @example
 * ```ts
 * import { probabilityAlivePath } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const path = probabilityAlivePath(
 *   model,
 *   [{ date: "1997-01-06" }, { date: "1997-01-20" }],
 *   { observationEnd: "1997-03-02" },
 * );
 * path.length; // => 8
 * path[0].probabilityAlive; // => 1
 * path[2].date; // => "1997-01-26"
 * path[2].T; // => 2
 * path[2].frequency; // => 1
 * path[2].probabilityAlive; // => 0.753657950832
 * path[7].probabilityAlive; // => 0.599168102581
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   lifetimes (Davidson-Pilon) `utils.calculate_alive_path`.
 */
export function probabilityAlivePath(
  model: PurchaseModel,
  purchases: readonly PathPurchase[],
  options: ProbabilityAlivePathOptions,
): AlivePathPoint[] {
  const fn = "probabilityAlivePath";
  const parsed = parsePurchaseModel(fn, model);
  const given = typeof options === "object" && options !== null ? options : undefined;
  if (given?.unit !== undefined && given.unit !== parsed.unit) {
    throw invalidInput(
      fn,
      ["options", "unit"],
      `The path is drawn in the model's unit "${parsed.unit}"`,
      "unit_mismatch",
      given.unit,
    );
  }
  const withUnit = given === undefined ? options : { ...given, unit: parsed.unit };
  const { settings, days } = readLogOptions(fn, optionsSchema, withUnit, [], ["observationEnd"]);
  const endDay = days.observationEnd;
  // the array's shape first (holes, a length of 2³²−1), then one pass over its elements
  const rows = checkLogShape(fn, purchases, "purchases", undefined).map(asLogRow);
  const alive = purchaseKernel(parsed, fn).probabilityAlive;
  return withScratch((scratch) => {
    const log = parseLog(
      scratch,
      fn,
      rows,
      settings.timeZone,
      endDay,
      undefined,
      undefined,
      "purchases",
    );
    checkOneCustomer(fn, rows as readonly { customerId: string }[], log.customerIds);
    const n = log.count;
    if (n === 0) {
      throw invalidInput(fn, ["purchases"], "No purchase on or before observationEnd", "too_small");
    }
    const day = log.day.subarray(0, n);
    const p = { day, period: periodsOf(day, n, settings, new Int32Array(n)), units: undefined };
    const calendar = settings.bucketing === "calendar";
    const unitDays = calendar ? 1 : elapsedUnitDays(settings);
    const out: AlivePathPoint[] = [];
    const work = new Int32Array(n);
    const h = {} as CustomerNumbers;
    const firstDay = day.reduce((a, b) => Math.min(a, b));
    checkPathSize(fn, settings, endDay - firstDay, n);
    for (const cutDay of cutDays(settings, firstDay, endDay)) {
      const period = calendar ? calendarPeriodIndex(cutDay, settings.unit) : cutDay;
      const cut: Cutoff = { day: cutDay, period, unitDays };
      summarizeCustomer(p, 0, n, cut, work, h);
      const { T, frequency, recency } = h;
      const probability = alive(frequency, recency, T);
      out.push({
        date: formatCivilDay(cutDay),
        T,
        frequency,
        recency,
        probabilityAlive: probability,
      });
    }
    return out;
  });
}

/** Most points of a path: 100,000 (274 years of days, 1,900 years of weeks). */
const MAX_PATH_POINTS = 100_000;
/** Most points × purchases (each point summarises the purchases up to it). */
const MAX_PATH_WORK = 5e7;
/** The fewest days a period of `unit` lasts (bounds the number of points before they are listed). */
function minUnitDays(unit: TimeUnit): number {
  switch (unit) {
    case "day":
      return 1;
    case "week":
      return 7;
    case "month":
      return 28;
    case "quarter":
      return 89;
    case "year":
      return 365;
  }
}

/** Refuses a path of more than {@link MAX_PATH_POINTS} points or {@link MAX_PATH_WORK} steps. */
function checkPathSize(fn: string, settings: TimeSettings, spanDays: number, n: number): void {
  const unit = settings.unit;
  const points = Math.floor(spanDays / minUnitDays(unit)) + 2;
  if (points > MAX_PATH_POINTS || points * n > MAX_PATH_WORK) {
    throw invalidInput(
      fn,
      ["options", "observationEnd"],
      `A path of about ${points} ${unit}s over ${n} purchases is beyond the ${MAX_PATH_POINTS} points (and ${MAX_PATH_WORK} point × purchase steps) a path serves; use a later first purchase, an earlier observationEnd or a longer unit`,
      "too_big",
    );
  }
}

/** A purchase row as a transaction-log row (the date read once; the id defaulted). */
function asLogRow(row: unknown): unknown {
  if (typeof row !== "object" || row === null) return row;
  const { date, customerId } = row as { date?: unknown; customerId?: unknown };
  return { customerId: customerId === undefined ? SOLE_CUSTOMER : customerId, date };
}

/** Every row must belong to one customer: the first row with a second id is the error. */
function checkOneCustomer(
  fn: string,
  rows: readonly { customerId: string }[],
  ids: readonly string[],
): void {
  if (ids.length <= 1) return;
  const first = rows[0]!.customerId;
  const i = rows.findIndex((row) => row.customerId !== first);
  throw invalidInput(
    fn,
    ["purchases", i, "customerId"],
    "The purchases of one customer are expected: every row must carry the same customerId (or none)",
    "inconsistent",
    rows[i]!.customerId,
  );
}

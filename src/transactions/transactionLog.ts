/**
 * The engine shared by `summarizeTransactions` and `splitCalibrationHoldout`: one validation and
 * parsing pass over the raw transaction log into typed arrays (customer index, calendar day,
 * exact scaled-integer amount), then one grouped pass per customer.
 * @internal
 * @module
 */
import { z } from "zod";
import { timeUnitSchema, timeZoneSchema } from "../core/classicSchemas.js";
import { InvalidInputError, type IssueCode, IssueCollector } from "../core/errors.js";
import {
  AMOUNT_DECIMAL,
  AMOUNT_INVALID,
  type Decimal,
  Money,
  type MoneyInput,
  moneyIssueCode,
  moneyProblem,
  readScaledAmount,
  scaledAmount,
  toMoney,
  UNROUNDED_ZERO,
  ZERO,
} from "../core/money.js";
import {
  calendarPeriodIndex,
  type DateInput,
  dateIssueCode,
  dateProblem,
  FIXED_UNIT_DAYS,
  formatCivilDay,
  IMPOSSIBLE_DAY,
  isoDayNumber,
  MAX_CIVIL_DAY,
  parseCivilDay,
  type TimeUnit,
} from "../core/time.js";
import { arrayShapeProblem, describeReceived, parseInput } from "../core/validate.js";
import { moneyFromQuotient, moneyFromScaled } from "../internal/fast/fastMoney.js";
import { IdColumn } from "../internal/fast/idColumn.js";
import { type Scratch, withScratch } from "../internal/fast/scratch.js";

// Hot-loop aliases of imported bindings. Some loaders (tsx, vitest, CommonJS output) turn every
// read of an imported binding into a getter call; a module-level copy is read once.
const isoDay = isoDayNumber;
const readAmount = readScaledAmount;
const scaled = scaledAmount;
const fromScaled = moneyFromScaled;
const fromQuotient = moneyFromQuotient;
const NO_DAY = IMPOSSIBLE_DAY;
const INVALID = AMOUNT_INVALID;
const NEEDS_DECIMAL = AMOUNT_DECIMAL;

/** How purchases are put into periods. @internal */
export type Bucketing = "calendar" | "elapsed";

/**
 * zod schema for a {@link DateInput} (checked for validity; read in the time zone later). A missing
 * date is code `"required"`, a value of another type `"invalid_type"`, an unreadable or impossible
 * date `"invalid_date"`.
 * @internal
 */
export const dateInputSchema = z.custom<DateInput>().superRefine((value, context) => {
  if (parseCivilDay(value, "UTC") !== undefined) return;
  context.addIssue({
    code: "custom",
    message: dateProblem(value),
    input: value,
    params: { code: dateIssueCode(value) },
  });
});

/** zod schema of the bucketing option. @internal */
export const bucketingSchema = z.enum(["calendar", "elapsed"]);

export { timeUnitSchema, timeZoneSchema };

/** Validated time settings shared by both public functions. @internal */
export interface TimeSettings {
  readonly unit: TimeUnit;
  readonly bucketing: Bucketing;
  readonly timeZone: string;
}

/**
 * Parses the options object with `schema` (paths `options.<key>`). Returns the parsed options, or
 * `undefined` after adding every problem to `issues` (so that the caller can still check the rows
 * and report everything in one error).
 * @internal
 */
export function parseOptions<S extends z.ZodType>(
  functionName: string,
  schema: S,
  options: unknown,
  issues: IssueCollector,
): z.output<S> | undefined {
  try {
    return parseInput(functionName, schema, options, ["options"]);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    issues.addAll(error.issues);
    return undefined;
  }
}

/**
 * Checks the unit/bucketing combination (months and longer have no fixed length, so they are
 * calendar-only; code `"inconsistent"` at `options.unit`, added to `issues`) and fills in the
 * defaults of `bucketing` and `timeZone`. The unit has no default (see docs/conventions.md, Time
 * units): the schema requires it.
 * @internal
 */
export function timeSettings(
  options: { unit: TimeUnit; bucketing?: Bucketing; timeZone?: string },
  issues: IssueCollector,
): TimeSettings {
  const unit = options.unit;
  const bucketing = options.bucketing ?? "calendar";
  if (bucketing === "elapsed" && FIXED_UNIT_DAYS[unit] === undefined) {
    issues.add(
      ["options", "unit"],
      `Unit "${unit}" has no fixed length, so it cannot be used with bucketing "elapsed"; use bucketing "calendar" (or unit "day" or "week")`,
      "inconsistent",
      unit,
    );
  }
  return { unit, bucketing, timeZone: options.timeZone ?? "UTC" };
}

/**
 * Reads a {@link DateInput} option (validated in UTC by {@link dateInputSchema}) as a calendar day in
 * the time zone. When that day is outside the supported range 0000-01-01 … 9999-12-31 (an instant
 * near either end can be in range in UTC and out of it in the zone), adds an `"invalid_date"`
 * issue at `options.<key>` to `issues` and returns `undefined`.
 * @internal
 */
export function optionDay(
  key: string,
  value: DateInput,
  timeZone: string,
  issues: IssueCollector,
): number | undefined {
  const day = parseCivilDay(value, timeZone);
  if (day === undefined) {
    issues.add(["options", key], dateProblem(value, timeZone), dateIssueCode(value), value);
  }
  return day;
}

/**
 * Throws the error for a call whose options are invalid (`issues` is not empty): the rows are
 * still checked — in `timeZone` when the time-zone option was valid, in UTC otherwise — so that one
 * error lists every problem of the call, the options' and the rows'.
 * @internal
 */
export function rejectCall(
  functionName: string,
  transactions: unknown,
  issues: IssueCollector,
  timeZone = "UTC",
): never {
  withScratch((scratch) =>
    parseLog(scratch, functionName, transactions, timeZone, MAX_CIVIL_DAY, undefined, issues),
  );
  issues.throwIfAny(functionName);
  throw new InvalidInputError(functionName, [
    { path: [], message: "Invalid input", code: "custom" },
  ]);
}

/**
 * The transaction log after the validation pass. Its typed arrays are scratch memory of the
 * caller's lease (`core/scratch.ts`): valid while the lease is open, never returned to a user.
 * @internal
 */
export interface ParsedLog {
  /** Transactions kept (dated on or before the last day). */
  readonly count: number;
  /** Customer ids in the order they first appear in the input (later transactions included). */
  readonly customerIds: readonly string[];
  /** Customer index of each kept transaction. */
  readonly customer: Int32Array;
  /** Calendar day (days since 1970-01-01) of each kept transaction. */
  readonly day: Int32Array;
  /** Amount of each kept transaction in units of 10^−scale, when every amount fits (else undefined). */
  readonly units: Float64Array | undefined;
  /** Common scale of {@link ParsedLog.units}. */
  readonly scale: number;
  /** Amount of each kept transaction when some amount needed a `Decimal`. */
  readonly decimals: readonly Decimal[] | undefined;
}

const SAFE_TOTAL = 2 ** 52;

/** Adds one issue to `issues`, made on the first problem. */
function addIssue(
  issues: IssueCollector | undefined,
  path: readonly PropertyKey[],
  message: string,
  code: IssueCode,
  ...received: [] | [unknown]
): IssueCollector {
  const collector = issues ?? new IssueCollector();
  collector.add(path, message, code, ...received);
  return collector;
}

/** What {@link checkRow} needs to know about the call. */
interface RowCheck {
  readonly argumentName: string;
  readonly timeZone: string;
  readonly lastDay: number;
  readonly lastDayOption: string | undefined;
}

/**
 * Adds every problem of row `i` — its fields as already read — to `issues`: a row that is not an
 * object, a missing, non-string or empty `customerId`, a missing or invalid `date` (or, with
 * `lastDayOption`, one after the last day), an invalid `amount`.
 */
function checkRow(
  issues: IssueCollector,
  check: RowCheck,
  i: number,
  row: unknown,
  customerId: unknown,
  date: unknown,
  amount: unknown,
): void {
  const { argumentName, timeZone, lastDay, lastDayOption } = check;
  if (typeof row !== "object" || row === null) {
    issues.add(
      [argumentName, i],
      `Expected a transaction object, received ${describeReceived(row)}`,
      row === undefined ? "required" : "invalid_type",
      row,
    );
    return;
  }
  if (typeof customerId !== "string") {
    issues.add(
      [argumentName, i, "customerId"],
      `Expected a customer id (string), received ${customerId === null ? "null" : typeof customerId}`,
      customerId === undefined ? "required" : "invalid_type",
      customerId,
    );
  } else if (customerId.length === 0) {
    issues.add(
      [argumentName, i, "customerId"],
      "Expected a non-empty customer id",
      "too_small",
      customerId,
    );
  }
  const d = parseCivilDay(date, timeZone);
  if (d === undefined) {
    issues.add([argumentName, i, "date"], dateProblem(date, timeZone), dateIssueCode(date), date);
  } else if (d > lastDay && lastDayOption !== undefined) {
    issues.add(
      [argumentName, i, "date"],
      `Purchase on ${formatCivilDay(d)} is after ${lastDayOption} ${formatCivilDay(lastDay)}`,
      "inconsistent",
      date,
    );
  }
  if (amount !== undefined && readAmount(amount) === INVALID) {
    issues.add(
      [argumentName, i, "amount"],
      moneyProblem(amount) ?? "Invalid amount",
      moneyIssueCode(amount),
      amount,
    );
  }
}

/**
 * The slow path of {@link parseLog}, taken at the first bad row `first` (whose fields it is given,
 * as read — no field is read twice): lists the problems of that row and of every later row (each
 * read once), up to the cap, after the issues already in `collector`, and throws them all.
 */
function rejectRows(
  functionName: string,
  list: readonly unknown[],
  first: number,
  row: unknown,
  customerId: unknown,
  date: unknown,
  amount: unknown,
  check: RowCheck,
  collector: IssueCollector | undefined,
): never {
  const issues = collector ?? new IssueCollector();
  checkRow(issues, check, first, row, customerId, date, amount);
  for (let i = first + 1; i < list.length && !issues.full; i++) {
    const next = list[i];
    if (typeof next !== "object" || next === null) {
      checkRow(issues, check, i, next, undefined, undefined, undefined);
      continue;
    }
    const fields = next as { customerId?: unknown; date?: unknown; amount?: unknown };
    checkRow(issues, check, i, next, fields.customerId, fields.date, fields.amount);
  }
  issues.throwIfAny(functionName);
  throw new InvalidInputError(functionName, [
    { path: [], message: "Invalid input", code: "custom" },
  ]);
}
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * One pass over `transactions`: validates every element and keeps those dated on or before
 * `lastDay` — or, when `lastDayOption` names the option that set `lastDay`, reports the ones dated
 * after it (code `"inconsistent"`). Every problem of every row is reported, in one
 * `InvalidInputError` (up to 100 issues), at `<argumentName>[i].<field>` with a specific code:
 * `required` / `invalid_type` / `too_small` (empty) for `customerId`; `required` / `invalid_type` /
 * `invalid_date` for `date`; `invalid_type` / `invalid_money` for `amount`; `invalid_type` for a
 * row that is not an object (`required` for a hole). Issues already in `collector` (the options')
 * are listed first; the error is thrown after the pass whenever `collector` holds anything. The
 * valid path pays nothing for this: the loop is the fast check it always was, and at the first bad
 * row it hands over to `rejectRows`, which lists that row's problems (from the values already read)
 * and those of every later row. `argumentName` is the data argument's name in the paths.
 *
 * Read-once: each element and each of its fields (`customerId`, `date`, `amount`) is read exactly
 * once, into a local that is both validated and used — a getter cannot hand a valid value to the
 * check and another one to the result. User code that runs during the pass (getters, a duck-typed
 * `Decimal`) may call the library again: the arrays come from `scratch`, the caller's own lease.
 * @internal
 */
export function parseLog(
  scratch: Scratch,
  functionName: string,
  transactions: unknown,
  timeZone: string,
  lastDay: number,
  lastDayOption?: string,
  collector?: IssueCollector,
  argumentName = "transactions",
): ParsedLog {
  let issues = collector;
  if (!Array.isArray(transactions)) {
    issues = addIssue(
      issues,
      [argumentName],
      `Expected an array of transactions, received ${describeReceived(transactions)}`,
      transactions === undefined ? "required" : "invalid_type",
      transactions,
    );
    return issues.throwIfAny(functionName) as never;
  }
  const shape = arrayShapeProblem(transactions);
  if (shape !== undefined) {
    issues = addIssue(issues, [argumentName, ...shape.path], shape.message, shape.code);
    return issues.throwIfAny(functionName) as never;
  }
  const list: readonly unknown[] = transactions;
  const n = list.length;
  const day = scratch.int32("parseLog.day", n);
  const units = scratch.float64("parseLog.units", n);
  const scales = scratch.uint8("parseLog.scales", n);
  const idColumn = new IdColumn(n, scratch);
  // Input row of each kept transaction; made only once a row is left out (until then k = i).
  let keptRow: Int32Array | undefined;
  // Amounts that need a Decimal, by kept index (rare: many digits, an exponent, a Decimal).
  let exactAmounts: Map<number, Decimal> | undefined;
  let maxScale = 0;
  let kept = 0;
  const check: RowCheck = { argumentName, timeZone, lastDay, lastDayOption };
  for (let i = 0; i < n; i++) {
    const row = list[i];
    if (typeof row !== "object" || row === null) {
      return rejectRows(functionName, list, i, row, undefined, undefined, undefined, check, issues);
    }
    const { customerId, date, amount } = row as {
      customerId?: unknown;
      date?: unknown;
      amount?: unknown;
    };
    if (typeof customerId !== "string" || customerId.length === 0) {
      return rejectRows(functionName, list, i, row, customerId, date, amount, check, issues);
    }
    let d = typeof date === "string" ? isoDay(date) : Number.NaN;
    if (Number.isNaN(d)) d = parseCivilDay(date, timeZone) ?? NO_DAY;
    if (d === NO_DAY) {
      return rejectRows(functionName, list, i, row, customerId, date, amount, check, issues);
    }
    let u = 0;
    let s = 0;
    let exact = false;
    if (amount !== undefined) {
      const kind = readAmount(amount);
      if (kind === INVALID) {
        return rejectRows(functionName, list, i, row, customerId, date, amount, check, issues);
      }
      if (kind === NEEDS_DECIMAL) {
        exact = true;
      } else {
        u = scaled.units;
        s = scaled.scale;
      }
    }
    idColumn.add(i, customerId);
    if (d > lastDay) {
      if (lastDayOption !== undefined) {
        return rejectRows(functionName, list, i, row, customerId, date, amount, check, issues);
      }
      continue;
    }
    if (kept !== i && keptRow === undefined) {
      keptRow = scratch.int32("parseLog.keptRow", n);
      for (let k = 0; k < kept; k++) keptRow[k] = k;
    }
    if (keptRow !== undefined) keptRow[kept] = i;
    if (exact) {
      exactAmounts ??= new Map();
      exactAmounts.set(kept, toMoney(amount as MoneyInput));
    }
    day[kept] = d;
    units[kept] = u;
    scales[kept] = s;
    if (s > maxScale) maxScale = s;
    kept++;
  }
  if (issues !== undefined && issues.size > 0) issues.throwIfAny(functionName);
  // Number the customers (all rows, later ones included) and give each kept row its number.
  const { number, ids: customerIds } = idColumn.finish();
  let customer = number;
  if (keptRow !== undefined) {
    customer = scratch.int32("parseLog.customer", kept);
    for (let k = 0; k < kept; k++) customer[k] = number[keptRow[k]!]!;
  }
  if (exactAmounts === undefined) {
    // At the common scale, if the sum of magnitudes stays below 2^52, every partial sum is an
    // exact integer in float64: then bring every amount to that scale.
    let total = 0;
    for (let k = 0; k < kept; k++) {
      const shift = maxScale - scales[k]!;
      const v = shift === 0 ? units[k]! : units[k]! * POW10[shift]!;
      total += v < 0 ? -v : v;
    }
    if (total < SAFE_TOTAL) {
      if (maxScale > 0) {
        for (let k = 0; k < kept; k++) {
          const shift = maxScale - scales[k]!;
          if (shift !== 0) units[k] = units[k]! * POW10[shift]!;
        }
      }
      return {
        count: kept,
        customerIds,
        customer: customer.subarray(0, kept),
        day: day.subarray(0, kept),
        units: units.subarray(0, kept),
        scale: maxScale,
        decimals: undefined,
      };
    }
  }
  // Exact fallback: a Decimal per kept transaction (rare: huge amounts or many decimals), from the
  // values read in the pass above (the rows are not read again).
  const decimals: Decimal[] = new Array(kept);
  for (let k = 0; k < kept; k++) {
    decimals[k] = exactAmounts?.get(k) ?? fromScaled(units[k]!, scales[k]!);
  }
  return {
    count: kept,
    customerIds,
    customer: customer.subarray(0, kept),
    day: day.subarray(0, kept),
    units: undefined,
    scale: 0,
    decimals,
  };
}

/** Which transactions of a customer a money sum covers. */
const CALIBRATION = 0;
const HOLDOUT = 1;
const REPEAT = 2;

/**
 * Exact `Decimal` sum of the amounts of the grouped transactions `from..to` (input index
 * `order[j]`; `day` and `period` in grouped order) in the calibration part
 * (day ≤ cutDay), the holdout part (day > cutDay) or the calibration part outside `firstPeriod`
 * (the repeat periods). The slow path, used only when some amount did not fit the integer path.
 */
function decimalSum(
  decimals: readonly Decimal[],
  day: Int32Array,
  period: Int32Array,
  order: Int32Array,
  from: number,
  to: number,
  cutDay: number,
  part: number,
  firstPeriod: number,
): Decimal {
  let total: Decimal = UNROUNDED_ZERO;
  for (let j = from; j < to; j++) {
    const d = day[j]!;
    const inPart =
      part === HOLDOUT
        ? d > cutDay
        : d <= cutDay && (part === CALIBRATION || period[j] !== firstPeriod);
    if (inPart) total = total.plus(decimals[order[j]!]!);
  }
  return total.isZero() ? ZERO : new Money(total);
}

/** Sorts `a[0..n)` ascending in place: insertion sort for short runs, native sort otherwise. */
function sortPrefix(a: Int32Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Number of distinct values in the sorted prefix `a[0..n)`. */
function distinctInSorted(a: Int32Array, n: number): number {
  let distinct = n === 0 ? 0 : 1;
  for (let j = 1; j < n; j++) if (a[j] !== a[j - 1]) distinct++;
  return distinct;
}

/** One customer's summary row (the public `CustomerSummary`, mutable here). @internal */
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

/** A summary row with the holdout fields of a split. @internal */
export interface SplitRow extends SummaryRow {
  holdoutFrequency: number;
  holdoutSpend: Decimal;
  holdoutDuration: number;
}

/**
 * Summarises the log per customer: calibration summary over transactions dated on or before
 * `cutDay` (with T measured to `cutDay`), and, when `holdoutDuration` is given, the holdout
 * fields over `(cutDay, endDay]` ({@link SplitRow}). Customers whose first purchase is after
 * `cutDay` are left out. Rows come in first-seen order. Safe to re-enter: the whole call holds a
 * scratch lease of its own.
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
  return withScratch((scratch) =>
    summarizeParsed(scratch, functionName, transactions, settings, cutDay, endDay, holdoutDuration),
  );
}

/** {@link summarizeLog} under the lease `scratch`. */
function summarizeParsed(
  scratch: Scratch,
  functionName: string,
  transactions: unknown,
  settings: TimeSettings,
  cutDay: number,
  endDay: number,
  holdoutDuration: number | undefined,
): (SummaryRow | SplitRow)[] {
  const log = parseLog(scratch, functionName, transactions, settings.timeZone, endDay);
  const { count, customer, day: inputDay, units: inputUnits } = log;
  const customers = log.customerIds.length;
  const { unit, bucketing } = settings;
  const calendar = bucketing === "calendar";
  const unitDays = calendar ? 1 : FIXED_UNIT_DAYS[unit]!;

  const cutPeriod = calendar ? calendarPeriodIndex(cutDay, unit) : cutDay;
  /** Period of a day: a calendar period index, or the day itself ("elapsed"). */
  const byDay = !calendar || unit === "day";
  const byWeek = calendar && unit === "week";

  // Group transactions by customer (stable counting sort; input order kept within a customer).
  const start = scratch.int32("summarizeLog.start", customers + 1).fill(0);
  for (let k = 0; k < count; k++) start[customer[k]! + 1]!++;
  for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
  // Scatter day, period and amount into customer order once, so that the per-customer pass below
  // reads memory sequentially; `order` maps back to the input for the Decimal fallback.
  const fill = scratch.int32("summarizeLog.fill", customers);
  fill.set(start.subarray(0, customers));
  const order = log.decimals === undefined ? undefined : scratch.int32("summarizeLog.order", count);
  const day = scratch.int32("summarizeLog.day", count);
  const period = scratch.int32("summarizeLog.period", count);
  const units = inputUnits === undefined ? undefined : scratch.float64("summarizeLog.units", count);
  for (let k = 0; k < count; k++) {
    const j = fill[customer[k]!]!++;
    const d = inputDay[k]!;
    day[j] = d;
    period[j] = byDay ? d : byWeek ? Math.floor((d + 3) / 7) : calendarPeriodIndex(d, unit);
    if (units !== undefined) units[j] = inputUnits![k]!;
    if (order !== undefined) order[j] = k;
  }

  const { decimals, scale } = log;
  const dayText = new Map<number, string>();
  const text = (d: number): string => {
    let s = dayText.get(d);
    if (s === undefined) {
      s = formatCivilDay(d);
      dayText.set(d, s);
    }
    return s;
  };
  let periods = new Int32Array(64);

  const rows: (SummaryRow | SplitRow)[] = [];
  for (let c = 0; c < customers; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    if (to - from > periods.length) periods = new Int32Array(2 * (to - from));
    // Calibration transactions: first/last day, periods, and (integer path) the spend in total
    // and in the first period.
    let m = 0;
    let firstDay = NO_DAY;
    let lastDay = -NO_DAY;
    let sorted = true;
    let firstPeriod = NO_DAY;
    let total = 0;
    let firstTotal = 0;
    for (let k = from; k < to; k++) {
      const d = day[k]!;
      if (d > cutDay) continue;
      if (d < firstDay) firstDay = d;
      if (d > lastDay) lastDay = d;
      const p = period[k]!;
      if (m > 0 && p < periods[m - 1]!) sorted = false;
      periods[m++] = p;
      if (units !== undefined) {
        const u = units[k]!;
        total += u;
        if (p < firstPeriod) {
          firstPeriod = p;
          firstTotal = u;
        } else if (p === firstPeriod) {
          firstTotal += u;
        }
      }
    }
    if (m === 0) continue; // first purchase after the calibration end
    if (!sorted) sortPrefix(periods, m);
    firstPeriod = periods[0]!;
    const lastPeriod = periods[m - 1]!;
    const frequency = distinctInSorted(periods, m) - 1;
    let totalSpend: Decimal;
    let monetaryValue: Decimal = ZERO;
    if (units !== undefined) {
      totalSpend = fromScaled(total, scale);
      const repeat = total - firstTotal;
      if (frequency > 0 && repeat !== 0) monetaryValue = fromQuotient(repeat, frequency, scale);
    } else {
      totalSpend = decimalSum(decimals!, day, period, order!, from, to, cutDay, CALIBRATION, 0);
      if (frequency > 0) {
        const repeat = decimalSum(
          decimals!,
          day,
          period,
          order!,
          from,
          to,
          cutDay,
          REPEAT,
          firstPeriod,
        );
        if (!repeat.isZero()) monetaryValue = repeat.div(frequency);
      }
    }
    const customerId = log.customerIds[c]!;
    const recency = calendar ? lastPeriod - firstPeriod : (lastDay - firstDay) / unitDays;
    const T = calendar ? cutPeriod - firstPeriod : (cutDay - firstDay) / unitDays;
    const firstPurchase = text(firstDay);
    const lastPurchase = text(lastDay);
    if (holdoutDuration === undefined) {
      rows.push({
        customerId,
        frequency,
        recency,
        T,
        unit,
        monetaryValue,
        totalSpend,
        transactionCount: m,
        firstPurchase,
        lastPurchase,
      });
      continue;
    }
    let h = 0;
    let hSorted = true;
    let holdoutTotal = 0;
    for (let k = from; k < to; k++) {
      if (day[k]! <= cutDay) continue;
      const p = period[k]!;
      if (h > 0 && p < periods[h - 1]!) hSorted = false;
      periods[h++] = p;
      if (units !== undefined) holdoutTotal += units[k]!;
    }
    if (!hSorted) sortPrefix(periods, h);
    rows.push({
      customerId,
      frequency,
      recency,
      T,
      unit,
      monetaryValue,
      totalSpend,
      transactionCount: m,
      firstPurchase,
      lastPurchase,
      holdoutFrequency: distinctInSorted(periods, h),
      holdoutSpend:
        units !== undefined
          ? fromScaled(holdoutTotal, scale)
          : decimalSum(decimals!, day, period, order!, from, to, cutDay, HOLDOUT, 0),
      holdoutDuration,
    });
  }
  return rows;
}

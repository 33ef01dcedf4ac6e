/**
 * The transaction-log parser shared by `summarizeTransactions`, `splitCalibrationHoldout` and
 * `rfmTable`: one validating pass over the raw log into columns (customer number, calendar day,
 * exact scaled-integer amount), in scratch memory of the caller's lease.
 * @internal
 * @module
 */
import type { IssueCollector } from "../core/errors.js";
import { type Decimal, type MoneyInput, toMoney } from "../core/money.js";
import { IMPOSSIBLE_DAY, isoDayNumber, parseCivilDay } from "../core/time.js";
import { moneyFromScaled } from "../internal/fast/fastMoney.js";
import { gatherInt32 } from "../internal/fast/groupRows.js";
import { IdColumn } from "../internal/fast/idColumn.js";
import {
  AMOUNT_DECIMAL,
  AMOUNT_INVALID,
  AMOUNT_SCALED,
  readScaledAmount,
  type ScaledAmount,
  toCommonScale,
} from "../internal/fast/scaledAmount.js";
import type { Scratch } from "../internal/fast/scratch.js";
import { checkLogShape, type RowCheck, rejectRows } from "./rowProblems.js";

// Hot-loop aliases of imported bindings. Some loaders (tsx, vitest, CommonJS output) turn every
// read of an imported binding into a getter call; a module-level copy is read once.
const isoDay = isoDayNumber;
const readAmount = readScaledAmount;
const NO_DAY = IMPOSSIBLE_DAY;
const INVALID = AMOUNT_INVALID;
const NEEDS_DECIMAL = AMOUNT_DECIMAL;
const SCALED = AMOUNT_SCALED;
/** No amount given: 0. */
const NO_AMOUNT = -1;

/**
 * The transaction log after the validation pass. Its typed arrays are scratch memory of the
 * caller's lease (`internal/fast/scratch.ts`): valid while the lease is open, never returned to a
 * user.
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

/** The columns of the kept rows, as read by {@link readRows}, before numbering and scaling. */
interface ReadRows {
  readonly kept: number;
  readonly idColumn: IdColumn;
  readonly day: Int32Array;
  readonly units: Float64Array;
  readonly scales: Uint8Array;
  readonly maxScale: number;
  /** Input row of each kept row, when some row was left out (else kept row k is input row k). */
  readonly keptRow: Int32Array | undefined;
  /** Amounts that need a `Decimal`, by kept index (rare: many digits, an exponent, a `Decimal`). */
  readonly exactAmounts: Map<number, Decimal> | undefined;
}

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
  const list = checkLogShape(functionName, transactions, argumentName, collector);
  const check: RowCheck = { argumentName, timeZone, lastDay, lastDayOption };
  const rows = readRows(scratch, functionName, list, check, collector);
  if (collector !== undefined && collector.size > 0) collector.throwIfAny(functionName);
  return columns(scratch, rows);
}

/**
 * The loop of {@link parseLog}: reads and checks each row once, hands its id to the id numbering,
 * and keeps the day and amount of each row dated on or before the last day.
 */
function readRows(
  scratch: Scratch,
  functionName: string,
  list: readonly unknown[],
  check: RowCheck,
  issues: IssueCollector | undefined,
): ReadRows {
  const n = list.length;
  const { timeZone, lastDay, lastDayOption } = check;
  const day = scratch.int32("parseLog.day", n);
  const units = scratch.float64("parseLog.units", n);
  const scales = scratch.uint8("parseLog.scales", n);
  const idColumn = new IdColumn(n, scratch);
  const amountRead: ScaledAmount = { units: 0, scale: 0 };
  let keptRow: Int32Array | undefined;
  let exactAmounts: Map<number, Decimal> | undefined;
  let maxScale = 0;
  let kept = 0;
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
    // Each field is checked only once the ones before it passed (as the slow path reports them).
    let valid = typeof customerId === "string" && customerId.length > 0;
    let d = NO_DAY;
    if (valid) {
      d = typeof date === "string" ? isoDay(date) : Number.NaN;
      if (Number.isNaN(d)) d = parseCivilDay(date, timeZone) ?? NO_DAY;
      valid = d !== NO_DAY;
    }
    let kind = NO_AMOUNT;
    if (valid && amount !== undefined) {
      kind = readAmount(amount, amountRead);
      valid = kind !== INVALID;
    }
    if (!valid || (d > lastDay && lastDayOption !== undefined)) {
      return rejectRows(functionName, list, i, row, customerId, date, amount, check, issues);
    }
    idColumn.add(i, customerId as string);
    if (d > lastDay) continue;
    if (kept !== i && keptRow === undefined) {
      keptRow = scratch.int32("parseLog.keptRow", n);
      for (let k = 0; k < kept; k++) keptRow[k] = k;
    }
    if (keptRow !== undefined) keptRow[kept] = i;
    let u = 0;
    let s = 0;
    if (kind === SCALED) {
      u = amountRead.units;
      s = amountRead.scale;
    } else if (kind === NEEDS_DECIMAL) {
      exactAmounts ??= new Map();
      exactAmounts.set(kept, toMoney(amount as MoneyInput));
    }
    day[kept] = d;
    units[kept] = u;
    scales[kept] = s;
    if (s > maxScale) maxScale = s;
    kept++;
  }
  return { kept, idColumn, day, units, scales, maxScale, keptRow, exactAmounts };
}

/**
 * The end of {@link parseLog}: numbers the customers (all rows, later ones included), gives each
 * kept row its customer's number, and brings the amounts to one scale — or, when some amount needs
 * a `Decimal` or the column's total does not fit the exact integer path, makes a `Decimal` per kept
 * row from the values already read (the rows are not read again).
 */
function columns(scratch: Scratch, rows: ReadRows): ParsedLog {
  const { kept, keptRow, units, scales, maxScale, exactAmounts } = rows;
  const { number, ids: customerIds } = rows.idColumn.finish();
  const customer =
    keptRow === undefined
      ? number.subarray(0, kept)
      : gatherInt32(number, keptRow, kept, scratch.int32("parseLog.customer", kept));
  const day = rows.day.subarray(0, kept);
  if (exactAmounts === undefined && toCommonScale(units, scales, kept, maxScale)) {
    const scaled = units.subarray(0, kept);
    return {
      count: kept,
      customerIds,
      customer,
      day,
      units: scaled,
      scale: maxScale,
      decimals: undefined,
    };
  }
  const decimals: Decimal[] = new Array(kept);
  for (let k = 0; k < kept; k++) {
    decimals[k] = exactAmounts?.get(k) ?? moneyFromScaled(units[k]!, scales[k]!);
  }
  return { count: kept, customerIds, customer, day, units: undefined, scale: 0, decimals };
}

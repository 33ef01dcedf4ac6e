/**
 * Validation of `recencyChurnRisk`'s rows: buy-till-you-die summaries `{ frequency, recency, T }`
 * (as `summarizeTransactions` returns them), each field alone and together, one unit for all rows,
 * and RFM rows refused. Every problem of every row is reported in one error.
 * @internal
 * @module
 */
import { type IssueCode, IssueCollector } from "../core/errors.js";
import { timeUnitSchema } from "../core/time.js";
import { describeReceived } from "../core/validate.js";

/** Name of the data argument, the first key of every row path (`customers[2].recency`). */
const ARG = "customers";

/** The validated rows as columns, and the repeat buyers' own gaps `tₓ / x`. @internal */
export interface RowColumns {
  readonly ids: (string | undefined)[];
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly gaps: number[];
}

/**
 * Validates every row into columns; throws the `InvalidInputError` of `fn` listing every bad row.
 * @internal
 */
export function readRows(fn: string, customers: readonly unknown[]): RowColumns {
  const n = customers.length;
  const ids: (string | undefined)[] = new Array(n);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const gaps: number[] = [];
  const issues = new IssueCollector();
  let firstUnit: unknown;
  for (let i = 0; i < n && !issues.full; i++) {
    const c: unknown = customers[i];
    if (typeof c !== "object" || c === null) {
      issues.add([ARG, i], "Expected an object", c === undefined ? "required" : "invalid_type", c);
      continue;
    }
    const before = issues.size;
    const row = c as Record<string, unknown>;
    const { customerId, frequency, recency, T: age, unit } = row;
    if (customerId !== undefined && typeof customerId !== "string") {
      issues.add(
        [ARG, i, "customerId"],
        `Expected a string id, received ${describeReceived(customerId)}`,
        "invalid_type",
        customerId,
      );
    }
    if (unit !== undefined) firstUnit = checkUnit(unit, firstUnit, i, issues);
    if (age === undefined && row.daysSinceLastPurchase !== undefined) {
      issues.add(
        [ARG, i, "T"],
        "This is an RFM row (daysSinceLastPurchase); recencyChurnRisk reads buy-till-you-die rows { frequency, recency, T }, as summarizeTransactions returns them",
        "wrong_row_kind",
        age,
      );
      continue;
    }
    checkSummary(frequency, recency, age, i, issues);
    if (issues.size > before) continue;
    const f = frequency as number;
    ids[i] = customerId as string | undefined;
    x[i] = f;
    tx[i] = recency as number;
    T[i] = age as number;
    if (f > 0) gaps.push((recency as number) / f);
  }
  issues.throwIfAny(fn);
  return { ids, x, tx, T, gaps };
}

/**
 * Checks a row's `unit`: a time unit, and the same as the first row that has one. Returns the first
 * unit seen so far (this one when it is the first).
 */
function checkUnit(unit: unknown, firstUnit: unknown, i: number, issues: IssueCollector): unknown {
  if (!timeUnitSchema.safeParse(unit).success) {
    issues.add(
      [ARG, i, "unit"],
      `Expected one of "day", "week", "month", "quarter", "year", received ${describeReceived(unit)}`,
      typeof unit === "string" ? "invalid_value" : "invalid_type",
      unit,
    );
  } else if (firstUnit === undefined) {
    return unit;
  } else if (unit !== firstUnit) {
    issues.add(
      [ARG, i, "unit"],
      `Every row must be in the same unit: this row is in ${describeReceived(unit)}, an earlier one in ${describeReceived(firstUnit)}`,
      "unit_mismatch",
      unit,
    );
  }
  return firstUnit;
}

/** Checks `frequency`, `recency` and `T` of one row, each alone and together. */
function checkSummary(
  frequency: unknown,
  recency: unknown,
  age: unknown,
  i: number,
  issues: IssueCollector,
): void {
  const frequencyCode = countCode(frequency);
  if (frequencyCode !== undefined) {
    issues.add([ARG, i, "frequency"], "Expected an integer ≥ 0", frequencyCode, frequency);
  }
  const ageCode = nonNegativeCode(age);
  if (ageCode !== undefined) {
    issues.add([ARG, i, "T"], "Expected a finite number ≥ 0", ageCode, age);
  }
  if (typeof recency !== "number" || !Number.isFinite(recency) || recency < 0) {
    issues.add(
      [ARG, i, "recency"],
      "Expected a number with 0 ≤ recency ≤ T",
      recency === undefined
        ? "required"
        : typeof recency !== "number" || Number.isNaN(recency)
          ? "invalid_type"
          : recency < 0
            ? "too_small"
            : "too_big",
      recency,
    );
  } else if (frequencyCode === undefined && ageCode === undefined) {
    const f = frequency as number;
    if (recency > (age as number)) {
      issues.add([ARG, i, "recency"], "Expected recency ≤ T", "inconsistent", recency);
    } else if (f > 0 && recency === 0) {
      issues.add(
        [ARG, i, "recency"],
        "Expected recency > 0 for a repeat buyer",
        "inconsistent",
        recency,
      );
    } else if (f === 0 && recency !== 0) {
      issues.add(
        [ARG, i, "recency"],
        "Expected recency 0 when frequency is 0",
        "inconsistent",
        recency,
      );
    }
  }
}

/** The code of a bad count (`frequency`), or `undefined` for an integer ≥ 0. */
function countCode(value: unknown): IssueCode | undefined {
  if (value === undefined) return "required";
  if (typeof value !== "number" || Number.isNaN(value)) return "invalid_type";
  if (value < 0) return "too_small";
  if (!Number.isInteger(value)) return Number.isFinite(value) ? "not_integer" : "too_big";
  return undefined;
}

/**
 * The code of a bad age (`T`), or `undefined` for a finite number ≥ 0 (0: first purchase at the end
 * of observation; recency ≤ T and recency > 0 for a repeat buyer keep such a row a one-time buyer).
 */
function nonNegativeCode(value: unknown): IssueCode | undefined {
  if (value === undefined) return "required";
  if (typeof value !== "number" || Number.isNaN(value)) return "invalid_type";
  if (value < 0) return "too_small";
  if (!Number.isFinite(value)) return "too_big";
  return undefined;
}

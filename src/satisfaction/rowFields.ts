/**
 * One-pass checks of the rows of the satisfaction functions' tables (customers, SERVQUAL
 * responses): a row is an object, a numeric field, a customer id; and the reader of a whole
 * customer table. Every problem is listed (up to the cap) with its path and code, each value read
 * once.
 * @internal
 * @module
 */
import type { IssueCollector } from "../core/errors.js";
import { describeReceived } from "../core/validate.js";
import type { AnswerScale } from "./scale.js";
import { checkRows } from "./surveyRows.js";

/**
 * Checks that a row is an object (fields other than the ones a function reads are ignored);
 * records the problem at `[arrayName, i]` and returns `undefined` otherwise.
 * @internal
 */
export function rowObject(
  arrayName: string,
  i: number,
  row: unknown,
  issues: IssueCollector,
): Readonly<Record<string, unknown>> | undefined {
  if (typeof row === "object" && row !== null && !Array.isArray(row)) {
    return row as Readonly<Record<string, unknown>>;
  }
  issues.add(
    [arrayName, i],
    `Expected an object, received ${describeReceived(row)}`,
    row === undefined ? "required" : "invalid_type",
    row,
  );
  return undefined;
}

/**
 * Checks that field `key` of row `i` is a finite number, inside `[min, max]` when given;
 * records the problem at `[arrayName, i, key]` and returns `undefined` otherwise.
 * @internal
 */
export function numberField(
  arrayName: string,
  i: number,
  key: string,
  value: unknown,
  issues: IssueCollector,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): number | undefined {
  if (typeof value === "number" && value >= min && value <= max && Number.isFinite(value)) {
    return value;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    issues.add(
      [arrayName, i, key],
      `Expected a finite number, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
  } else {
    issues.add(
      [arrayName, i, key],
      `${value} is outside ${min}..${max}`,
      value < min ? "too_small" : "too_big",
      value,
    );
  }
  return undefined;
}

/**
 * Checks that `customerId` of row `i` is a string not seen before (ids are values of a `Set`,
 * never object keys); records the problem at `[arrayName, i, "customerId"]` (`required`,
 * `invalid_type` or `duplicate`) and returns `undefined` otherwise.
 * @internal
 */
export function customerIdField(
  arrayName: string,
  i: number,
  value: unknown,
  seen: Set<string>,
  issues: IssueCollector,
): string | undefined {
  if (typeof value !== "string") {
    issues.add(
      [arrayName, i, "customerId"],
      `Expected a string customer id, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
    return undefined;
  }
  if (seen.has(value)) {
    issues.add(
      [arrayName, i, "customerId"],
      "Customer id appears more than once",
      "duplicate",
      value,
    );
    return undefined;
  }
  seen.add(value);
  return value;
}

/** A numeric field of a customer row and the range it must lie in. @internal */
export interface NumberFieldRule {
  /** The field's key, e.g. `"satisfaction"`. */
  readonly key: string;
  /** Lowest value allowed (default −∞). */
  readonly min?: number;
  /** Highest value allowed (default +∞). */
  readonly max?: number;
}

/**
 * Reads `customers[i].customerId` and two numeric fields of every row in one pass (each value
 * read once), recording every problem in `issues` ({@link rowObject}, {@link customerIdField},
 * {@link numberField}); returns the ids and one column per field. The columns are only
 * meaningful when no issue was recorded.
 * @internal
 */
export function readCustomerNumbers(
  rows: readonly unknown[],
  first: NumberFieldRule,
  second: NumberFieldRule,
  issues: IssueCollector,
): { readonly ids: string[]; readonly first: Float64Array; readonly second: Float64Array } {
  const n = rows.length;
  const ids: string[] = new Array(n);
  const firstColumn = new Float64Array(n);
  const secondColumn = new Float64Array(n);
  const { key: a, min: aMin, max: aMax } = first;
  const { key: b, min: bMin, max: bMax } = second;
  const seen = new Set<string>();
  for (let i = 0; i < n && !issues.full; i++) {
    const row = rowObject("customers", i, rows[i], issues);
    if (row === undefined) continue;
    ids[i] = customerIdField("customers", i, row.customerId, seen, issues) as string;
    firstColumn[i] = numberField("customers", i, a, row[a], issues, aMin, aMax) ?? 0;
    secondColumn[i] = numberField("customers", i, b, row[b], issues, bMin, bMax) ?? 0;
  }
  return { ids, first: firstColumn, second: secondColumn };
}

/** Any number: the range checked when the scale option itself was invalid (types only). */
const ANY_NUMBER: AnswerScale = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };

/**
 * Reads the `customers` of a satisfaction × loyalty function (an empty array is allowed): each
 * row's `customerId`, its `satisfaction` on the answer scale and one more reading `otherKey`,
 * inside `otherRange` (default: the scale too). With no scale (the scale option was invalid) the
 * readings on the scale are checked for type only. Returns the ids, both columns and the range
 * used; the columns are only meaningful when no issue was recorded.
 * @internal
 */
export function readSatisfactionRows(
  customers: unknown,
  scale: AnswerScale | undefined,
  otherKey: string,
  otherRange: AnswerScale | undefined,
  issues: IssueCollector,
): {
  readonly ids: string[];
  readonly satisfactions: Float64Array;
  readonly others: Float64Array;
  readonly range: AnswerScale;
} {
  const rows = checkRows(["customers"], customers, "customers", issues, false) ?? [];
  const range = scale ?? ANY_NUMBER;
  const { ids, first, second } = readCustomerNumbers(
    rows,
    { key: "satisfaction", min: range.min, max: range.max },
    { key: otherKey, ...(otherRange ?? range) },
    issues,
  );
  return { ids, satisfactions: first, others: second, range };
}

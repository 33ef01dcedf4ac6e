/**
 * One-pass checks of survey answers and per-customer rows for the satisfaction functions: every
 * problem is listed (up to the cap) with its path and code, and each value is read once.
 * @internal
 * @module
 */
import type { IssueCollector } from "../core/errors.js";
import { arrayShapeProblem, describeReceived } from "../core/validate.js";
import type { AnswerScale } from "./scale.js";

/**
 * Checks that `value` is an array a function can iterate and, when `nonEmpty`, that it has an
 * item; records the problem at `path` and returns `undefined` otherwise. `what` names the items
 * ("answers", "customers").
 * @internal
 */
export function checkRows(
  path: readonly PropertyKey[],
  value: unknown,
  what: string,
  issues: IssueCollector,
  nonEmpty = true,
): readonly unknown[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(
      path,
      `Expected an array of ${what}, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
    return undefined;
  }
  const shape = arrayShapeProblem(value);
  if (shape) {
    issues.add([...path, ...shape.path], shape.message, shape.code);
    return undefined;
  }
  if (nonEmpty && value.length === 0) {
    issues.add(
      path,
      `Expected at least one of the ${what} (the array is empty)`,
      "too_small",
      value,
    );
    return undefined;
  }
  return value;
}

/**
 * Checks in one pass that `answers` is a non-empty array of integers inside the scale and returns
 * them as a `Float64Array`; otherwise records every bad answer (up to the cap) at `path[i]` with
 * its code (`invalid_type`, `not_integer`, `too_small`, `too_big`) and returns `undefined`. With
 * no `scale` (the scale option itself was invalid) only the type and integrality are checked.
 * Each answer is read once.
 * @internal
 */
export function checkAnswers(
  path: readonly PropertyKey[],
  answers: unknown,
  scale: AnswerScale | undefined,
  issues: IssueCollector,
): Float64Array | undefined {
  const rows = checkRows(path, answers, "answers", issues);
  if (rows === undefined) return undefined;
  const min = scale?.min ?? Number.NEGATIVE_INFINITY;
  const max = scale?.max ?? Number.POSITIVE_INFINITY;
  const out = new Float64Array(rows.length);
  let bad = false;
  for (let i = 0; i < rows.length; i++) {
    const value: unknown = rows[i];
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
      out[i] = value;
      continue;
    }
    bad = true;
    answerIssue([...path, i], value, min, max, issues);
    if (issues.full) break;
  }
  return bad ? undefined : out;
}

/**
 * Records what is wrong with an answer that failed the fast check (a finite integer in
 * `[min, max]`): `required`, `invalid_type`, `not_integer`, `too_small` or `too_big`.
 * @internal
 */
export function answerIssue(
  path: readonly PropertyKey[],
  value: unknown,
  min: number,
  max: number,
  issues: IssueCollector,
): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    issues.add(
      path,
      `Expected a finite number, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
  } else if (!Number.isInteger(value)) {
    issues.add(path, `Expected an integer answer, received ${value}`, "not_integer", value);
  } else {
    issues.add(
      path,
      `Answer ${value} is outside the scale ${min}..${max}`,
      value < min ? "too_small" : "too_big",
      value,
    );
  }
}

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
 * Reads `customers[i].customerId` and the numeric `fields` of every row in one pass (each value
 * read once), recording every problem in `issues` ({@link rowObject}, {@link customerIdField},
 * {@link numberField}); returns the ids and one column per field, in field order. The columns are
 * only meaningful when no issue was recorded.
 * @internal
 */
export function readCustomerNumbers<const F extends readonly NumberFieldRule[]>(
  rows: readonly unknown[],
  fields: F,
  issues: IssueCollector,
): { readonly ids: string[]; readonly columns: { readonly [K in keyof F]: Float64Array } } {
  const n = rows.length;
  const ids: string[] = new Array(n);
  const columns = fields.map(() => new Float64Array(n));
  const seen = new Set<string>();
  for (let i = 0; i < n && !issues.full; i++) {
    const row = rowObject("customers", i, rows[i], issues);
    if (row === undefined) continue;
    ids[i] = customerIdField("customers", i, row.customerId, seen, issues) as string;
    for (let f = 0; f < fields.length; f++) {
      const { key, min, max } = fields[f]!;
      columns[f]![i] = numberField("customers", i, key, row[key], issues, min, max) ?? 0;
    }
  }
  return { ids, columns: columns as unknown as { readonly [K in keyof F]: Float64Array } };
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
  const fields = [
    { key: "satisfaction", min: range.min, max: range.max },
    { key: otherKey, min: (otherRange ?? range).min, max: (otherRange ?? range).max },
  ] as const;
  const {
    ids,
    columns: [satisfactions, others],
  } = readCustomerNumbers(rows, fields, issues);
  return { ids, satisfactions, others, range };
}

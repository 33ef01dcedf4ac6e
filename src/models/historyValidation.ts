/**
 * Boundary validation of customer histories (see docs/conventions.md, Errors): the rule a purchase
 * history obeys ({@link isValidHistory}), the one fast check every row loop makes, and the slow path
 * taken after a first bad row, which lists every problem of every row (up to 100) with its path
 * `customers[i].field`, its code and the value received. Spend rows (Gamma-Gamma) and the optional
 * `count` of a compressed row are checked here too (spend rows in spendValidation.ts).
 * @internal
 * @module
 */
import {
  type InputIssue,
  InvalidInputError,
  type IssueCode,
  IssueCollector,
  invalidInput,
  issue,
} from "../core/errors.js";
import { checkArray, describeReceived } from "../core/validate.js";

/** Where row `i` of `argument` is: `customers[3]`, or `customer` for a single row (`i` undefined). */
function rowPath(argument: string, i: number | undefined): PropertyKey[] {
  return i === undefined ? [argument] : [argument, i];
}

/**
 * The problem with a value that must be a finite number, or `undefined`: missing (`required`),
 * another type or not finite (`invalid_type`).
 * @internal
 */
export function numberIssue(value: unknown, path: readonly PropertyKey[]): InputIssue | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return undefined;
  return issue(
    path,
    `Expected a finite number, received ${describeReceived(value)}`,
    value === undefined ? "required" : "invalid_type",
    value,
  );
}

/** The problem with a row that must be an object, or `undefined`. @internal */
export function objectIssue(row: unknown, path: readonly PropertyKey[]): InputIssue | undefined {
  if (typeof row === "object" && row !== null && !Array.isArray(row)) return undefined;
  return issue(
    path,
    `Expected an object, received ${describeReceived(row)}`,
    row === undefined ? "required" : "invalid_type",
    row,
  );
}

/**
 * The rule every purchase history obeys: frequency x a whole number ≥ 0, 0 ≤ t_x ≤ T, T finite and
 * ≥ 0, t_x = 0 when x = 0, and x = 0 when T = 0 (Fader, Hardie & Lee 2005, §2: (x, t_x, T) with t_x
 * the time of the last of x repeat purchases). T = 0 is a customer whose first purchase falls at the
 * end of observation (`splitCalibrationHoldout` makes one of everyone who first bought on the
 * calibration end day): the history (0, 0, 0) says nothing yet, every model's likelihood of it is 1
 * (ln 1 = 0) and its predictions are those for a customer just acquired, as in lifetimes and BTYD.
 * Repeat purchases need time after the first, so x > 0 with T = 0 is not a history. Takes the fields
 * as read from a row, so that every row loop makes this one check; after it, the three are numbers.
 * @internal
 */
export function isValidHistory(x: unknown, tx: unknown, T: unknown): boolean {
  return (
    typeof x === "number" &&
    typeof tx === "number" &&
    typeof T === "number" &&
    Number.isInteger(x) &&
    x >= 0 &&
    T >= 0 &&
    T < Number.POSITIVE_INFINITY &&
    tx >= 0 &&
    tx <= T &&
    (x > 0 ? T > 0 : tx === 0)
  );
}

/**
 * Every problem of one purchase-history row `{ frequency, recency, T }` at `base` (the row's path):
 * a missing field (`required`), a field that is not a finite number (`invalid_type`), a fractional
 * frequency (`not_integer`), a negative frequency, recency or T (`too_small`), recency > T or
 * recency ≠ 0 with frequency 0 (`inconsistent`, at `recency`), and T = 0 with repeat purchases
 * (`inconsistent`, at `T`). Empty for a valid row.
 * @internal
 */
export function historyIssues(row: unknown, base: readonly PropertyKey[]): InputIssue[] {
  const notObject = objectIssue(row, base);
  if (notObject) return [notObject];
  const r = row as Record<string, unknown>;
  const x = r.frequency;
  const tx = r.recency;
  const T = r.T;
  const found: InputIssue[] = [];
  const at = (key: string): PropertyKey[] => [...base, key];
  const bad = (value: unknown, key: string): boolean => {
    const problem = numberIssue(value, at(key));
    if (problem) found.push(problem);
    return problem !== undefined;
  };
  const xBad = bad(x, "frequency");
  const txBad = bad(tx, "recency");
  const TBad = bad(T, "T");
  if (!xBad) {
    const xv = x as number;
    if (!Number.isInteger(xv)) {
      found.push(
        issue(at("frequency"), `Expected an integer ≥ 0, received ${xv}`, "not_integer", xv),
      );
    } else if (xv < 0) {
      found.push(
        issue(at("frequency"), `Expected an integer ≥ 0, received ${xv}`, "too_small", xv),
      );
    }
  }
  if (!TBad && !((T as number) >= 0)) {
    found.push(issue(at("T"), `Expected T ≥ 0, received ${T as number}`, "too_small", T));
  }
  if (!txBad && (tx as number) < 0) {
    found.push(
      issue(at("recency"), `Expected recency ≥ 0, received ${tx as number}`, "too_small", tx),
    );
  }
  if (found.length > 0) return found;
  const xv = x as number;
  const txv = tx as number;
  const Tv = T as number;
  if (txv > Tv) {
    found.push(issue(at("recency"), `recency ${txv} is greater than T ${Tv}`, "inconsistent", txv));
  } else if (xv === 0 && txv !== 0) {
    found.push(
      issue(
        at("recency"),
        `Expected recency 0 when frequency is 0, received ${txv}`,
        "inconsistent",
        txv,
      ),
    );
  } else if (xv > 0 && Tv === 0) {
    found.push(
      issue(
        at("T"),
        `Expected T > 0 when frequency is ${xv} (repeat purchases come after the first purchase), received 0`,
        "inconsistent",
        Tv,
      ),
    );
  }
  return found;
}

/**
 * Validates one purchase history (frequency, recency, T). `i` is the row's index in `argument` (the
 * argument's name as the signature spells it, default `"customers"`), for the error path
 * `customers[i].field`; without `i` the path is `customers.field`.
 */
export function checkHistory(
  fn: string,
  row: unknown,
  i: number | undefined,
  argument = "customers",
): { x: number; tx: number; T: number } {
  if (typeof row === "object" && row !== null) {
    const r = row as Record<string, unknown>;
    const x = r.frequency;
    const tx = r.recency;
    const T = r.T;
    // Fast path: everything valid (one branch per row).
    if (isValidHistory(x, tx, T)) return { x: x as number, tx: tx as number, T: T as number };
  }
  throw historyProblem(fn, row, i, argument);
}

/**
 * The error for an invalid history (slow path of {@link checkHistory}): every problem of the row,
 * at `argument[i].field`.
 * @internal
 */
export function historyProblem(
  fn: string,
  row: unknown,
  i: number | undefined,
  argument = "customers",
): InvalidInputError {
  const found = historyIssues(row, rowPath(argument, i));
  return new InvalidInputError(
    fn,
    found.length > 0
      ? found
      : [issue(rowPath(argument, i), "Expected a valid purchase history", "custom")],
  );
}

/**
 * The problem with a row's optional `count` (an integer from 1 to 2^53 − 1), or `undefined`.
 * @internal
 */
export function countIssue(count: unknown, path: readonly PropertyKey[]): InputIssue | undefined {
  if (countWeight(count) > 0) return undefined;
  let code: IssueCode = "invalid_type";
  if (typeof count === "number" && Number.isFinite(count)) {
    code = !Number.isInteger(count) ? "not_integer" : count < 1 ? "too_small" : "too_big";
  }
  return issue(
    path,
    `Expected an integer from 1 to 2^53 − 1, received ${describeReceived(count)}`,
    code,
    count,
  );
}

/**
 * The weight of a row: its `count` (an integer from 1 to 2^53 − 1), 1 when omitted, and 0 when the
 * count is invalid ({@link countIssue} says why).
 * @internal
 */
export function countWeight(count: unknown): number {
  if (count === undefined) return 1;
  return typeof count === "number" && Number.isSafeInteger(count) && count >= 1 ? count : 0;
}

/** Checks that `rows` is a non-empty array of rows (path `customers`). @internal */
export function checkRows(
  fn: string,
  rows: unknown,
  argument: string,
  what: string,
): readonly unknown[] {
  checkArray(fn, rows, `an array of ${what}`, [argument]);
  if (rows.length === 0) {
    throw invalidInput(
      fn,
      [argument],
      `Expected at least one ${what.replace(/s$/, "")}`,
      "too_small",
      rows,
    );
  }
  return rows;
}

/**
 * Lists every problem of every row (the first 100, then how many more): the slow path taken after
 * the fast pass found one.
 * `rowIssues` returns a row's problems (empty for a good row). Always throws.
 * @internal
 */
export function throwRowIssues(
  fn: string,
  rows: readonly unknown[],
  argument: string,
  rowIssues: (row: unknown, base: readonly PropertyKey[]) => readonly InputIssue[],
): never {
  const issues = new IssueCollector();
  // Every row is scanned (the slow path only), so that the error says how many more problems
  // there are beyond the 100 it lists.
  for (let i = 0; i < rows.length; i++) issues.addAll(rowIssues(rows[i], [argument, i]));
  issues.throwIfAny(fn);
  // Unreachable unless a row changed between the passes (a getter): report the row as a whole.
  throw invalidInput(fn, [argument], "The rows changed while they were read", "unreadable");
}

/** Every problem of a history row including its `count`. @internal */
export function historyRowIssues(row: unknown, base: readonly PropertyKey[]): InputIssue[] {
  const found = historyIssues(row, base);
  if (typeof row === "object" && row !== null && !Array.isArray(row)) {
    const problem = countIssue((row as { count?: unknown }).count, [...base, "count"]);
    if (problem) found.push(problem);
  }
  return found;
}

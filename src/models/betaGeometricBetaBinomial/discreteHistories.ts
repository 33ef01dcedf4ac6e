/**
 * Validation and compression of discrete-time purchase histories `{ frequency, recency, periods,
 * count? }` (the BG/BB's input; Fader, Hardie & Shang 2010): every problem of a row with its path
 * and code, a fast check for the common all-valid case, and the compression of identical rows.
 * @internal
 * @module
 */
import {
  type InputIssue,
  InvalidInputError,
  type IssueCode,
  invalidInput,
  issue,
} from "../../core/errors.js";
import { checkArray, describeReceived } from "../../core/validate.js";
import { canonicalOrder, permute, throwRowIssues } from "../history.js";
import { countIssue } from "../historyValidation.js";

/** Compressed BG/BB data: distinct (x, t_x, n) with weights. @internal */
export interface DiscreteHistories {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly weight: Float64Array;
  readonly customers: number;
}

/**
 * Most transaction opportunities the BG/BB fit and predictions accept, in a history's `periods` and in a
 * forecast span (`t`, `horizon`). The likelihood of a history is a sum of `periods − recency`
 * terms and the forecasts sums over their span, so the cost is linear in them: 10⁶ opportunities
 * (2,700 years of days) keep every call in tens of milliseconds.
 * @internal
 */
export const MAX_OPPORTUNITIES = 1_000_000;

/** The code for a value that should be an integer ≥ `min`: its type, fraction or size. */
function integerCode(v: unknown): IssueCode {
  if (v === undefined) return "required";
  if (typeof v !== "number" || !Number.isFinite(v)) return "invalid_type";
  return Number.isInteger(v) ? "too_small" : "not_integer";
}

/**
 * The contradiction of a history of valid integers, if any (`inconsistent`): recency beyond periods,
 * recency 0 with transactions, more transactions than opportunities up to recency, or recency ≠ 0
 * without transactions.
 */
function inconsistency(
  xv: number,
  txv: number,
  nv: number,
  path: readonly PropertyKey[],
): InputIssue | undefined {
  if (txv > nv) {
    return issue(
      [...path, "recency"],
      `recency (${txv}) must not exceed periods (${nv})`,
      "inconsistent",
      txv,
    );
  }
  if (xv > 0 && txv === 0) {
    return issue(
      [...path, "recency"],
      "recency must be ≥ 1 when frequency > 0",
      "inconsistent",
      txv,
    );
  }
  if (xv > txv) {
    return issue(
      [...path, "frequency"],
      `frequency (${xv}) must not exceed recency (${txv}): x transactions need at least x opportunities`,
      "inconsistent",
      xv,
    );
  }
  if (xv === 0 && txv !== 0) {
    return issue(
      [...path, "recency"],
      "recency must be 0 when frequency is 0",
      "inconsistent",
      txv,
    );
  }
  return undefined;
}

/** The problem of a present `count`, if any: not allowed here, or not an integer from 1 to 2^53 − 1. */
function countProblem(
  count: unknown,
  path: readonly PropertyKey[],
  allowCount: boolean,
): InputIssue | undefined {
  if (!allowCount) return issue([...path, "count"], "Unexpected key count", "unknown_key", count);
  return countIssue(count, [...path, "count"]);
}

/**
 * Every problem of one discrete history `{ frequency, recency, periods, count? }` at `path` (the
 * row's path, `customers[3]`): a missing field (`required`), a field that is not a number
 * (`invalid_type`) or not a whole number (`not_integer`), negative values (`too_small`), more than 10⁶ opportunities (`too_big`), and histories that contradict themselves
 * (`inconsistent`: recency > periods, frequency > recency, recency 0 with transactions or recency
 * ≠ 0 without). A `count` where none is allowed is `unknown_key`. Empty for a valid row.
 * @internal
 */
export function discreteHistoryIssues(
  row: unknown,
  path: readonly PropertyKey[],
  allowCount: boolean,
): InputIssue[] {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    return [
      issue(
        path,
        `Expected { frequency, recency, periods }, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      ),
    ];
  }
  const { frequency: x, recency: tx, periods: n, count } = row as Record<string, unknown>;
  const found: InputIssue[] = [];
  const integer = (v: unknown, key: string, min: number): v is number => {
    if (typeof v === "number" && Number.isInteger(v) && v >= min) return true;
    found.push(
      issue(
        [...path, key],
        `Expected an integer ≥ ${min}, received ${describeReceived(v)}`,
        integerCode(v),
        v,
      ),
    );
    return false;
  };
  const xOk = integer(x, "frequency", 0);
  const txOk = integer(tx, "recency", 0);
  // periods 0: acquired at the last opportunity observed; the history (0, 0, 0) has likelihood 1
  // and the predictions of a new customer (Fader, Hardie & Shang 2010, eq. 5 at n = 0).
  let nOk = integer(n, "periods", 0);
  if (nOk && (n as number) > MAX_OPPORTUNITIES) {
    found.push(
      issue(
        [...path, "periods"],
        `Expected at most ${MAX_OPPORTUNITIES} opportunities, received ${n as number}`,
        "too_big",
        n,
      ),
    );
    nOk = false;
  }
  if (xOk && txOk && nOk) {
    const problem = inconsistency(x as number, tx as number, n as number, path);
    if (problem !== undefined) found.push(problem);
  }
  if (count !== undefined) {
    const problem = countProblem(count, path, allowCount);
    if (problem !== undefined) found.push(problem);
  }
  return found;
}

/**
 * Checks one discrete history (one hand-written pass; CONVENTIONS §4) and returns (x, t_x, n).
 * `path` is the row's path as the caller's signature spells it (`["customers", i]`); a bad row
 * throws an `InvalidInputError` listing all of its problems (see {@link discreteHistoryIssues}).
 * @internal
 */
export function checkDiscreteHistory(
  fn: string,
  row: unknown,
  path: readonly PropertyKey[],
  allowCount: boolean,
): { x: number; tx: number; n: number; w: number } {
  if (typeof row === "object" && row !== null) {
    // Each field read once: the value checked is the value used.
    const { frequency: x, recency: tx, periods: n, count } = row as Record<string, unknown>;
    if (
      typeof x === "number" &&
      typeof tx === "number" &&
      typeof n === "number" &&
      Number.isInteger(x) &&
      Number.isInteger(tx) &&
      Number.isInteger(n) &&
      n >= 0 &&
      n <= MAX_OPPORTUNITIES &&
      tx <= n &&
      x <= tx &&
      x >= 0 &&
      (x > 0 ? tx > 0 : tx === 0) &&
      (count === undefined ||
        (allowCount && typeof count === "number" && Number.isSafeInteger(count) && count >= 1))
    ) {
      return { x, tx, n, w: count === undefined ? 1 : (count as number) };
    }
  }
  const found = discreteHistoryIssues(row, path, allowCount);
  throw new InvalidInputError(
    fn,
    found.length > 0 ? found : [issue(path, "Expected a valid history", "custom")],
  );
}

/**
 * Validates rows and compresses identical (x, t_x, n). Paths `customers[i].field` (`argument`);
 * every bad row is listed (up to 100).
 * @internal
 */
export function compressDiscreteHistories(
  fn: string,
  rows: unknown,
  argument = "customers",
): DiscreteHistories {
  checkArray(fn, rows, "a non-empty array of { frequency, recency, periods } rows", [argument]);
  if (rows.length === 0) {
    throw invalidInput(
      fn,
      [argument],
      "Expected a non-empty array of { frequency, recency, periods } rows",
      "too_small",
      rows,
    );
  }
  const index = new Map<number | string, number>();
  const xs: number[] = [];
  const txs: number[] = [];
  const ns: number[] = [];
  const ws: number[] = [];
  let customers = 0;
  for (let i = 0; i < rows.length; i++) {
    let h: { x: number; tx: number; n: number; w: number };
    try {
      h = checkDiscreteHistory(fn, rows[i], [argument, i], true);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      // Slow path: list the problems of every row, not only this one.
      throwRowIssues(fn, rows, argument, (row, base) => discreteHistoryIssues(row, base, true));
    }
    const { x, tx, n, w } = h;
    customers += w;
    // exact numeric key while every value is below 2^17; a string key beyond
    const key: number | string = n < 131072 ? (n * 131072 + tx) * 131072 + x : `${x},${tx},${n}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, xs.length);
      xs.push(x);
      txs.push(tx);
      ns.push(n);
      ws.push(w);
    } else {
      ws[at]! += w;
    }
  }
  // Canonical order (by x, then t_x, then n), so that the order of the input rows cannot change
  // the floating-point sum of the likelihood.
  const x = Float64Array.from(xs);
  const tx = Float64Array.from(txs);
  const n = Float64Array.from(ns);
  const order = canonicalOrder(x, tx, n, x.length);
  return {
    x: permute(x, order),
    tx: permute(tx, order),
    n: permute(n, order),
    weight: permute(Float64Array.from(ws), order),
    customers,
  };
}

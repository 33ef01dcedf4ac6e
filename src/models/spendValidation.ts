/**
 * Boundary validation of spend rows `{ frequency, monetaryValue, count? }` (the Gamma-Gamma's input)
 * and of a single mean spend: the one place money becomes a float64 for the models.
 * @internal
 * @module
 */
import { type InputIssue, InvalidInputError, issue } from "../core/errors.js";
import { moneyProblem, readMoney } from "../core/money.js";
import { countIssue, numberIssue, objectIssue } from "./historyValidation.js";

/**
 * Which spend a Gamma-Gamma fit reads from a row, and whether a non-positive mean is a problem.
 * @internal
 */
export interface SpendReading {
  /** `"exclude"`: the repeat purchases' mean `monetaryValue` of repeat buyers; `"include"`: `totalSpend` of every customer. */
  readonly firstTransaction: "exclude" | "include";
  /** Whether a spend ≤ 0 is a problem (`too_small`) rather than a row left out of the fit. */
  readonly rejectNonPositive: boolean;
}

/**
 * Every problem of a spend row `{ frequency, monetaryValue | totalSpend, count? }`: frequency as
 * for a history (`required`, `invalid_type`, `not_integer`, `too_small`); the spend the fit reads
 * ({@link SpendReading}) that is not an amount (`invalid_money`, or `required`) or, when
 * `rejectNonPositive`, not positive (`too_small`); `count`.
 * @internal
 */
export function spendRowIssues(
  row: unknown,
  base: readonly PropertyKey[],
  reading: SpendReading = { firstTransaction: "exclude", rejectNonPositive: true },
): InputIssue[] {
  const notObject = objectIssue(row, base);
  if (notObject) return [notObject];
  const r = row as Record<string, unknown>;
  const x = r.frequency;
  const found: InputIssue[] = [];
  const xPath = [...base, "frequency"];
  const xProblem = numberIssue(x, xPath);
  if (xProblem) found.push(xProblem);
  else if (!Number.isInteger(x as number) || (x as number) < 0) {
    found.push(
      issue(
        xPath,
        `Expected an integer ≥ 0, received ${x as number}`,
        Number.isInteger(x as number) ? "too_small" : "not_integer",
        x,
      ),
    );
  }
  if (found.length === 0) {
    const include = reading.firstTransaction === "include";
    // Without the first purchase, non-repeat customers are skipped: nothing else of theirs is read.
    if (x === 0 && !include) return found;
    const problem = spendIssue(
      include ? r.totalSpend : r.monetaryValue,
      [...base, include ? "totalSpend" : "monetaryValue"],
      reading.rejectNonPositive ? "positive" : "any",
    );
    if (problem) found.push(problem);
  }
  const c = countIssue(r.count, [...base, "count"]);
  if (c) found.push(c);
  return found;
}

/**
 * The problem with a spend amount, or `undefined`: not an amount, or below the `least` allowed
 * (`"positive"`: > 0, `"non-negative"`: ≥ 0, `"any"`: every amount).
 */
function spendIssue(
  value: unknown,
  path: readonly PropertyKey[],
  least: "positive" | "non-negative" | "any",
): InputIssue | undefined {
  if (value === undefined) {
    return issue(
      path,
      "Expected an amount (Decimal, number or decimal string), received undefined",
      "required",
      value,
    );
  }
  const m = readSpend(value);
  if (typeof m === "string") return issue(path, m, "invalid_money", value);
  if (least === "positive" && !(m > 0)) {
    return issue(path, `Expected a positive amount, received ${m}`, "too_small", value);
  }
  if (least === "non-negative" && !(m >= 0)) {
    return issue(path, `Expected an amount ≥ 0, received ${m}`, "too_small", value);
  }
  return undefined;
}

/** A money amount as a float64, or the reason it is not an amount. @internal */
export function readSpend(value: unknown): number | string {
  if (typeof value === "number") return moneyProblem(value) ?? value;
  const amount = readMoney(value);
  return typeof amount === "string" ? amount : amount.toNumber();
}

/**
 * A mean spend ≥ 0 converted to float64 (the one Decimal → number boundary of the predictions);
 * an `InvalidInputError` at `path` otherwise (`invalid_money`, `required` or `too_small`).
 * @internal
 */
export function spendValue(fn: string, value: unknown, path: readonly PropertyKey[]): number {
  const problem = spendIssue(value, path, "non-negative");
  if (problem) throw new InvalidInputError(fn, [problem]);
  return readSpend(value) as number;
}

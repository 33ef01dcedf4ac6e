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
 * Every problem of a spend row `{ frequency, monetaryValue, count? }`: frequency as for a history
 * (`required`, `invalid_type`, `not_integer`, `too_small`); for a repeat buyer a `monetaryValue`
 * that is not an amount (`invalid_money`, or `required`) or not positive (`too_small`); `count`.
 * @internal
 */
export function spendRowIssues(row: unknown, base: readonly PropertyKey[]): InputIssue[] {
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
    // Customers without repeat purchases are skipped by the fit: nothing else of theirs is read.
    if (x === 0) return found;
    const problem = spendIssue(r.monetaryValue, [...base, "monetaryValue"]);
    if (problem) found.push(problem);
  }
  const c = countIssue(r.count, [...base, "count"]);
  if (c) found.push(c);
  return found;
}

/** The problem with a repeat buyer's mean spend, or `undefined`. */
function spendIssue(value: unknown, path: readonly PropertyKey[]): InputIssue | undefined {
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
  if (!(m > 0)) return issue(path, `Expected a positive amount, received ${m}`, "too_small", value);
  return undefined;
}

/** A money amount as a float64, or the reason it is not an amount. @internal */
export function readSpend(value: unknown): number | string {
  if (typeof value === "number") return moneyProblem(value) ?? value;
  const amount = readMoney(value);
  return typeof amount === "string" ? amount : amount.toNumber();
}

/**
 * A positive money amount converted to float64 (the one Decimal → number boundary); an
 * `InvalidInputError` at `path` otherwise (`invalid_money`, `required` or `too_small`).
 * @internal
 */
export function spendValue(fn: string, value: unknown, path: readonly PropertyKey[]): number {
  const problem = spendIssue(value, path);
  if (problem) throw new InvalidInputError(fn, [problem]);
  return readSpend(value) as number;
}

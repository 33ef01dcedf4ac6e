/**
 * The slow path of the transaction-log parser: the problems of a log that is not an array of
 * transactions, or of its rows from the first bad one on, listed in one `InvalidInputError` (up to
 * 100 issues) with their paths and codes.
 * @internal
 * @module
 */
import { InvalidInputError, type IssueCode, IssueCollector } from "../core/errors.js";
import { moneyIssueCode, moneyProblem } from "../core/money.js";
import { dateIssueCode, dateProblem, formatCivilDay, parseCivilDay } from "../core/time.js";
import { arrayShapeProblem, describeReceived } from "../core/validate.js";

/**
 * Returns `transactions` when it is an array without holes or extra properties (its shape, not its
 * rows); otherwise throws the problem at `<argumentName>`, after the issues already in `collector`.
 * @internal
 */
export function checkLogShape(
  functionName: string,
  transactions: unknown,
  argumentName: string,
  collector: IssueCollector | undefined,
): readonly unknown[] {
  if (!Array.isArray(transactions)) {
    const issues = addIssue(
      collector,
      [argumentName],
      `Expected an array of transactions, received ${describeReceived(transactions)}`,
      transactions === undefined ? "required" : "invalid_type",
      transactions,
    );
    return issues.throwIfAny(functionName) as never;
  }
  const shape = arrayShapeProblem(transactions);
  if (shape !== undefined) {
    const issues = addIssue(collector, [argumentName, ...shape.path], shape.message, shape.code);
    return issues.throwIfAny(functionName) as never;
  }
  return transactions;
}

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

/** What the row checks need to know about the call. @internal */
export interface RowCheck {
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
  if (amount !== undefined && moneyProblem(amount) !== undefined) {
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
 * @internal
 */
export function rejectRows(
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

/**
 * The rule that a data row's `unit` (rows of `summarizeTransactions` and `splitCalibrationHoldout`
 * carry one) is the model's: a row's recency, T and holdout length are read in the model's unit, so
 * a row in days scored by a model in weeks would be a silently wrong number.
 * @internal
 * @module
 */
import { IssueCollector } from "../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../core/time.js";
import { describeReceived } from "../core/validate.js";

/**
 * The problem with a data row's `unit` (rows of `summarizeTransactions` and
 * `splitCalibrationHoldout` carry one): it must be the model's, since the row's recency, T and
 * holdout length are read in the model's unit. `undefined` when the row has no unit or the same.
 * @internal
 */
export function rowUnitProblem(
  rowUnit: unknown,
  modelUnit: TimeUnit,
): { message: string; code: "invalid_value" | "unit_mismatch" } | undefined {
  if (rowUnit === undefined || rowUnit === modelUnit) return undefined;
  if (!timeUnitSchema.safeParse(rowUnit).success) {
    return {
      message: `Expected a time unit ("day", "week", "month", "quarter" or "year"), received ${describeReceived(rowUnit)}`,
      code: "invalid_value",
    };
  }
  return {
    message: `The row is in ${String(rowUnit)}s but the model in ${modelUnit}s: summarize the data in ${modelUnit}s (or fit the model to these rows)`,
    code: "unit_mismatch",
  };
}

/**
 * Checks the `unit` of every row that carries one against the model's (see {@link rowUnitProblem}),
 * listing every bad row (paths `customers[i].unit`).
 * @internal
 */
export function checkRowUnits(
  fn: string,
  rows: readonly unknown[],
  modelUnit: TimeUnit,
  argument = "customers",
): void {
  const issues = new IssueCollector();
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null) continue;
    const unit = (row as { unit?: unknown }).unit;
    const problem = rowUnitProblem(unit, modelUnit);
    if (problem) issues.add([argument, i, "unit"], problem.message, problem.code, unit);
  }
  issues.throwIfAny(fn);
}

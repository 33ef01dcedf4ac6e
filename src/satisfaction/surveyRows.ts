/**
 * One-pass checks of survey answers for the satisfaction functions: every problem is listed (up
 * to the cap) with its path and code, and each answer is read once. The fields of table rows are
 * checked in rowFields.ts.
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

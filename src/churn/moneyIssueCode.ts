import type { IssueCode } from "../core/errors.js";

/**
 * The issue code of an amount that `readMoney` refused: `"required"` when it is missing,
 * `"invalid_money"` for a number, string or Decimal-like object that cannot be read exactly, and
 * `"invalid_type"` for anything else (a boolean, a plain object, a bigint). Never reads `value`'s
 * properties (a Proxy's traps do not run). (A candidate for `core/money.ts`.)
 * @internal
 */
export function moneyIssueCode(value: unknown, problem: string): IssueCode {
  if (value === undefined) return "required";
  if (typeof value === "number" || typeof value === "string") return "invalid_money";
  return problem.startsWith("Expected an amount (") ? "invalid_type" : "invalid_money";
}

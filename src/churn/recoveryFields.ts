/**
 * Validators of one field of a `prioritizeRecovery` candidate each: every one records what is wrong
 * (path `customers[i].<field>`, message, code, received value) in the call's issue collector and
 * returns a placeholder, so that one pass reports every problem of every row.
 * @internal
 * @module
 */
import { echo, type IssueCode, type IssueCollector } from "../core/errors.js";
import { type Decimal, moneyIssueCode, moneyProblem, readMoney } from "../core/money.js";
import { describeReceived } from "../core/validate.js";
import { moneyFromNumber } from "../internal/fast/fastMoney.js";
import type { DerivationSettings } from "./recoveryOptions.js";
import { CAUSES, derivedWinBackProbability } from "./recoveryRules.js";

/** Name of the data argument, the first key of every row path (`customers[2].cost`). */
const ARG = "customers";
const BEYOND_FLOAT =
  "Amount beyond the float64 range (about ±1.8e308) in which expected values are computed";

/** Small cache of `Decimal`s for repeated numeric amounts (offer costs, segment values). @internal */
export type AmountCache = Map<number, Decimal>;

/** The id (any string), or `""` after recording that it is not a string. */
export function readId(id: unknown, i: number, issues: IssueCollector): string {
  if (typeof id === "string") return id;
  issues.add(
    [ARG, i, "customerId"],
    `Expected a string id, received ${describeReceived(id)}`,
    typeCode(id),
    id,
  );
  return "";
}

/** Whether the customer is marked not worth recovering (false after recording a non-boolean). */
export function readFlag(flag: unknown, i: number, issues: IssueCollector): boolean {
  if (flag !== undefined && typeof flag !== "boolean") {
    issues.add([ARG, i, "notWorthRecovering"], "Expected a boolean", "invalid_type", flag);
  }
  return flag === true;
}

/**
 * The candidate's P(alive), or −1 when it gave none (−1 also after recording a value that is not a
 * probability).
 */
export function readAlive(p: unknown, i: number, issues: IssueCollector): number {
  if (p === undefined) return -1;
  if (typeof p === "number" && p >= 0 && p <= 1) return p;
  issues.add(
    [ARG, i, "probabilityAlive"],
    `Expected a probability in [0, 1], received ${describeReceived(p)}`,
    typeof p !== "number" || Number.isNaN(p) ? "invalid_type" : p > 1 ? "too_big" : "too_small",
    p,
  );
  return -1;
}

/** Whether `float` (the amount `raw` in float64) is finite; records the problem otherwise. */
export function withinFloat(
  float: number,
  raw: unknown,
  i: number,
  field: string,
  issues: IssueCollector,
): boolean {
  if (Number.isFinite(float)) return true;
  issues.add([ARG, i, field], BEYOND_FLOAT, "unsupported", raw);
  return false;
}

/** The code of `cause` (its position in `CAUSES`), or −1 after recording the problem. */
export function readCause(cause: unknown, i: number, issues: IssueCollector): number {
  const code =
    cause === "own"
      ? 0
      : cause === "third-party"
        ? 1
        : cause === "uncontrollable"
          ? 2
          : cause === "unknown"
            ? 3
            : -1;
  if (code < 0) {
    issues.add(
      [ARG, i, "cause"],
      `Unknown cause ${echo(cause)}: expected one of ${CAUSES.map((k) => `"${k}"`).join(", ")}`,
      cause === undefined
        ? "required"
        : typeof cause === "string"
          ? "invalid_value"
          : "invalid_type",
      cause,
    );
  }
  return code;
}

/**
 * The customer's win-back probability: their own `winBackProbability`, or derived from
 * `daysSinceLastPurchase` and the cause (0 after recording a problem). A buy-till-you-die `recency`
 * in their place is refused, never read as days since the last purchase.
 */
export function readWinBack(
  c: Record<string, unknown>,
  i: number,
  causeCode: number,
  settings: DerivationSettings,
  issues: IssueCollector,
): number {
  const p = c.winBackProbability;
  if (p !== undefined) {
    if (typeof p === "number" && p >= 0 && p <= 1) return p;
    issues.add(
      [ARG, i, "winBackProbability"],
      `Expected a probability in [0, 1], received ${describeReceived(p)}`,
      typeof p !== "number" || Number.isNaN(p) ? "invalid_type" : p > 1 ? "too_big" : "too_small",
      p,
    );
    return 0;
  }
  const days = c.daysSinceLastPurchase;
  const btydRecency = days === undefined ? c.recency : undefined;
  const inUnits = days === undefined ? c.timeSinceLastPurchase : undefined;
  if (btydRecency !== undefined) {
    issues.add(
      [ARG, i, "recency"],
      "recency is the buy-till-you-die recency (time from the first to the last purchase); give daysSinceLastPurchase (days since the last purchase) or winBackProbability",
      "wrong_row_kind",
      btydRecency,
    );
  } else if (inUnits !== undefined) {
    issues.add(
      [ARG, i, "timeSinceLastPurchase"],
      "timeSinceLastPurchase is in its rows' time unit, and halfLifeDays is in days; give daysSinceLastPurchase (whole days, as churnRisk rows carry it) or winBackProbability",
      "unit_mismatch",
      inUnits,
    );
  } else if (days === undefined) {
    issues.add(
      [ARG, i, "winBackProbability"],
      'Give winBackProbability, or daysSinceLastPurchase to derive it (churnRisk rows carry it for a model in days or weeks, or with unitConversion: "calendar-average")',
      "required",
      undefined,
    );
  } else if (typeof days !== "number" || !Number.isFinite(days) || days < 0) {
    issues.add(
      [ARG, i, "daysSinceLastPurchase"],
      `Expected a whole number of days ≥ 0, received ${describeReceived(days)}`,
      typeof days !== "number" || Number.isNaN(days)
        ? "invalid_type"
        : days < 0
          ? "too_small"
          : "too_big",
      days,
    );
  } else if (!Number.isInteger(days)) {
    issues.add(
      [ARG, i, "daysSinceLastPurchase"],
      `Expected a whole number of days ≥ 0, received ${describeReceived(days)}`,
      "not_integer",
      days,
    );
  } else if (causeCode >= 0) {
    return derivedWinBackProbability(settings.baseByCause[causeCode]!, days, settings.halfLifeDays);
  }
  return 0;
}

/**
 * Validates and converts one amount, or records the problem in `issues` and returns `undefined`.
 * Our own `Decimal`s pass through unchanged (they are immutable); numbers go through a small cache
 * because costs and segment values repeat.
 */
export function money(
  value: unknown,
  index: number,
  field: string,
  nonNegative: boolean,
  cache: AmountCache,
  issues: IssueCollector,
): Decimal | undefined {
  if (typeof value === "number") {
    const problem = moneyProblem(value);
    if (problem !== undefined) {
      issues.add([ARG, index, field], problem, "invalid_money", value);
      return undefined;
    }
    if (nonNegative && value < 0) {
      issues.add([ARG, index, field], "Expected a non-negative amount", "too_small", value);
      return undefined;
    }
    let amount = cache.get(value);
    if (amount === undefined) {
      amount = moneyFromNumber(value);
      if (cache.size < 4096) cache.set(value, amount);
    }
    return amount;
  }
  // One read of a Decimal's fields (a well-formed library Decimal comes back as it is).
  const amount = readMoney(value);
  if (typeof amount === "string") {
    issues.add([ARG, index, field], amount, moneyIssueCode(value), value);
    return undefined;
  }
  if (nonNegative && amount.isNegative()) {
    issues.add([ARG, index, field], "Expected a non-negative amount", "too_small", value);
    return undefined;
  }
  return amount;
}

/** The row as a record, or `undefined` after recording that it is not a customer object. */
export function readRow(
  row: unknown,
  i: number,
  issues: IssueCollector,
): Record<string, unknown> | undefined {
  if (typeof row === "object" && row !== null && !Array.isArray(row)) {
    return row as Record<string, unknown>;
  }
  issues.add([ARG, i], "Expected a customer object", typeCode(row), row);
  return undefined;
}

/** `"required"` for a missing value, `"invalid_type"` for any other value of the wrong type. */
function typeCode(value: unknown): IssueCode {
  return value === undefined ? "required" : "invalid_type";
}

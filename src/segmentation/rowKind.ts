/**
 * The checks of an RFM measure row shared by `rfmScores` and `segmentSummary`: the one that keeps
 * buy-till-you-die rows out, and the one of the three measures.
 * @internal
 * @module
 */

import type { IssueCollector } from "../core/errors.js";
import { type Decimal, readMoney } from "../core/money.js";
import { describeReceived } from "../core/validate.js";

/**
 * Why a row carrying `recency` or `T` is refused where an RFM row belongs: in this library
 * `recency` is always the buy-till-you-die recency (time from the first to the last purchase), the
 * opposite of RFM's "days since the last purchase". Reading it as RFM would invert the R scores.
 * @internal
 */
export const WRONG_ROW_KIND =
  "This is a buy-till-you-die row (summarizeTransactions): its recency is the time from the first to the last purchase, not the time since it. RFM needs daysSinceLastPurchase, purchases and totalSpend: compute them with rfmTable(transactions, { asOf })";

/**
 * Adds a `wrong_row_kind` issue at `[argument, i, "recency"]` (or `"T"`) when a row carries a
 * buy-till-you-die field; returns whether it did.
 * @internal
 */
export function checkRowKind(
  issues: IssueCollector,
  argument: string,
  i: number,
  recency: unknown,
  T: unknown,
): boolean {
  if (recency === undefined && T === undefined) return false;
  issues.add(
    [argument, i, recency !== undefined ? "recency" : "T"],
    WRONG_ROW_KIND,
    "wrong_row_kind",
    recency !== undefined ? recency : T,
  );
  return true;
}

/**
 * Adds an issue at `[argument, i, field]` for each measure of an RFM row that is wrong:
 * `daysSinceLastPurchase` and `purchases` must be finite numbers, `totalSpend` an amount. Returns
 * the amount, or `undefined` when any of the three is wrong.
 * @internal
 */
export function checkMeasures(
  issues: IssueCollector,
  argument: string,
  i: number,
  daysSinceLastPurchase: unknown,
  purchases: unknown,
  totalSpend: unknown,
): Decimal | undefined {
  let ok = true;
  for (const [field, value] of [
    ["daysSinceLastPurchase", daysSinceLastPurchase],
    ["purchases", purchases],
  ] as const) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      ok = false;
      issues.add(
        [argument, i, field],
        `Expected a finite number, received ${describeReceived(value)}`,
        value === undefined ? "required" : "invalid_type",
        value,
      );
    }
  }
  const amount = readMoney(totalSpend);
  if (typeof amount === "string") {
    issues.add(
      [argument, i, "totalSpend"],
      amount,
      totalSpend === undefined ? "required" : "invalid_money",
      totalSpend,
    );
    return undefined;
  }
  return ok ? amount : undefined;
}

/**
 * Whether `row` is an object; adds an issue at `[argument, i]` ("Expected `expected`, received …",
 * code `required` for a hole, else `invalid_type`) when it is not.
 * @internal
 */
export function isRowObject(
  issues: IssueCollector,
  argument: string,
  i: number,
  row: unknown,
  expected: string,
): row is object {
  if (typeof row === "object" && row !== null) return true;
  issues.add(
    [argument, i],
    `Expected ${expected}, received ${describeReceived(row)}`,
    row === undefined ? "required" : "invalid_type",
    row,
  );
  return false;
}

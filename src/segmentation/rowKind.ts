/**
 * The check that keeps buy-till-you-die rows out of the RFM functions.
 * @internal
 * @module
 */

import type { IssueCollector } from "../core/errors.js";

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

/**
 * Looking up per-customer result rows by id.
 * @module
 */

import { IssueCollector } from "./errors.js";
import { checkArray } from "./validate.js";

/**
 * Indexes result rows by their `customerId`: every per-customer result in this library is an array
 * of rows in input order, each carrying the `customerId` it was given, and this is the one way to
 * look them up by id. The map is new and yours; the rows are the same objects (not copied).
 *
 * @example
 * ```ts
 * import { indexByCustomerId, rfmScores } from "customer-value";
 * const { scores } = rfmScores(
 *   [
 *     { customerId: "ann", daysSinceLastPurchase: 3, purchases: 9, totalSpend: "410.00" },
 *     { customerId: "bob", daysSinceLastPurchase: 60, purchases: 1, totalSpend: "12.50" },
 *     { customerId: "cem", daysSinceLastPurchase: 20, purchases: 4, totalSpend: "95.00" },
 *   ],
 *   { bins: 3 },
 * );
 * const byId = indexByCustomerId(scores);
 * byId.get("ann")?.rfmCode; // => "333"
 * ```
 * @param rows - rows with a string `customerId`, unique
 * @returns a `Map` from id to row
 * @throws InvalidInputError when `rows` is not an array, a row has no string `customerId`
 *   (code `"invalid_type"`) or an id appears twice (code `"duplicate"`), at `rows[i].customerId`
 * @category Core
 */
export function indexByCustomerId<
  Row extends {
    /** The customer's id: unique among the rows. */
    readonly customerId: string;
  },
>(rows: readonly Row[]): Map<string, Row> {
  const FN = "indexByCustomerId";
  checkArray(FN, rows, "an array of rows with a customerId", ["rows"]);
  const index = new Map<string, Row>();
  const issues = new IssueCollector();
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const row: unknown = rows[i];
    const id =
      typeof row === "object" && row !== null
        ? (row as { customerId?: unknown }).customerId
        : undefined;
    if (typeof id !== "string") {
      issues.add(
        ["rows", i, "customerId"],
        "Expected a string customer id",
        id === undefined ? "required" : "invalid_type",
        id,
      );
    } else if (index.has(id)) {
      issues.add(["rows", i, "customerId"], "Customer id appears more than once", "duplicate", id);
    } else {
      index.set(id, row as Row);
    }
  }
  issues.throwIfAny(FN);
  return index;
}

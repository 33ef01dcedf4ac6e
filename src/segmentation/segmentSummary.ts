import { IssueCollector } from "../core/errors.js";
import { type Decimal as DecimalValue, Money, ZERO } from "../core/money.js";
import { checkArray, describeReceived } from "../core/validate.js";
import type { RfmMeasures } from "./rfmScores.js";
import { checkMeasures, checkRowKind, isRowObject } from "./rowKind.js";

const FN = "segmentSummary";

/**
 * A customer's segment, as {@link segmentSummary} and `segmentMigration` read it (an `assignSegments` row fits).
 * @category Segmentation
 */
export interface SegmentInput {
  /** The customer's id (unique). */
  readonly customerId: string;
  /** The customer's segment name. */
  readonly segment: string;
}

/**
 * A customer's RFM measures for {@link segmentSummary}: the rows `rfmScores` reads, so an
 * {@link RfmRow} of `rfmTable` fits as it is. `customerId` is unique and matched with the segment
 * rows. Buy-till-you-die rows (carrying `recency` or `T`) are refused, as in `rfmScores`.
 * @category Segmentation
 */
export interface SegmentSummaryValues extends RfmMeasures {}

/**
 * One segment's line of a {@link segmentSummary}.
 * @category Segmentation
 */
export interface SegmentSummaryRow {
  /** Segment name. */
  readonly segment: string;
  /** Number of customers in the segment. */
  readonly customerCount: number;
  /** Fraction of all customers, in [0, 1]. */
  readonly customerShare: number;
  /** Total spend of the segment's customers (exact; zero when no measures were given). */
  readonly totalSpend: DecimalValue;
  /** Fraction of all spend, in [0, 1] when spends are non-negative (0 when the total is 0). */
  readonly spendShare: number;
  /** Mean days since the last purchase of the segment's customers (`undefined` without measures). */
  readonly meanDaysSinceLastPurchase: number | undefined;
  /** Mean number of purchases of the segment's customers (`undefined` without measures). */
  readonly meanPurchases: number | undefined;
  /** Mean total spend per customer (`undefined` without measures). */
  readonly meanTotalSpend: DecimalValue | undefined;
}

/**
 * Summarises segments: customers, share of customers, total spend and share of spend, and the mean
 * days since the last purchase, purchases and total spend per segment.
 *
 * `customerShare = customerCount / N`; `totalSpend = Σ totalSpend` over the segment (exact decimal
 * sum, so the segments' spends add up to the total exactly); `spendShare = totalSpend / total`
 * (float64; 0 when the total is 0); the means are arithmetic means over the segment's customers
 * (`meanTotalSpend` is totalSpend / customerCount, 34 digits). Like R `rfm`'s
 * `rfm_segment_summary` (customers, orders, revenue, average order value), but with shares. Rows
 * are ordered by decreasing customer count, ties by name.
 *
 * The two arguments are the outputs of the RFM pipeline as they are, joined by `customerId` (not by
 * position): `segmentSummary(assignSegments(scores), table)` with `table = rfmTable(...)`. So a
 * filtered or re-ordered list of either still works, and nobody builds a `Map`. Customers in
 * `customers` without a segment row are ignored; a segment row without measures is an error.
 *
 * @param segments - segment per customer (`assignSegments` output fits as it is; ids unique)
 * @param customers - optional RFM measures per customer (`rfmTable` output fits; ids unique); every
 *   customer of `segments` must have a row
 * @returns one row per segment
 * @throws {@link InvalidInputError} listing every problem: a row that is not an object
 *   (`segments[i]`, `customers[i]`), a missing or repeated id (`segments[i].customerId`, code
 *   `"duplicate"`), a segment name that is not a string (`segments[i].segment`), a customer with no
 *   measures (`segments[i].customerId`, code `"inconsistent"`), a measure that is not a finite
 *   number or an amount (`customers[i].totalSpend`), a buy-till-you-die row
 *   (`customers[i].recency`, code `"wrong_row_kind"`)
 * @example
 * ```ts
 * import { segmentSummary } from "customer-value";
 * const summary = segmentSummary(
 *   [
 *     { customerId: "a", segment: "Champions" },
 *     { customerId: "b", segment: "Lost" },
 *     { customerId: "c", segment: "Champions" },
 *   ],
 *   [
 *     { customerId: "a", daysSinceLastPurchase: 3, purchases: 6, totalSpend: "300.10" },
 *     { customerId: "b", daysSinceLastPurchase: 400, purchases: 1, totalSpend: "20" },
 *     { customerId: "c", daysSinceLastPurchase: 9, purchases: 4, totalSpend: "79.90" },
 *   ],
 * );
 * summary[0]?.segment; // => "Champions"
 * summary[0]?.customerCount; // => 2
 * summary[0]?.totalSpend.toString(); // => "380"
 * summary[0]?.spendShare; // => 0.95
 * summary[0]?.meanPurchases; // => 5
 * summary[1]?.customerShare; // => 0.3333333333
 * ```
 * @category Segmentation
 * @see Blattberg, R. C., Kim, B.-D. & Neslin, S. A. (2008). *Database Marketing: Analyzing and Managing Customers*. Springer, ch. 12 (RFM).
 */
export function segmentSummary(
  segments: readonly SegmentInput[],
  customers?: readonly SegmentSummaryValues[],
): SegmentSummaryRow[] {
  const issues = new IssueCollector();
  const assigned = readSegments(FN, "segments", segments, issues);
  let measures: Map<string, Measures | undefined> | undefined;
  if (customers !== undefined) measures = readMeasures(customers, issues);
  interface Acc {
    customerCount: number;
    totalSpend: DecimalValue;
    days: number;
    purchases: number;
  }
  const acc = new Map<string, Acc>();
  let total: DecimalValue = ZERO;
  for (const { index, customerId, segment } of assigned) {
    let a = acc.get(segment);
    if (a === undefined) {
      a = { customerCount: 0, totalSpend: ZERO, days: 0, purchases: 0 };
      acc.set(segment, a);
    }
    a.customerCount++;
    if (measures !== undefined) {
      const v = measures.get(customerId);
      if (v === undefined) {
        // A customer whose row was invalid has been reported at that row already.
        if (measures.has(customerId)) continue;
        issues.add(
          ["segments", index, "customerId"],
          `No row of customers has customerId ${describeReceived(customerId)}`,
          "inconsistent",
          customerId,
        );
        continue;
      }
      a.totalSpend = a.totalSpend.plus(v.totalSpend);
      total = total.plus(v.totalSpend);
      a.days += v.days;
      a.purchases += v.purchases;
    }
  }
  issues.throwIfAny(FN);
  const n = assigned.length;
  const rows: SegmentSummaryRow[] = [];
  for (const [segment, a] of acc) {
    rows.push({
      segment,
      customerCount: a.customerCount,
      customerShare: a.customerCount / n,
      totalSpend: new Money(a.totalSpend),
      spendShare: total.isZero() ? 0 : a.totalSpend.div(total).toNumber(),
      meanDaysSinceLastPurchase: measures === undefined ? undefined : a.days / a.customerCount,
      meanPurchases: measures === undefined ? undefined : a.purchases / a.customerCount,
      meanTotalSpend:
        measures === undefined ? undefined : new Money(a.totalSpend).div(a.customerCount),
    });
  }
  rows.sort(
    (x, y) =>
      y.customerCount - x.customerCount ||
      (x.segment < y.segment ? -1 : x.segment > y.segment ? 1 : 0),
  );
  return rows;
}

interface Measures {
  readonly days: number;
  readonly purchases: number;
  readonly totalSpend: DecimalValue;
}

/**
 * Reads the measure rows once each, by id (`undefined` for an id whose row is invalid); problems go
 * to `issues`.
 */
function readMeasures(
  customers: unknown,
  issues: IssueCollector,
): Map<string, Measures | undefined> {
  checkArray(FN, customers, "an array of RFM rows", ["customers"]);
  const byId = new Map<string, Measures | undefined>();
  for (let i = 0; i < customers.length && !issues.full; i++) {
    const row: unknown = customers[i];
    const shape = "{ customerId, daysSinceLastPurchase, purchases, totalSpend }";
    if (!isRowObject(issues, "customers", i, row, shape)) continue;
    // Each field read once: the value checked is the value used.
    const { customerId, daysSinceLastPurchase, purchases, totalSpend, recency, T } = row as Record<
      string,
      unknown
    >;
    if (checkRowKind(issues, "customers", i, recency, T)) {
      if (typeof customerId === "string" && !byId.has(customerId)) byId.set(customerId, undefined);
      continue;
    }
    let ok = true;
    if (typeof customerId !== "string") {
      ok = false;
      issues.add(
        ["customers", i, "customerId"],
        `Expected a customer id (string), received ${describeReceived(customerId)}`,
        customerId === undefined ? "required" : "invalid_type",
        customerId,
      );
    } else if (byId.has(customerId)) {
      ok = false;
      issues.add(
        ["customers", i, "customerId"],
        `Customer id ${describeReceived(customerId)} appears more than once`,
        "duplicate",
        customerId,
      );
    }
    const money = checkMeasures(
      issues,
      "customers",
      i,
      daysSinceLastPurchase,
      purchases,
      totalSpend,
    );
    if (money === undefined) ok = false;
    if (ok) {
      byId.set(customerId as string, {
        days: daysSinceLastPurchase as number,
        purchases: purchases as number,
        totalSpend: money as DecimalValue,
      });
    } else if (typeof customerId === "string" && !byId.has(customerId)) {
      byId.set(customerId, undefined);
    }
  }
  return byId;
}

/**
 * Reads segment rows `{ customerId, segment }` once each (ids unique); problems go to `issues`.
 * Returns the valid rows' values with their input index.
 * @internal
 */
export function readSegments(
  fn: string,
  argument: string,
  rows: unknown,
  issues: IssueCollector,
): { index: number; customerId: string; segment: string }[] {
  checkArray(fn, rows, "an array of { customerId, segment } rows", [argument]);
  const seen = new Set<string>();
  const out: { index: number; customerId: string; segment: string }[] = [];
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const row: unknown = rows[i];
    if (typeof row !== "object" || row === null) {
      issues.add(
        [argument, i],
        `Expected { customerId, segment }, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      );
      continue;
    }
    const { customerId, segment } = row as Record<string, unknown>;
    let ok = true;
    if (typeof customerId !== "string") {
      ok = false;
      issues.add(
        [argument, i, "customerId"],
        `Expected a customer id (string), received ${describeReceived(customerId)}`,
        customerId === undefined ? "required" : "invalid_type",
        customerId,
      );
    } else if (seen.has(customerId)) {
      ok = false;
      issues.add(
        [argument, i, "customerId"],
        `Customer id ${describeReceived(customerId)} appears more than once`,
        "duplicate",
        customerId,
      );
    }
    if (typeof segment !== "string") {
      ok = false;
      issues.add(
        [argument, i, "segment"],
        `Expected a segment name (string), received ${describeReceived(segment)}`,
        segment === undefined ? "required" : "invalid_type",
        segment,
      );
    }
    if (ok) {
      seen.add(customerId as string);
      out.push({ index: i, customerId: customerId as string, segment: segment as string });
    }
  }
  return out;
}

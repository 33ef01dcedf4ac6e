import { isReadonlyMap } from "../core/customerTable.js";
import { invalidInput } from "../core/errors.js";
import {
  type Decimal as DecimalValue,
  Money,
  type MoneyInput,
  readMoney,
  ZERO,
} from "../core/money.js";

const FN = "segmentSummary";

/** A customer's measures for {@link segmentSummary} (an {@link RfmRow} fits). */
export interface SegmentSummaryValues {
  /** Recency (days since the last purchase). */
  readonly recency: number;
  /** Number of purchases. */
  readonly frequency: number;
  /** Revenue of the customer (total spend). */
  readonly monetary: MoneyInput;
}

/** One segment's line of a {@link segmentSummary}. */
export interface SegmentSummaryRow {
  /** Segment name. */
  readonly segment: string;
  /** Number of customers in the segment. */
  readonly customers: number;
  /** Fraction of all customers, in [0, 1]. */
  readonly customerShare: number;
  /** Total revenue of the segment (exact; zero when no values were given). */
  readonly revenue: DecimalValue;
  /** Fraction of all revenue, in [0, 1] when revenues are non-negative (0 when total revenue is 0). */
  readonly revenueShare: number;
  /** Mean recency of the segment's customers (`undefined` without values). */
  readonly meanRecency: number | undefined;
  /** Mean frequency of the segment's customers (`undefined` without values). */
  readonly meanFrequency: number | undefined;
  /** Mean revenue per customer (`undefined` without values). */
  readonly meanMonetary: DecimalValue | undefined;
}

/**
 * Summarises segments: customers, share of customers, revenue and share of revenue, and mean
 * recency, frequency and monetary value per segment.
 *
 * `customerShare = customers / N`; `revenue = Σ monetary` over the segment (exact decimal sum, so
 * the segments' revenues add up to the total exactly); `revenueShare = revenue / total revenue`
 * (float64; 0 when the total is 0); the means are arithmetic means over the segment's customers
 * (`meanMonetary` is revenue / customers, 34 digits). Like R `rfm`'s `rfm_segment_summary`
 * (customers, orders, revenue, average order value), but with shares. Rows are ordered by
 * decreasing customer count, ties by name.
 *
 * @param assignments - segment per customer (from {@link assignSegments})
 * @param values - optional RFM measures per customer (from {@link rfmTable}); every assigned
 *   customer must have one
 * @returns one row per segment
 * @throws {@link InvalidInputError} when a segment name is not a string, a customer has no values
 *   or they are not an object (path `values[id]`), or a measure is invalid (path
 *   `values[id].monetary`)
 * @example
 * ```ts
 * import { segmentSummary } from "customer-value";
 * const summary = segmentSummary(
 *   new Map([["a", "Champions"], ["b", "Lost"], ["c", "Champions"]]),
 *   new Map([
 *     ["a", { recency: 3, frequency: 6, monetary: "300.10" }],
 *     ["b", { recency: 400, frequency: 1, monetary: "20" }],
 *     ["c", { recency: 9, frequency: 4, monetary: "79.90" }],
 *   ]),
 * );
 * summary[0]?.segment; // => "Champions"
 * summary[0]?.customers; // => 2
 * summary[0]?.revenue.toString(); // => "380"
 * summary[0]?.revenueShare; // => 0.95
 * summary[1]?.customerShare; // => 0.3333333333
 * ```
 * @category Segmentation
 * @see Blattberg, R. C., Kim, B.-D. & Neslin, S. A. (2008). *Database Marketing: Analyzing and Managing Customers*. Springer, ch. 12 (RFM).
 */
export function segmentSummary(
  assignments: ReadonlyMap<string, string>,
  values?: ReadonlyMap<string, SegmentSummaryValues>,
): SegmentSummaryRow[] {
  if (!isReadonlyMap(assignments))
    throw invalidInput(FN, [], "Expected a Map from customer id to segment name");
  if (values !== undefined && !isReadonlyMap(values)) {
    throw invalidInput(
      FN,
      ["values"],
      "Expected a Map from customer id to { recency, frequency, monetary }",
    );
  }
  interface Acc {
    customers: number;
    revenue: DecimalValue;
    recency: number;
    frequency: number;
  }
  const acc = new Map<string, Acc>();
  let total: DecimalValue = ZERO;
  for (const [id, segment] of assignments) {
    if (typeof segment !== "string")
      throw invalidInput(FN, [id], "Expected a segment name (string)");
    let a = acc.get(segment);
    if (a === undefined) {
      a = { customers: 0, revenue: ZERO, recency: 0, frequency: 0 };
      acc.set(segment, a);
    }
    a.customers++;
    if (values !== undefined) {
      const v: unknown = values.get(id);
      if (v === undefined) throw invalidInput(FN, ["values", id], "No values for this customer");
      if (typeof v !== "object" || v === null) {
        throw invalidInput(FN, ["values", id], "Expected { recency, frequency, monetary }");
      }
      // Each field read once: the value checked is the value used.
      const { recency, frequency, monetary } = v as unknown as Record<string, unknown>;
      if (typeof recency !== "number" || !Number.isFinite(recency)) {
        throw invalidInput(FN, ["values", id, "recency"], "Expected a finite number");
      }
      if (typeof frequency !== "number" || !Number.isFinite(frequency)) {
        throw invalidInput(FN, ["values", id, "frequency"], "Expected a finite number");
      }
      const money = readMoney(monetary);
      if (typeof money === "string") throw invalidInput(FN, ["values", id, "monetary"], money);
      a.revenue = a.revenue.plus(money);
      total = total.plus(money);
      a.recency += recency;
      a.frequency += frequency;
    }
  }
  const n = assignments.size;
  const rows: SegmentSummaryRow[] = [];
  for (const [segment, a] of acc) {
    rows.push({
      segment,
      customers: a.customers,
      customerShare: a.customers / n,
      revenue: new Money(a.revenue),
      revenueShare: total.isZero() ? 0 : a.revenue.div(total).toNumber(),
      meanRecency: values === undefined ? undefined : a.recency / a.customers,
      meanFrequency: values === undefined ? undefined : a.frequency / a.customers,
      meanMonetary: values === undefined ? undefined : new Money(a.revenue).div(a.customers),
    });
  }
  rows.sort(
    (x, y) =>
      y.customers - x.customers || (x.segment < y.segment ? -1 : x.segment > y.segment ? 1 : 0),
  );
  return rows;
}

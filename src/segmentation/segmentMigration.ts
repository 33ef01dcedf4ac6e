import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { parseInput } from "../core/validate.js";
import { readSegments, type SegmentInput } from "./segmentSummary.js";

const FN = "segmentMigration";

/**
 * One (from, to) cell of a {@link segmentMigration}.
 * @category Segmentation
 */
export interface SegmentTransition {
  /** Segment in the "before" snapshot (or `enteredName` for customers only in "after"). */
  readonly from: string;
  /** Segment in the "after" snapshot (or `leftName` for customers only in "before"). */
  readonly to: string;
  /** Number of customers who moved from `from` to `to`. */
  readonly customerCount: number;
  /** `customerCount / (customers in from)`: the share of the "before" segment that moved here, in [0, 1]. */
  readonly rate: number;
}

/**
 * A segment's size in one snapshot.
 * @category Segmentation
 */
export interface SegmentCount {
  /** Segment name (or a pseudo-segment for customers who entered or left). */
  readonly segment: string;
  /** Number of customers. */
  readonly customerCount: number;
}

/**
 * One customer's move (a row of {@link SegmentMigrationResult.moves}).
 * @category Segmentation
 */
export interface SegmentMove {
  /** The customer's id. */
  readonly customerId: string;
  /** Segment before (`enteredName` if the customer is only in "after"). */
  readonly from: string;
  /** Segment after (`leftName` if the customer is only in "before"). */
  readonly to: string;
}

/**
 * Result of {@link segmentMigration}: plain data.
 * @category Segmentation
 */
export interface SegmentMigrationResult {
  /** Every non-empty transition, ordered by `from` then `to` (segment order of first appearance). */
  readonly transitions: SegmentTransition[];
  /** Customers per "before" segment (the row totals of the transition matrix), first-seen order. */
  readonly before: SegmentCount[];
  /** Customers per "after" segment (the column totals), first-seen order. */
  readonly after: SegmentCount[];
  /** Per customer, where they came from and went: the "before" customers in input order, then those who entered. */
  readonly moves: SegmentMove[];
}

/**
 * Options of {@link segmentMigration}.
 * @category Segmentation
 */
export interface SegmentMigrationOptions {
  /** Pseudo-segment for customers present only in the "after" snapshot (default `"(new)"`). */
  readonly enteredName?: string;
  /** Pseudo-segment for customers present only in the "before" snapshot (default `"(gone)"`). */
  readonly leftName?: string;
}

const optionsSchema = z.strictObject({
  enteredName: z.exactOptional(z.string().check(z.minLength(1))),
  leftName: z.exactOptional(z.string().check(z.minLength(1))),
}) satisfies z.ZodMiniType<unknown, SegmentMigrationOptions>;

/**
 * Cross-tabulates two segment snapshots: how many customers moved from each segment to each
 * other (Champions → At Risk), with the rate relative to the "before" segment.
 *
 * `rate(from → to) = n(from → to) / n(from)`, a row-normalised transition matrix (a Markov
 * transition estimate between the two dates). Customers only in "before" go to `leftName`,
 * customers only in "after" come from `enteredName`, so every row total equals the "before" count
 * and every column total the "after" count.
 *
 * @param before - segment per customer at the first date (`assignSegments` output fits; ids unique)
 * @param after - segment per customer at the second date (ids unique)
 * @param options - names of the pseudo-segments for customers who entered or left
 * @returns the transitions with counts and rates, the row and column totals and each customer's
 *   move
 * @throws {@link InvalidInputError} listing every problem: an unknown or empty option
 *   (`options.leftName`); a row that is not an object (`before[i]`), a missing or repeated id
 *   (`after[i].customerId`, code `"duplicate"`), a segment name that is not a string
 *   (`before[i].segment`)
 * @example
 * ```ts
 * import { segmentMigration } from "customer-value";
 * const { transitions, moves } = segmentMigration(
 *   [
 *     { customerId: "a", segment: "Champions" },
 *     { customerId: "b", segment: "Champions" },
 *     { customerId: "c", segment: "Lost" },
 *   ],
 *   [
 *     { customerId: "a", segment: "Champions" },
 *     { customerId: "b", segment: "At Risk" },
 *     { customerId: "d", segment: "New Customers" },
 *   ],
 * );
 * transitions[1]; // => { from: "Champions", to: "At Risk", customerCount: 1, rate: 0.5 }
 * transitions[2]; // => { from: "Lost", to: "(gone)", customerCount: 1, rate: 1 }
 * moves[3]; // => { customerId: "d", from: "(new)", to: "New Customers" }
 * ```
 * @category Segmentation
 * @see Pfeifer, P. E. & Carraway, R. L. (2000). Modeling customer relationships as Markov chains. *Journal of Interactive Marketing* 14(2), 43–55.
 */
export function segmentMigration(
  before: readonly SegmentInput[],
  after: readonly SegmentInput[],
  options: SegmentMigrationOptions = {},
): SegmentMigrationResult {
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const entered = opts.enteredName ?? "(new)";
  const left = opts.leftName ?? "(gone)";
  const issues = new IssueCollector();
  const from = readSegments(FN, "before", before, issues);
  const to = readSegments(FN, "after", after, issues);
  issues.throwIfAny(FN);
  const afterOf = new Map<string, string>();
  for (const row of to) afterOf.set(row.customerId, row.segment);
  const beforeIds = new Set<string>();
  // Transition counts by (from, to), in first-seen order of from, then of to.
  const matrix = new Map<string, Map<string, number>>();
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  const moves: SegmentMove[] = [];
  const add = (customerId: string, a: string, b: string) => {
    let row = matrix.get(a);
    if (row === undefined) {
      row = new Map();
      matrix.set(a, row);
    }
    row.set(b, (row.get(b) ?? 0) + 1);
    rowTotals.set(a, (rowTotals.get(a) ?? 0) + 1);
    colTotals.set(b, (colTotals.get(b) ?? 0) + 1);
    moves.push({ customerId, from: a, to: b });
  };
  for (const { customerId, segment } of from) {
    beforeIds.add(customerId);
    add(customerId, segment, afterOf.get(customerId) ?? left);
  }
  for (const { customerId, segment } of to) {
    if (!beforeIds.has(customerId)) add(customerId, entered, segment);
  }
  const transitions: SegmentTransition[] = [];
  for (const [a, row] of matrix) {
    const total = rowTotals.get(a)!;
    for (const [b, customerCount] of row)
      transitions.push({ from: a, to: b, customerCount, rate: customerCount / total });
  }
  const counts = (totals: Map<string, number>): SegmentCount[] =>
    [...totals].map(([segment, customerCount]) => ({ segment, customerCount }));
  return { transitions, before: counts(rowTotals), after: counts(colTotals), moves };
}

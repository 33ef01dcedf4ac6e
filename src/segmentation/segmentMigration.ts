import { isReadonlyMap } from "../core/customerTable.js";
import { invalidInput } from "../core/errors.js";
import { describeReceived } from "../core/validate.js";

const FN = "segmentMigration";

/** One (from, to) cell of a {@link segmentMigration}. */
export interface SegmentTransition {
  /** Segment in the "before" snapshot (or `enteredName` for customers only in "after"). */
  readonly from: string;
  /** Segment in the "after" snapshot (or `leftName` for customers only in "before"). */
  readonly to: string;
  /** Number of customers who moved from `from` to `to`. */
  readonly customers: number;
  /** `customers / (customers in from)`: the share of the "before" segment that moved here, in [0, 1]. */
  readonly rate: number;
}

/** Result of {@link segmentMigration}. */
export interface SegmentMigrationResult {
  /** Every non-empty transition, ordered by `from` then `to` (segment order of first appearance). */
  readonly transitions: SegmentTransition[];
  /** Customers per "before" segment (the row totals of the transition matrix). */
  readonly before: Map<string, number>;
  /** Customers per "after" segment (the column totals). */
  readonly after: Map<string, number>;
  /** Transition counts as a nested map: `matrix.get(from)?.get(to)`. */
  readonly matrix: Map<string, Map<string, number>>;
}

/** Options of {@link segmentMigration}. */
export interface SegmentMigrationOptions {
  /** Pseudo-segment for customers present only in the "after" snapshot (default `"(new)"`). */
  readonly enteredName?: string;
  /** Pseudo-segment for customers present only in the "before" snapshot (default `"(gone)"`). */
  readonly leftName?: string;
}

/**
 * Cross-tabulates two segment snapshots: how many customers moved from each segment to each
 * other (Champions → At Risk), with the rate relative to the "before" segment.
 *
 * `rate(from → to) = n(from → to) / n(from)`, a row-normalised transition matrix (a Markov
 * transition estimate between the two dates). Customers only in "before" go to `leftName`,
 * customers only in "after" come from `enteredName`, so every row total equals the "before" count
 * and every column total the "after" count.
 *
 * @param before - segment per customer at the first date
 * @param after - segment per customer at the second date
 * @param options - names of the pseudo-segments for customers who entered or left
 * @returns the transitions with counts and rates, the row and column totals and the matrix
 * @throws {@link InvalidInputError} when an argument is not a `Map` or a segment name is not a
 *   string (path `before[id]` / `after[id]`)
 * @example
 * ```ts
 * import { segmentMigration } from "customer-value";
 * const { matrix, transitions } = segmentMigration(
 *   new Map([["a", "Champions"], ["b", "Champions"], ["c", "Lost"]]),
 *   new Map([["a", "Champions"], ["b", "At Risk"], ["d", "New Customers"]]),
 * );
 * matrix.get("Champions")?.get("At Risk"); // => 1
 * transitions[1]; // => { from: "Champions", to: "At Risk", customers: 1, rate: 0.5 }
 * matrix.get("Lost")?.get("(gone)"); // => 1
 * matrix.get("(new)")?.get("New Customers"); // => 1
 * ```
 * @category Segmentation
 * @see Pfeifer, P. E. & Carraway, R. L. (2000). Modeling customer relationships as Markov chains. *Journal of Interactive Marketing* 14(2), 43–55.
 */
export function segmentMigration(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  options: SegmentMigrationOptions = {},
): SegmentMigrationResult {
  if (!isReadonlyMap(before))
    throw invalidInput(FN, ["before"], "Expected a Map from customer id to segment");
  if (!isReadonlyMap(after))
    throw invalidInput(FN, ["after"], "Expected a Map from customer id to segment");
  if (typeof options !== "object" || options === null)
    throw invalidInput(FN, ["options"], "Expected an object");
  for (const key of Object.keys(options)) {
    if (key !== "enteredName" && key !== "leftName")
      throw invalidInput(FN, ["options", key], `Unrecognized key ${describeReceived(key)}`);
  }
  const entered = options.enteredName ?? "(new)";
  const left = options.leftName ?? "(gone)";
  for (const [key, v] of [
    ["enteredName", entered],
    ["leftName", left],
  ] as const) {
    if (typeof v !== "string" || v.length === 0)
      throw invalidInput(FN, ["options", key], "Expected a non-empty string");
  }
  const matrix = new Map<string, Map<string, number>>();
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  const add = (from: string, to: string) => {
    let row = matrix.get(from);
    if (row === undefined) {
      row = new Map();
      matrix.set(from, row);
    }
    row.set(to, (row.get(to) ?? 0) + 1);
    rowTotals.set(from, (rowTotals.get(from) ?? 0) + 1);
    colTotals.set(to, (colTotals.get(to) ?? 0) + 1);
  };
  for (const [id, from] of before) {
    if (typeof from !== "string")
      throw invalidInput(FN, ["before", id], "Expected a segment name (string)");
    const to = after.get(id);
    if (to !== undefined && typeof to !== "string")
      throw invalidInput(FN, ["after", id], "Expected a segment name (string)");
    add(from, to ?? left);
  }
  for (const [id, to] of after) {
    if (typeof to !== "string")
      throw invalidInput(FN, ["after", id], "Expected a segment name (string)");
    if (!before.has(id)) add(entered, to);
  }
  const transitions: SegmentTransition[] = [];
  for (const [from, row] of matrix) {
    const total = rowTotals.get(from)!;
    for (const [to, customers] of row)
      transitions.push({ from, to, customers, rate: customers / total });
  }
  return { transitions, before: rowTotals, after: colTotals, matrix };
}

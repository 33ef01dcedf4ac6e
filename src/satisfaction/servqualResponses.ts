/**
 * The validation of {@link servqual}'s input beyond its option schema — the item map, the
 * reverse-scored items and every response row — and the tally of the valid answers per item.
 * Every problem is recorded in the caller's issue collector (up to its cap), each value read once.
 * @internal
 * @module
 */
import type { IssueCollector } from "../core/errors.js";
import { describeReceived } from "../core/validate.js";
import { RATER_DIMENSIONS, type RaterDimension, type RaterItemMap } from "./rater.js";
import { rowObject } from "./rowFields.js";
import type { AnswerScale } from "./scale.js";
import type { ItemTotals } from "./servqualGaps.js";
import { answerIssue } from "./surveyRows.js";

/**
 * The dimension of each item id of the map; an item listed twice is reported at
 * `options.dimensions.<dimension>[j]` (code `duplicate`).
 * @internal
 */
export function dimensionOfItems(
  map: RaterItemMap,
  issues: IssueCollector,
): Map<number, RaterDimension> {
  const dimensionOf = new Map<number, RaterDimension>();
  for (const dimension of RATER_DIMENSIONS) {
    map[dimension].forEach((item, j) => {
      if (dimensionOf.has(item)) {
        issues.add(
          ["options", "dimensions", dimension, j],
          `Item ${item} is listed twice`,
          "duplicate",
          item,
        );
      }
      dimensionOf.set(item, dimension);
    });
  }
  return dimensionOf;
}

/**
 * The set of reverse-scored items; one not in the item map is reported at
 * `options.reverseScored[j]` (code `invalid_value`).
 * @internal
 */
export function reverseScoredItems(
  reverseScored: readonly number[],
  dimensionOf: ReadonlyMap<number, RaterDimension>,
  issues: IssueCollector,
): Set<number> {
  reverseScored.forEach((item, j) => {
    if (!dimensionOf.has(item)) {
      issues.add(["options", "reverseScored", j], `Unknown item id ${item}`, "invalid_value", item);
    }
  });
  return new Set(reverseScored);
}

/** What the response rows are checked against. @internal */
export interface ServqualRules {
  /** The dimension of each item id of the map. */
  readonly dimensionOf: ReadonlyMap<number, RaterDimension>;
  /** Items whose answers are reversed as `min + max − x`. */
  readonly reversed: ReadonlySet<number>;
  /** The answer scale, `undefined` (types only) when the scale option was invalid. */
  readonly scale: AnswerScale | undefined;
}

/**
 * Checks every response row and sums the valid answers per item (after reverse scoring). The
 * first row decides the format: with `adequate` and `desired` (three-column) or without; every
 * other row must follow it. The totals are only meaningful when no issue was recorded.
 * @internal
 */
export function tallyResponses(
  rows: readonly unknown[],
  rules: ServqualRules,
  issues: IssueCollector,
): { readonly byItem: Map<number, ItemTotals>; readonly threeColumn: boolean } {
  const min = rules.scale?.min ?? Number.NEGATIVE_INFINITY;
  const max = rules.scale?.max ?? Number.POSITIVE_INFINITY;
  /** One answer, checked and reverse-scored; `NaN` (never used: an issue is recorded) when bad. */
  const answer = (i: number, key: string, value: unknown, item: number): number => {
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
      return rules.reversed.has(item) ? min + max - value : value;
    }
    answerIssue(["responses", i, key], value, min, max, issues);
    return Number.NaN;
  };
  const byItem = new Map<number, ItemTotals>();
  let threeColumn = false;
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const row = rowObject("responses", i, rows[i], issues);
    if (row === undefined) continue;
    const itemValue: unknown = row.item;
    const expectationValue: unknown = row.expectation;
    const perceptionValue: unknown = row.perception;
    const adequateValue: unknown = row.adequate;
    const desiredValue: unknown = row.desired;
    const item = knownItem(i, itemValue, rules.dimensionOf, issues);
    if (i === 0) threeColumn = adequateValue !== undefined || desiredValue !== undefined;
    checkFormat(i, threeColumn, adequateValue, desiredValue, issues);
    const expectation = answer(i, "expectation", expectationValue, item);
    const perception = answer(i, "perception", perceptionValue, item);
    const adequate = threeColumn ? answer(i, "adequate", adequateValue, item) : 0;
    const desired = threeColumn ? answer(i, "desired", desiredValue, item) : 0;
    if (issues.size > 0) continue;
    let totals = byItem.get(item);
    if (totals === undefined) {
      totals = { n: 0, e: 0, p: 0, a: 0, d: 0 };
      byItem.set(item, totals);
    }
    totals.n++;
    totals.e += expectation;
    totals.p += perception;
    totals.a += adequate;
    totals.d += desired;
  }
  return { byItem, threeColumn };
}

/** The item id of row `i` when the map knows it; otherwise records the problem and returns NaN. */
function knownItem(
  i: number,
  item: unknown,
  dimensionOf: ReadonlyMap<number, RaterDimension>,
  issues: IssueCollector,
): number {
  if (typeof item === "number" && dimensionOf.has(item)) return item;
  issues.add(
    ["responses", i, "item"],
    typeof item === "number" && Number.isFinite(item)
      ? `Unknown item id ${item}`
      : `Expected an item id, received ${describeReceived(item)}`,
    item === undefined ? "required" : typeof item === "number" ? "invalid_value" : "invalid_type",
    item,
  );
  return Number.NaN;
}

/** Records a row that does not follow the first row's format (A and D on every row, or none). */
function checkFormat(
  i: number,
  threeColumn: boolean,
  adequateValue: unknown,
  desiredValue: unknown,
  issues: IssueCollector,
): void {
  for (const [key, value] of [
    ["adequate", adequateValue],
    ["desired", desiredValue],
  ] as const) {
    if ((value !== undefined) === threeColumn) continue;
    issues.add(
      ["responses", i, key],
      threeColumn
        ? `Give both adequate and desired levels on every row, or on none (missing ${key})`
        : "Give both adequate and desired levels on every row, or on none (the first row has none)",
      threeColumn ? "required" : "inconsistent",
      threeColumn ? undefined : value,
    );
  }
}

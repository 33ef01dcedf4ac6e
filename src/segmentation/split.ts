import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { type Decimal as DecimalValue, Money, readMoney, ZERO } from "../core/money.js";
import { checkArray, describeReceived } from "../core/validate.js";

/**
 * How an axis of a value matrix is split into low and high: at the median or the mean of the
 * customers' values, or at a fixed number. Values equal to the split point go to the high side.
 * @category Segmentation
 */
export type SplitRule = "median" | "mean" | number;

/**
 * How an axis of the 3×3 target-customer grid is split into low, medium and high: at the tertiles
 * (type-7 quantiles at 1/3 and 2/3) or at two fixed numbers `[low/medium, medium/high]`. Values equal
 * to a split point go to the higher level.
 * @category Segmentation
 */
export type GridSplitRule = "tertiles" | readonly [number, number];

/** @internal */
export const splitRuleSchema = z.union([z.enum(["median", "mean"]), z.number()], {
  error: 'Expected "median", "mean" or a finite number',
});

/** @internal */
export const gridSplitRuleSchema = z.union(
  [
    z.literal("tertiles"),
    z.tuple([z.number(), z.number()]).check(
      z.refine(([a, b]) => a < b, {
        error: "Thresholds [low, high] need low < high",
        params: { code: "inconsistent" },
      }),
    ),
  ],
  { error: 'Expected "tertiles" or two increasing numbers [low, high]' },
);

/**
 * Reads the customer rows of a value matrix: every row once, its `customerId` (a string, unique)
 * and the money-like measures `fields` (a `Decimal`, number or decimal string each). Lists every
 * problem (up to the cap) at `<argument>[i].<field>` and throws; `nonNegative` fields must be ≥ 0.
 * @internal
 */
export function readCustomerRows<F extends string>(
  fn: string,
  argument: string,
  rows: unknown,
  fields: readonly F[],
  nonNegative: readonly F[] = [],
): { ids: string[]; values: Record<F, DecimalValue[]> } {
  checkArray(fn, rows, "an array of customer rows", [argument]);
  const ids: string[] = [];
  const values = {} as Record<F, DecimalValue[]>;
  for (const field of fields) values[field] = [];
  const firstRow = new Map<string, number>();
  const issues = new IssueCollector();
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const row: unknown = rows[i];
    if (typeof row !== "object" || row === null) {
      issues.add(
        [argument, i],
        `Expected a customer row with customerId, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      );
      continue;
    }
    const id = (row as { customerId?: unknown }).customerId;
    if (typeof id !== "string") {
      issues.add(
        [argument, i, "customerId"],
        `Expected a customer id (string), received ${describeReceived(id)}`,
        id === undefined ? "required" : "invalid_type",
        id,
      );
    } else if (firstRow.has(id)) {
      issues.add(
        [argument, i, "customerId"],
        `Customer id ${describeReceived(id)} appears more than once (first at ${argument}[${firstRow.get(id)}])`,
        "duplicate",
        id,
      );
    } else {
      firstRow.set(id, i);
    }
    for (const field of fields) {
      const raw = (row as Record<string, unknown>)[field];
      const amount = readMoney(raw);
      if (typeof amount === "string") {
        issues.add(
          [argument, i, field],
          amount,
          raw === undefined ? "required" : "invalid_money",
          raw,
        );
      } else if (nonNegative.includes(field) && amount.isNegative()) {
        issues.add([argument, i, field], "Expected a non-negative number", "too_small", raw);
      } else {
        values[field][i] = amount;
      }
    }
    if (typeof id === "string") ids[i] = id;
  }
  issues.throwIfAny(fn);
  return { ids, values };
}

/** Type-7 quantile at probability k/m, with the position (n − 1)·k/m computed exactly. */
function quantile(sorted: readonly DecimalValue[], k: number, m: number): DecimalValue {
  const h = new Money(sorted.length - 1).times(k).div(m);
  const lo = h.floor().toNumber();
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a.plus(b.minus(a).times(h.minus(lo)));
}

function sortedCopy(values: readonly DecimalValue[]): DecimalValue[] {
  return [...values].sort((x, y) => x.comparedTo(y));
}

/** The split point of a two-level axis. @internal */
export function splitPoint(values: readonly DecimalValue[], rule: SplitRule): DecimalValue {
  if (typeof rule === "number") return new Money(rule);
  if (values.length === 0) return ZERO;
  if (rule === "mean") return values.reduce((s, v) => s.plus(v), ZERO).div(values.length);
  const sorted = sortedCopy(values);
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).div(2);
}

/** The two split points of a three-level axis. @internal */
export function gridSplitPoints(
  values: readonly DecimalValue[],
  rule: GridSplitRule,
): readonly [DecimalValue, DecimalValue] {
  if (rule !== "tertiles") return [new Money(rule[0]), new Money(rule[1])];
  if (values.length === 0) return [ZERO, ZERO];
  const sorted = sortedCopy(values);
  return [quantile(sorted, 1, 3), quantile(sorted, 2, 3)];
}

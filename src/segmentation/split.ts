import { z } from "zod";
import { isReadonlyMap } from "../core/customerTable.js";
import { invalidInput } from "../core/errors.js";
import { type Decimal as DecimalValue, Money, readMoney, ZERO } from "../core/money.js";

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
export const splitRuleSchema = z.union([z.enum(["median", "mean"]), z.number().finite()], {
  error: 'Expected "median", "mean" or a finite number',
});

/** @internal */
export const gridSplitRuleSchema = z.union(
  [
    z.literal("tertiles"),
    z
      .tuple([z.number().finite(), z.number().finite()])
      .refine(([a, b]) => a < b, { error: "Thresholds [low, high] need low < high" }),
  ],
  { error: 'Expected "tertiles" or two increasing numbers [low, high]' },
);

/** Reads one money-like measure of every customer, throwing with path `[id].field`. @internal */
export function readMeasure(
  fn: string,
  rows: ReadonlyMap<string, object>,
  field: string,
): { ids: string[]; values: DecimalValue[] } {
  if (!isReadonlyMap(rows))
    throw invalidInput(fn, [], "Expected a Map from customer id to measures");
  const ids: string[] = [];
  const values: DecimalValue[] = [];
  for (const [id, row] of rows) {
    if (typeof row !== "object" || row === null)
      throw invalidInput(fn, [id], "Expected an object of measures");
    const amount = readMoney((row as Record<string, unknown>)[field]);
    if (typeof amount === "string") throw invalidInput(fn, [id, field], amount);
    ids.push(id);
    values.push(amount);
  }
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

/**
 * The one engine behind the value matrices: customers placed on a grid of two axes, each axis cut
 * into levels at split points. `customerValueMatrix`, `portfolioMatrix` and `valueMatrix` are
 * 2×2 presets of {@link twoByTwoMatrix}; `targetCustomerGrid` is a 3×3 preset of
 * {@link placeOnGrid}.
 * @internal
 * @module
 */

import * as z from "zod/mini";
import type { Decimal } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import { readCustomerRows, type SplitRule, splitPoint, splitRuleSchema } from "./split.js";

/**
 * A customer's place in a two-by-two matrix (a row of a matrix's `placements`).
 * @category Segmentation
 */
export interface MatrixPlacement<Cell extends string> {
  /** The customer's id, from the input row. */
  readonly customerId: string;
  /** The cell. */
  readonly cell: Cell;
  /** The recommended policy for the cell. */
  readonly policy: string;
}

/**
 * The level of `value` on an axis cut at `splitPoints` (ascending): the number of split points at
 * or below it, so a value equal to a split point goes to the higher level.
 * @internal
 */
export function axisLevel(value: Decimal, splitPoints: readonly Decimal[]): number {
  let level = 0;
  while (level < splitPoints.length && value.gte(splitPoints[level]!)) level++;
  return level;
}

/**
 * Reads the customer rows of a grid (ids unique; the two axis fields money-like, `nonNegative`
 * ones ≥ 0), computes each axis's split points from all customers' values and places every
 * customer with `place(customerId, levelOnFirstAxis, levelOnSecondAxis)`, in input order.
 * @internal
 */
export function placeOnGrid<F extends string, S extends readonly Decimal[], Row>(
  fn: string,
  customers: unknown,
  axes: readonly [F, F],
  splitPointsOf: (values: readonly Decimal[], axis: F) => S,
  place: (customerId: string, first: number, second: number) => Row,
  nonNegative: readonly F[] = [],
): { placements: Row[]; splitPoints: Record<F, S> } {
  const { ids, values } = readCustomerRows(fn, "customers", customers, axes, nonNegative);
  const [a, b] = axes;
  const first = splitPointsOf(values[a], a);
  const second = splitPointsOf(values[b], b);
  const placements = ids.map((customerId, i) =>
    place(customerId, axisLevel(values[a][i]!, first), axisLevel(values[b][i]!, second)),
  );
  return { placements, splitPoints: { [a]: first, [b]: second } as Record<F, S> };
}

/** Options of a 2×2 matrix whose axes are the fields `F` and whose cells are `Cell`. @internal */
export type TwoByTwoOptions<F extends string, Cell extends string> = {
  readonly [K in F]?: SplitRule;
} & { readonly policies?: Partial<Readonly<Record<Cell, string>>> };

/** Result of a 2×2 matrix whose axes are the fields `F` and whose cells are `Cell`. @internal */
export interface TwoByTwoResult<F extends string, Cell extends string> {
  readonly placements: MatrixPlacement<Cell>[];
  readonly splitPoints: Readonly<Record<F, Decimal>>;
  readonly counts: Record<Cell, number>;
  readonly policies: Readonly<Record<Cell, string>>;
}

/** What makes one 2×2 matrix: its name, axes, default split rules, cells and policies. @internal */
export interface TwoByTwoPreset<F extends string, Cell extends string> {
  /** The public function's name (error messages). */
  readonly fn: string;
  /** The two axis fields of an input row, in the order of the options. */
  readonly axes: readonly [F, F];
  /** Default split rule per axis. */
  readonly defaults: Readonly<Record<F, SplitRule>>;
  /** `cells[first][second]`: the cell of a customer low (0) or high (1) on each axis. */
  readonly cells: readonly [readonly [Cell, Cell], readonly [Cell, Cell]];
  /** Default policy per cell; its key order is the order of `counts` and `policies`. */
  readonly policies: Readonly<Record<Cell, string>>;
  /** Axis fields that must be ≥ 0. */
  readonly nonNegative?: readonly F[];
}

/**
 * The options schema of a 2×2 preset: a split rule per axis and a policy text per cell, nothing
 * else (strict).
 * @internal
 */
export function twoByTwoOptionsSchema<F extends string, Cell extends string>(
  preset: TwoByTwoPreset<F, Cell>,
): z.ZodMiniType<TwoByTwoOptions<F, Cell>, TwoByTwoOptions<F, Cell>> {
  const policyShape = Object.fromEntries(
    Object.keys(preset.policies).map((cell) => [cell, z.exactOptional(z.string())]),
  );
  const [a, b] = preset.axes;
  return z.strictObject({
    [a]: z.exactOptional(splitRuleSchema),
    [b]: z.exactOptional(splitRuleSchema),
    policies: z.exactOptional(z.strictObject(policyShape)),
  }) as unknown as z.ZodMiniType<TwoByTwoOptions<F, Cell>, TwoByTwoOptions<F, Cell>>;
}

/**
 * Places customers in a 2×2 matrix: an axis is high (1) when the customer's value is ≥ its split
 * point (the median, the mean or a fixed number, {@link splitPoint}), and the cell is
 * `cells[first][second]` with its policy. Counts every cell (all present).
 * @internal
 */
export function twoByTwoMatrix<F extends string, Cell extends string>(
  preset: TwoByTwoPreset<F, Cell>,
  schema: z.ZodMiniType<TwoByTwoOptions<F, Cell>, TwoByTwoOptions<F, Cell>>,
  customers: unknown,
  options: unknown,
): TwoByTwoResult<F, Cell> {
  const opts = parseInput(preset.fn, schema, options, ["options"]);
  const policies = { ...preset.policies, ...definedOnly(opts.policies) };
  const counts = {} as Record<Cell, number>;
  for (const cell of Object.keys(preset.policies) as Cell[]) counts[cell] = 0;
  const rules = opts as Partial<Record<F, SplitRule>>;
  const { placements, splitPoints } = placeOnGrid(
    preset.fn,
    customers,
    preset.axes,
    (values, axis) => [splitPoint(values, rules[axis] ?? preset.defaults[axis])],
    (customerId, first, second): MatrixPlacement<Cell> => {
      const cell = preset.cells[first]![second]!;
      counts[cell]++;
      return { customerId, cell, policy: policies[cell] };
    },
    preset.nonNegative,
  );
  const [a, b] = preset.axes;
  const points = { [a]: splitPoints[a][0]!, [b]: splitPoints[b][0]! } as Record<F, Decimal>;
  return { placements, splitPoints: points, counts, policies };
}

/** Drops keys whose value is undefined. @internal */
export function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  if (o === undefined) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

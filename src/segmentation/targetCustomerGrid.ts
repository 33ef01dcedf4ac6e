import * as z from "zod/mini";
import type { Decimal, MoneyInput } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import { type GridSplitRule, gridSplitPoints, gridSplitRuleSchema } from "./split.js";
import { placeOnGrid } from "./valueGrid.js";

const FN = "targetCustomerGrid";

/**
 * Level of customer total cost.
 * @category Segmentation
 */
export type CostLevel = "low" | "medium" | "high";
/**
 * Level of customer demand.
 * @category Segmentation
 */
export type DemandLevel = "small" | "medium" | "large";
/**
 * Recommendation of the target-customer grid.
 * @category Segmentation
 */
export type TargetClass = "key target" | "target" | "non-target";

/**
 * The 3×3 grid: `grid[cost][demand]` is the recommendation for that cell.
 * @category Segmentation
 */
export type TargetGridCells = Readonly<
  Record<CostLevel, Readonly<Record<DemandLevel, TargetClass>>>
>;

/**
 * A customer's two measures for {@link targetCustomerGrid}.
 * @category Segmentation
 */
export interface TargetGridInput {
  /** The customer's id (unique). */
  readonly customerId: string;
  /** Customer total cost (the cost of acquiring and serving the customer). */
  readonly totalCost: MoneyInput;
  /** Demand (the customer's expected purchase volume). */
  readonly demand: MoneyInput;
}

/**
 * Options of {@link targetCustomerGrid}.
 * @category Segmentation
 */
export interface TargetCustomerGridOptions {
  /** Split rule of the cost axis (default `"tertiles"`). */
  readonly totalCost?: GridSplitRule;
  /** Split rule of the demand axis (default `"tertiles"`). */
  readonly demand?: GridSplitRule;
  /** The cell → recommendation map (default {@link TARGET_GRID_CELLS}). */
  readonly cells?: TargetGridCells;
}

/**
 * A customer's place in the target-customer grid (a row of `placements`).
 * @category Segmentation
 */
export interface TargetGridPlacement {
  /** The customer's id, from the input row. */
  readonly customerId: string;
  /** Cost level. */
  readonly cost: CostLevel;
  /** Demand level. */
  readonly demand: DemandLevel;
  /** The recommendation for the cell. */
  readonly target: TargetClass;
}

/**
 * Result of {@link targetCustomerGrid}.
 * @category Segmentation
 */
export interface TargetCustomerGridResult {
  /** Placement per customer, one row per input row, in input order. */
  readonly placements: TargetGridPlacement[];
  /** Split points used per axis: `[low/medium, medium/high]`; a value equal to a split point goes up. */
  readonly splitPoints: {
    /** Split points of the cost axis. */
    readonly totalCost: readonly [Decimal, Decimal];
    /** Split points of the demand axis. */
    readonly demand: readonly [Decimal, Decimal];
  };
  /** Number of customers per recommendation (all three present). */
  readonly counts: Record<TargetClass, number>;
  /** The cell → recommendation map used. */
  readonly cells: TargetGridCells;
}

/**
 * Default recommendation per cell (rows: cost; columns: demand). A cell is a key target when demand
 * exceeds cost by one level or more, a target on the diagonal, a non-target below it.
 * @example
 * ```ts
 * import { TARGET_GRID_CELLS } from "customer-value";
 * TARGET_GRID_CELLS.low.large; // => "key target"
 * TARGET_GRID_CELLS.medium.medium; // => "target"
 * TARGET_GRID_CELLS.high.small; // => "non-target"
 * ```
 * @category Segmentation
 * @see Kotler, P. & Keller, K. L. *Marketing Management* (target-market selection by segment attractiveness and cost to serve).
 */
export const TARGET_GRID_CELLS: TargetGridCells = Object.freeze({
  low: Object.freeze({ small: "target", medium: "key target", large: "key target" } as const),
  medium: Object.freeze({ small: "non-target", medium: "target", large: "key target" } as const),
  high: Object.freeze({ small: "non-target", medium: "non-target", large: "target" } as const),
});

const targetClass = z.enum(["key target", "target", "non-target"]);
const row = z.strictObject({ small: targetClass, medium: targetClass, large: targetClass });

const optionsSchema = z.strictObject({
  totalCost: z.exactOptional(gridSplitRuleSchema),
  demand: z.exactOptional(gridSplitRuleSchema),
  cells: z.exactOptional(z.strictObject({ low: row, medium: row, high: row })),
}) satisfies z.ZodMiniType<unknown, TargetCustomerGridOptions>;

const COST: readonly CostLevel[] = ["low", "medium", "high"];
const DEMAND: readonly DemandLevel[] = ["small", "medium", "large"];

/**
 * The target-customer grid: customer total cost (low / medium / high) × demand (small / medium /
 * large) → key target, target or non-target.
 *
 * Each axis has two split points; a value ≥ the first is at least "medium", ≥ the second is
 * "high"/"large" (ties to the high side). The split points are the tertiles (type-7 quantiles at
 * 1/3 and 2/3, computed exactly in decimals; default) or two numbers you give. The grid itself is a
 * course convention with no published formula: the default {@link TARGET_GRID_CELLS} marks a key
 * target where demand is at least one level above cost; pass `cells` to use your own.
 *
 * @param customers - `customerId`, `totalCost` and `demand` per customer (ids unique)
 * @param options - split rules per axis and the cell map
 * @returns the placement per customer (`placements`, input order), the split points and the counts
 *   per recommendation
 * @throws {@link InvalidInputError} listing every problem: an unknown split rule or unordered
 *   thresholds (`options.totalCost`), an unknown option; a row that is not an object
 *   (`customers[i]`), a missing or repeated id (`customers[i].customerId`, code `"duplicate"`), an
 *   invalid measure (`customers[i].demand`)
 * @example
 * ```ts
 * import { targetCustomerGrid } from "customer-value";
 * const result = targetCustomerGrid(
 *   [
 *     { customerId: "a", totalCost: 100, demand: 9000 },
 *     { customerId: "b", totalCost: 900, demand: 500 },
 *     { customerId: "c", totalCost: 400, demand: 4000 },
 *   ],
 *   { totalCost: [300, 600], demand: [1000, 5000] },
 * );
 * result.placements[0]; // => { customerId: "a", cost: "low", demand: "large", target: "key target" }
 * result.placements.map((p) => p.target); // => ["key target", "non-target", "target"]
 * result.counts; // => { "key target": 1, target: 1, "non-target": 1 }
 * ```
 * @category Segmentation
 * @see Kotler, P. & Keller, K. L. *Marketing Management* (evaluating and selecting target segments).
 */
export function targetCustomerGrid(
  customers: readonly TargetGridInput[],
  options: TargetCustomerGridOptions = {},
): TargetCustomerGridResult {
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const rules = { totalCost: opts.totalCost ?? "tertiles", demand: opts.demand ?? "tertiles" };
  const cells = opts.cells ?? TARGET_GRID_CELLS;
  const counts: Record<TargetClass, number> = { "key target": 0, target: 0, "non-target": 0 };
  const { placements, splitPoints } = placeOnGrid(
    FN,
    customers,
    ["totalCost", "demand"],
    (values, axis) =>
      gridSplitPoints(values, axis === "totalCost" ? rules.totalCost : rules.demand),
    (customerId, costLevel, demandLevel): TargetGridPlacement => {
      const cost = COST[costLevel]!;
      const demand = DEMAND[demandLevel]!;
      const target = cells[cost][demand];
      counts[target]++;
      return { customerId, cost, demand, target };
    },
  );
  return { placements, splitPoints, counts, cells };
}

import type * as z from "zod/mini";
import type { Decimal, MoneyInput } from "../core/money.js";
import type { SplitRule } from "./split.js";
import {
  type MatrixPlacement,
  type TwoByTwoPreset,
  twoByTwoMatrix,
  twoByTwoOptionsSchema,
} from "./valueGrid.js";

export type { MatrixPlacement } from "./valueGrid.js";

/**
 * The four groups of the current value × growth potential matrix.
 * @category Segmentation
 */
export type ValueMatrixCell = "I" | "II" | "III" | "IV";

/**
 * A customer's two measures for {@link valueMatrix}.
 * @category Segmentation
 */
export interface ValueMatrixInput {
  /** The customer's id (unique). */
  readonly customerId: string;
  /** Current value (e.g. profit or revenue over the last year). */
  readonly current: MoneyInput;
  /** Growth potential (e.g. a model-based residual CLV, or share-of-wallet headroom). */
  readonly potential: MoneyInput;
}

/**
 * Options of {@link valueMatrix}.
 * @category Segmentation
 */
export interface ValueMatrixOptions {
  /** Split rule of the current-value axis (default `"median"`). */
  readonly current?: SplitRule;
  /** Split rule of the potential axis (default `"median"`). */
  readonly potential?: SplitRule;
  /** Policy text per cell, overriding {@link VALUE_MATRIX_POLICIES}. */
  readonly policies?: Partial<Readonly<Record<ValueMatrixCell, string>>>;
}

/**
 * Result of {@link valueMatrix}.
 * @category Segmentation
 */
export interface ValueMatrixResult {
  /** Cell and policy per customer, one row per input row, in input order. */
  readonly placements: MatrixPlacement<ValueMatrixCell>[];
  /** Split points used: values ≥ the split point are "high". */
  readonly splitPoints: {
    /** Split point of the current-value axis. */
    readonly current: Decimal;
    /** Split point of the potential axis. */
    readonly potential: Decimal;
  };
  /** Number of customers per cell (all four cells present). */
  readonly counts: Record<ValueMatrixCell, number>;
  /** The policy of each cell. */
  readonly policies: Readonly<Record<ValueMatrixCell, string>>;
}

/**
 * Default policies of the current value × growth potential matrix (resources rise from I to IV).
 * @example
 * ```ts
 * import { VALUE_MATRIX_POLICIES } from "customer-value";
 * Object.keys(VALUE_MATRIX_POLICIES); // => ["I", "II", "III", "IV"]
 * ```
 * @category Segmentation
 * @see Chen Mingliang (陈明亮), customer value segmentation by current value and growth potential (Chinese CRM textbooks).
 */
export const VALUE_MATRIX_POLICIES: Readonly<Record<ValueMatrixCell, string>> = Object.freeze({
  I: "Low current value, low potential: serve through low-cost channels, minimal investment",
  II: "Low current value, high potential: develop — invest to grow share of wallet",
  III: "High current value, low potential: maintain — keep the relationship efficiently",
  IV: "High current value, high potential: prioritise — most resources, dedicated attention",
});

/** The value matrix: high/low current value × high/low potential. */
const PRESET: TwoByTwoPreset<"current" | "potential", ValueMatrixCell> = {
  fn: "valueMatrix",
  axes: ["current", "potential"],
  defaults: { current: "median", potential: "median" },
  cells: [
    ["I", "II"],
    ["III", "IV"],
  ],
  policies: VALUE_MATRIX_POLICIES,
};

const optionsSchema = twoByTwoOptionsSchema(PRESET) satisfies z.ZodMiniType<
  unknown,
  ValueMatrixOptions
>;

/**
 * Places customers in the current value × growth potential matrix: I (low, low), II (low current,
 * high potential), III (high current, low potential), IV (high, high), with a policy per cell.
 *
 * An axis is "high" when the value is ≥ its split point (ties to the high side); the split point is
 * the median (default; robust to skewed value distributions), the mean, or a fixed number. There is
 * no formula in the literature for the measures themselves: pass any current value (recent profit)
 * and any potential (a model-based residual CLV such as expected future value, or wallet
 * headroom). Siebel's A/B/C/D account portfolio is the same two-axis idea.
 *
 * @param customers - `customerId`, `current` and `potential` per customer (ids unique)
 * @param options - split rules for both axes and optional policy texts
 * @returns the cell and policy per customer (`placements`, input order), the split points used and
 *   the counts per cell
 * @throws {@link InvalidInputError} listing every problem: an unknown split rule
 *   (`options.current`), an unknown option; a row that is not an object (`customers[i]`), a
 *   missing or repeated id (`customers[i].customerId`, code `"duplicate"`), an invalid amount
 *   (`customers[i].potential`, code `"invalid_money"`)
 * @example
 * ```ts
 * import { valueMatrix } from "customer-value";
 * const result = valueMatrix(
 *   [
 *     { customerId: "a", current: 100, potential: 900 },
 *     { customerId: "b", current: 500, potential: 50 },
 *     { customerId: "c", current: 300, potential: 300 },
 *     { customerId: "d", current: 20, potential: 10 },
 *   ],
 * );
 * result.splitPoints.current.toString(); // => "200"
 * result.placements.map((p) => p.cell); // => ["II", "III", "IV", "I"]
 * result.placements[0]?.customerId; // => "a"
 * result.counts; // => { I: 1, II: 1, III: 1, IV: 1 }
 * ```
 * @category Segmentation
 * @see Chen Mingliang (陈明亮) (2001–2002), customer value segmentation by current value and value-added potential (*Journal of Zhejiang University*); Siebel *Portfolio Management Process*.
 */
export function valueMatrix(
  customers: readonly ValueMatrixInput[],
  options: ValueMatrixOptions = {},
): ValueMatrixResult {
  return twoByTwoMatrix(PRESET, optionsSchema, customers, options);
}

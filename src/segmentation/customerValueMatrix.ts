import type * as z from "zod/mini";
import type { Decimal, MoneyInput } from "../core/money.js";
import type { SplitRule } from "./split.js";
import {
  type MatrixPlacement,
  type TwoByTwoPreset,
  twoByTwoMatrix,
  twoByTwoOptionsSchema,
} from "./valueGrid.js";

/**
 * The four groups of Marcus's customer value matrix.
 * @category Segmentation
 */
export type CustomerValueCell = "Best" | "Spenders" | "Frequent" | "Uncertain";

/**
 * A customer's two measures for {@link customerValueMatrix} (an {@link RfmRow} fits).
 * @category Segmentation
 */
export interface CustomerValueInput {
  /** The customer's id (unique). */
  readonly customerId: string;
  /** Number of purchases, the first one included (≥ 0). */
  readonly purchases: number;
  /** Average spend per purchase. */
  readonly averageSpend: MoneyInput;
}

/**
 * Options of {@link customerValueMatrix}.
 * @category Segmentation
 */
export interface CustomerValueMatrixOptions {
  /** Split rule of the purchases axis (default `"mean"`, as Marcus). */
  readonly purchases?: SplitRule;
  /** Split rule of the average-spend axis (default `"mean"`, as Marcus). */
  readonly averageSpend?: SplitRule;
  /** Policy text per cell, overriding {@link CUSTOMER_VALUE_POLICIES}. */
  readonly policies?: Partial<Readonly<Record<CustomerValueCell, string>>>;
}

/**
 * Result of {@link customerValueMatrix}.
 * @category Segmentation
 */
export interface CustomerValueMatrixResult {
  /** Cell and policy per customer, one row per input row, in input order. */
  readonly placements: MatrixPlacement<CustomerValueCell>[];
  /** Split points used: values ≥ the split point are "high". */
  readonly splitPoints: {
    /** Split point of the purchases axis. */
    readonly purchases: Decimal;
    /** Split point of the average-spend axis. */
    readonly averageSpend: Decimal;
  };
  /** Number of customers per cell (all four cells present). */
  readonly counts: Record<CustomerValueCell, number>;
  /** The policy of each cell. */
  readonly policies: Readonly<Record<CustomerValueCell, string>>;
}

/**
 * Default policies of Marcus's customer value matrix.
 * @example
 * ```ts
 * import { CUSTOMER_VALUE_POLICIES } from "customer-value";
 * Object.keys(CUSTOMER_VALUE_POLICIES); // => ["Best", "Spenders", "Frequent", "Uncertain"]
 * ```
 * @category Segmentation
 * @see Marcus, C. (1998). A practical yet meaningful approach to customer segmentation. *Journal of Consumer Marketing* 15(5), 494–504.
 */
export const CUSTOMER_VALUE_POLICIES: Readonly<Record<CustomerValueCell, string>> = Object.freeze({
  Best: "Frequent, high-spending: retain — recognition, loyalty rewards, premium service",
  Spenders: "High spend, infrequent: raise purchase frequency — reminders, occasion-based offers",
  Frequent: "Frequent, low spend: raise spend per purchase — cross-sell and up-sell",
  Uncertain: "Infrequent, low spend: low-cost contact; find those who can move up",
});

/** Marcus's matrix: high/low purchases × high/low average spend. */
const PRESET: TwoByTwoPreset<"purchases" | "averageSpend", CustomerValueCell> = {
  fn: "customerValueMatrix",
  axes: ["purchases", "averageSpend"],
  defaults: { purchases: "mean", averageSpend: "mean" },
  cells: [
    ["Uncertain", "Spenders"],
    ["Frequent", "Best"],
  ],
  policies: CUSTOMER_VALUE_POLICIES,
  nonNegative: ["purchases"],
};

const optionsSchema = twoByTwoOptionsSchema(PRESET) satisfies z.ZodMiniType<
  unknown,
  CustomerValueMatrixOptions
>;

/**
 * Marcus's (1998) customer value matrix: purchase frequency × average purchase amount → Best (high,
 * high), Spenders (low frequency, high average), Frequent (high frequency, low average), Uncertain
 * (low, low).
 *
 * An axis is "high" when the value is ≥ its split point (ties to the high side). Marcus compares
 * each customer with the **mean** frequency and the **mean** of the customers' average purchase
 * amounts (unweighted: each customer counts once), which is the default; `"median"` or fixed
 * numbers are the alternatives. Marcus restricts the analysis to active customers first (filter by
 * recency before calling) and excludes customers without purchases.
 *
 * @param customers - `customerId`, `purchases` and `averageSpend` per customer ({@link rfmTable}'s
 *   rows fit as they are; ids unique)
 * @param options - split rules and optional policy texts
 * @returns the cell and policy per customer (`placements`, input order), the split points and the
 *   counts per cell
 * @throws {@link InvalidInputError} listing every problem: an unknown split rule
 *   (`options.purchases`), an unknown option; a row that is not an object (`customers[i]`), a
 *   missing or repeated id (`customers[i].customerId`, code `"duplicate"`), a negative or invalid
 *   number of purchases (`customers[i].purchases`), an invalid amount (`customers[i].averageSpend`)
 * @example
 * ```ts
 * import { customerValueMatrix } from "customer-value";
 * const result = customerValueMatrix(
 *   [
 *     { customerId: "A", purchases: 10, averageSpend: 50 },
 *     { customerId: "B", purchases: 2, averageSpend: 200 },
 *     { customerId: "C", purchases: 8, averageSpend: 20 },
 *     { customerId: "D", purchases: 1, averageSpend: 30 },
 *     { customerId: "E", purchases: 9, averageSpend: 120 },
 *   ],
 * );
 * result.splitPoints.averageSpend.toString(); // => "84"
 * result.placements.map((p) => p.cell); // => ["Frequent", "Spenders", "Frequent", "Uncertain", "Best"]
 * ```
 * @category Segmentation
 * @see Marcus, C. (1998). A practical yet meaningful approach to customer segmentation. *Journal of Consumer Marketing* 15(5), 494–504.
 */
export function customerValueMatrix(
  customers: readonly CustomerValueInput[],
  options: CustomerValueMatrixOptions = {},
): CustomerValueMatrixResult {
  return twoByTwoMatrix(PRESET, optionsSchema, customers, options);
}

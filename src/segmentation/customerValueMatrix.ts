import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import type { Decimal, MoneyInput } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import { readMeasure, type SplitRule, splitPoint, splitRuleSchema } from "./split.js";
import { definedOnly, type MatrixPlacement } from "./valueMatrix.js";

const FN = "customerValueMatrix";

/** The four groups of Marcus's customer value matrix. */
export type CustomerValueCell = "Best" | "Spenders" | "Frequent" | "Uncertain";

/** A customer's two measures for {@link customerValueMatrix} (an {@link RfmRow} fits). */
export interface CustomerValueInput {
  /** Number of purchases (≥ 0). */
  readonly frequency: number;
  /** Average purchase amount. */
  readonly averageMonetary: MoneyInput;
}

/** Options of {@link customerValueMatrix}. */
export interface CustomerValueMatrixOptions {
  /** Split rule of the frequency axis (default `"mean"`, as Marcus). */
  readonly frequency?: SplitRule;
  /** Split rule of the average-purchase axis (default `"mean"`, as Marcus). */
  readonly averageMonetary?: SplitRule;
  /** Policy text per cell, overriding {@link CUSTOMER_VALUE_POLICIES}. */
  readonly policies?: Partial<Readonly<Record<CustomerValueCell, string>>>;
}

/** Result of {@link customerValueMatrix}. */
export interface CustomerValueMatrixResult {
  /** Cell and policy per customer, in input order. */
  readonly customers: Map<string, MatrixPlacement<CustomerValueCell>>;
  /** Split points used: values ≥ the split point are "high". */
  readonly splitPoints: {
    /** Split point of the frequency axis. */
    readonly frequency: Decimal;
    /** Split point of the average-purchase axis. */
    readonly averageMonetary: Decimal;
  };
  /** Number of customers per cell (all four cells present). */
  readonly counts: Map<CustomerValueCell, number>;
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

const optionsSchema = z.strictObject({
  frequency: splitRuleSchema.exactOptional(),
  averageMonetary: splitRuleSchema.exactOptional(),
  policies: z
    .strictObject({
      Best: z.string().exactOptional(),
      Spenders: z.string().exactOptional(),
      Frequent: z.string().exactOptional(),
      Uncertain: z.string().exactOptional(),
    })
    .exactOptional(),
}) satisfies z.ZodType<unknown, CustomerValueMatrixOptions>;

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
 * @param rows - `frequency` and `averageMonetary` per customer (an {@link rfmTable} result fits)
 * @param options - split rules and optional policy texts
 * @returns the cell and policy per customer, the split points and the counts per cell
 * @throws {@link InvalidInputError} on an unknown split rule (path `frequency`), a negative or
 *   non-finite frequency (path `[id].frequency`), an invalid amount, or an unknown option
 * @example
 * ```ts
 * import { customerValueMatrix } from "customer-value";
 * const result = customerValueMatrix(
 *   new Map([
 *     ["A", { frequency: 10, averageMonetary: 50 }],
 *     ["B", { frequency: 2, averageMonetary: 200 }],
 *     ["C", { frequency: 8, averageMonetary: 20 }],
 *     ["D", { frequency: 1, averageMonetary: 30 }],
 *     ["E", { frequency: 9, averageMonetary: 120 }],
 *   ]),
 * );
 * result.splitPoints.averageMonetary.toString(); // => "84"
 * [...result.customers.values()].map((c) => c.cell); // => ["Frequent", "Spenders", "Frequent", "Uncertain", "Best"]
 * ```
 * @category Segmentation
 * @see Marcus, C. (1998). A practical yet meaningful approach to customer segmentation. *Journal of Consumer Marketing* 15(5), 494–504.
 */
export function customerValueMatrix(
  rows: ReadonlyMap<string, CustomerValueInput>,
  options: CustomerValueMatrixOptions = {},
): CustomerValueMatrixResult {
  const opts = parseInput(FN, optionsSchema, options);
  const frequency = readMeasure(FN, rows, "frequency");
  frequency.values.forEach((v, i) => {
    if (v.isNegative()) {
      throw invalidInput(
        FN,
        [frequency.ids[i]!, "frequency"],
        "Expected a non-negative number of purchases",
      );
    }
  });
  const average = readMeasure(FN, rows, "averageMonetary");
  const fs = splitPoint(frequency.values, opts.frequency ?? "mean");
  const as = splitPoint(average.values, opts.averageMonetary ?? "mean");
  const policies = { ...CUSTOMER_VALUE_POLICIES, ...definedOnly(opts.policies) };
  const counts = new Map<CustomerValueCell, number>([
    ["Best", 0],
    ["Spenders", 0],
    ["Frequent", 0],
    ["Uncertain", 0],
  ]);
  const customers = new Map<string, MatrixPlacement<CustomerValueCell>>();
  frequency.ids.forEach((id, i) => {
    const highF = frequency.values[i]!.gte(fs);
    const highA = average.values[i]!.gte(as);
    const cell: CustomerValueCell = highF
      ? highA
        ? "Best"
        : "Frequent"
      : highA
        ? "Spenders"
        : "Uncertain";
    counts.set(cell, counts.get(cell)! + 1);
    customers.set(id, { cell, policy: policies[cell] });
  });
  return { customers, splitPoints: { frequency: fs, averageMonetary: as }, counts, policies };
}

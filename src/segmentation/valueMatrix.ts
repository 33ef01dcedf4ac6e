import { z } from "zod";
import type { Decimal, MoneyInput } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import { readCustomerRows, type SplitRule, splitPoint, splitRuleSchema } from "./split.js";

const FN = "valueMatrix";

/** The four groups of the current value × growth potential matrix. */
export type ValueMatrixCell = "I" | "II" | "III" | "IV";

/** A customer's two measures for {@link valueMatrix}. */
export interface ValueMatrixInput {
  /** The customer's id (unique). */
  readonly customerId: string;
  /** Current value (e.g. profit or revenue over the last year). */
  readonly current: MoneyInput;
  /** Growth potential (e.g. a model-based residual CLV, or share-of-wallet headroom). */
  readonly potential: MoneyInput;
}

/** Options of {@link valueMatrix}. */
export interface ValueMatrixOptions {
  /** Split rule of the current-value axis (default `"median"`). */
  readonly current?: SplitRule;
  /** Split rule of the potential axis (default `"median"`). */
  readonly potential?: SplitRule;
  /** Policy text per cell, overriding {@link VALUE_MATRIX_POLICIES}. */
  readonly policies?: Partial<Readonly<Record<ValueMatrixCell, string>>>;
}

/** A customer's place in a two-by-two matrix (a row of a matrix's `placements`). */
export interface MatrixPlacement<Cell extends string> {
  /** The customer's id, from the input row. */
  readonly customerId: string;
  /** The cell. */
  readonly cell: Cell;
  /** The recommended policy for the cell. */
  readonly policy: string;
}

/** Result of {@link valueMatrix}. */
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

const policiesSchema = z
  .strictObject({
    I: z.string().exactOptional(),
    II: z.string().exactOptional(),
    III: z.string().exactOptional(),
    IV: z.string().exactOptional(),
  })
  .exactOptional();

const optionsSchema = z.strictObject({
  current: splitRuleSchema.exactOptional(),
  potential: splitRuleSchema.exactOptional(),
  policies: policiesSchema,
}) satisfies z.ZodType<unknown, ValueMatrixOptions>;

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
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const { ids, values } = readCustomerRows(FN, "customers", customers, ["current", "potential"]);
  const cs = splitPoint(values.current, opts.current ?? "median");
  const ps = splitPoint(values.potential, opts.potential ?? "median");
  const policies = { ...VALUE_MATRIX_POLICIES, ...definedOnly(opts.policies) };
  const counts: Record<ValueMatrixCell, number> = { I: 0, II: 0, III: 0, IV: 0 };
  const placements = ids.map((customerId, i): MatrixPlacement<ValueMatrixCell> => {
    const highC = values.current[i]!.gte(cs);
    const highP = values.potential[i]!.gte(ps);
    const cell: ValueMatrixCell = highC ? (highP ? "IV" : "III") : highP ? "II" : "I";
    counts[cell]++;
    return { customerId, cell, policy: policies[cell] };
  });
  return { placements, splitPoints: { current: cs, potential: ps }, counts, policies };
}

/** Drops keys whose value is undefined. @internal */
export function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (o === undefined) return out;
  for (const [k, v] of Object.entries(o))
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

import * as z from "zod/mini";
import { IssueCollector, invalidInput } from "../core/errors.js";
import type { TimeUnit } from "../core/time.js";
import { checkArray, parseInput } from "../core/validate.js";
import { readRows } from "./btydRows.js";

/**
 * Risk level of {@link recencyChurnRisk}: within the usual gap, overdue, or lapsed.
 * @category Churn
 */
export type RecencyRiskLevel = "active" | "at-risk" | "lapsed";

/**
 * One customer's buy-till-you-die summary as {@link recencyChurnRisk} reads it — the row
 * `summarizeTransactions` returns (other fields, such as `totalSpend`, are ignored).
 * @category Churn
 */
export interface RecencyChurnRiskRow {
  /** The customer's id; when given it is copied to the customer's result row. */
  readonly customerId?: string;
  /** Number of **repeat** purchase periods, x (the first purchase is not counted); integer ≥ 0. */
  readonly frequency: number;
  /** Time from the first to the last purchase, tₓ, in `unit` (0 when `frequency` is 0); 0 ≤ recency ≤ T. Not the time since the last purchase. */
  readonly recency: number;
  /** Time from the first purchase to the end of observation, in `unit`; T ≥ 0 (0: first purchase at the end of observation, then frequency and recency are 0). */
  readonly T: number;
  /** The time unit of `recency` and `T` (rows of `summarizeTransactions` carry it); when given, every row must have the same. */
  readonly unit?: TimeUnit;
}

/**
 * Options of {@link recencyChurnRisk}.
 * @category Churn
 */
export interface RecencyChurnRiskOptions {
  /** Overdue ratio above which a customer is `"lapsed"` (default 3: three usual gaps without a purchase). */
  readonly lapsedAfter?: number;
  /** Usual gap for customers without repeat purchases (> 0, in the rows' unit, like `recency` and `T`); default the median gap of the repeat buyers in the input. */
  readonly defaultGap?: number;
}

/**
 * Model-free churn risk of one customer.
 * @category Churn
 */
export interface RecencyChurnRisk {
  /** The input row's `customerId`; present exactly when the row has one. */
  readonly customerId?: string;
  /** Time since the last purchase, `T − recency`, in the rows' unit. */
  readonly timeSinceLastPurchase: number;
  /** The customer's typical gap between purchases, `recency / frequency` (or the default gap for one-time buyers). */
  readonly typicalGap: number;
  /** Whether `typicalGap` is the customer's own (false for one-time buyers, who get the default). */
  readonly ownGap: boolean;
  /** `elapsed / typicalGap`: how many usual gaps have passed without a purchase. */
  readonly overdueRatio: number;
  /** `1 − e^{−overdueRatio}`, in [0, 1): the chance a purchase would already have come at the customer's own pace (Poisson purchasing). */
  readonly riskScore: number;
  /** `"active"` when overdueRatio ≤ 1, `"lapsed"` when > `lapsedAfter`, else `"at-risk"`. */
  readonly level: RecencyRiskLevel;
}

const optionsSchema = z.strictObject({
  lapsedAfter: z.exactOptional(z.number().check(z.minimum(1))),
  defaultGap: z.exactOptional(z.number().check(z.positive())),
}) satisfies z.ZodMiniType<unknown, RecencyChurnRiskOptions>;

const FN = "recencyChurnRisk";
/** Name of the data argument, the first key of every row path (`customers[2].recency`). */
const ARG = "customers";

/**
 * Model-free churn risk from recency relative to the customer's own purchase rhythm, for users
 * without a fitted model.
 *
 * With the buy-till-you-die (BTYD) summary `{ frequency x, recency t_x, T }` (one time unit
 * throughout; `recency` is the time from the first to the last purchase, as everywhere in the
 * library): the typical gap is `t_x / x` (the mean time between purchases), the time since the last
 * purchase is `T − t_x`, and the overdue ratio is `(T − t_x) / gap`. Rule: ratio ≤ 1 → `"active"`; 1 < ratio ≤ `lapsedAfter` (3) →
 * `"at-risk"`; above → `"lapsed"`. The risk score `1 − e^{−ratio}` is the probability that a
 * customer still buying as a Poisson process at their own rate would have bought by now, so it rises
 * monotonically with the ratio. Convention: the gap is the mean (not the median) inter-purchase
 * time, because the summary is all most users have; one-time buyers (x = 0) have no gap of their
 * own and get `defaultGap` (default: the median gap of the repeat buyers in the input). A
 * probabilistic alternative is {@link churnRisk} with a fitted BG/NBD.
 *
 * @param customers - `{ customerId?, frequency, recency, T, unit? }` per customer, e.g. the rows
 *   of `summarizeTransactions` (other fields ignored)
 * @param options - `lapsedAfter`, `defaultGap`
 * @returns one result row per customer, in input order, carrying the row's `customerId` when it
 *   has one
 * @throws {InvalidInputError} listing every bad row in one pass (up to 100): a non-integer or
 *   negative `frequency` (`customers[i].frequency`, `not_integer` / `too_small`), `T` < 0
 *   (`customers[i].T`, `too_small`), `recency` outside [0, T] or inconsistent with `frequency`
 *   (`customers[i].recency`, `too_small` / `inconsistent`), a missing `T` on a row that has
 *   `daysSinceLastPurchase` (an RFM row: `customers[i].T`, `wrong_row_kind`), a non-string id
 *   (`customers[i].customerId`, `invalid_type`), a `unit` that differs from the first row's
 *   (`customers[i].unit`, `unit_mismatch`); one-time buyers but no repeat buyer and no `defaultGap`
 *   (`options.defaultGap`, `required`), or a typical gap too small for a finite overdue ratio
 *   (`customers[i].recency`, `unsupported`)
 * @example
 * ```ts
 * import { recencyChurnRisk } from "customer-value";
 * const [regular, overdue] = recencyChurnRisk([
 *   { customerId: "ann", frequency: 4, recency: 40, T: 45, unit: "week" },
 *   { customerId: "bob", frequency: 2, recency: 10, T: 40, unit: "week" },
 * ]);
 * regular!.level; // => "active"
 * overdue!.customerId; // => "bob"
 * overdue!.timeSinceLastPurchase; // => 30
 * overdue!.overdueRatio; // => 6
 * overdue!.level; // => "lapsed"
 * ```
 * @category Churn
 * @see Hughes, A. M. (1994). Strategic Database Marketing (recency as the strongest predictor);
 *   Wübben, M. & von Wangenheim, F. (2008). Instant customer base analysis: managerial heuristics
 *   often "get it right". Journal of Marketing 72(3), 82–93 (the hiatus heuristic).
 */
export function recencyChurnRisk(
  customers: readonly RecencyChurnRiskRow[],
  options: RecencyChurnRiskOptions = {},
): RecencyChurnRisk[] {
  checkArray(FN, customers, "an array of customers", [ARG]);
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const lapsedAfter = opts.lapsedAfter ?? 3;
  const { ids, x, tx, T, gaps } = readRows(FN, customers);
  const fallback = opts.defaultGap ?? medianOf(gaps);
  const n = customers.length;
  const out: RecencyChurnRisk[] = new Array(n);
  const issues = new IssueCollector();
  for (let i = 0; i < n; i++) {
    const own = x[i]! > 0;
    if (!own && fallback === undefined) {
      throw invalidInput(
        FN,
        ["options", "defaultGap"],
        "One-time buyers need a defaultGap when no customer has repeat purchases",
        "required",
        undefined,
      );
    }
    const gap = own ? tx[i]! / x[i]! : (fallback as number);
    const risk = recencyRisk(T[i]! - tx[i]!, gap, own, lapsedAfter);
    if (risk === undefined) {
      // recency / frequency underflows (recency 5e-324, frequency 1e308): no usable pace.
      issues.add(
        own ? [ARG, i, "recency"] : ["options", "defaultGap"],
        `The typical gap between purchases (${gap}) is too small to measure how overdue the customer is`,
        "unsupported",
        own ? tx[i]! : fallback,
      );
      if (issues.full) break;
      continue;
    }
    const id = ids[i];
    out[i] = id === undefined ? risk : { customerId: id, ...risk };
  }
  issues.throwIfAny(FN);
  return out;
}

/**
 * The rule for one customer: `elapsed` (T − tₓ) over the typical `gap` is the overdue ratio; the
 * risk score is `1 − e^{−ratio}`; the level is `"active"` up to a ratio of 1, `"lapsed"` above
 * `lapsedAfter`, `"at-risk"` in between. `undefined` when the ratio is not finite (a gap too small
 * to measure against).
 */
function recencyRisk(
  elapsed: number,
  gap: number,
  ownGap: boolean,
  lapsedAfter: number,
): RecencyChurnRisk | undefined {
  const ratio = elapsed / gap;
  if (!Number.isFinite(ratio)) return undefined;
  return {
    timeSinceLastPurchase: elapsed,
    typicalGap: gap,
    ownGap,
    overdueRatio: ratio,
    riskScore: -Math.expm1(-ratio),
    level: ratio <= 1 ? "active" : ratio > lapsedAfter ? "lapsed" : "at-risk",
  };
}

/** The median of `values` (sorted in place), `undefined` for none. */
function medianOf(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

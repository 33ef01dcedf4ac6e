import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { assertArrayShape, parseInput } from "../core/validate.js";
import type { PurchaseHistory } from "../models/types.js";

/**
 * Risk level of {@link recencyChurnRisk}: within the usual gap, overdue, or lapsed.
 * @category Churn
 */
export type RecencyRiskLevel = "active" | "at-risk" | "lapsed";

/**
 * Options of {@link recencyChurnRisk}.
 * @category Churn
 */
export interface RecencyChurnRiskOptions {
  /** Overdue ratio above which a customer is `"lapsed"` (default 3: three usual gaps without a purchase). */
  readonly lapsedAfter?: number;
  /** Usual gap for customers without repeat purchases (same unit as the histories); default the median gap of the repeat buyers in the input. */
  readonly defaultGap?: number;
}

/**
 * Model-free churn risk of one customer.
 * @category Churn
 */
export interface RecencyChurnRisk {
  /** Time since the last purchase, `T − recency` (unit of the input). */
  readonly elapsed: number;
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
  lapsedAfter: z.number().finite().min(1).exactOptional(),
  defaultGap: z.number().finite().positive().exactOptional(),
}) satisfies z.ZodType<unknown, RecencyChurnRiskOptions>;

const FN = "recencyChurnRisk";

/**
 * Model-free churn risk from recency relative to the customer's own purchase rhythm, for users
 * without a fitted model.
 *
 * With the BTYD summary `{ frequency x, recency t_x, T }` (one time unit throughout): the typical gap
 * is `t_x / x` (the mean time between purchases), the elapsed time is `T − t_x`, and the overdue
 * ratio is `elapsed / gap`. Rule: ratio ≤ 1 → `"active"`; 1 < ratio ≤ `lapsedAfter` (3) →
 * `"at-risk"`; above → `"lapsed"`. The risk score `1 − e^{−ratio}` is the probability that a
 * customer still buying as a Poisson process at their own rate would have bought by now, so it rises
 * monotonically with the ratio. Convention: the gap is the mean (not the median) inter-purchase
 * time, because the summary is all most users have; one-time buyers (x = 0) have no gap of their
 * own and get `defaultGap` (default: the median gap of the repeat buyers in the input). A
 * probabilistic alternative is {@link churnRisk} with a fitted BG/NBD.
 *
 * @param customers - `{ frequency, recency, T }` per customer (extra fields ignored)
 * @param options - `lapsedAfter`, `defaultGap`
 * @returns one result per customer, in input order
 * @throws {InvalidInputError} on an invalid history (path `[i].recency` …), or when there are
 *   one-time buyers but no repeat buyer and no `defaultGap`, or when the typical gap
 *   (`recency / frequency`) is too small for a finite overdue ratio (path `[i].recency`)
 * @example
 * ```ts
 * import { recencyChurnRisk } from "customer-value";
 * const [regular, overdue] = recencyChurnRisk([
 *   { frequency: 4, recency: 40, T: 45 },
 *   { frequency: 2, recency: 10, T: 40 },
 * ]);
 * regular!.level; // => "active"
 * overdue!.overdueRatio; // => 6
 * overdue!.level; // => "lapsed"
 * ```
 * @category Churn
 * @see Hughes, A. M. (1994). Strategic Database Marketing (recency as the strongest predictor);
 *   Wübben, M. & von Wangenheim, F. (2008). Instant customer base analysis: managerial heuristics
 *   often "get it right". Journal of Marketing 72(3), 82–93 (the hiatus heuristic).
 */
export function recencyChurnRisk(
  customers: readonly PurchaseHistory[],
  options: RecencyChurnRiskOptions = {},
): RecencyChurnRisk[] {
  assertArrayShape(FN, customers);
  if (!Array.isArray(customers)) throw invalidInput(FN, [], "Expected an array of customers");
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const lapsedAfter = opts.lapsedAfter ?? 3;
  const n = customers.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) {
    const c: unknown = customers[i];
    if (typeof c !== "object" || c === null) throw invalidInput(FN, [i], "Expected an object");
    const { frequency, recency, T: age } = c as Record<string, unknown>;
    if (typeof frequency !== "number" || !Number.isInteger(frequency) || frequency < 0) {
      throw invalidInput(FN, [i, "frequency"], "Expected an integer ≥ 0");
    }
    if (typeof age !== "number" || !Number.isFinite(age) || age <= 0) {
      throw invalidInput(FN, [i, "T"], "Expected a finite number > 0");
    }
    if (typeof recency !== "number" || !Number.isFinite(recency) || recency < 0 || recency > age) {
      throw invalidInput(FN, [i, "recency"], "Expected a number with 0 ≤ recency ≤ T");
    }
    if (frequency > 0 && recency === 0) {
      throw invalidInput(FN, [i, "recency"], "Expected recency > 0 for a repeat buyer");
    }
    if (frequency === 0 && recency !== 0) {
      throw invalidInput(FN, [i, "recency"], "Expected recency 0 when frequency is 0");
    }
    x[i] = frequency;
    tx[i] = recency;
    T[i] = age;
    if (frequency > 0) gaps.push(recency / frequency);
  }
  let fallback = opts.defaultGap;
  if (fallback === undefined && gaps.length > 0) {
    gaps.sort((a, b) => a - b);
    const mid = gaps.length >> 1;
    fallback = gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  }
  const out: RecencyChurnRisk[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const own = x[i]! > 0;
    if (!own && fallback === undefined) {
      throw invalidInput(
        FN,
        ["options", "defaultGap"],
        "One-time buyers need a defaultGap when no customer has repeat purchases",
      );
    }
    const gap = own ? tx[i]! / x[i]! : (fallback as number);
    const elapsed = T[i]! - tx[i]!;
    const ratio = elapsed / gap;
    if (!Number.isFinite(ratio)) {
      // recency / frequency underflows (recency 5e-324, frequency 1e308): no usable pace.
      throw invalidInput(
        FN,
        own ? [i, "recency"] : ["options", "defaultGap"],
        `The typical gap between purchases (${gap}) is too small to measure how overdue the customer is`,
      );
    }
    out[i] = {
      elapsed,
      typicalGap: gap,
      ownGap: own,
      overdueRatio: ratio,
      riskScore: -Math.expm1(-ratio),
      level: ratio <= 1 ? "active" : ratio > lapsedAfter ? "lapsed" : "at-risk",
    };
  }
  return out;
}

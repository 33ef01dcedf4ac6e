import * as z from "zod/mini";
import { type IssueCode, IssueCollector, invalidInput } from "../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../core/time.js";
import { checkArray, describeReceived, parseInput } from "../core/validate.js";

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
  /** Time from the first purchase to the end of observation, in `unit`; T > 0. */
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
 *   negative `frequency` (`customers[i].frequency`, `not_integer` / `too_small`), `T` ≤ 0
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
  const { ids, x, tx, T, gaps } = readRows(customers);
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

/** The validated rows as columns, and the repeat buyers' own gaps `tₓ / x`. */
interface RowColumns {
  readonly ids: (string | undefined)[];
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly gaps: number[];
}

/** Validates every row into columns; throws listing every bad row. */
function readRows(customers: readonly unknown[]): RowColumns {
  const n = customers.length;
  const ids: (string | undefined)[] = new Array(n);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const gaps: number[] = [];
  const issues = new IssueCollector();
  let firstUnit: unknown;
  for (let i = 0; i < n && !issues.full; i++) {
    const c: unknown = customers[i];
    if (typeof c !== "object" || c === null) {
      issues.add([ARG, i], "Expected an object", c === undefined ? "required" : "invalid_type", c);
      continue;
    }
    const before = issues.size;
    const row = c as Record<string, unknown>;
    const { customerId, frequency, recency, T: age, unit } = row;
    if (customerId !== undefined && typeof customerId !== "string") {
      issues.add(
        [ARG, i, "customerId"],
        `Expected a string id, received ${describeReceived(customerId)}`,
        "invalid_type",
        customerId,
      );
    }
    if (unit !== undefined) firstUnit = checkUnit(unit, firstUnit, i, issues);
    if (age === undefined && row.daysSinceLastPurchase !== undefined) {
      issues.add(
        [ARG, i, "T"],
        "This is an RFM row (daysSinceLastPurchase); recencyChurnRisk reads buy-till-you-die rows { frequency, recency, T }, as summarizeTransactions returns them",
        "wrong_row_kind",
        age,
      );
      continue;
    }
    checkSummary(frequency, recency, age, i, issues);
    if (issues.size > before) continue;
    const f = frequency as number;
    ids[i] = customerId as string | undefined;
    x[i] = f;
    tx[i] = recency as number;
    T[i] = age as number;
    if (f > 0) gaps.push((recency as number) / f);
  }
  issues.throwIfAny(FN);
  return { ids, x, tx, T, gaps };
}

/**
 * Checks a row's `unit`: a time unit, and the same as the first row that has one. Returns the first
 * unit seen so far (this one when it is the first).
 */
function checkUnit(unit: unknown, firstUnit: unknown, i: number, issues: IssueCollector): unknown {
  if (!timeUnitSchema.safeParse(unit).success) {
    issues.add(
      [ARG, i, "unit"],
      `Expected one of "day", "week", "month", "quarter", "year", received ${describeReceived(unit)}`,
      typeof unit === "string" ? "invalid_value" : "invalid_type",
      unit,
    );
  } else if (firstUnit === undefined) {
    return unit;
  } else if (unit !== firstUnit) {
    issues.add(
      [ARG, i, "unit"],
      `Every row must be in the same unit: this row is in ${describeReceived(unit)}, an earlier one in ${describeReceived(firstUnit)}`,
      "unit_mismatch",
      unit,
    );
  }
  return firstUnit;
}

/** Checks `frequency`, `recency` and `T` of one row, each alone and together. */
function checkSummary(
  frequency: unknown,
  recency: unknown,
  age: unknown,
  i: number,
  issues: IssueCollector,
): void {
  const frequencyCode = countCode(frequency);
  if (frequencyCode !== undefined) {
    issues.add([ARG, i, "frequency"], "Expected an integer ≥ 0", frequencyCode, frequency);
  }
  const ageCode = positiveCode(age);
  if (ageCode !== undefined) {
    issues.add([ARG, i, "T"], "Expected a finite number > 0", ageCode, age);
  }
  if (typeof recency !== "number" || !Number.isFinite(recency) || recency < 0) {
    issues.add(
      [ARG, i, "recency"],
      "Expected a number with 0 ≤ recency ≤ T",
      recency === undefined
        ? "required"
        : typeof recency !== "number" || Number.isNaN(recency)
          ? "invalid_type"
          : recency < 0
            ? "too_small"
            : "too_big",
      recency,
    );
  } else if (frequencyCode === undefined && ageCode === undefined) {
    const f = frequency as number;
    if (recency > (age as number)) {
      issues.add([ARG, i, "recency"], "Expected recency ≤ T", "inconsistent", recency);
    } else if (f > 0 && recency === 0) {
      issues.add(
        [ARG, i, "recency"],
        "Expected recency > 0 for a repeat buyer",
        "inconsistent",
        recency,
      );
    } else if (f === 0 && recency !== 0) {
      issues.add(
        [ARG, i, "recency"],
        "Expected recency 0 when frequency is 0",
        "inconsistent",
        recency,
      );
    }
  }
}

/** The code of a bad count (`frequency`), or `undefined` for an integer ≥ 0. */
function countCode(value: unknown): IssueCode | undefined {
  if (value === undefined) return "required";
  if (typeof value !== "number" || Number.isNaN(value)) return "invalid_type";
  if (value < 0) return "too_small";
  if (!Number.isInteger(value)) return Number.isFinite(value) ? "not_integer" : "too_big";
  return undefined;
}

/** The code of a bad positive number (`T`), or `undefined` for a finite number > 0. */
function positiveCode(value: unknown): IssueCode | undefined {
  if (value === undefined) return "required";
  if (typeof value !== "number" || Number.isNaN(value)) return "invalid_type";
  if (value <= 0) return "too_small";
  if (!Number.isFinite(value)) return "too_big";
  return undefined;
}

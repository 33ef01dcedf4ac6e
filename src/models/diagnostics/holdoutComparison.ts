/**
 * Calibration-vs-holdout comparison: actual against expected mean holdout purchases per bin of
 * calibration frequency, recency or time since the last purchase.
 * @module
 */
import * as z from "zod/mini";
import { type InputIssue, invalidInput } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { checkArray, parseInput } from "../../core/validate.js";
import type {
  BgBbModel,
  DiscretePurchaseHistory,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { purchaseKernel } from "../predictions/kernels.js";
import type { PurchaseHistory, PurchaseModel } from "../types.js";
import { isDiscrete, MAX_BINS, parseDiagnosableModel } from "./diagnosticModels.js";
import { holdoutRowIssues, readHoldoutRow } from "./holdoutRows.js";

/**
 * A customer's calibration history and holdout outcome, for a discrete-time model (BG/BB).
 * Extra fields are allowed and ignored.
 * @category Models
 */
export interface DiscreteHoldoutRow extends DiscretePurchaseHistory {
  /** Transactions in the holdout opportunities (integer, 0 ≤ holdoutFrequency ≤ holdoutPeriods). */
  readonly holdoutFrequency: number;
  /** Number of holdout opportunities (integer ≥ 1). */
  readonly holdoutPeriods: number;
  /** How many customers share this row (default 1); integer ≥ 1. */
  readonly count?: number;
  /** The time unit of one opportunity; when given, it must be the model's. */
  readonly unit?: TimeUnit;
}

/**
 * A customer's calibration history and holdout outcome, for a continuous-time model (BG/NBD,
 * MBG/NBD, Pareto/NBD); `splitCalibrationHoldout` returns such rows. Extra fields are ignored.
 * @category Models
 */
export interface PurchaseHoldoutRow extends PurchaseHistory {
  /** Repeat purchases in the holdout period (integer ≥ 0). */
  readonly holdoutFrequency: number;
  /** Length of the holdout period, in the model's time unit (> 0). */
  readonly holdoutDuration: number;
  /** How many customers share this row (default 1); integer ≥ 1. */
  readonly count?: number;
  /** The time unit of `recency`, `T` and `holdoutDuration` (rows of `splitCalibrationHoldout` carry it); when given, it must be the model's. */
  readonly unit?: TimeUnit;
}

/**
 * Options of {@link holdoutComparison}.
 * @category Models
 */
export interface HoldoutComparisonOptions {
  /**
   * Bin customers by calibration `"frequency"` (default), `"recency"`, or
   * `"timeSinceLastPurchase"`: T − recency (BG/BB: periods − recency), the time from the last
   * purchase to the calibration end (lifetimes' `kind="time_since_last_purchase"`).
   */
  readonly by?: "frequency" | "recency" | "timeSinceLastPurchase";
  /**
   * Width w of each bin, in purchases (by frequency) or in the model's time unit (by recency):
   * bins [0, w), [w, 2w), … up to the last, open bin. Default 1: one bin per frequency, or per
   * whole time unit of recency. By recency on daily or weekly data, a width of about a tenth of
   * the calibration period spreads the repeat buyers over the bins (with width 1 they fall into
   * "0"…"6" days and "7+"; customers without repeat purchases have recency 0 and are always in
   * the first bin). A finite number > 0.
   */
  readonly binWidth?: number;
  /**
   * Number of the last, open bin: values ≥ maxBin·binWidth are pooled into it ("7+", or "28+" for
   * weekly bins of width 4); default 7. Integer from 1 to 100.
   */
  readonly maxBin?: number;
}

/**
 * One bin of a {@link HoldoutComparison}.
 * @category Models
 */
export interface HoldoutComparisonRow {
  /**
   * The bin's lower bound: calibration frequency (recency, time since the last purchase)
   * k·binWidth for bin k; the last bin holds every value ≥ maxBin·binWidth.
   */
  readonly bin: number;
  /**
   * Printable label: with width 1, the value (`"3"`); else the half-open range (`"[4, 8)"`); the
   * pooled last bin is its lower bound and a plus (`"7+"`, `"28+"`).
   */
  readonly label: string;
  /** Customers in the bin (the sum of the rows' `count`). */
  readonly customerCount: number;
  /** Mean actual holdout transactions per customer of the bin. */
  readonly actual: number;
  /** Mean expected holdout transactions per customer of the bin (the model's conditional expectation). */
  readonly expected: number;
}

/**
 * Result of {@link holdoutComparison}.
 * @category Models
 */
export interface HoldoutComparison {
  /** Non-empty bins in increasing order. */
  readonly rows: readonly HoldoutComparisonRow[];
  /** Mean over bins of |actual − expected| (each bin counts once). */
  readonly meanAbsoluteError: number;
  /** Customer-weighted mean of |actual − expected| over bins. */
  readonly weightedMeanAbsoluteError: number;
  /** Total actual holdout transactions. */
  readonly totalActual: number;
  /** Total expected holdout transactions. */
  readonly totalExpected: number;
}

const optionsSchema = z.strictObject({
  by: z.exactOptional(z.enum(["frequency", "recency", "timeSinceLastPurchase"])),
  binWidth: z.exactOptional(z.number().check(z.positive())),
  maxBin: z.exactOptional(z.int().check(z.minimum(1), z.maximum(MAX_BINS))),
}) satisfies z.ZodMiniType<unknown, HoldoutComparisonOptions>;

/**
 * Compares a model's holdout predictions with what happened: customers are binned by calibration
 * frequency (or recency, or time since the last purchase T − recency), and per bin the mean actual
 * number of holdout transactions is set against
 * the mean of the model's conditional expectation `E[X(holdout) | calibration history]`.
 *
 * This is the table of Fader, Hardie & Lee (2005, Figure 4) and Fader, Hardie & Shang (2010,
 * Figures 5–6): a model that tracks the diagonal across bins has learnt both the purchase process
 * and the drop-out process; a systematic gap at frequency 0 (the largest bin) usually means the
 * drop-out process is mis-specified. Bins at and above `maxBin` are pooled ("7+") because they are
 * small. `meanAbsoluteError` averages |actual − expected| over the bins (the convention of
 * published comparisons); `weightedMeanAbsoluteError` weights them by bin size.
 *
 * Bins have width `binWidth` (default 1): bin k holds the customers whose binned value v has
 * k·w ≤ v < (k+1)·w, and the last bin every v ≥ maxBin·w. By recency (or time since the last
 * purchase), width 1 bins it by its whole number of time units; on daily data choose a width in days (`binWidth: 28` for
 * four-week bins).
 *
 * Customers first seen on the calibration end day (`T = 0` in the rows of
 * `splitCalibrationHoldout`; BG/BB `periods = 0`) are included in the first bin with the expectation of a customer just acquired, E[X(holdout)], as lifetimes scores them.
 *
 * @param model - a fitted model: BG/BB with rows `{ frequency, recency, periods, holdoutFrequency, holdoutPeriods }`,
 *   or BG/NBD, MBG/NBD, Pareto/NBD with rows `{ frequency, recency, T, holdoutFrequency, holdoutDuration }`
 * @param customers - one row per customer (or group, with `count`); rows carrying a `unit` (those of
 *   `splitCalibrationHoldout`) must be in the model's unit, the unit of `recency`, `T` and
 *   `holdoutDuration`
 * @param options - `by` ("frequency" | "recency" | "timeSinceLastPurchase"), `binWidth` (default 1),
 *   `maxBin` (default 7)
 * @returns the bins with their `customerCount`, actual and expected means, and the mean absolute errors
 * @throws {InvalidInputError} on an invalid model (`model.unit` is required), bad options
 *   (`options.maxBin` at most 100, `options.binWidth` not > 0, an unknown key is `unknown_key`), or malformed rows — every bad
 *   row listed in one pass at `customers[i].field`: `inconsistent` for recency > periods or T, T = 0 with frequency > 0,
 *   frequency > recency, holdoutFrequency > holdoutPeriods; `not_integer`, `too_small`,
 *   `too_big` (BG/BB `periods` or `holdoutPeriods` above 10⁶); `unit_mismatch` for a row in another
 *   unit than the model
 * @example
 * ```ts
 * import { holdoutComparison } from "customer-value";
 * const model = {
 *   kind: "bg-bb",
 *   params: { alpha: 1.2035223936080475, beta: 0.7497163581757659, gamma: 0.6567181695499289, delta: 2.783441982887471 },
 *   logLikelihood: -33225.58, standardErrors: { alpha: 0.069, beta: 0.029, gamma: 0.051, delta: 0.32 },
 *   iterations: 22, converged: true, customerCount: 11104, unit: "year",
 * } as const;
 * const table = holdoutComparison(model, [
 *   { frequency: 0, recency: 0, periods: 6, holdoutFrequency: 0, holdoutPeriods: 5, count: 3 },
 *   { frequency: 6, recency: 6, periods: 6, holdoutFrequency: 4, holdoutPeriods: 5 },
 * ]);
 * table.rows.map((row) => row.label); // => ["0", "6"]
 * table.rows[1]!.expected.toFixed(4); // => "3.7525"
 * // By recency, in bins three opportunities wide
 * const rows = [{ frequency: 2, recency: 4, periods: 6, holdoutFrequency: 1, holdoutPeriods: 5 }];
 * holdoutComparison(model, rows, { by: "recency", binWidth: 3 }).rows[0]!.label; // => "[3, 6)"
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual setting",
 *   Marketing Science 29(6).
 */
export function holdoutComparison(
  model: BgBbModel,
  customers: readonly DiscreteHoldoutRow[],
  options?: HoldoutComparisonOptions,
): HoldoutComparison;
export function holdoutComparison(
  model: PurchaseModel,
  customers: readonly PurchaseHoldoutRow[],
  options?: HoldoutComparisonOptions,
): HoldoutComparison;
export function holdoutComparison(
  model: BgBbModel | PurchaseModel,
  customers: readonly (DiscreteHoldoutRow | PurchaseHoldoutRow)[],
  options: HoldoutComparisonOptions = {},
): HoldoutComparison {
  const fn = "holdoutComparison";
  const m = parseDiagnosableModel(fn, model);
  const {
    by = "frequency",
    binWidth = 1,
    maxBin = 7,
  } = parseInput(fn, optionsSchema, options, ["options"]);
  checkArray(fn, customers, "a non-empty array of calibration/holdout rows", ["customers"]);
  if (customers.length === 0) {
    throw invalidInput(
      fn,
      ["customers"],
      "Expected a non-empty array of calibration/holdout rows",
      "too_small",
      customers,
    );
  }
  const customerCount = new Float64Array(maxBin + 1);
  const actual = new Float64Array(maxBin + 1);
  const expected = new Float64Array(maxBin + 1);
  // the conditional expectation depends only on the history and the holdout length: memoise
  const memo = new Map<string, number>();
  const discrete = isDiscrete(m);
  const kernel = discrete ? undefined : purchaseKernel(m, fn);
  const rowIssues = (row: unknown, base: readonly PropertyKey[]): InputIssue[] =>
    holdoutRowIssues(row, base, discrete, m.unit);
  for (let i = 0; i < customers.length; i++) {
    const { x, tx, T, w, hf, key, compute } = readHoldoutRow(
      fn,
      m,
      kernel,
      customers,
      i,
      rowIssues,
    );
    let e = memo.get(key);
    if (e === undefined) {
      e = compute();
      memo.set(key, e);
    }
    const value = by === "frequency" ? x : by === "recency" ? tx : T - tx;
    const bin = binIndex(value, binWidth, maxBin);
    customerCount[bin]! += w;
    actual[bin]! += w * hf;
    expected[bin]! += w * e;
  }
  return holdoutTable(customerCount, actual, expected, maxBin, binWidth);
}

/**
 * The bin k of a value v ≥ 0 at width w, edge(k) ≤ v < edge(k + 1), at most `last`: ⌊v/w⌋, moved
 * by one where the division or the product k·w rounds across an edge (0.3/0.1 = 2.9999999999999996,
 * 3·0.1 = 0.30000000000000004), so that a value on an edge lands in the bin its label starts with.
 */
function binIndex(v: number, w: number, last: number): number {
  if (w === 1) return Math.min(Math.floor(v), last);
  let k = Math.floor(v / w);
  if (edge(k, w) > v) k -= 1;
  else if (edge(k + 1, w) <= v) k += 1;
  return Math.min(k, last);
}

/** The bin edge k·w to 12 significant digits, as labels print it (no 0.30000000000000004). */
function edge(k: number, w: number): number {
  return Number((k * w).toPrecision(12));
}

/**
 * The comparison table from the per-bin sums of weights, actual and expected holdout purchases:
 * the non-empty bins with their means ("7+" for the pooled last bin) and the mean absolute errors.
 */
function holdoutTable(
  customerCount: Float64Array,
  actual: Float64Array,
  expected: Float64Array,
  maxBin: number,
  binWidth: number,
): HoldoutComparison {
  const out: HoldoutComparisonRow[] = [];
  let absSum = 0;
  let weightedAbs = 0;
  let totalActual = 0;
  let totalExpected = 0;
  let total = 0;
  for (let b = 0; b <= maxBin; b++) {
    const c = customerCount[b]!;
    if (c === 0) continue;
    const a = actual[b]! / c;
    const e = expected[b]! / c;
    out.push({
      bin: edge(b, binWidth),
      label:
        b === maxBin
          ? `${edge(b, binWidth)}+`
          : binWidth === 1
            ? `${b}`
            : `[${edge(b, binWidth)}, ${edge(b + 1, binWidth)})`,
      customerCount: c,
      actual: a,
      expected: e,
    });
    absSum += Math.abs(a - e);
    weightedAbs += c * Math.abs(a - e);
    totalActual += actual[b]!;
    totalExpected += expected[b]!;
    total += c;
  }
  return {
    rows: out,
    meanAbsoluteError: absSum / out.length,
    weightedMeanAbsoluteError: weightedAbs / total,
    totalActual,
    totalExpected,
  };
}

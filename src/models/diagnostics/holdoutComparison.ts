/**
 * Calibration-vs-holdout comparison: actual against expected mean holdout purchases per bin of
 * calibration frequency or recency.
 * @module
 */
import { z } from "zod";
import { invalidInput } from "../../core/errors.js";
import { assertArrayShape, describeReceived, parseInput } from "../../core/validate.js";
import {
  type BgBbModel,
  bgbbConditionalExpected,
  checkDiscreteHistory,
  type DiscretePurchaseHistory,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { checkHistory } from "../history.js";
import { purchaseKernel } from "../predictions/kernels.js";
import type { PurchaseHistory, PurchaseModel } from "../types.js";
import {
  isDiscrete,
  MAX_BINS,
  MAX_DIAGNOSTIC_OPPORTUNITIES,
  parseDiagnosableModel,
} from "./diagnosticModels.js";

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
}

/**
 * Options of {@link holdoutComparison}.
 * @category Models
 */
export interface HoldoutComparisonOptions {
  /** Bin customers by calibration `"frequency"` (default) or `"recency"`. */
  readonly by?: "frequency" | "recency";
  /** Values ≥ maxBin are pooled into the last bin ("7+"); default 7. Integer ≥ 1. */
  readonly maxBin?: number;
}

/**
 * One bin of a {@link HoldoutComparison}.
 * @category Models
 */
export interface HoldoutComparisonRow {
  /** Calibration frequency (or recency) of the bin; the last bin holds every value ≥ maxBin. */
  readonly bin: number;
  /** Printable label: `"3"`, or `"7+"` for the pooled bin. */
  readonly label: string;
  /** Customers in the bin. */
  readonly customers: number;
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
  by: z.enum(["frequency", "recency"]).exactOptional(),
  maxBin: z.number().int().min(1).max(MAX_BINS).exactOptional(),
}) satisfies z.ZodType<unknown, HoldoutComparisonOptions>;

/**
 * Compares a model's holdout predictions with what happened: customers are binned by calibration
 * frequency (or recency), and per bin the mean actual number of holdout transactions is set against
 * the mean of the model's conditional expectation `E[X(holdout) | calibration history]`.
 *
 * This is the table of Fader, Hardie & Lee (2005, Figure 4) and Fader, Hardie & Shang (2010,
 * Figures 5–6): a model that tracks the diagonal across bins has learnt both the purchase process
 * and the drop-out process; a systematic gap at frequency 0 (the largest bin) usually means the
 * drop-out process is mis-specified. Bins at and above `maxBin` are pooled ("7+") because they are
 * small. `meanAbsoluteError` averages |actual − expected| over the bins (the convention of
 * published comparisons); `weightedMeanAbsoluteError` weights them by bin size.
 *
 * Continuous-time models bin recency by its whole number of time units (`Math.floor`).
 *
 * @param model - a fitted model: BG/BB with rows `{ frequency, recency, periods, holdoutFrequency, holdoutPeriods }`,
 *   or BG/NBD, MBG/NBD, Pareto/NBD with rows `{ frequency, recency, T, holdoutFrequency, holdoutDuration }`
 * @param rows - one row per customer (or group, with `count`)
 * @param options - `by` ("frequency" | "recency"), `maxBin` (default 7)
 * @returns the bins with sizes, actual and expected means, and the mean absolute errors
 * @throws {InvalidInputError} on an invalid model, a malformed row (path `[i].field`: recency > periods,
 *   frequency > recency, holdoutFrequency > holdoutPeriods, BG/BB `periods` or `holdoutPeriods` above
 *   10⁶, …) or unknown options (`maxBin` at most 100)
 * @example
 * ```ts
 * import { holdoutComparison } from "customer-value";
 * const model = {
 *   kind: "bg-bb",
 *   params: { alpha: 1.2035223936080475, beta: 0.7497163581757659, gamma: 0.6567181695499289, delta: 2.783441982887471 },
 *   logLikelihood: -33225.58, standardErrors: { alpha: 0.069, beta: 0.029, gamma: 0.051, delta: 0.32 },
 *   iterations: 22, converged: true, customers: 11104,
 * } as const;
 * const table = holdoutComparison(model, [
 *   { frequency: 0, recency: 0, periods: 6, holdoutFrequency: 0, holdoutPeriods: 5, count: 3 },
 *   { frequency: 6, recency: 6, periods: 6, holdoutFrequency: 4, holdoutPeriods: 5 },
 * ]);
 * table.rows.map((row) => row.label); // => ["0", "6"]
 * table.rows[1]!.expected.toFixed(4); // => "3.7525"
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual setting",
 *   Marketing Science 29(6).
 */
export function holdoutComparison(
  model: BgBbModel,
  rows: readonly DiscreteHoldoutRow[],
  options?: HoldoutComparisonOptions,
): HoldoutComparison;
export function holdoutComparison(
  model: PurchaseModel,
  rows: readonly PurchaseHoldoutRow[],
  options?: HoldoutComparisonOptions,
): HoldoutComparison;
export function holdoutComparison(
  model: BgBbModel | PurchaseModel,
  rows: readonly (DiscreteHoldoutRow | PurchaseHoldoutRow)[],
  options: HoldoutComparisonOptions = {},
): HoldoutComparison {
  const fn = "holdoutComparison";
  const m = parseDiagnosableModel(fn, model);
  const { by = "frequency", maxBin = 7 } = parseInput(fn, optionsSchema, options, ["options"]);
  assertArrayShape(fn, rows);
  if (!Array.isArray(rows) || rows.length === 0) {
    throw invalidInput(fn, [], "Expected a non-empty array of calibration/holdout rows");
  }
  const customers = new Float64Array(maxBin + 1);
  const actual = new Float64Array(maxBin + 1);
  const expected = new Float64Array(maxBin + 1);
  // the conditional expectation depends only on the history and the holdout length: memoise
  const memo = new Map<string, number>();
  const discrete = isDiscrete(m);
  const kernel = discrete ? undefined : purchaseKernel(m, fn);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as unknown as Record<string, unknown>;
    if (typeof row !== "object" || row === null) {
      throw invalidInput(fn, [i], `Expected a row object, received ${describeReceived(row)}`);
    }
    let x: number;
    let tx: number;
    let length: number;
    let key: string;
    let w = 1;
    let compute: () => number;
    const hf = row.holdoutFrequency;
    if (discrete) {
      const h = checkDiscreteHistory(fn, row, [i], true);
      ({ x, tx, w } = h);
      const hp = row.holdoutPeriods;
      if (h.n > MAX_DIAGNOSTIC_OPPORTUNITIES) {
        throw invalidInput(
          fn,
          [i, "periods"],
          `Expected at most ${MAX_DIAGNOSTIC_OPPORTUNITIES} opportunities`,
        );
      }
      if (
        typeof hp !== "number" ||
        !Number.isInteger(hp) ||
        hp < 1 ||
        hp > MAX_DIAGNOSTIC_OPPORTUNITIES
      ) {
        throw invalidInput(
          fn,
          [i, "holdoutPeriods"],
          `Expected an integer from 1 to ${MAX_DIAGNOSTIC_OPPORTUNITIES}`,
        );
      }
      length = hp;
      key = `${x},${tx},${h.n},${hp}`;
      compute = () => bgbbConditionalExpected(m.params, x, tx, h.n, hp);
    } else {
      const h = checkHistory(fn, row, i);
      ({ x, tx } = h);
      const hd = row.holdoutDuration;
      if (typeof hd !== "number" || !Number.isFinite(hd) || hd <= 0) {
        throw invalidInput(fn, [i, "holdoutDuration"], "Expected a finite number > 0");
      }
      if (row.count !== undefined) {
        if (typeof row.count !== "number" || !Number.isInteger(row.count) || row.count < 1) {
          throw invalidInput(fn, [i, "count"], "Expected an integer ≥ 1");
        }
        w = row.count;
      }
      length = Number.POSITIVE_INFINITY;
      key = `${x},${tx},${h.T},${hd}`;
      compute = () => kernel!.conditionalExpected(x, tx, h.T, hd);
    }
    if (typeof hf !== "number" || !Number.isInteger(hf) || hf < 0 || hf > length) {
      throw invalidInput(
        fn,
        [i, "holdoutFrequency"],
        discrete
          ? `Expected an integer between 0 and holdoutPeriods (${length})`
          : "Expected an integer ≥ 0",
      );
    }
    let e = memo.get(key);
    if (e === undefined) {
      e = compute();
      memo.set(key, e);
    }
    const bin = Math.min(by === "frequency" ? x : Math.floor(tx), maxBin);
    customers[bin]! += w;
    actual[bin]! += w * hf;
    expected[bin]! += w * e;
  }
  const out: HoldoutComparisonRow[] = [];
  let absSum = 0;
  let weightedAbs = 0;
  let totalActual = 0;
  let totalExpected = 0;
  let total = 0;
  for (let b = 0; b <= maxBin; b++) {
    const c = customers[b]!;
    if (c === 0) continue;
    const a = actual[b]! / c;
    const e = expected[b]! / c;
    out.push({
      bin: b,
      label: b === maxBin ? `${b}+` : `${b}`,
      customers: c,
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

/**
 * Goodness of fit of the calibration frequency histogram: actual vs expected numbers of customers
 * with 0, 1, 2, … repeat transactions, with a chi-square statistic.
 * @module
 */
import * as z from "zod/mini";
import { type InputIssue, invalidInput, issue } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { checkArray, parseInput } from "../../core/validate.js";
import { chiSquareSurvival } from "../../math/chiSquare.js";
import {
  bgbbPurchaseCountProbability,
  compressDiscreteHistories,
  type DiscretePurchaseHistoryRow,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import {
  countIssue,
  countWeight,
  historyIssues,
  isValidHistory,
  throwRowIssues,
} from "../historyValidation.js";
import { purchaseKernel } from "../predictions/kernels.js";
import type { PurchaseHistoryRow } from "../types.js";
import {
  checkRowUnits,
  type DiagnosableModel,
  isDiscrete,
  MAX_BINS,
  parseDiagnosableModel,
  rowUnitProblem,
} from "./diagnosticModels.js";

/**
 * Options of {@link calibrationFrequencyFit}.
 * @category Models
 */
export interface CalibrationFrequencyFitOptions {
  /** Frequencies ≥ maxBin are pooled into the last bin; default 7. Integer ≥ 1. */
  readonly maxBin?: number;
}

/**
 * One bin of the calibration frequency histogram.
 * @category Models
 */
export interface FrequencyHistogramRow {
  /** Calibration frequency of the bin; the last bin holds every value ≥ maxBin. */
  readonly frequency: number;
  /** Printable label: `"3"`, or `"7+"` for the pooled bin. */
  readonly label: string;
  /** Customers with this frequency. */
  readonly actual: number;
  /** Customers the model expects with this frequency, `Σ_i P(X(n_i) = x)`. */
  readonly expected: number;
}

/**
 * Result of {@link calibrationFrequencyFit}.
 * @category Models
 */
export interface CalibrationFrequencyFit {
  /** The histogram, one row per bin 0 … maxBin. */
  readonly rows: readonly FrequencyHistogramRow[];
  /** Pearson's statistic `Σ (actual − expected)²/expected` over the bins. */
  readonly chiSquare: number;
  /** Bins − 1 − number of model parameters (at least 1). */
  readonly degreesOfFreedom: number;
  /** `P(χ²_df ≥ chiSquare)`; small values mean the histogram does not fit. */
  readonly pValue: number;
}

const optionsSchema = z.strictObject({
  maxBin: z.exactOptional(z.int().check(z.minimum(1), z.maximum(MAX_BINS))),
}) satisfies z.ZodMiniType<unknown, CalibrationFrequencyFitOptions>;

/**
 * Compares the calibration frequency histogram with the model's prediction: the expected number of
 * customers with `x` repeat transactions is `Σ_i P(X(n_i) = x)` (the model's PMF for a new customer
 * observed as long as customer i), bins ≥ `maxBin` pooled; Pearson's chi-square
 * `Σ (O − E)²/E` with `bins − 1 − k` degrees of freedom (k = model parameters).
 *
 * This is the in-sample check of Fader, Hardie & Lee (2005, Figure 2) and Fader, Hardie & Shang
 * (2010, Figure 3). With thousands of customers the test rejects almost any model; read the
 * histogram first and the p-value second. Pool the tail so that expected counts are at least ~5.
 *
 * @param model - a fitted model: BG/BB with rows `{ frequency, recency, periods, count? }`, or a
 *   continuous-time model with rows `{ frequency, recency, T, count? }` (PMF `P(X(T) = x)`)
 * @param customers - the calibration histories the model was fitted to (rows with a `unit`, as
 *   `summarizeTransactions` returns them, must be in the model's unit)
 * @param options - `maxBin` (default 7)
 * @returns the histogram rows, the chi-square statistic, degrees of freedom and p-value
 * @throws {InvalidInputError} on an invalid model (`model.unit` is required), bad options
 *   (`options.maxBin`: an integer from 1 to 100), or malformed rows — every bad row listed in one
 *   pass at `customers[i].field` with its code (`not_integer`, `too_small`, `inconsistent` for
 *   recency > T, `unit_mismatch` for a row in another unit than the model); a BG/BB history with
 *   more than 10⁶ periods (`too_big`)
 * @example
 * ```ts
 * import { calibrationFrequencyFit } from "customer-value";
 * const model = {
 *   kind: "bg-bb",
 *   params: { alpha: 1.2035223936080475, beta: 0.7497163581757659, gamma: 0.6567181695499289, delta: 2.783441982887471 },
 *   logLikelihood: -33225.58, standardErrors: { alpha: 0.069, beta: 0.029, gamma: 0.051, delta: 0.32 },
 *   iterations: 22, converged: true, customerCount: 11104, unit: "year",
 * } as const;
 * const fit = calibrationFrequencyFit(model, [{ frequency: 0, recency: 0, periods: 6, count: 11104 }], { maxBin: 6 });
 * fit.rows[0]!.expected.toFixed(1); // => "3454.9"
 * fit.rows[6]!.expected.toFixed(1); // => "1253.1"
 * ```
 * @category Models
 * @see Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual
 *   setting", Marketing Science 29(6); Pearson (1900), Philosophical Magazine 50(302).
 */
export function calibrationFrequencyFit(
  model: DiagnosableModel,
  customers: readonly DiscretePurchaseHistoryRow[] | readonly PurchaseHistoryRow[],
  options: CalibrationFrequencyFitOptions = {},
): CalibrationFrequencyFit {
  const fn = "calibrationFrequencyFit";
  const m = parseDiagnosableModel(fn, model);
  const { maxBin = 7 } = parseInput(fn, optionsSchema, options, ["options"]);
  const actual = new Float64Array(maxBin + 1);
  const expected = new Float64Array(maxBin + 1);
  // the PMF depends only on the observation length (n or T): count customers per length
  const customersByLength = new Map<number, number>();
  if (isDiscrete(m)) {
    const data = compressDiscreteHistories(fn, customers);
    checkRowUnits(fn, customers, m.unit);
    for (let k = 0; k < data.x.length; k++) {
      const w = data.weight[k]!;
      actual[Math.min(data.x[k]!, maxBin)]! += w;
      const n = data.n[k]!;
      customersByLength.set(n, (customersByLength.get(n) ?? 0) + w);
    }
  } else {
    countHistories(fn, m.unit, customers, maxBin, actual, customersByLength);
  }
  const kernel = isDiscrete(m) ? undefined : purchaseKernel(m, fn);
  for (const [length, w] of customersByLength) {
    let below = 0;
    for (let x = 0; x < maxBin; x++) {
      const q = isDiscrete(m)
        ? x <= length
          ? bgbbPurchaseCountProbability(m.params, x, length)
          : 0
        : kernel!.purchaseCountProbability(x, length);
      expected[x]! += w * q;
      below += q;
    }
    expected[maxBin]! += w * Math.max(0, 1 - below);
  }
  return histogramTest(fn, actual, expected, maxBin, Object.keys(m.params).length);
}

/**
 * Validates continuous-time histories (every bad row listed, up to 100) and adds each customer's
 * weight to `actual` at their (pooled) frequency and to `customersByLength` at their T.
 */
function countHistories(
  fn: string,
  modelUnit: TimeUnit,
  customers: unknown,
  maxBin: number,
  actual: Float64Array,
  customersByLength: Map<number, number>,
): void {
  checkArray(fn, customers, "a non-empty array of calibration histories", ["customers"]);
  if (customers.length === 0) {
    throw invalidInput(
      fn,
      ["customers"],
      "Expected a non-empty array of calibration histories",
      "too_small",
      customers,
    );
  }
  const rowIssues = (row: unknown, base: readonly PropertyKey[]): InputIssue[] => {
    const found = historyIssues(row, base);
    if (typeof row === "object" && row !== null && !Array.isArray(row)) {
      const r = row as Record<string, unknown>;
      const count = countIssue(r.count, [...base, "count"]);
      if (count) found.push(count);
      const unit = rowUnitProblem(r.unit, modelUnit);
      if (unit) found.push(issue([...base, "unit"], unit.message, unit.code, r.unit));
    }
    return found;
  };
  for (let i = 0; i < customers.length; i++) {
    const row = customers[i] as unknown as Record<string, unknown>;
    const x = row?.frequency;
    const tx = row?.recency;
    const T = row?.T;
    const w = isValidHistory(x, tx, T) ? countWeight(row.count) : 0;
    if (w === 0 || rowUnitProblem(row.unit, modelUnit) !== undefined) {
      throwRowIssues(fn, customers, "customers", rowIssues);
    }
    actual[Math.min(x as number, maxBin)]! += w;
    customersByLength.set(T as number, (customersByLength.get(T as number) ?? 0) + w);
  }
}

/**
 * The histogram with Pearson's χ² of actual against expected counts over the bins with a positive
 * expectation, its degrees of freedom (bins − 1 − parameters, at least 1) and p-value; a customer
 * in a bin the model deems impossible is an error.
 */
function histogramTest(
  fn: string,
  actual: Float64Array,
  expected: Float64Array,
  maxBin: number,
  parameterCount: number,
): CalibrationFrequencyFit {
  const out: FrequencyHistogramRow[] = [];
  let chiSquare = 0;
  let bins = 0;
  for (let x = 0; x <= maxBin; x++) {
    const e = expected[x]!;
    const a = actual[x]!;
    out.push({ frequency: x, label: x === maxBin ? `${x}+` : `${x}`, actual: a, expected: e });
    if (e > 0) {
      chiSquare += ((a - e) * (a - e)) / e;
      bins++;
    } else if (a > 0) {
      throw invalidInput(
        fn,
        ["customers"],
        `Customers with frequency ${x} are impossible under the model`,
        "inconsistent",
      );
    }
  }
  const degreesOfFreedom = Math.max(1, bins - 1 - parameterCount);
  return {
    rows: out,
    chiSquare,
    degreesOfFreedom,
    pValue: chiSquareSurvival(chiSquare, degreesOfFreedom),
  };
}

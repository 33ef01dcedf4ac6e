import * as z from "zod/mini";
import { invalidInput } from "../../core/errors.js";
import { parseInput } from "../../core/validate.js";
import type { DiscretePurchaseHistoryRow } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import {
  type DiagnosableModel,
  isDiscrete,
  MAX_BINS,
  parseDiagnosableModel,
} from "../diagnostics/diagnosticModels.js";
import type { PurchaseHistoryRow } from "../types.js";
import { readPredictiveRows } from "./predictiveRows.js";
import { customerStream, replicateSeed, type Uniform } from "./random.js";
import { discretePath } from "./simulateDiscreteHistories.js";
import { type Path, purchaseProcess } from "./simulatePurchaseHistories.js";
import { seedSchema } from "./simulationInput.js";

/** Most simulated customers in one check (customers × replicates): about 20 s on the 2-core machine. */
const MAX_SIMULATED_CUSTOMERS = 20_000_000;

/**
 * Options of {@link predictiveCheck}.
 * @category Models
 */
export interface PredictiveCheckOptions {
  /** An integer in [0, 2³² − 1]; the same seed gives the same check. */
  readonly seed: number;
  /** Simulated data sets, a whole number from 10 to 10,000 (default 200). */
  readonly replicates?: number;
  /** Coverage of the `lower`–`upper` bands, in (0, 1) (default 0.9). */
  readonly level?: number;
  /** Frequencies ≥ maxBin are pooled into the last bin ("7+"); default 7, at most 100. */
  readonly maxBin?: number;
}

/**
 * A count in the data next to its distribution under the model: the mean over the simulated data
 * sets and the central `level` band.
 * @category Models
 */
export interface PredictiveCheckTotal {
  /** The count in your data. */
  readonly actual: number;
  /** Its mean over the simulated data sets. */
  readonly simulated: number;
  /** Lower end of the central `level` band of the simulated counts. */
  readonly lower: number;
  /** Upper end of the band. */
  readonly upper: number;
}

/**
 * One bin of the calibration frequency histogram: customers with `frequency` repeat purchases
 * (the last bin: at least that many).
 * @category Models
 */
export interface PredictiveCheckRow extends PredictiveCheckTotal {
  /** The bin's frequency (its lower end for the last bin). */
  readonly frequency: number;
  /** `"0"`, `"1"`, …, `"7+"`. */
  readonly label: string;
}

/**
 * The result of {@link predictiveCheck}.
 * @category Models
 */
export interface PredictiveCheck {
  /** Customers per calibration frequency. */
  readonly rows: readonly PredictiveCheckRow[];
  /** Repeat purchases in the calibration periods, summed over customers. */
  readonly calibrationPurchases: PredictiveCheckTotal;
  /** Purchases in the holdout periods, when the rows carry holdout outcomes. */
  readonly holdoutPurchases?: PredictiveCheckTotal;
  /** How many data sets were simulated. */
  readonly replicates: number;
  /** Coverage of the `lower`–`upper` bands. */
  readonly level: number;
}

/**
 * Does your data look like data the model would produce? Simulates `replicates` data sets from the
 * model, each customer observed for as long as in your rows (their `T`, or `periods` for the BG/BB,
 * and their holdout length), and sets each count of your data beside its simulated distribution:
 * customers per calibration frequency (the histogram of `calibrationFrequencyFit`), repeat
 * purchases in the calibration periods and, when the rows carry holdout outcomes (rows of
 * `splitCalibrationHoldout`), purchases in the holdout. A count outside its band is one the model
 * rarely produces — a parametric-bootstrap predictive check (Gelman, Meng & Stern 1996, with the
 * fitted parameters held fixed, so the bands show the sampling variation of the data and not the
 * uncertainty of the parameters).
 *
 * Bands are the central `level` quantiles of the simulated counts (linear interpolation between
 * order statistics, R's type 7). Replicate r simulates with its own seed derived from (`seed`, r)
 * and customer i within it with its own stream (see `simulatePurchaseHistories`), so a seed gives
 * the same check on every machine.
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (with its `unit`)
 * @param customers - calibration rows (`frequency`, `recency`, `T` or `periods`, optional `count`),
 *   with `holdoutFrequency` and `holdoutDuration` (BG/BB: `holdoutPeriods`) on every row or none
 * @param options - `{ seed, replicates?, level?, maxBin? }`
 * @returns the histogram rows and the totals, each with `actual`, `simulated`, `lower`, `upper`
 * @throws {InvalidInputError} on an invalid model, rows (every bad row listed, at
 *   `customers[i].<field>`; a row's `unit` other than the model's, `unit_mismatch`) or options
 *   (`options.seed`, `options.replicates` outside 10–10,000, `options.level` outside (0, 1),
 *   `options.maxBin`); code `"unsupported"` at `options.replicates` when customers × replicates
 *   exceeds 20,000,000
 * @example
 * ```ts
 * import { fitBgNbd, predictiveCheck, splitCalibrationHoldout } from "customer-value";
 * import { loadCdnowSample } from "./examples/data/load.js";
 *
 * const rows = splitCalibrationHoldout(loadCdnowSample(), {
 *   calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", unit: "week", bucketing: "elapsed",
 * });
 * const check = predictiveCheck(fitBgNbd(rows), rows, { seed: 1, replicates: 100 });
 * check.rows[0]!.actual; // => 1411
 * check.holdoutPurchases!.actual; // => 1882
 * check.holdoutPurchases!.upper < 1882; // => true
 * ```
 * @category Models
 * @see Gelman, A., Meng, X.-L. & Stern, H. (1996). Posterior predictive assessment of model fitness
 *   via realized discrepancies. Statistica Sinica 6(4), 733–807; Hyndman, R. J. & Fan, Y. (1996).
 *   Sample quantiles in statistical packages. The American Statistician 50(4) (type 7).
 */
export function predictiveCheck(
  model: DiagnosableModel,
  customers: readonly PurchaseHistoryRow[] | readonly DiscretePurchaseHistoryRow[],
  options: PredictiveCheckOptions,
): PredictiveCheck {
  const fn = "predictiveCheck";
  const m = parseDiagnosableModel(fn, model);
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const { replicates = 200, level = 0.9, maxBin = 7 } = opts;
  const data = readPredictiveRows(fn, m, customers);
  if (data.customers * replicates > MAX_SIMULATED_CUSTOMERS) {
    throw invalidInput(
      fn,
      ["options", "replicates"],
      `A check simulates customers × replicates, at most ${MAX_SIMULATED_CUSTOMERS}: with ${data.customers} customers, at most ${Math.floor(MAX_SIMULATED_CUSTOMERS / data.customers)} replicates`,
      "unsupported",
      replicates,
    );
  }
  const draw = customerPath(m);
  const bins = maxBin + 1;
  const counts = new Float64Array(replicates * bins);
  const calibration = new Float64Array(replicates);
  const holdout = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    const seed = replicateSeed(opts.seed, r);
    let k = 0;
    for (let i = 0; i < data.x.length; i++) {
      const length = data.length[i]!;
      const end = length + data.holdoutLength[i]!;
      for (let j = 0; j < data.weight[i]!; j++) {
        const path = draw(customerStream(seed, k++), length, end);
        if (path === undefined) throw unservedRow(fn, i);
        counts[r * bins + Math.min(path.x, maxBin)]!++;
        calibration[r]! += path.x;
        holdout[r]! += path.holdoutX;
      }
    }
  }
  return summarize(fn, data, counts, calibration, holdout, { replicates, level, maxBin });
}

const optionsSchema = z.strictObject({
  seed: seedSchema,
  replicates: z.exactOptional(z.int().check(z.minimum(10), z.maximum(10_000))),
  level: z.exactOptional(z.number().check(z.gt(0), z.lt(1))),
  maxBin: z.exactOptional(z.int().check(z.minimum(1), z.maximum(MAX_BINS))),
}) satisfies z.ZodMiniType<unknown, PredictiveCheckOptions>;

/** One customer's simulated path under the model, on (0, end] split at `length`. */
function customerPath(m: DiagnosableModel): (u: Uniform, length: number, end: number) => Path {
  if (isDiscrete(m)) return (u, n, end) => discretePath(u, m.params, n, end);
  return purchaseProcess(m);
}

/** The actual counts of the data and the simulated distributions, as result rows. */
function summarize(
  fn: string,
  data: ReturnType<typeof readPredictiveRows>,
  counts: Float64Array,
  calibration: Float64Array,
  holdout: Float64Array,
  o: { replicates: number; level: number; maxBin: number },
): PredictiveCheck {
  const bins = o.maxBin + 1;
  const actualBins = new Float64Array(bins);
  let actualCalibration = 0;
  let actualHoldout = 0;
  for (let i = 0; i < data.x.length; i++) {
    const w = data.weight[i]!;
    actualBins[Math.min(data.x[i]!, o.maxBin)]! += w;
    actualCalibration += w * data.x[i]!;
    actualHoldout += w * data.holdoutX[i]!;
  }
  if (!Number.isFinite(actualCalibration + actualHoldout)) {
    throw invalidInput(
      fn,
      ["customers"],
      "The customers' purchases add up beyond the range of a float64 (a frequency or holdoutFrequency near 1e308)",
      "unsupported",
    );
  }
  const band = (actual: number, simulated: Float64Array): PredictiveCheckTotal => ({
    actual,
    ...centralBand(simulated, o.level),
  });
  const rows: PredictiveCheckRow[] = [];
  for (let b = 0; b < bins; b++) {
    const column = new Float64Array(o.replicates);
    for (let r = 0; r < o.replicates; r++) column[r] = counts[r * bins + b]!;
    rows.push({
      frequency: b,
      label: b === o.maxBin ? `${b}+` : `${b}`,
      ...band(actualBins[b]!, column),
    });
  }
  return {
    rows,
    calibrationPurchases: band(actualCalibration, calibration),
    ...(data.hasHoldout ? { holdoutPurchases: band(actualHoldout, holdout) } : {}),
    replicates: o.replicates,
    level: o.level,
  };
}

/** Mean and central `level` band (type-7 quantiles) of `values` (sorted in place). */
function centralBand(
  values: Float64Array,
  level: number,
): { simulated: number; lower: number; upper: number } {
  let sum = 0;
  for (const v of values) sum += v;
  values.sort();
  const quantile = (q: number): number => {
    const h = (values.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, values.length - 1);
    return values[lo]! + (h - lo) * (values[hi]! - values[lo]!);
  };
  const tail = (1 - level) / 2;
  return { simulated: sum / values.length, lower: quantile(tail), upper: quantile(1 - tail) };
}

function unservedRow(fn: string, i: number) {
  return invalidInput(
    fn,
    ["customers", i],
    "A customer of this row would make more than 1,000,000 simulated purchases: check the model's parameters and that the rows are in the model's unit",
    "unsupported",
  );
}

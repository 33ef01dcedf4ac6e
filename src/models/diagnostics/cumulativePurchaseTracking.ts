/**
 * Expected vs actual repeat transactions per period, incremental and cumulative (the "tracking
 * plot" of the BTYD literature).
 * @module
 */
import * as z from "zod/mini";
import { invalidInput } from "../../core/errors.js";
import { type DateInput, type TimeUnit, timeZoneSchema } from "../../core/time.js";
import { checkedUnitRatio, type UnitConversion } from "../../core/units.js";
import { boundedArray, checkArray, parseInput } from "../../core/validate.js";
import type { BgBbParams } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { purchaseKernel } from "../predictions/kernels.js";
import { unitOptionsShape } from "../predictions/modelArguments.js";
import {
  type DiagnosableModel,
  isDiscrete,
  modelUnitsPer,
  parseDiagnosableModel,
} from "./diagnosticModels.js";
import { cohortsFromDates, totalCohortSize } from "./trackingCohorts.js";

/**
 * Options of {@link cumulativePurchaseTracking}.
 * @category Models
 */
export interface CumulativePurchaseTrackingOptions {
  /** Number of periods (opportunities, for the BG/BB) to track, from the first cohort's start; integer ≥ 1. */
  readonly periods: number;
  /**
   * Actual repeat transactions per period (`actual[t−1]` for period t), to set beside the
   * expectations; may be shorter than `periods`.
   */
  readonly actual?: readonly number[];
  /**
   * Time between consecutive cohorts, in `unit`s (default 1). Daily cohorts tracked in weeks:
   * `1/7`. For the BG/BB it must be a whole number of opportunities. Not accepted with
   * first-purchase dates (each date is its own day).
   */
  readonly cohortSpacing?: number;
  /**
   * The time unit of the tracking periods and of `cohortSpacing` (default: the model's unit). A
   * model fitted in weeks can be tracked in days (exact), or in months with
   * `unitConversion: "calendar-average"`. The BG/BB is tracked in its own unit only.
   */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows `unit` to be a calendar unit for a model in days or weeks, or the reverse. */
  readonly unitConversion?: UnitConversion;
  /** With first-purchase dates: day the tracking starts (default: the earliest first purchase). */
  readonly start?: DateInput;
  /** With first-purchase dates: IANA time zone of date-only strings (default `"UTC"`). */
  readonly timeZone?: string;
}

/**
 * One period of a tracking table.
 * @category Models
 */
export interface PurchaseTrackingRow {
  /** Period index, 1 = the first period after the first cohort's acquisition. */
  readonly period: number;
  /** Expected repeat transactions in this period, over all cohorts. */
  readonly expectedIncremental: number;
  /** Expected repeat transactions in periods 1…period. */
  readonly expectedCumulative: number;
  /** Actual repeat transactions in this period (when `actual` covers it). */
  readonly actualIncremental?: number;
  /** Actual repeat transactions in periods 1…period (when `actual` covers it). */
  readonly actualCumulative?: number;
}

/**
 * Most `periods × cohorts` of {@link cumulativePurchaseTracking}: one expectation per cohort and
 * period, so 10⁷ keeps a call well under a second.
 * @internal
 */
const MAX_TRACKING_WORK = 10_000_000;

/**
 * E[X(t)] of a new BG/BB customer for t = 0 … n, `α/(α+β)·Σ_{k=1}^{t} B(γ, δ+k)/B(γ, δ)` (Fader,
 * Hardie & Shang 2010, eq. 9 as a finite sum), by the survival recursion
 * `S(k) = S(k−1)/(1 + γ/(δ+k−1))`: O(n) for the whole column instead of O(n) per entry.
 */
function bgbbExpectedUpTo(p: BgBbParams, n: number): Float64Array {
  const out = new Float64Array(n + 1);
  const share = p.alpha / (p.alpha + p.beta);
  let survival = 1;
  let sum = 0;
  for (let k = 1; k <= n; k++) {
    survival /= 1 + p.gamma / (p.delta + (k - 1));
    sum += survival;
    out[k] = share * sum;
  }
  return out;
}

const optionsSchema = z.strictObject({
  periods: z.int().check(z.minimum(1), z.maximum(1e6)),
  actual: z.exactOptional(boundedArray(z.array(z.number().check(z.nonnegative())))),
  cohortSpacing: z.exactOptional(z.number().check(z.positive())),
  ...unitOptionsShape,
  start: z.exactOptional(z.custom<DateInput>((v) => typeof v === "string" || v instanceof Date)),
  timeZone: z.exactOptional(timeZoneSchema),
}) satisfies z.ZodMiniType<unknown, CumulativePurchaseTrackingOptions>;

/**
 * Tracks expected against actual repeat transactions period by period: for cohorts of new
 * customers acquired at the start of periods 0, 1, 2, … (`cohortSizes[j]` customers at period j),
 * the expected repeat transactions in period t are `Σ_j N_j·(E[X(t−j)] − E[X(t−j−1)])`, with
 * `E[X(·)]` the model's expected transactions of a new customer.
 *
 * Cohort j starts at `j·cohortSpacing`; the expected cumulative count at the end of period t is
 * `Σ_j N_j·E[X(t − j·cohortSpacing)]` and the incremental count its first difference. Continuous
 * models (BG/NBD, MBG/NBD, Pareto/NBD) take `E[X(t)]` from {@link expectedPurchases}: the CDNOW
 * tracking of Fader, Hardie & Lee (2005) uses daily cohorts (`cohortSpacing: 1/7`) in weeks.
 * BG/BB: periods are transaction opportunities, `E[X(n)] = α/(α+β)·Σ_{t=1}^{n} B(γ, δ+t)/B(γ, δ)`.
 * Cumulative curves hide errors that the incremental curve shows (a model can end at the right
 * total with the wrong shape); look at both.
 *
 * Periods are periods of `unit` (default: the model's unit; another unit is converted to the
 * model's, see `unit`), so a model fitted in weeks can be tracked day by day.
 * With **first-purchase dates** instead of cohort sizes (continuous models only), each customer is a
 * cohort of one starting on their first-purchase day, tracked in `unit`s from `start` (default: the
 * earliest first purchase); day k of the tracking is `k/7` weeks after the start.
 *
 * @param model - a fitted model (its `unit` is required)
 * @param cohorts - new customers acquired at the start of period 0, 1, … (non-negative integers), or
 *   every customer's first-purchase date (`Date` or ISO string; date-only strings are days in `timeZone`)
 * @param options - `periods` to track (a count of periods of `unit`), optional `actual`
 *   incremental counts, `cohortSpacing`, `unit`, `unitConversion`, `start`, `timeZone`
 * @returns one row per period (`period` is its 1-based index), ready to plot
 * @throws {InvalidInputError} on an invalid model; every bad cohort size (`cohorts[j]`:
 *   `not_integer`, `too_small`, …) or invalid date (`invalid_date`) in one pass; all cohorts empty
 *   (`too_small` at `cohorts`); bad options (`options.<key>`); a `unit` the model's cannot be
 *   converted to (`unit_mismatch` at `options.unit`); `periods` above 10⁶, or `periods ×` number
 *   of cohorts above 10⁷ (`too_big` at `options.periods`); first purchases spanning 10⁶ days or
 *   more after the start (`too_big` at `cohorts[i]`)
 * @example
 * ```ts
 * import { cumulativePurchaseTracking } from "customer-value";
 * const model = {
 *   kind: "bg-bb",
 *   params: { alpha: 1.2035223936080475, beta: 0.7497163581757659, gamma: 0.6567181695499289, delta: 2.783441982887471 },
 *   logLikelihood: -33225.58, standardErrors: { alpha: 0.069, beta: 0.029, gamma: 0.051, delta: 0.32 },
 *   iterations: 22, converged: true, customerCount: 11104, unit: "year",
 * } as const;
 * const rows = cumulativePurchaseTracking(model, [11104], { periods: 11, actual: [5652, 4674] });
 * rows[0]!.expectedIncremental.toFixed(1); // => "5535.8"
 * rows[1]!.actualCumulative; // => 10326
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual setting",
 *   Marketing Science 29(6).
 */
export function cumulativePurchaseTracking(
  model: DiagnosableModel,
  cohorts: readonly number[] | readonly DateInput[],
  options: CumulativePurchaseTrackingOptions,
): PurchaseTrackingRow[] {
  const fn = "cumulativePurchaseTracking";
  const m = parseDiagnosableModel(fn, model);
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const { periods, actual } = opts;
  // model time units per tracking period
  const scale = modelUnitsPer(fn, m, opts.unit, opts.unitConversion);
  const unit = opts.unit ?? m.unit;
  let cohortSpacing = opts.cohortSpacing ?? 1;
  checkArray(fn, cohorts, "a non-empty array of cohort sizes or dates", ["cohorts"]);
  if (cohorts.length === 0) {
    throw invalidInput(
      fn,
      ["cohorts"],
      "Expected a non-empty array of cohort sizes or dates",
      "too_small",
      cohorts,
    );
  }
  let cohortSizes = cohorts as readonly number[];
  if (typeof cohorts[0] !== "number") {
    cohortSizes = cohortsFromDates(fn, m, cohorts as readonly DateInput[], opts);
    // one day in tracking units
    cohortSpacing = checkedUnitRatio(fn, ["options", "unit"], "day", unit, opts.unitConversion);
  }
  const discrete = isDiscrete(m);
  if (discrete && !Number.isInteger(cohortSpacing)) {
    throw invalidInput(
      fn,
      ["options", "cohortSpacing"],
      "The BG/BB needs a whole number of opportunities",
      "not_integer",
      cohortSpacing,
    );
  }
  const total = totalCohortSize(fn, cohortSizes);
  if (total === 0) throw invalidInput(fn, ["cohorts"], "Every cohort is empty", "too_small");
  if (cohortSizes.length * periods > MAX_TRACKING_WORK) {
    throw invalidInput(
      fn,
      ["options", "periods"],
      `periods × cohorts is at most ${MAX_TRACKING_WORK} (one expectation per cohort and period), received ${periods} × ${cohortSizes.length}`,
      "too_big",
      periods,
    );
  }
  // E[X(t)] of a new customer, memoised by its argument
  const memo = new Map<number, number>();
  const kernel = discrete ? undefined : purchaseKernel(m, fn);
  // BG/BB: ages are whole opportunities 1 … periods, E[X(t)] for all of them in one O(periods) pass
  const discreteExpected = discrete ? bgbbExpectedUpTo(m.params, periods) : undefined;
  const expectedNew = (t: number): number => {
    if (t <= 0) return 0;
    if (discreteExpected !== undefined) return discreteExpected[t]!;
    let e = memo.get(t);
    if (e === undefined) {
      e = kernel!.expected(t * scale);
      memo.set(t, e);
    }
    return e;
  };
  return trackingRows(expectedNew, cohortSizes, cohortSpacing, periods, actual);
}

/**
 * The tracking table: period by period, the expected cumulative purchases Σ_j size_j·E[X(t − j·spacing)]
 * of the cohorts acquired so far, its increment, and the actual figures when given.
 */
function trackingRows(
  expectedNew: (t: number) => number,
  cohortSizes: readonly number[],
  cohortSpacing: number,
  periods: number,
  actual: readonly number[] | undefined,
): PurchaseTrackingRow[] {
  const cumulativeAt = (t: number): number => {
    let sum = 0;
    for (let j = 0; j < cohortSizes.length; j++) {
      const size = cohortSizes[j]!;
      const age = t - j * cohortSpacing;
      if (age <= 0) break;
      if (size !== 0) sum += size * expectedNew(age);
    }
    return sum;
  };
  const rows: PurchaseTrackingRow[] = [];
  let expectedCumulative = 0;
  let actualCumulative = 0;
  for (let t = 1; t <= periods; t++) {
    const cumulative = cumulativeAt(t);
    const inc = cumulative - expectedCumulative;
    expectedCumulative = cumulative;
    const a = actual?.[t - 1];
    if (a !== undefined) {
      actualCumulative += a;
      rows.push({
        period: t,
        expectedIncremental: inc,
        expectedCumulative,
        actualIncremental: a,
        actualCumulative,
      });
    } else {
      rows.push({ period: t, expectedIncremental: inc, expectedCumulative });
    }
  }
  return rows;
}

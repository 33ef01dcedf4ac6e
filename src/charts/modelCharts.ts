/**
 * Charts of the model diagnostics: the calibration frequency histogram, the holdout comparison and
 * the tracking plots.
 * @module
 */
import type { CalibrationFrequencyFit } from "../models/diagnostics/calibrationFrequencyFit.js";
import type { PurchaseTrackingRow } from "../models/diagnostics/cumulativePurchaseTracking.js";
import type { HoldoutComparison } from "../models/diagnostics/holdoutComparison.js";
import {
  ACTUAL_EXPECTED,
  baseSpec,
  type ChartOptions,
  checkOptions,
  fixed,
  TIME_KINDS,
  type TimeChartOptions,
  unitSuffix,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "./spec.js";

const seriesColor = { field: "series", type: "nominal", title: null, scale: ACTUAL_EXPECTED };

/**
 * Grouped bars of the calibration frequency histogram: customers with 0, 1, 2, … repeat
 * transactions, actual (blue) beside the model's expectation (orange), with the chi-square statistic
 * and its p-value in the default title — the in-sample check of Fader, Hardie & Lee (2005, Figure 2).
 *
 * @param fit - the result of `calibrationFrequencyFit`
 * @param options - `title`, `width` (default 420), `height` (default 260)
 * @returns a Vega-Lite v5 spec (bars: x = repeat transactions, y = customers)
 * @throws {InvalidInputError} on bad options (unknown key, non-string title, size < 1)
 * @example
 * ```ts
 * import { frequencyHistogramChart } from "customer-value/charts";
 * const fit = {
 *   rows: [
 *     { frequency: 0, label: "0", actual: 1411, expected: 1404.6 },
 *     { frequency: 1, label: "1+", actual: 946, expected: 952.4 },
 *   ],
 *   chiSquare: 0.07, degreesOfFreedom: 1, pValue: 0.79,
 * };
 * const spec = frequencyHistogramChart(fit);
 * spec.mark; // => { type: "bar" }
 * spec.title; // => "Customers by repeat transactions in calibration: actual vs model (χ² = 0.07, p = 0.790)"
 * ```
 * @category Charts
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284 (Figure 2).
 */
export function frequencyHistogramChart(
  fit: CalibrationFrequencyFit,
  options?: ChartOptions,
): VegaLiteSpec {
  const opts = checkOptions("frequencyHistogramChart", options);
  const stat = `χ² = ${fixed(fit.chiSquare, 2)}, p = ${fixed(fit.pValue, 3)}`;
  return {
    ...baseSpec(opts, {
      title: `Customers by repeat transactions in calibration: actual vs model (${stat})`,
      width: 420,
      height: 260,
    }),
    data: {
      values: fit.rows.flatMap((row) => [
        { bin: row.frequency, label: row.label, series: "actual", customers: row.actual },
        { bin: row.frequency, label: row.label, series: "expected", customers: row.expected },
      ]),
    },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "label",
        type: "ordinal",
        sort: { field: "bin" },
        title: "repeat transactions in calibration",
        axis: { labelAngle: 0 },
      },
      xOffset: { field: "series" },
      y: { field: "customers", type: "quantitative", title: "customers" },
      color: seriesColor,
    },
  };
}

/**
 * Options of {@link holdoutComparisonChart}.
 * @category Charts
 */
export interface HoldoutComparisonChartOptions extends TimeChartOptions {
  /** What the result's bins are (the `by` given to `holdoutComparison`); default `"frequency"`. */
  readonly by?: "frequency" | "recency";
}

/**
 * Mean holdout transactions per customer by calibration frequency (or recency): actual vs the
 * model's conditional expectation, lines with points — the out-of-sample check of Fader, Hardie &
 * Lee (2005, Figure 4) and lifetimes' `plot_calibration_purchases_vs_holdout_purchases`.
 *
 * @param comparison - the result of `holdoutComparison`
 * @param options - `by` (what the bins are, default `"frequency"`), `unit` (the model's, for the
 *   recency axis), `title`, `width` (default 420), `height` (default 260)
 * @returns a Vega-Lite v5 spec (lines: x = bin, y = mean transactions in the holdout)
 * @throws {InvalidInputError} on bad options (unknown key, `by` or `unit` not one of its values)
 * @example
 * ```ts
 * import { holdoutComparisonChart } from "customer-value/charts";
 * const comparison = {
 *   rows: [
 *     { bin: 0, label: "0", customerCount: 1411, actual: 0.24, expected: 0.23 },
 *     { bin: 1, label: "1", customerCount: 439, actual: 0.7, expected: 0.74 },
 *   ],
 *   meanAbsoluteError: 0.025, weightedMeanAbsoluteError: 0.016, totalActual: 646, totalExpected: 649,
 * };
 * const spec = holdoutComparisonChart(comparison, { by: "recency", unit: "week" });
 * spec.mark; // => { type: "line", point: true }
 * (spec.encoding as { x: { title: string } }).x.title; // => "recency in calibration (weeks)"
 * ```
 * @category Charts
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284 (Figure 4).
 */
export function holdoutComparisonChart(
  comparison: HoldoutComparison,
  options?: HoldoutComparisonChartOptions,
): VegaLiteSpec {
  const opts = checkOptions("holdoutComparisonChart", options, {
    ...TIME_KINDS,
    by: ["frequency", "recency"],
  });
  const by = opts.by ?? "frequency";
  const xTitle =
    by === "frequency" ? "repeat transactions in calibration" : "recency in calibration";
  return {
    ...baseSpec(opts, {
      title: `Mean transactions in the holdout by calibration ${by}: actual vs model`,
      width: 420,
      height: 260,
    }),
    data: {
      values: comparison.rows.flatMap((row) => [
        { bin: row.bin, label: row.label, series: "actual", value: row.actual },
        { bin: row.bin, label: row.label, series: "expected", value: row.expected },
      ]),
    },
    mark: { type: "line", point: true },
    encoding: {
      x: {
        field: "label",
        type: "ordinal",
        sort: { field: "bin" },
        title: by === "recency" ? `${xTitle}${unitSuffix(opts.unit)}` : xTitle,
        axis: { labelAngle: 0 },
      },
      y: { field: "value", type: "quantitative", title: "mean transactions per customer" },
      color: seriesColor,
      strokeDash: { field: "series", type: "nominal", title: null },
    },
  };
}

/**
 * Options of {@link purchaseTrackingChart}.
 * @category Charts
 */
export interface PurchaseTrackingChartOptions extends TimeChartOptions {
  /** Draws a vertical rule at the end of calibration, after this many periods. */
  readonly calibrationPeriods?: number;
}

type TrackingView = "cumulative" | "incremental";

function trackingValues(rows: readonly PurchaseTrackingRow[]) {
  return rows.flatMap((row) => {
    const out: { period: number; view: TrackingView; series: string; transactions: number }[] = [
      {
        period: row.period,
        view: "cumulative",
        series: "expected",
        transactions: row.expectedCumulative,
      },
      {
        period: row.period,
        view: "incremental",
        series: "expected",
        transactions: row.expectedIncremental,
      },
    ];
    if (row.actualCumulative !== undefined) {
      out.push({
        period: row.period,
        view: "cumulative",
        series: "actual",
        transactions: row.actualCumulative,
      });
    }
    if (row.actualIncremental !== undefined) {
      out.push({
        period: row.period,
        view: "incremental",
        series: "actual",
        transactions: row.actualIncremental,
      });
    }
    return out;
  });
}

/**
 * Cumulative (top) and incremental (bottom) repeat transactions per period, actual vs the model's
 * expectation — the tracking plots of Fader, Hardie & Lee (2005, Figures 3 and 5) and lifetimes'
 * `plot_cumulative_transactions` / `plot_incremental_transactions`. Periods without an actual
 * figure show the expectation only.
 *
 * @param rows - the result of `cumulativePurchaseTracking`
 * @param options - `unit` (the tracking unit, for the axis), `calibrationPeriods` (a rule at the
 *   end of calibration), `title`, `width` (default 560), `height` of each panel (default 200)
 * @returns a Vega-Lite v5 spec with two panels (`vconcat`), lines: x = period, y = transactions
 * @throws {InvalidInputError} on bad options (unknown key, `unit` not a time unit,
 *   `calibrationPeriods` not a number ≥ 1)
 * @example
 * ```ts
 * import { purchaseTrackingChart } from "customer-value/charts";
 * const rows = [
 *   { period: 1, expectedIncremental: 20.1, expectedCumulative: 20.1, actualIncremental: 18, actualCumulative: 18 },
 *   { period: 2, expectedIncremental: 35.9, expectedCumulative: 56.0, actualIncremental: 40, actualCumulative: 58 },
 * ];
 * const spec = purchaseTrackingChart(rows, { unit: "week", calibrationPeriods: 1 });
 * (spec.vconcat as unknown[]).length; // => 2
 * (spec.data as { values: unknown[] }).values.length; // => 8
 * ```
 * @category Charts
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284 (Figures 3 and 5).
 */
export function purchaseTrackingChart(
  rows: readonly PurchaseTrackingRow[],
  options?: PurchaseTrackingChartOptions,
): VegaLiteSpec {
  const opts = checkOptions("purchaseTrackingChart", options, {
    ...TIME_KINDS,
    calibrationPeriods: "number",
  });
  const { title, width, height } = baseSpec(opts, {
    title: "Repeat transactions per period: actual vs model",
    width: 560,
    height: 200,
  });
  const panel = (view: TrackingView) => ({
    title: view,
    width,
    height,
    transform: [{ filter: `datum.view === '${view}'` }],
    layer: [
      {
        mark: { type: "line" },
        encoding: {
          x: { field: "period", type: "quantitative", title: `period${unitSuffix(opts.unit)}` },
          y: { field: "transactions", type: "quantitative", title: "repeat transactions" },
          color: seriesColor,
          strokeDash: { field: "series", type: "nominal", title: null },
        },
      },
      ...(opts.calibrationPeriods === undefined
        ? []
        : [
            {
              mark: { type: "rule", color: "#999999" },
              encoding: { x: { datum: opts.calibrationPeriods } },
            },
          ]),
    ],
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    data: { values: trackingValues(rows) },
    vconcat: [panel("cumulative"), panel("incremental")],
  };
}

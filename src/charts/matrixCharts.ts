/**
 * Heat maps of the P(alive) and expected-purchases grids, and the sBG survival and retention curves.
 * @module
 */
import type { TimeUnit } from "../core/time.js";
import type { ExpectedPurchasesCell } from "../models/diagnostics/expectedPurchasesMatrix.js";
import type { ProbabilityAliveCell } from "../models/diagnostics/probabilityAliveMatrix.js";
import {
  baseSpec,
  type ChartOptions,
  checkOptions,
  checkUnit,
  finite,
  invalidInput,
  OKABE_ITO,
  TIME_KINDS,
  type TimeChartOptions,
  unitSuffix,
  type VegaLiteSpec,
} from "./spec.js";

function heatMap(
  opts: TimeChartOptions,
  title: string,
  values: readonly { frequency: number; recency: number; value: number }[],
  colorTitle: string,
  domain: readonly [number, number] | undefined,
): VegaLiteSpec {
  return {
    ...baseSpec(opts, { title, width: 520, height: 300 }),
    data: { values },
    mark: { type: "rect" },
    encoding: {
      x: {
        field: "recency",
        type: "ordinal",
        title: `recency: age at the last transaction${unitSuffix(opts.unit)}`,
      },
      y: { field: "frequency", type: "ordinal", sort: "descending", title: "repeat transactions" },
      color: {
        field: "value",
        type: "quantitative",
        title: colorTitle,
        scale: domain === undefined ? { scheme: "viridis" } : { scheme: "viridis", domain },
      },
    },
  };
}

/**
 * Heat map of P(alive) by calibration frequency (rows) and recency (columns), viridis on [0, 1] —
 * Fader, Hardie & Shang (2010, Figure 9), BTYD's `plotProbabilityAliveMatrix`, lifetimes'
 * `plot_probability_alive_matrix`.
 *
 * @param cells - the result of `probabilityAliveMatrix`
 * @param options - `unit` (the grid's unit, for the recency axis), `title`, `width` (default 520),
 *   `height` (default 300)
 * @returns a Vega-Lite v5 spec (rect marks: x = recency, y = frequency, colour = P(alive))
 * @throws {InvalidInputError} on bad options (unknown key, `unit` not a time unit)
 * @example
 * ```ts
 * import { probabilityAliveChart } from "customer-value/charts";
 * const cells = [
 *   { frequency: 0, recency: 0, probabilityAlive: 1 },
 *   { frequency: 1, recency: 1, probabilityAlive: 0.41 },
 *   { frequency: 1, recency: 2, probabilityAlive: 0.83 },
 * ];
 * const spec = probabilityAliveChart(cells, { unit: "week" });
 * spec.mark; // => { type: "rect" }
 * ```
 * @category Charts
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010). Customer-base analysis in a
 *   discrete-time noncontractual setting. Marketing Science 29(6), 1086–1108 (Figure 9).
 */
export function probabilityAliveChart(
  cells: readonly ProbabilityAliveCell[],
  options?: TimeChartOptions,
): VegaLiteSpec {
  const opts = checkOptions("probabilityAliveChart", options, TIME_KINDS);
  const values = cells.map((c) => ({
    frequency: c.frequency,
    recency: c.recency,
    value: c.probabilityAlive,
  }));
  const title = "P(alive) by repeat transactions and recency";
  return heatMap(opts, title, values, "P(alive)", [0, 1]);
}

/**
 * Heat map of expected transactions in the horizon by calibration frequency and recency, viridis
 * over the grid's range — lifetimes' `plot_frequency_recency_matrix`.
 *
 * @param cells - the result of `expectedPurchasesMatrix`
 * @param options - `unit` (the grid's unit), `title`, `width` (default 520), `height` (default 300)
 * @returns a Vega-Lite v5 spec (rect marks: x = recency, y = frequency, colour = expectation)
 * @throws {InvalidInputError} on bad options (unknown key, `unit` not a time unit)
 * @example
 * ```ts
 * import { expectedPurchasesChart } from "customer-value/charts";
 * const cells = [
 *   { frequency: 0, recency: 0, expectedPurchases: 0.1 },
 *   { frequency: 2, recency: 30, expectedPurchases: 1.7 },
 * ];
 * const spec = expectedPurchasesChart(cells, { unit: "week" });
 * (spec.encoding as { color: { title: string } }).color.title; // => "expected transactions"
 * ```
 * @category Charts
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves
 *   for customer base analysis. Journal of Marketing Research 42(4), 415–430.
 */
export function expectedPurchasesChart(
  cells: readonly ExpectedPurchasesCell[],
  options?: TimeChartOptions,
): VegaLiteSpec {
  const opts = checkOptions("expectedPurchasesChart", options, TIME_KINDS);
  const values = cells.map((c) => ({
    frequency: c.frequency,
    recency: c.recency,
    value: c.expectedPurchases,
  }));
  const title = "Expected transactions in the horizon by repeat transactions and recency";
  return heatMap(opts, title, values, "expected transactions", undefined);
}

/**
 * The input of {@link survivalChart}: the curves of an sBG model (or any cohort's) and their unit.
 * @category Charts
 */
export interface SurvivalChartInput {
  /** `survivalCurve(model, { periods })`: S(0) … S(n), element t after t renewals. */
  readonly survival?: ArrayLike<number>;
  /** `retentionCurve(model, { periods })`: r(1) … r(n), element t − 1 for period t. */
  readonly retention?: ArrayLike<number>;
  /** The length of one period (the model's `unit`). */
  readonly unit: TimeUnit;
}

function curveValues(fn: string, name: string, curve: ArrayLike<number>, first: number) {
  return Array.from({ length: curve.length }, (_, i) => ({
    period: i + first,
    series: name === "survival" ? "survival S(t)" : "retention rate r(t)",
    share: finite(fn, curve[i]!, ["curves", name, i]),
  }));
}

/**
 * The survival curve S(t) (share of a cohort still active after t renewals) and the retention
 * rate r(t) (share of period t's survivors who renew), as lines on one [0, 1] axis — the two
 * curves of Fader & Hardie (2007, Figures 1 and 4). Give either or both.
 *
 * @param curves - `{ survival?, retention?, unit }`: `survivalCurve` / `retentionCurve` results
 *   (typed or plain arrays) and the model's `unit`
 * @param options - `title`, `width` (default 480), `height` (default 260)
 * @returns a Vega-Lite v5 spec (lines: x = period, y = share)
 * @throws {InvalidInputError} when neither curve is given (`curves`, code `required`), a curve
 *   value is not finite (`curves.survival[i]`), `unit` is not a time unit (`curves.unit`), or on
 *   bad options
 * @example
 * ```ts
 * import { survivalChart } from "customer-value/charts";
 * const spec = survivalChart({ survival: [1, 0.63, 0.47], retention: [0.63, 0.75], unit: "year" });
 * (spec.data as { values: unknown[] }).values.length; // => 5
 * (spec.encoding as { x: { title: string } }).x.title; // => "renewals (years since acquisition)"
 * ```
 * @category Charts
 * @see Fader, P. S. & Hardie, B. G. S. (2007). How to project customer retention. Journal of
 *   Interactive Marketing 21(1), 76–90.
 */
export function survivalChart(curves: SurvivalChartInput, options?: ChartOptions): VegaLiteSpec {
  const fn = "survivalChart";
  const opts = checkOptions(fn, options);
  if (curves.survival === undefined && curves.retention === undefined) {
    throw invalidInput(fn, ["curves"], "give `survival`, `retention` or both", "required");
  }
  checkUnit(fn, curves.unit, ["curves", "unit"]);
  const values = [
    ...(curves.survival === undefined ? [] : curveValues(fn, "survival", curves.survival, 0)),
    ...(curves.retention === undefined ? [] : curveValues(fn, "retention", curves.retention, 1)),
  ];
  return {
    ...baseSpec(opts, { title: "Survival and retention by period", width: 480, height: 260 }),
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: {
        field: "period",
        type: "quantitative",
        title: `renewals (${curves.unit}s since acquisition)`,
      },
      y: {
        field: "share",
        type: "quantitative",
        title: "share of customers",
        scale: { domain: [0, 1] },
        axis: { format: "%" },
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: {
          domain: ["survival S(t)", "retention rate r(t)"],
          range: [OKABE_ITO[5], OKABE_ITO[6]],
        },
      },
    },
  };
}

/**
 * Charts of the segmentation results: the RFM heat map and the segment share bars.
 * @module
 */
import type { RfmScoreRow, RfmScoresResult } from "../segmentation/rfmScores.js";
import type { SegmentSummaryRow } from "../segmentation/segmentSummary.js";
import { baseSpec, type ChartOptions, checkOptions, OKABE_ITO, type VegaLiteSpec } from "./spec.js";

/**
 * Options of {@link rfmHeatmapChart}.
 * @category Charts
 */
export interface RfmHeatmapChartOptions extends ChartOptions {
  /** Colour the cells by the number of customers (`"count"`, default) or by their mean monetary score (`"monetaryScore"`). */
  readonly colorBy?: "count" | "monetaryScore";
}

interface RfmCell {
  recencyScore: number;
  frequencyScore: number;
  customers: number;
  meanMonetaryScore: number;
}

function rfmCells(rows: readonly RfmScoreRow[]): RfmCell[] {
  const cells = new Map<string, RfmCell>();
  for (const row of rows) {
    const key = `${row.recencyScore},${row.frequencyScore}`;
    const cell = cells.get(key) ?? {
      recencyScore: row.recencyScore,
      frequencyScore: row.frequencyScore,
      customers: 0,
      meanMonetaryScore: 0,
    };
    cell.customers += 1;
    // running mean: exact for small integers, never NaN (customers ≥ 1 here)
    cell.meanMonetaryScore += (row.monetaryScore - cell.meanMonetaryScore) / cell.customers;
    cells.set(key, cell);
  }
  return [...cells.values()].sort(
    (a, b) => a.recencyScore - b.recencyScore || a.frequencyScore - b.frequencyScore,
  );
}

/**
 * The RFM heat map: recency score (columns) × frequency score (rows), each cell coloured by its
 * number of customers or by their mean monetary score, labelled with the count — R `rfm`'s
 * `rfm_heatmap`. Empty cells are left out.
 *
 * @param scores - the result of `rfmScores` (or its `scores` rows)
 * @param options - `colorBy` (`"count"`, default, or `"monetaryScore"`), `title`, `width`
 *   (default 360), `height` (default 300)
 * @returns a Vega-Lite v5 spec (a layer of rect and text marks)
 * @throws {InvalidInputError} on bad options (unknown key, `colorBy` not one of its values)
 * @example
 * ```ts
 * import { rfmHeatmapChart } from "customer-value/charts";
 * const scores = [
 *   { customerId: "a", recencyScore: 5, frequencyScore: 5, monetaryScore: 4, rfmCode: "554", scoreSum: 14 },
 *   { customerId: "b", recencyScore: 5, frequencyScore: 5, monetaryScore: 2, rfmCode: "552", scoreSum: 12 },
 *   { customerId: "c", recencyScore: 1, frequencyScore: 2, monetaryScore: 1, rfmCode: "121", scoreSum: 4 },
 * ];
 * const spec = rfmHeatmapChart(scores, { colorBy: "monetaryScore" });
 * const cells = (spec.data as { values: { customers: number; meanMonetaryScore: number }[] }).values;
 * cells.map((c) => c.customers); // => [1, 2]
 * cells.map((c) => c.meanMonetaryScore); // => [1, 3]
 * ```
 * @category Charts
 * @see Hughes, A. M. (1994). *Strategic Database Marketing*. Probus. R package `rfm`
 *   (Hebbali), `rfm_heatmap`.
 */
export function rfmHeatmapChart(
  scores: RfmScoresResult | readonly RfmScoreRow[],
  options?: RfmHeatmapChartOptions,
): VegaLiteSpec {
  const opts = checkOptions("rfmHeatmapChart", options, { colorBy: ["count", "monetaryScore"] });
  const rows = "scores" in scores ? scores.scores : scores;
  const byCount = (opts.colorBy ?? "count") === "count";
  const colorField = byCount ? "customers" : "meanMonetaryScore";
  const colorTitle = byCount ? "customers" : "mean monetary score";
  return {
    ...baseSpec(opts, {
      title: `RFM scores: customers by recency and frequency score, coloured by ${colorTitle}`,
      width: 360,
      height: 300,
    }),
    data: { values: rfmCells(rows) },
    encoding: {
      x: { field: "recencyScore", type: "ordinal", title: "recency score (higher = more recent)" },
      y: {
        field: "frequencyScore",
        type: "ordinal",
        sort: "descending",
        title: "frequency score (higher = more purchases)",
      },
    },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          color: {
            field: colorField,
            type: "quantitative",
            title: colorTitle,
            scale: { scheme: "viridis" },
          },
        },
      },
      {
        mark: { type: "text", color: "#FFFFFF", stroke: "#000000", strokeWidth: 0.3 },
        encoding: { text: { field: "customers", type: "quantitative" } },
      },
    ],
  };
}

/**
 * Horizontal bars per segment: its share of customers beside its share of revenue — R `rfm`'s
 * `rfm_plot_segment` bars, with both shares so over- and under-earning segments stand out.
 * Segments keep the summary's order (most customers first).
 *
 * @param summary - the result of `segmentSummary`
 * @param options - `title`, `width` (default 420), `height` (default: 36 px per segment)
 * @returns a Vega-Lite v5 spec (grouped bars: y = segment, x = share in %)
 * @throws {InvalidInputError} on bad options (unknown key, non-string title, size < 1)
 * @example
 * ```ts
 * import { segmentShareChart } from "customer-value/charts";
 * import { segmentSummary } from "customer-value";
 * const summary = segmentSummary(
 *   [{ customerId: "a", segment: "Champions" }, { customerId: "b", segment: "Lost" }],
 *   [
 *     { customerId: "a", daysSinceLastPurchase: 3, purchases: 6, totalSpend: "300" },
 *     { customerId: "b", daysSinceLastPurchase: 400, purchases: 1, totalSpend: "100" },
 *   ],
 * );
 * const spec = segmentShareChart(summary);
 * (spec.data as { values: unknown[] }).values[1]; // => { segment: "Champions", measure: "revenue", share: 0.75 }
 * ```
 * @category Charts
 * @see R package `rfm` (Hebbali), `rfm_plot_segment` and `rfm_segment_summary`.
 */
export function segmentShareChart(
  summary: readonly SegmentSummaryRow[],
  options?: ChartOptions,
): VegaLiteSpec {
  const opts = checkOptions("segmentShareChart", options);
  return {
    ...baseSpec(opts, {
      title: "Segments: share of customers and share of revenue",
      width: 420,
      height: Math.max(1, 36 * summary.length),
    }),
    data: {
      values: summary.flatMap((row) => [
        { segment: row.segment, measure: "customers", share: row.customerShare },
        { segment: row.segment, measure: "revenue", share: row.spendShare },
      ]),
    },
    mark: { type: "bar" },
    encoding: {
      y: { field: "segment", type: "nominal", sort: null, title: null },
      yOffset: { field: "measure" },
      x: {
        field: "share",
        type: "quantitative",
        title: "share of the total",
        axis: { format: "%" },
      },
      color: {
        field: "measure",
        type: "nominal",
        title: "share of",
        scale: { domain: ["customers", "revenue"], range: [OKABE_ITO[5], OKABE_ITO[1]] },
      },
    },
  };
}

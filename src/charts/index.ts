/**
 * `customer-value/charts`: the library's results as Vega-Lite v5 specifications — plain JSON with
 * the data inlined, titles, axis titles with units and colour-blind-safe colours (Okabe–Ito
 * series, viridis heat maps). Pure functions with no runtime dependency: render a spec with
 * vega-embed in a page, in a notebook, or headless to SVG with `vega` + `vega-lite`.
 *
 * ```ts
 * import { netPromoterScore } from "customer-value";
 * import { netPromoterScoreChart } from "customer-value/charts";
 * const spec = netPromoterScoreChart(netPromoterScore([10, 9, 7, 3]));
 * ```
 * @module customer-value/charts
 */

export type { SurvivalChartInput } from "./matrixCharts.js";
export { expectedPurchasesChart, probabilityAliveChart, survivalChart } from "./matrixCharts.js";
export {
  customerValueMatrixChart,
  portfolioMatrixChart,
  valueMatrixChart,
} from "./matrixPolicyCharts.js";
export type { HoldoutComparisonChartOptions, PurchaseTrackingChartOptions } from "./modelCharts.js";
export {
  frequencyHistogramChart,
  holdoutComparisonChart,
  purchaseTrackingChart,
} from "./modelCharts.js";
export type { HeterogeneityChartOptions } from "./predictionCharts.js";
export { heterogeneityChart, probabilityAlivePathChart } from "./predictionCharts.js";
export { netPromoterScoreChart, servqualGapChart } from "./satisfactionCharts.js";
export type { RfmHeatmapChartOptions } from "./segmentCharts.js";
export { rfmHeatmapChart, segmentShareChart } from "./segmentCharts.js";
export type { ChartOptions, NumberLike, TimeChartOptions, VegaLiteSpec } from "./spec.js";
export { OKABE_ITO } from "./spec.js";
export type { LifetimeValuePoint, MoneyChartOptions } from "./valueCharts.js";
export { lifetimeValueChart, recoveryPlanChart } from "./valueCharts.js";

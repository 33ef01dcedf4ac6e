/**
 * Charts of the satisfaction results: the NPS distribution with its interval and the SERVQUAL gaps.
 * @module
 */
import type { NetPromoterScoreResult } from "../satisfaction/netPromoterScore.js";
import type { ServqualResult } from "../satisfaction/servqual.js";
import {
  baseSpec,
  type ChartOptions,
  checkOptions,
  fixed,
  OKABE_ITO,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "./spec.js";

/**
 * The answers of an NPS survey by group (detractors 0–6 in vermillion, passives 7–8 in grey,
 * promoters 9–10 in bluish green) as shares, above the score on its −100…100 scale with its
 * confidence interval.
 *
 * @param nps - the result of `netPromoterScore`
 * @param options - `title`, `width` (default 440), `height` of the bars panel (default 200)
 * @returns a Vega-Lite v5 spec with two panels (`vconcat`): bars of the groups' shares, and the
 *   score as a point with its interval
 * @throws {InvalidInputError} on bad options (unknown key, non-string title, size < 1)
 * @example
 * ```ts
 * import { netPromoterScore } from "customer-value";
 * import { netPromoterScoreChart } from "customer-value/charts";
 * const spec = netPromoterScoreChart(netPromoterScore([10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5]));
 * spec.title; // => "NPS 25.0 (95 % interval −21.9 to 71.9), 12 answers"
 * ```
 * @category Charts
 * @see Reichheld, F. F. (2003). The one number you need to grow. Harvard Business Review 81(12).
 */
export function netPromoterScoreChart(
  nps: NetPromoterScoreResult,
  options?: ChartOptions,
): VegaLiteSpec {
  const opts = checkOptions("netPromoterScoreChart", options);
  const ci = nps.confidenceInterval;
  const level = fixed(100 * ci.level, 0);
  const { title, width, height } = baseSpec(opts, {
    title: `NPS ${fixed(nps.score, 1)} (${level} % interval ${fixed(ci.lower, 1).replace("-", "−")} to ${fixed(ci.upper, 1).replace("-", "−")}), ${nps.responseCount} answers`,
    width: 440,
    height: 200,
  });
  const groups = [
    { group: "detractors (0–6)", answers: nps.detractors, share: nps.detractorShare },
    { group: "passives (7–8)", answers: nps.passives, share: nps.passiveShare },
    { group: "promoters (9–10)", answers: nps.promoters, share: nps.promoterShare },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    vconcat: [
      {
        width,
        height,
        data: { values: groups },
        mark: { type: "bar" },
        encoding: {
          x: { field: "group", type: "nominal", sort: null, title: null, axis: { labelAngle: 0 } },
          y: {
            field: "share",
            type: "quantitative",
            title: "share of answers",
            axis: { format: "%" },
          },
          color: {
            field: "group",
            type: "nominal",
            legend: null,
            scale: {
              domain: groups.map((g) => g.group),
              range: [OKABE_ITO[6], "#999999", OKABE_ITO[3]],
            },
          },
          tooltip: [{ field: "group" }, { field: "answers", type: "quantitative" }],
        },
      },
      {
        width,
        height: 40,
        data: { values: [{ score: nps.score, lower: ci.lower, upper: ci.upper }] },
        encoding: { y: { value: 20 } },
        layer: [
          {
            mark: { type: "rule", strokeWidth: 2, color: OKABE_ITO[0] },
            encoding: {
              x: {
                field: "lower",
                type: "quantitative",
                title: `Net Promoter Score (points, −100 to 100) with its ${level} % interval`,
                scale: { domain: [-100, 100] },
              },
              x2: { field: "upper" },
            },
          },
          {
            mark: { type: "point", filled: true, size: 80, color: OKABE_ITO[5] },
            encoding: { x: { field: "score", type: "quantitative" } },
          },
        ],
      },
    ],
  };
}

/**
 * SERVQUAL gap bars, one per RATER dimension: the mean gap P − E in scale points, vermillion where
 * service falls short of expectations (gap < 0) and blue where it exceeds them, with a rule at 0.
 *
 * @param result - the result of `servqual`
 * @param options - `title`, `width` (default 420), `height` (default 240)
 * @returns a Vega-Lite v5 spec (a layer of bars and a zero rule: y = dimension, x = gap)
 * @throws {InvalidInputError} on bad options (unknown key, non-string title, size < 1)
 * @example
 * ```ts
 * import { servqualGapChart } from "customer-value/charts";
 * const dimension = (name: string, gap: number) =>
 *   ({ dimension: name, itemCount: 4, expectation: 6, perception: 6 + gap, gap, weight: 0.2 });
 * const result = {
 *   items: [],
 *   dimensions: [dimension("tangibles", 0.2), dimension("reliability", -1.1)],
 *   unweightedScore: -0.45, weightedScore: -0.45,
 * } as const;
 * const spec = servqualGapChart(result);
 * (spec.data as { values: { shortfall: string }[] }).values.map((v) => v.shortfall); // => ["meets or exceeds", "falls short"]
 * ```
 * @category Charts
 * @see Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1988). SERVQUAL: a multiple-item scale
 *   for measuring consumer perceptions of service quality. Journal of Retailing 64(1), 12–40.
 */
export function servqualGapChart(result: ServqualResult, options?: ChartOptions): VegaLiteSpec {
  const opts = checkOptions("servqualGapChart", options);
  return {
    ...baseSpec(opts, {
      title: `SERVQUAL gaps by dimension (unweighted score ${fixed(result.unweightedScore, 2)})`,
      width: 420,
      height: 240,
    }),
    data: {
      values: result.dimensions.map((d) => ({
        dimension: d.dimension,
        gap: d.gap,
        expectation: d.expectation,
        perception: d.perception,
        shortfall: d.gap < 0 ? "falls short" : "meets or exceeds",
      })),
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y: { field: "dimension", type: "nominal", sort: null, title: null },
          x: {
            field: "gap",
            type: "quantitative",
            title: "gap: perception − expectation (scale points)",
          },
          color: {
            field: "shortfall",
            type: "nominal",
            title: null,
            scale: {
              domain: ["falls short", "meets or exceeds"],
              range: [OKABE_ITO[6], OKABE_ITO[5]],
            },
          },
          tooltip: [
            { field: "dimension" },
            { field: "expectation", type: "quantitative", format: ".2f" },
            { field: "perception", type: "quantitative", format: ".2f" },
            { field: "gap", type: "quantitative", format: ".2f" },
          ],
        },
      },
      { mark: { type: "rule", color: OKABE_ITO[0] }, encoding: { x: { datum: 0 } } },
    ],
  };
}

/**
 * Charts of a model's predictions: one customer's P(alive) history and the model's heterogeneity
 * (the mixing densities of the purchase and drop-out processes).
 * @module
 */
import type { TimeUnit } from "../core/time.js";
import type {
  HeterogeneityDensities,
  MixingDensity,
} from "../models/predictions/heterogeneityDensities.js";
import type { AlivePathPoint } from "../models/predictions/probabilityAlivePath.js";
import {
  baseSpec,
  type ChartOptions,
  checkOptions,
  finite,
  fixed,
  invalidInput,
  OKABE_ITO,
  TIME_KINDS,
  type TimeChartOptions,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "./spec.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A customer's P(alive) over time — a line through the points of `probabilityAlivePath`, the
 * calendar date on x (UTC days, as the path gives them) and P(alive) on [0, 1] — with each repeat
 * purchase marked by a vermillion point where the repeat count rises: the curve decays between
 * purchases and jumps at each one (lifetimes' `plot_history_alive`).
 *
 * @param path - the result of `probabilityAlivePath` (at least one point)
 * @param options - `title`, `width` (default 520), `height` (default 260)
 * @returns a Vega-Lite v5 spec (a layer of a line and the repeat-purchase points: x = date,
 *   y = P(alive))
 * @throws {InvalidInputError} on an empty path (`path`, code `too_small`), a date that is not
 *   `"YYYY-MM-DD"` (`path[i].date`) or a non-finite number (`path[i].probabilityAlive`,
 *   `path[i].frequency`), code `invalid_value`, or on bad options
 * @example
 * ```ts
 * import { probabilityAlivePathChart } from "customer-value/charts";
 * const path = [
 *   { date: "1997-01-12", T: 0, frequency: 0, recency: 0, probabilityAlive: 1 },
 *   { date: "1997-01-19", T: 1, frequency: 0, recency: 0, probabilityAlive: 1 },
 *   { date: "1997-01-26", T: 2, frequency: 1, recency: 2, probabilityAlive: 0.75 },
 *   { date: "1997-02-02", T: 3, frequency: 1, recency: 2, probabilityAlive: 0.72 },
 * ];
 * const spec = probabilityAlivePathChart(path);
 * (spec.data as { values: { purchase: boolean }[] }).values.map((v) => v.purchase); // => [false, false, true, false]
 * (spec.layer as unknown[]).length; // => 2
 * ```
 * @category Charts
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284; lifetimes (Davidson-Pilon) `plot_history_alive`.
 */
export function probabilityAlivePathChart(
  path: readonly AlivePathPoint[],
  options?: ChartOptions,
): VegaLiteSpec {
  const fn = "probabilityAlivePathChart";
  const opts = checkOptions(fn, options);
  if (!Array.isArray(path) || path.length === 0) {
    throw invalidInput(fn, ["path"], "give at least one point of a path", "too_small");
  }
  let previous = Number.NaN;
  const values = path.map((p, i) => {
    if (typeof p?.date !== "string" || !DATE.test(p.date)) {
      throw invalidInput(fn, ["path", i, "date"], 'must be a "YYYY-MM-DD" day', "invalid_value");
    }
    const frequency = finite(fn, p.frequency, ["path", i, "frequency"]);
    const probabilityAlive = finite(fn, p.probabilityAlive, ["path", i, "probabilityAlive"]);
    const purchase = i > 0 && frequency > previous;
    previous = frequency;
    return { date: p.date, T: p.T, frequency, recency: p.recency, probabilityAlive, purchase };
  });
  const x = { field: "date", type: "temporal", title: "date", scale: { type: "utc" } };
  const tooltip = [
    { field: "date", type: "temporal", timeUnit: "utcyearmonthdate" },
    { field: "probabilityAlive", type: "quantitative", title: "P(alive)", format: ".3f" },
    { field: "frequency", type: "quantitative", title: "repeat purchases" },
  ];
  return {
    ...baseSpec(opts, {
      title: "P(alive) over time (points: repeat purchases)",
      width: 520,
      height: 260,
    }),
    data: { values },
    layer: [
      {
        mark: { type: "line", color: OKABE_ITO[5] },
        encoding: {
          x,
          y: {
            field: "probabilityAlive",
            type: "quantitative",
            title: "P(alive)",
            scale: { domain: [0, 1] },
          },
          tooltip,
        },
      },
      {
        transform: [{ filter: "datum.purchase" }],
        mark: { type: "point", filled: true, size: 60, color: OKABE_ITO[6] },
        encoding: { x, y: { field: "probabilityAlive", type: "quantitative" }, tooltip },
      },
    ],
  };
}

/**
 * Options of {@link heterogeneityChart}: {@link ChartOptions} plus the model's time unit, for the
 * axis of a rate (λ, μ).
 * @category Charts
 */
export type HeterogeneityChartOptions = TimeChartOptions;

const PARAMETERS = ["lambda", "mu", "p", "theta"] as const;

/** The axis title of a mixing distribution's latent quantity. */
function quantityTitle(side: "purchase" | "dropout", d: MixingDensity, unit?: TimeUnit): string {
  const per = unit === undefined ? "per unit of time" : `per ${unit}`;
  switch (d.parameter) {
    case "lambda":
      return `purchase rate λ (purchases ${per})`;
    case "mu":
      return `drop-out rate μ (drop-outs ${per})`;
    case "theta":
      return "drop-out probability θ (per opportunity)";
    case "p":
      return side === "purchase"
        ? "purchase probability p (per opportunity)"
        : "drop-out probability p (after each repeat purchase)";
  }
}

/** The y-axis cut of a density with a pole: twice the 90th percentile of its grid's densities. */
function densityCap(densities: readonly number[]): number | undefined {
  const sorted = [...densities].sort((a, b) => a - b);
  const cap = 2 * sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  return sorted.at(-1)! > cap && cap > 0 ? cap : undefined;
}

function panel(
  fn: string,
  side: "purchase" | "dropout",
  d: MixingDensity,
  opts: HeterogeneityChartOptions,
): Record<string, unknown> {
  const path = ["densities", side];
  if (typeof d !== "object" || d === null) {
    throw invalidInput(fn, path, "must be a mixing density", "invalid_type");
  }
  if (!PARAMETERS.includes(d.parameter)) {
    const message = `must be one of ${PARAMETERS.join(", ")}`;
    throw invalidInput(fn, [...path, "parameter"], message, "invalid_value", d.parameter);
  }
  if (!Array.isArray(d.points) || d.points.length < 2) {
    throw invalidInput(fn, [...path, "points"], "give at least two grid points", "too_small");
  }
  const mean = finite(fn, d.mean, [...path, "mean"]);
  const values = d.points.map((p, i) => ({
    value: finite(fn, p.value, [...path, "points", i, "value"]),
    density: finite(fn, p.density, [...path, "points", i, "density"]),
  }));
  const cap = densityCap(values.map((v) => v.density));
  const law = `${d.distribution === "gamma" ? "Gamma" : "Beta"}(${d.shapes.map((s) => fixed(s, 3)).join(", ")})`;
  const colour = side === "purchase" ? OKABE_ITO[5] : OKABE_ITO[6];
  return {
    title: `${side === "purchase" ? "Purchasing" : "Drop-out"}: ${law}, mean ${fixed(mean, 4)}`,
    width: opts.width ?? 300,
    height: opts.height ?? 220,
    data: { values },
    layer: [
      {
        mark: { type: "area", color: colour, opacity: 0.35, line: { color: colour }, clip: true },
        encoding: {
          x: { field: "value", type: "quantitative", title: quantityTitle(side, d, opts.unit) },
          y: {
            field: "density",
            type: "quantitative",
            title: cap === undefined ? "density" : "density (axis cut at the pole)",
            ...(cap === undefined ? {} : { scale: { domain: [0, cap] } }),
          },
        },
      },
      {
        mark: { type: "rule", color: OKABE_ITO[0], strokeDash: [4, 3] },
        encoding: { x: { datum: mean }, tooltip: { value: `mean ${fixed(mean, 4)}` } },
      },
    ],
  };
}

/**
 * The model's heterogeneity: two panels, the density of the purchase process's mixing distribution
 * (λ ~ Gamma, or the BG/BB's p ~ Beta) and of the drop-out process's (p ~ Beta, μ ~ Gamma, θ ~
 * Beta), each a filled curve with its mean as a dashed rule and the law with its parameters in
 * the panel title — BTYD's `…PlotTransactionRateHeterogeneity` and
 * `…PlotDropoutRateHeterogeneity`, lifetimes' `plot_transaction_rate_heterogeneity`. A rate's axis
 * says its unit (`options.unit`, the model's: the result does not carry it). When a shape below 1
 * puts a pole at an end, the y axis is cut at twice the 90th percentile of the grid's densities (the curve is
 * clipped; the data keep every density).
 *
 * @param densities - the result of `heterogeneityDensities`
 * @param options - `unit` (the model's, for λ and μ), `title`, `width` and `height` of each panel
 *   (defaults 300 and 220)
 * @returns a Vega-Lite v5 spec (two panels side by side: x = rate or probability, y = density)
 * @throws {InvalidInputError} on an unknown `parameter` (`densities.purchase.parameter`), fewer
 *   than two points (`densities.dropout.points`, code `too_small`), a non-finite mean, value or
 *   density (`densities.purchase.points[i].density`, code `invalid_value`), or bad options
 * @example
 * ```ts
 * import { heterogeneityDensities } from "customer-value";
 * import { heterogeneityChart } from "customer-value/charts";
 * const model = {
 *   kind: "pareto-nbd", params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 },
 *   logLikelihood: -9595, iterations: 30, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const spec = heterogeneityChart(heterogeneityDensities(model, { points: 50 }), { unit: "week" });
 * const [purchase, dropout] = spec.hconcat as { title: string; data: { values: unknown[] } }[];
 * purchase.title; // => "Purchasing: Gamma(0.550, 10.580), mean 0.0520"
 * dropout.data.values.length; // => 50
 * JSON.stringify(spec).includes("drop-out rate μ (drop-outs per week)"); // => true
 * ```
 * @category Charts
 * @see Schmittlein, D. C., Morrison, D. G. & Colombo, R. (1987). Counting your customers: who are
 *   they and what will they do next? Management Science 33(1), 1–24; Fader, Hardie & Lee (2005),
 *   Marketing Science 24(2).
 */
export function heterogeneityChart(
  densities: HeterogeneityDensities,
  options?: HeterogeneityChartOptions,
): VegaLiteSpec {
  const fn = "heterogeneityChart";
  const opts = checkOptions(fn, options, TIME_KINDS);
  if (typeof densities !== "object" || densities === null) {
    throw invalidInput(
      fn,
      ["densities"],
      "must be a heterogeneityDensities result",
      "invalid_type",
    );
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: opts.title ?? "Heterogeneity across customers: mixing densities with their means",
    hconcat: [
      panel(fn, "purchase", densities.purchase, opts),
      panel(fn, "dropout", densities.dropout, opts),
    ],
  };
}

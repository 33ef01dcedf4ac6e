/**
 * Charts of money results: a recovery plan's spend against its expected return, and the
 * distribution of customer lifetime values.
 * @module
 */

import type { RecoveryPlan } from "../churn/prioritizeRecovery.js";
import {
  baseSpec,
  type ChartOptions,
  checkOptions,
  finite,
  invalidInput,
  type NumberLike,
  OKABE_ITO,
  type VegaLiteSpec,
} from "./spec.js";

/**
 * Options of the money charts ({@link recoveryPlanChart}, {@link lifetimeValueChart}).
 * @category Charts
 */
export interface MoneyChartOptions extends ChartOptions {
  /** The money unit for axis titles, e.g. `"USD"` or `"€"` (default `"money units"`). */
  readonly currency?: string;
}

/**
 * A recovery plan's spend against its expected return: customers in rank order, the cumulative
 * cost of winning them back (x) against the cumulative expected return `Σ P(win-back) × second
 * lifetime value` (y), selected customers in blue and the others in orange, with the budget as a
 * vertical rule when there is one. Where the curve flattens, further spend buys little.
 *
 * @param plan - the result of `prioritizeRecovery`
 * @param options - `currency` (for the axes), `title`, `width` (default 480), `height` (default 280)
 * @returns a Vega-Lite v5 spec (a layer of a line, points and the budget rule)
 * @throws {InvalidInputError} on bad options, or a cost or return beyond float64's range
 *   (`plan.entries[i].cost`, code `invalid_value`)
 * @example
 * ```ts
 * import { prioritizeRecovery } from "customer-value";
 * import { recoveryPlanChart } from "customer-value/charts";
 * const plan = prioritizeRecovery(
 *   [
 *     { customerId: "a", value: 900, cause: "own", cost: 30, winBackProbability: 0.5 },
 *     { customerId: "b", value: 200, cause: "unknown", cost: 20, winBackProbability: 0.3 },
 *   ],
 *   { budget: 40 },
 * );
 * const spec = recoveryPlanChart(plan, { currency: "USD" });
 * (spec.data as { values: { spend: number }[] }).values.map((v) => v.spend); // => [0, 30, 50]
 * ```
 * @category Charts
 * @see Stauss, B. & Friege, C. (1999). Regaining service customers. Journal of Service Research
 *   1(4), 347–361.
 */
export function recoveryPlanChart(plan: RecoveryPlan, options?: MoneyChartOptions): VegaLiteSpec {
  const fn = "recoveryPlanChart";
  const opts = checkOptions(fn, options, { currency: "string" });
  const money = opts.currency ?? "money units";
  const values = [{ rank: 0, customerId: "", spend: 0, expectedReturn: 0, selected: "start" }];
  let spend = 0;
  let expectedReturn = 0;
  for (const position of plan.byRank) {
    const e = plan.entries[position]!;
    const cost = finite(fn, e.cost, ["plan", "entries", position, "cost"]);
    spend += cost;
    expectedReturn += finite(fn, e.expectedNetValue, ["plan", "entries", position]) + cost;
    const selected = e.selected ? "selected" : "not selected";
    values.push({ rank: e.rank, customerId: e.customerId, spend, expectedReturn, selected });
  }
  const budget =
    plan.budget === undefined ? [] : [finite(fn, plan.budget.budget, ["plan", "budget"])];
  return {
    ...baseSpec(opts, {
      title: "Recovery plan: cumulative spend against cumulative expected return, by rank",
      width: 480,
      height: 280,
    }),
    data: { values },
    layer: [
      {
        mark: { type: "line", color: "#999999" },
        encoding: {
          x: { field: "spend", type: "quantitative", title: `cumulative spend (${money})` },
          y: {
            field: "expectedReturn",
            type: "quantitative",
            title: `cumulative expected return (${money})`,
          },
          order: { field: "rank", type: "quantitative" },
        },
      },
      {
        mark: { type: "point", filled: true },
        transform: [{ filter: "datum.rank > 0" }],
        encoding: {
          x: { field: "spend", type: "quantitative" },
          y: { field: "expectedReturn", type: "quantitative" },
          color: {
            field: "selected",
            type: "nominal",
            title: null,
            scale: { domain: ["selected", "not selected"], range: [OKABE_ITO[5], OKABE_ITO[1]] },
          },
          tooltip: [{ field: "rank" }, { field: "customerId" }],
        },
      },
      ...budget.map((b) => ({
        mark: { type: "rule", strokeDash: [4, 4], color: OKABE_ITO[0] },
        encoding: { x: { datum: b } },
      })),
    ],
  };
}

/**
 * One customer's lifetime value for {@link lifetimeValueChart}: the value, and an interval when
 * the model gives one (`lower`/`upper`, same unit).
 * @category Charts
 */
export interface LifetimeValuePoint {
  /** The customer's value (a `Decimal` or a number). */
  readonly value: NumberLike;
  /** Lower end of the value's interval. */
  readonly lower?: NumberLike;
  /** Upper end of the value's interval. */
  readonly upper?: NumberLike;
}

function lifetimeValueRows(fn: string, values: readonly (NumberLike | LifetimeValuePoint)[]) {
  const rows: { series: string; value: number }[] = [];
  values.forEach((v, i) => {
    if (typeof v === "number" || !("value" in v)) {
      rows.push({ series: "value", value: finite(fn, v, ["values", i]) });
      return;
    }
    rows.push({ series: "value", value: finite(fn, v.value, ["values", i, "value"]) });
    if (v.lower !== undefined) {
      rows.push({ series: "lower end", value: finite(fn, v.lower, ["values", i, "lower"]) });
    }
    if (v.upper !== undefined) {
      rows.push({ series: "upper end", value: finite(fn, v.upper, ["values", i, "upper"]) });
    }
  });
  return rows;
}

/**
 * Histogram of customer lifetime values (about 40 bins over the data's range). When points carry
 * an interval (`{ value, lower, upper }`), the distributions of the lower and upper ends are drawn
 * as step lines over the same bins, so the spread of the estimates shows beside their histogram.
 *
 * @param values - `customerLifetimeValue`'s `Decimal[]` (or numbers), or points with intervals
 * @param options - `currency` (for the axis), `title`, `width` (default 480), `height` (default 260)
 * @returns a Vega-Lite v5 spec (binned bars, plus step lines when intervals are present)
 * @throws {InvalidInputError} when `values` is empty (`values`, code `too_small`), a value is not
 *   finite (`values[i]`), or on bad options
 * @example
 * ```ts
 * import { lifetimeValueChart } from "customer-value/charts";
 * const spec = lifetimeValueChart([12.5, 40, 33.1, 127.48], { currency: "USD" });
 * (spec.layer as unknown[]).length; // => 1
 * const withIntervals = lifetimeValueChart([{ value: 40, lower: 30, upper: 52 }]);
 * (withIntervals.layer as unknown[]).length; // => 2
 * ```
 * @category Charts
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves
 *   for customer base analysis. Journal of Marketing Research 42(4), 415–430.
 */
export function lifetimeValueChart(
  values: readonly (NumberLike | LifetimeValuePoint)[],
  options?: MoneyChartOptions,
): VegaLiteSpec {
  const fn = "lifetimeValueChart";
  const opts = checkOptions(fn, options, { currency: "string" });
  if (values.length === 0) {
    throw invalidInput(fn, ["values"], "give at least one value", "too_small", values);
  }
  const rows = lifetimeValueRows(fn, values);
  let low = Infinity;
  let high = -Infinity;
  for (const r of rows) {
    low = Math.min(low, r.value);
    high = Math.max(high, r.value);
  }
  const bin = { maxbins: 40, extent: [low, high === low ? low + 1 : high] };
  const x = {
    field: "value",
    type: "quantitative",
    bin,
    title: `lifetime value (${opts.currency ?? "money units"})`,
  };
  const y = { aggregate: "count", type: "quantitative", title: "customers" };
  const hasInterval = rows.length > values.length;
  return {
    ...baseSpec(opts, {
      title: "Distribution of customer lifetime values",
      width: 480,
      height: 260,
    }),
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.series === 'value'" }],
        mark: { type: "bar", color: OKABE_ITO[5] },
        encoding: { x, y },
      },
      ...(hasInterval
        ? [
            {
              transform: [{ filter: "datum.series !== 'value'" }],
              mark: { type: "line", interpolate: "step" },
              encoding: {
                x,
                y,
                color: {
                  field: "series",
                  type: "nominal",
                  title: "interval",
                  scale: {
                    domain: ["lower end", "upper end"],
                    range: [OKABE_ITO[1], OKABE_ITO[6]],
                  },
                },
              },
            },
          ]
        : []),
    ],
  };
}

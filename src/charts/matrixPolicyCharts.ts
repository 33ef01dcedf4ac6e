/**
 * Charts of the 2 × 2 customer matrices with their policies: Marcus's customer value matrix, the
 * customer portfolio matrix and the current value × potential matrix.
 * @module
 */
import type { CustomerValueMatrixResult } from "../segmentation/customerValueMatrix.js";
import type { PortfolioMatrixResult } from "../segmentation/portfolioMatrix.js";
import type { ValueMatrixResult } from "../segmentation/valueMatrix.js";
import { baseSpec, type ChartOptions, checkOptions, type VegaLiteSpec } from "./spec.js";

/** Where each cell sits: `[cell, x level, y level]` (level 0 = low, 1 = high). */
type Layout = readonly (readonly [string, 0 | 1, 0 | 1])[];

interface Grid {
  readonly fn: string;
  readonly title: string;
  readonly x: readonly [string, string, string];
  readonly y: readonly [string, string, string];
  readonly layout: Layout;
}

/** Splits a text into lines of at most `width` characters, at spaces (a longer word keeps its line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function twoByTwo(
  grid: Grid,
  result: { counts: Readonly<Record<string, number>>; policies: Readonly<Record<string, string>> },
  options: ChartOptions | undefined,
): VegaLiteSpec {
  const opts = checkOptions(grid.fn, options);
  const values = grid.layout.map(([cell, x, y]) => ({
    cell,
    x: grid.x[x + 1],
    y: grid.y[y + 1],
    customers: result.counts[cell] ?? 0,
    label: `${cell}: ${result.counts[cell] ?? 0} customer${result.counts[cell] === 1 ? "" : "s"}`,
    policy: result.policies[cell] ?? "",
    policyLines: wrap(result.policies[cell] ?? "", 36),
  }));
  const axis = (labels: readonly [string, string, string]) => ({
    type: "ordinal",
    title: labels[0],
    sort: [labels[1], labels[2]],
    axis: { labelAngle: 0 },
  });
  return {
    ...baseSpec(opts, { title: grid.title, width: 520, height: 300 }),
    data: { values },
    encoding: {
      x: { field: "x", ...axis(grid.x) },
      y: { field: "y", ...axis(grid.y), sort: [grid.y[2], grid.y[1]] },
      tooltip: [
        { field: "cell", type: "nominal" },
        { field: "customers", type: "quantitative" },
        { field: "policy", type: "nominal" },
      ],
    },
    layer: [
      {
        mark: { type: "rect", stroke: "#FFFFFF", strokeWidth: 2 },
        encoding: {
          color: {
            field: "customers",
            type: "quantitative",
            title: "customers",
            scale: { scheme: "blues", zero: true },
          },
        },
      },
      {
        mark: { type: "text", fontWeight: "bold", dy: -24 },
        encoding: { text: { field: "label", type: "nominal" } },
      },
      {
        mark: { type: "text", baseline: "top", dy: -8, fontSize: 10 },
        encoding: { text: { field: "policyLines" } },
      },
    ],
  };
}

/**
 * Marcus's customer value matrix as a 2 × 2 grid: number of purchases (x) × average spend (y),
 * each cell shaded by its customers and labelled with its name, count and policy (full text in the
 * tooltip).
 *
 * @param result - the result of `customerValueMatrix`
 * @param options - `title`, `width` (default 520), `height` (default 300)
 * @returns a Vega-Lite v5 spec (a layer of rect and text marks, four cells)
 * @throws {InvalidInputError} on bad options (unknown key, non-string title, size < 1)
 * @example
 * ```ts
 * import { customerValueMatrix } from "customer-value";
 * import { customerValueMatrixChart } from "customer-value/charts";
 * const result = customerValueMatrix([
 *   { customerId: "a", purchases: 9, averageSpend: "80" },
 *   { customerId: "b", purchases: 1, averageSpend: "15" },
 * ]);
 * const spec = customerValueMatrixChart(result);
 * (spec.data as { values: { label: string }[] }).values[0]!.label; // => "Best: 1 customer"
 * ```
 * @category Charts
 * @see Marcus, C. (1998). A practical yet meaningful approach to customer segmentation. Journal
 *   of Consumer Marketing 15(5), 494–504.
 */
export function customerValueMatrixChart(
  result: CustomerValueMatrixResult,
  options?: ChartOptions,
): VegaLiteSpec {
  const grid: Grid = {
    fn: "customerValueMatrixChart",
    title: "Customer value matrix: purchases × average spend",
    x: ["number of purchases", "low", "high"],
    y: ["average spend per purchase", "low", "high"],
    layout: [
      ["Best", 1, 1],
      ["Spenders", 0, 1],
      ["Frequent", 1, 0],
      ["Uncertain", 0, 0],
    ],
  };
  return twoByTwo(grid, result, options);
}

/**
 * The customer portfolio matrix as a 2 × 2 grid: relationship strength (x) × potential volume
 * (y), each cell shaded by its accounts and labelled with its name, count and visit policy.
 *
 * @param result - the result of `portfolioMatrix`
 * @param options - `title`, `width` (default 520), `height` (default 300)
 * @returns a Vega-Lite v5 spec (a layer of rect and text marks, four cells)
 * @throws {InvalidInputError} on bad options (unknown key, non-string title, size < 1)
 * @example
 * ```ts
 * import { portfolioMatrix } from "customer-value";
 * import { portfolioMatrixChart } from "customer-value/charts";
 * const result = portfolioMatrix([
 *   { customerId: "a", potentialVolume: "900", relationshipStrength: 8 },
 *   { customerId: "b", potentialVolume: "100", relationshipStrength: 2 },
 * ]);
 * const spec = portfolioMatrixChart(result);
 * (spec.data as { values: { cell: string }[] }).values.map((v) => v.cell); // => ["Star", "Question", "Cash cow", "Dog"]
 * ```
 * @category Charts
 * @see Dalrymple, D. J., Cron, W. L. & DeCarlo, T. E. *Sales Management* (account portfolio models).
 */
export function portfolioMatrixChart(
  result: PortfolioMatrixResult,
  options?: ChartOptions,
): VegaLiteSpec {
  const grid: Grid = {
    fn: "portfolioMatrixChart",
    title: "Customer portfolio: relationship strength × potential volume",
    x: ["relationship strength", "weak", "strong"],
    y: ["potential volume", "low", "high"],
    layout: [
      ["Star", 1, 1],
      ["Question", 0, 1],
      ["Cash cow", 1, 0],
      ["Dog", 0, 0],
    ],
  };
  return twoByTwo(grid, result, options);
}

/**
 * The current value × growth potential matrix (groups I–IV) as a 2 × 2 grid: current value (x) ×
 * potential (y), each cell shaded by its customers and labelled with its group, count and policy.
 *
 * @param result - the result of `valueMatrix`
 * @param options - `title`, `width` (default 520), `height` (default 300)
 * @returns a Vega-Lite v5 spec (a layer of rect and text marks, four cells)
 * @throws {InvalidInputError} on bad options (unknown key, non-string title, size < 1)
 * @example
 * ```ts
 * import { valueMatrix } from "customer-value";
 * import { valueMatrixChart } from "customer-value/charts";
 * const result = valueMatrix([
 *   { customerId: "a", current: "500", potential: "900" },
 *   { customerId: "b", current: "50", potential: "20" },
 * ]);
 * const spec = valueMatrixChart(result);
 * (spec.data as { values: { customers: number }[] }).values.map((v) => v.customers); // => [1, 0, 0, 1]
 * ```
 * @category Charts
 * @see Chen Mingliang (陈明亮), customer value segmentation by current value and growth potential.
 */
export function valueMatrixChart(result: ValueMatrixResult, options?: ChartOptions): VegaLiteSpec {
  const grid: Grid = {
    fn: "valueMatrixChart",
    title: "Customer value: current value × growth potential",
    x: ["current value", "low", "high"],
    y: ["growth potential", "low", "high"],
    layout: [
      ["IV", 1, 1],
      ["II", 0, 1],
      ["III", 1, 0],
      ["I", 0, 0],
    ],
  };
  return twoByTwo(grid, result, options);
}

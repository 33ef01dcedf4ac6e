/**
 * Conditional expected purchases over a grid of calibration histories, as plain rows.
 * @module
 */
import * as z from "zod/mini";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
import { parseInput } from "../../core/validate.js";
import { purchaseKernel } from "../predictions/kernels.js";
import { unitOptionsShape } from "../predictions/modelArguments.js";
import {
  bgbbGrid,
  checkGridCells,
  type DiagnosableModel,
  isDiscrete,
  modelUnitsPer,
  parseDiagnosableModel,
} from "./diagnosticModels.js";

/**
 * Options of {@link expectedPurchasesMatrix}.
 * @category Models
 */
export interface ExpectedPurchasesMatrixOptions {
  /** Largest calibration frequency of the grid (integer ≥ 0). */
  readonly maxFrequency: number;
  /**
   * Length of the calibration period: BG/BB, the number of opportunities n; continuous models, T in
   * whole `unit`s (integer ≥ 1); the grid's recencies are 1 … maxT `unit`s.
   */
  readonly maxT: number;
  /** Forecast horizon: BG/BB, the number of future opportunities n*; continuous models, a number of `unit`s (integer ≥ 1). */
  readonly horizon: number;
  /**
   * The time unit of `maxT`, the recencies and the horizon (default: the model's unit). Converted
   * to the model's exactly between days and weeks and between months, quarters and years, across
   * the two only with `unitConversion: "calendar-average"`. The BG/BB takes its own unit only.
   */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
}

/**
 * One cell of an expected-purchases grid.
 * @category Models
 */
export interface ExpectedPurchasesCell {
  /** Calibration frequency x. */
  readonly frequency: number;
  /** Calibration recency t_x. */
  readonly recency: number;
  /** Expected transactions in the horizon for a customer with this history. */
  readonly expectedPurchases: number;
}

const optionsSchema = z.strictObject({
  maxFrequency: z.int().check(z.nonnegative(), z.maximum(1e4)),
  maxT: z.int().check(z.minimum(1), z.maximum(1e4)),
  ...unitOptionsShape,
  horizon: z.int().check(z.minimum(1), z.maximum(1e6)),
}) satisfies z.ZodMiniType<unknown, ExpectedPurchasesMatrixOptions>;

/**
 * Conditional expected transactions in the next `horizon` periods for every calibration history on a
 * grid (frequency `0 … maxFrequency`, valid recencies, observation length `maxT`): the data behind
 * the iso-forecast heat maps of Fader, Hardie & Shang (2010) and BTYD's
 * `plotFrequencyRecencyMatrix`.
 *
 * BG/BB: `E[X(n, n+n*) | x, t_x, n] = P(alive at n)·(α+x)/(α+β+n)·Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ, δ+n)`,
 * equal to the paper's eq. 13 (the expected transaction probability of an alive customer times the
 * expected number of further opportunities alive). O(n² + n*) for the whole grid. Continuous-time
 * models: `E[Y(horizon) | x, t_x, T = maxT]`, recency `1 … maxT` in whole units for `x ≥ 1`.
 *
 * @param model - a fitted model (its `unit` is required)
 * @param options - `maxFrequency`, `maxT`, `horizon`, and `unit`/`unitConversion` to state `maxT`
 *   and `horizon` in another unit than the model's
 * @returns cells in order of frequency, then recency (in `unit`s)
 * @throws {InvalidInputError} on an invalid model or options (`options.<key>` with its code), a
 *   `unit` the model's cannot be converted to (`unit_mismatch` at `options.unit`), or a grid of
 *   more than 250,000 cells, `(maxFrequency + 1) × maxT` (`too_big` at `options.maxT`)
 * @example
 * ```ts
 * import { expectedPurchasesMatrix } from "customer-value";
 * const model = {
 *   kind: "bg-bb",
 *   params: { alpha: 1.2035223936080475, beta: 0.7497163581757659, gamma: 0.6567181695499289, delta: 2.783441982887471 },
 *   logLikelihood: -33225.58, standardErrors: { alpha: 0.069, beta: 0.029, gamma: 0.051, delta: 0.32 },
 *   iterations: 22, converged: true, customerCount: 11104, unit: "year",
 * } as const;
 * const cells = expectedPurchasesMatrix(model, { maxFrequency: 6, maxT: 6, horizon: 5 });
 * cells.find((c) => c.frequency === 6)!.expectedPurchases.toFixed(4); // => "3.7525"
 * ```
 * @category Models
 * @see Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual
 *   setting", Marketing Science 29(6).
 */
export function expectedPurchasesMatrix(
  model: DiagnosableModel,
  options: ExpectedPurchasesMatrixOptions,
): ExpectedPurchasesCell[] {
  const fn = "expectedPurchasesMatrix";
  const m = parseDiagnosableModel(fn, model);
  const { maxFrequency, maxT, horizon, unit, unitConversion } = parseInput(
    fn,
    optionsSchema,
    options,
    ["options"],
  );
  // model time units per grid unit (1 for the BG/BB, which takes its own unit only)
  const c = modelUnitsPer(fn, m, unit, unitConversion);
  checkGridCells(fn, maxFrequency, maxT);
  const cells: ExpectedPurchasesCell[] = [];
  if (!isDiscrete(m)) {
    const kernel = purchaseKernel(m, fn);
    const at = (x: number, tx: number) =>
      kernel.conditionalExpected(x, tx * c, maxT * c, horizon * c);
    cells.push({ frequency: 0, recency: 0, expectedPurchases: at(0, 0) });
    for (let x = 1; x <= maxFrequency; x++) {
      for (let tx = 1; tx <= maxT; tx++) {
        cells.push({ frequency: x, recency: tx, expectedPurchases: at(x, tx) });
      }
    }
    return cells;
  }
  const { params } = m;
  const { alpha, beta, gamma, delta } = params;
  // Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ, δ+n) by the ratio recursion
  let ratio = 1;
  let aliveOpportunities = 0;
  for (let k = 1; k <= horizon; k++) {
    ratio /= 1 + gamma / (delta + (maxT + k - 1));
    aliveOpportunities += ratio;
  }
  bgbbGrid(params, maxFrequency, maxT, (x, tx, alive) => {
    cells.push({
      frequency: x,
      recency: tx,
      expectedPurchases: ((alive * (alpha + x)) / (alpha + beta + maxT)) * aliveOpportunities,
    });
  });
  return cells;
}

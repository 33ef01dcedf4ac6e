/**
 * P(alive) over a grid of calibration histories (the frequency/recency heat map), as plain rows.
 * @module
 */
import * as z from "zod/mini";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
import { parseInput } from "../../core/validate.js";
import { opportunities } from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import { purchaseKernel } from "../predictions/kernels.js";
import { finiteResult, unitOptionsShape } from "../predictions/modelArguments.js";
import {
  bgbbGrid,
  checkGridCells,
  type DiagnosableModel,
  isDiscrete,
  modelUnitsPer,
  parseDiagnosableModel,
} from "./diagnosticModels.js";

/**
 * Options of {@link probabilityAliveMatrix}.
 * @category Models
 */
export interface ProbabilityAliveMatrixOptions {
  /** Largest calibration frequency of the grid (integer ≥ 0). */
  readonly maxFrequency: number;
  /**
   * Length of the calibration period: BG/BB, the number of opportunities n; continuous models, T in
   * whole `unit`s (integer ≥ 1); the grid's recencies are 1 … maxT `unit`s.
   */
  readonly maxT: number;
  /**
   * P(alive) this far past the end of observation, ≥ 0 (default 0), in `unit`s as
   * {@link probabilityAlive}'s `horizon`; BG/BB: whole opportunities after n (1 = "next opportunity").
   */
  readonly horizon?: number;
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
 * One cell of a history grid.
 * @category Models
 */
export interface ProbabilityAliveCell {
  /** Calibration frequency x. */
  readonly frequency: number;
  /** Calibration recency t_x. */
  readonly recency: number;
  /** P(alive) of a customer with this history, in [0, 1]. */
  readonly probabilityAlive: number;
}

const optionsSchema = z.strictObject({
  maxFrequency: z.int().check(z.nonnegative(), z.maximum(1e4)),
  maxT: z.int().check(z.minimum(1), z.maximum(1e4)),
  ...unitOptionsShape,
  horizon: z.exactOptional(z.number().check(z.nonnegative())),
}) satisfies z.ZodMiniType<unknown, ProbabilityAliveMatrixOptions>;

/**
 * P(alive) for every possible calibration history on a grid: frequency `x = 0 … maxFrequency`,
 * recency `t_x` over its valid range, observation length `maxT` — the data behind the heat maps of
 * Fader, Hardie & Shang (2010, Figure 9) and BTYD's `plotProbabilityAliveMatrix`.
 *
 * BG/BB: `P(alive at n+m | x, t_x, n) = B(α+x, β+n−x)/B(α,β)·B(γ, δ+n+m)/B(γ,δ) / L(x, t_x, n)`
 * with `n = maxT`, `m = horizon`; only valid cells (`x ≤ t_x ≤ n`, `t_x = 0` iff `x = 0`) are
 * returned. Continuous-time models (BG/NBD, MBG/NBD, Pareto/NBD): `T = maxT`, recency `1 … maxT` in
 * whole time units for `x ≥ 1` (and 0 for `x = 0`), times the survival through `horizon` of
 * {@link probabilityAlive}. The BG/BB grid costs O(n²) log-beta evaluations (suffix sums of the
 * likelihood terms).
 * Reading it: at fixed recency, more transactions mean a *lower* P(alive) for the same silence
 * (the "increasing frequency paradox"): a frequent buyer who has gone quiet has probably left.
 *
 * @param model - a fitted model (its `unit` is required)
 * @param options - `maxFrequency`, `maxT`, optional `horizon`, and
 *   `unit`/`unitConversion` to state `maxT` in another unit than the model's
 * @returns cells in order of frequency, then recency (in `unit`s)
 * @throws {InvalidInputError} on an invalid model or options (`options.<key>` with its code;
 *   BG/BB: `horizon` a whole number of opportunities, at most 10⁶), a `unit` the model's cannot be converted to (`unit_mismatch` at
 *   `options.unit`), or a grid of more than 250,000 cells, `(maxFrequency + 1) × maxT` (`too_big`
 *   at `options.maxT`)
 * @example
 * ```ts
 * import { probabilityAliveMatrix } from "customer-value";
 * const model = {
 *   kind: "bg-bb",
 *   params: { alpha: 1.2035223936080475, beta: 0.7497163581757659, gamma: 0.6567181695499289, delta: 2.783441982887471 },
 *   logLikelihood: -33225.58, standardErrors: { alpha: 0.069, beta: 0.029, gamma: 0.051, delta: 0.32 },
 *   iterations: 22, converged: true, customerCount: 11104, unit: "year",
 * } as const;
 * const cells = probabilityAliveMatrix(model, { maxFrequency: 6, maxT: 6, horizon: 1 });
 * cells.length; // => 22
 * cells.find((c) => c.frequency === 2 && c.recency === 4)!.probabilityAlive.toFixed(2); // => "0.59"
 * ```
 * @category Models
 * @see Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual
 *   setting", Marketing Science 29(6).
 */
export function probabilityAliveMatrix(
  model: DiagnosableModel,
  options: ProbabilityAliveMatrixOptions,
): ProbabilityAliveCell[] {
  const fn = "probabilityAliveMatrix";
  const m = parseDiagnosableModel(fn, model);
  const {
    maxFrequency,
    maxT,
    horizon = 0,
    unit,
    unitConversion,
  } = parseInput(fn, optionsSchema, options, ["options"]);
  // model time units per grid unit (1 for the BG/BB, which takes its own unit only)
  const c = modelUnitsPer(fn, m, unit, unitConversion);
  checkGridCells(fn, maxFrequency, maxT);
  const cells: ProbabilityAliveCell[] = [];
  if (!isDiscrete(m)) {
    const kernel = purchaseKernel(m, fn);
    const T = maxT * c;
    const t = finiteResult(fn, horizon * c, ["options", "horizon"]);
    const later = (x: number): number => (t === 0 ? 1 : kernel.aliveAfterIfAlive(x, T, t));
    const at0 = kernel.probabilityAlive(0, 0, T) * later(0);
    cells.push({ frequency: 0, recency: 0, probabilityAlive: at0 });
    for (let x = 1; x <= maxFrequency; x++) {
      const survive = later(x);
      for (let tx = 1; tx <= maxT; tx++) {
        cells.push({
          frequency: x,
          recency: tx,
          probabilityAlive: kernel.probabilityAlive(x, tx * c, T) * survive,
        });
      }
    }
    return cells;
  }
  const ahead = opportunities(fn, horizon, ["options", "horizon"], 0);
  const { params } = m;
  // B(γ, δ+n+m)/B(γ, δ+n) = Π_{k<m} (δ+n+k)/(γ+δ+n+k)
  let shift = 1;
  for (let k = 0; k < ahead; k++) {
    shift /= 1 + params.gamma / (params.delta + (maxT + k));
  }
  bgbbGrid(params, maxFrequency, maxT, (x, tx, alive) => {
    cells.push({ frequency: x, recency: tx, probabilityAlive: alive * shift });
  });
  return cells;
}

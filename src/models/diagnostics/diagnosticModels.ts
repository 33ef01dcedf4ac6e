/**
 * Which fitted models the diagnostics accept, and their validation. Adding a model family is one
 * member of {@link DiagnosableModel} and one `case` per diagnostic.
 * @internal
 * @module
 */
import { invalidInput } from "../../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../../core/time.js";
import { checkedUnitRatio, type UnitConversion } from "../../core/units.js";
import { describeReceived } from "../../core/validate.js";
import { lnBeta } from "../../math/special.js";
import { parseBgbbModel } from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type { BgBbModel } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { parsePurchaseModel } from "../predictions/modelArguments.js";
import type { PurchaseModel } from "../types.js";

/**
 * A fitted model the diagnostics can check: the BG/BB (discrete opportunities) or a
 * continuous-time purchase model (BG/NBD, MBG/NBD, Pareto/NBD).
 * @category Models
 */
export type DiagnosableModel = BgBbModel | PurchaseModel;

/**
 * Validates the model argument of a diagnostic: its `unit` (required: `required` or
 * `invalid_value` at `model.unit`), then the model itself (paths `model.params.r`, `model.kind`).
 * @internal
 */
export function parseDiagnosableModel(fn: string, model: unknown): DiagnosableModel {
  let unit: TimeUnit | undefined;
  if (typeof model === "object" && model !== null) {
    const u = (model as { unit?: unknown }).unit;
    if (!timeUnitSchema.safeParse(u).success) {
      throw invalidInput(
        fn,
        ["model", "unit"],
        u === undefined
          ? "The model's time unit is required (every fitted model records it as model.unit)"
          : `Expected a time unit ("day", "week", "month", "quarter" or "year"), received ${describeReceived(u)}`,
        u === undefined ? "required" : "invalid_value",
        u,
      );
    }
    unit = u as TimeUnit;
  }
  const parsed: DiagnosableModel =
    typeof model === "object" && model !== null && (model as { kind?: unknown }).kind === "bg-bb"
      ? parseBgbbModel(fn, model, ["model"])
      : parsePurchaseModel(fn, model);
  // The model parsers of the predictions may not keep the unit: the diagnostics need it.
  return parsed.unit === undefined && unit !== undefined ? { ...parsed, unit } : parsed;
}

/**
 * How many of the model's time units one `unit` lasts (1 when `unit` is omitted): spans stated in
 * `unit` are multiplied by it. Days and weeks convert exactly, as do months, quarters and years;
 * across the two families only with `unitConversion: "calendar-average"`, otherwise an
 * `InvalidInputError` (`unit_mismatch` at `options.unit`). The BG/BB counts discrete opportunities
 * and takes spans in its own unit only.
 * @internal
 */
export function modelUnitsPer(
  fn: string,
  model: DiagnosableModel,
  unit: TimeUnit | undefined,
  conversion: UnitConversion | undefined,
): number {
  if (unit === undefined || unit === model.unit) return 1;
  if (isDiscrete(model)) {
    throw invalidInput(
      fn,
      ["options", "unit"],
      `The BG/BB counts discrete opportunities (of one ${model.unit} each) and takes spans in its own unit only, received ${unit}`,
      "unit_mismatch",
      unit,
    );
  }
  return checkedUnitRatio(fn, ["options", "unit"], unit, model.unit, conversion);
}

export { checkRowUnits, rowUnitProblem } from "../rowUnits.js";

/**
 * Most cells `(maxFrequency + 1) × maxT` of {@link probabilityAliveMatrix} and
 * {@link expectedPurchasesMatrix}: each cell is one prediction (about 1 µs), so 250,000 cells (a
 * 500 × 500 heat map) stay well under a second.
 * @internal
 */
export const MAX_GRID_CELLS = 250_000;

/**
 * Throws an `InvalidInputError` at `options.maxT` (code `"too_big"`) when a (frequency × T) grid
 * would have more than {@link MAX_GRID_CELLS} cells.
 * @internal
 */
export function checkGridCells(fn: string, maxFrequency: number, maxT: number): void {
  if ((maxFrequency + 1) * maxT > MAX_GRID_CELLS) {
    throw invalidInput(
      fn,
      ["options", "maxT"],
      `The grid (maxFrequency + 1) × maxT has at most ${MAX_GRID_CELLS} cells, received ${(maxFrequency + 1) * maxT}`,
      "too_big",
      maxT,
    );
  }
}

/**
 * Most bins `maxBin` of {@link calibrationFrequencyFit} and {@link holdoutComparison}: the
 * histogram costs one purchase-count probability per bin and observation length.
 * @internal
 */
export const MAX_BINS = 100;

/**
 * Most opportunities a BG/BB diagnostic accepts in `periods`, `holdoutPeriods` and
 * `horizon` (each costs linear work per history).
 * @internal
 */
export const MAX_DIAGNOSTIC_OPPORTUNITIES = 1_000_000;

/** Whether a validated model is the BG/BB. @internal */
export function isDiscrete(model: DiagnosableModel): model is BgBbModel {
  return model.kind === "bg-bb";
}

/**
 * For a BG/BB model, P(alive at n | x, t_x, n) on the whole grid 0 ≤ x ≤ t_x ≤ n (x = 0 only with t_x = 0), `x ≤ maxFrequency`, in O(n²) lnBeta
 * calls: for fixed x the likelihood's "died after opportunity j" terms, j = t_x … n−1, are a suffix
 * sum shared by every t_x.
 * @internal
 */
export function bgbbGrid(
  p: BgBbModel["params"],
  maxFrequency: number,
  n: number,
  visit: (x: number, tx: number, aliveAtN: number) => void,
): void {
  const { alpha, beta, gamma, delta } = p;
  const lnBab = lnBeta(alpha, beta);
  const lnBgd = lnBeta(gamma, delta);
  const lnDeathTerm = new Float64Array(n + 1);
  for (let x = 0; x <= Math.min(maxFrequency, n); x++) {
    // log of the "alive through n" term
    // β + (n − x), not (β + n) − x: a tiny β must not be absorbed into n and cancelled to 0.
    const lnAlive = lnBeta(alpha + x, beta + (n - x)) + lnBeta(gamma, delta + n) - lnBab - lnBgd;
    for (let j = Math.max(x, 0); j < n; j++) {
      lnDeathTerm[j] =
        lnBeta(alpha + x, beta + (j - x)) + lnBeta(gamma + 1, delta + j) - lnBab - lnBgd;
    }
    // suffix sums of exp(lnDeathTerm[j] − lnAlive)
    let suffix = 0;
    const ratioFrom = new Float64Array(n + 1); // ratioFrom[n] = 0: nothing after n
    for (let j = n - 1; j >= x; j--) {
      suffix += Math.exp(lnDeathTerm[j]! - lnAlive);
      ratioFrom[j] = suffix;
    }
    if (x === 0) {
      visit(0, 0, 1 / (1 + ratioFrom[0]!));
      continue;
    }
    for (let tx = x; tx <= n; tx++) visit(x, tx, 1 / (1 + ratioFrom[tx]!));
  }
}

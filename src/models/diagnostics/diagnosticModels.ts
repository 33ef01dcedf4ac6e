/**
 * Which fitted models the diagnostics accept, and their validation. Adding a model family is one
 * member of {@link DiagnosableModel} and one `case` per diagnostic.
 * @internal
 * @module
 */
import { lnBeta } from "../../math/special.js";
import { parseBgbbModel } from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type { BgBbModel } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { parsePurchaseModel } from "../predictions/kernels.js";
import type { PurchaseModel } from "../types.js";

/**
 * A fitted model the diagnostics can check: the BG/BB (discrete opportunities) or a
 * continuous-time purchase model (BG/NBD, MBG/NBD, Pareto/NBD).
 * @category Models
 */
export type DiagnosableModel = BgBbModel | PurchaseModel;

/** Validates the model argument of a diagnostic (path `model…` for the BG/BB). @internal */
export function parseDiagnosableModel(fn: string, model: unknown): DiagnosableModel {
  if (
    typeof model === "object" &&
    model !== null &&
    (model as { kind?: unknown }).kind === "bg-bb"
  ) {
    return parseBgbbModel(fn, model, ["model"]);
  }
  return parsePurchaseModel(fn, model);
}

/**
 * Most cells `(maxFrequency + 1) × maxT` of {@link probabilityAliveMatrix} and
 * {@link expectedPurchasesMatrix}: each cell is one prediction (about 1 µs), so 250,000 cells (a
 * 500 × 500 heat map) stay well under a second.
 * @internal
 */
export const MAX_GRID_CELLS = 250_000;

/**
 * Most bins `maxBin` of {@link calibrationFrequencyFit} and {@link holdoutComparison}: the
 * histogram costs one purchase-count probability per bin and observation length.
 * @internal
 */
export const MAX_BINS = 100;

/**
 * Most opportunities a BG/BB diagnostic accepts in `periods`, `holdoutPeriods` and
 * `futurePeriods` (each costs linear work per history).
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

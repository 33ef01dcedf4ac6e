/**
 * Shared maximum-likelihood machinery for every model family: BFGS on log-parameters, a certificate
 * of the maximum (positive-definite Hessian, Newton decrement), identification checks that throw
 * {@link ModelFitError}, and standard errors by the delta method from a numerical Hessian of the
 * analytic gradient (Nocedal & Wright 2006, §3.3, §6.1 and §8.1; Boyd & Vandenberghe 2004, §9.5.1).
 * Option and row validation is in fitInput.ts.
 * @internal
 * @module
 */
import { ModelFitError } from "../core/errors.js";
import {
  cholesky,
  choleskySolve,
  hessianFromGradient,
  type MinimizeResult,
  minimizeBfgs,
  type Objective,
} from "../math/optimize.js";
import type { FitOptions } from "./fitInput.js";

// What the fits import with the likelihood maximisation.
export { type FitOptions, readFitInput, readRescaledHistories } from "./fitInput.js";

/** Result of {@link maximizeLikelihood}, parameters on their natural scale. @internal */
export interface MaximumLikelihoodResult {
  readonly params: Float64Array;
  /** Total log-likelihood at the optimum, without penalty. */
  readonly logLikelihood: number;
  readonly standardErrors: Float64Array;
  readonly iterations: number;
}

/**
 * How a fit applies its penalty and where its parameters live (see {@link maximizeLikelihood}).
 * @internal
 */
export interface LikelihoodShape {
  /**
   * The weight W of the penalty against the total negative log-likelihood: the objective is
   * −ℓ + W·λ·Σ p_j². W = the number of customers makes λ the penalty on the **mean** negative
   * log-likelihood, −ℓ/N + λ·Σ p_j² (lifetimes' BG/NBD, MBG/NBD, BG/BB, Gamma-Gamma; our sBG);
   * W = 1 makes it the penalty on the total (lifetimes' Pareto/NBD).
   */
  readonly penaltyWeight: number;
  /**
   * Lower bounds c_j (default all 0): p_j = c_j + exp θ_j, so p_j > c_j (the Gamma-Gamma's
   * `q > 1` constraint has c_q = 1). Standard errors by the delta method, SE(p_j) = (p_j − c_j)·SE(θ_j).
   */
  readonly lowerBounds?: readonly number[];
}

/** Default of {@link FitOptions.maxIterations}. */
const DEFAULT_MAX_ITERATIONS = 200;
/** Newton steps tried after BFGS to certify (and if needed polish) the maximum. */
const NEWTON_STEPS = 8;
/**
 * A point is accepted as the maximum when the Newton decrement √(gᵀH⁻¹g) — the distance from the
 * point to the maximum of the local quadratic model, measured in standard errors — is at most this.
 * Scale-free: the same on ten customers and on ten million heavy buyers whose log-likelihood is so
 * large that its rounding noise exceeds any fixed bound on the gradient.
 */
const NEWTON_DECREMENT_TOLERANCE = 1e-4;
/** Newton steps continue (while they make progress) down to this decrement. */
const NEWTON_DECREMENT_TARGET = 1e-6;
/**
 * Largest standard error of ln p_j for which the data are taken to identify p_j. A maximum at the
 * boundary of the parameter space (p_j → 0 or ∞) is reached only asymptotically: the optimiser stops
 * where the likelihood has become flat, and there the curvature in that direction vanishes with the
 * gradient, so the standard error of ln p_j is of order 1/√tolerance, thousands. An identified
 * parameter, even on a handful of customers, has a standard error of ln p_j of a few units at most.
 */
const MAX_LOG_STANDARD_ERROR = 20;
/**
 * Parameters are dimensionless shapes, or scales of times rescaled to max T = 1; a value outside
 * [1/BOUND, BOUND] is a parameter running off to 0 or ∞.
 */
const PARAMETER_BOUND = 1e8;

/** What to try when the data do not identify the model. */
const MORE_DATA_HINT =
  "fit more customers (the data must show heterogeneity between customers, e.g. different purchase rates), or use a simpler model";
/** …and when a parameter may be running off to infinity, which an L2 penalty prevents. */
const IDENTIFICATION_HINT = `${MORE_DATA_HINT}; a small \`penalty\` (e.g. 0.01) keeps parameters from running off to infinity`;

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function largestAbs(a: ArrayLike<number>): string {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m.toExponential(2);
}

/**
 * Maximises a log-likelihood over positive parameters by minimising `negLogLikelihood` over
 * θ = ln p with BFGS, then certifies the result (Nocedal & Wright 2006, §3.3 and §6.1; Boyd &
 * Vandenberghe 2004, §9.5.1 for the Newton decrement):
 *
 * 1. BFGS stops when the gradient bound `options.tolerance` holds, when no step decreases the
 *    objective any more, or after `maxIterations` iterations (an error) or 25 evaluations per allowed
 *    iteration (an error: the work is bounded by that many evaluations of the likelihood).
 * 2. At the point reached, the Hessian H of −ℓ on the log scale (central differences of the
 *    analytic gradient) must be positive definite, and the Newton decrement √(gᵀH⁻¹g) — the
 *    distance to the maximum in standard errors — at most 1e-4, after up to eight damped Newton
 *    steps (taken while they make progress, down to 1e-6). A point where the gradient bound holds
 *    is accepted as it is.
 * 3. Every parameter must be identified: the standard error of ln p_j at most 20 and p_j within
 *    [1e-8, 1e8] on the fit's scale. A maximum at the boundary of the parameter space (a parameter
 *    running off to 0 or ∞, typical of too few customers or customers without heterogeneity) or a
 *    singular Hessian fails this test.
 *
 * @param functionName - the public fitting function (for errors)
 * @param negLogLikelihood - objective on the **natural** scale: returns −ℓ(p) and writes ∂(−ℓ)/∂p
 *   into `gradient`; non-finite means "outside the domain"
 * @param names - parameter names, in the order of `p`
 * @param options - validated {@link FitOptions}
 * @param shape - the weight of the penalty and the parameters' lower bounds ({@link LikelihoodShape})
 * @throws {ModelFitError} when the optimiser does not converge, when it converges to a point that
 *   is not a certified maximum, or when the data do not identify a parameter
 * @internal
 */
export function maximizeLikelihood(
  functionName: string,
  negLogLikelihood: Objective,
  names: readonly string[],
  options: FitOptions,
  shape: LikelihoodShape,
): MaximumLikelihoodResult {
  const lower = Float64Array.from(names, (_, j) => shape.lowerBounds?.[j] ?? 0);
  const penalty = (options.penalty ?? 0) * shape.penaltyWeight;
  const onLogScale = logScaleObjective(negLogLikelihood, lower, penalty);
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const result = minimizeBfgs(
    onLogScale,
    names.map((name, j) => Math.log((options.initial?.[name] ?? lower[j]! + 1) - lower[j]!)),
    { maxIterations, gradientTolerance: options.tolerance ?? 1e-6 },
  );
  const where = `${result.iterations} iterations, largest gradient ${largestAbs(result.gradient)}`;
  checkStop(functionName, result, maxIterations, where);
  const { x, factor } = certifiedMaximum(functionName, onLogScale, result, where);
  const excess = Float64Array.from(x, Math.exp);
  const standardErrors = identifiedStandardErrors(functionName, names, lower, x, excess, factor);
  const params = excess.map((e, j) => lower[j]! + e);
  const gradient = new Float64Array(names.length);
  const negLL = negLogLikelihood(params, gradient);
  if (!Number.isFinite(negLL)) {
    throw new ModelFitError(
      functionName,
      "the log-likelihood is not finite at the estimates",
      IDENTIFICATION_HINT,
    );
  }
  return { params, logLikelihood: -negLL, standardErrors, iterations: result.iterations };
}

/**
 * The objective on θ = ln(p − c): `negLogLikelihood` at p = c + exp θ plus the L2 penalty
 * Σ penalty·p_j² (`penalty` already multiplied by its {@link LikelihoodShape.penaltyWeight}), with
 * the chain rule ∂f/∂θ_j = (p_j − c_j) ∂f/∂p_j; non-finite values become +∞ ("outside the domain").
 */
function logScaleObjective(
  negLogLikelihood: Objective,
  lower: Float64Array,
  penalty: number,
): Objective {
  const n = lower.length;
  const p = new Float64Array(n);
  const gp = new Float64Array(n);
  return (theta, gradient) => {
    for (let j = 0; j < n; j++) p[j] = lower[j]! + Math.exp(theta[j]!);
    let f = negLogLikelihood(p, gp);
    for (let j = 0; j < n; j++) {
      const pj = p[j]!;
      f += penalty * pj * pj;
      // ∂f/∂θ_j = (p_j − c_j) ∂f/∂p_j
      gradient[j] = (pj - lower[j]!) * (gp[j]! + 2 * penalty * pj);
    }
    return Number.isFinite(f) ? f : Number.POSITIVE_INFINITY;
  };
}

/** Step 1: throws when BFGS stopped without converging (bad start, iterations or evaluations used up). */
function checkStop(
  functionName: string,
  result: MinimizeResult,
  maxIterations: number,
  where: string,
): void {
  if (result.stop === "start") {
    throw new ModelFitError(
      functionName,
      "the log-likelihood is not finite at the starting values",
      "pass other starting values in `initial`",
    );
  }
  if (result.stop === "iterations") {
    throw new ModelFitError(
      functionName,
      `the optimiser did not converge in ${maxIterations} iterations (${where})`,
      maxIterations < DEFAULT_MAX_ITERATIONS
        ? `raise \`maxIterations\` (the default, ${DEFAULT_MAX_ITERATIONS}, suffices for the reference data sets)`
        : `pass starting values closer to the estimates in \`initial\`; a fit still moving after ${maxIterations} iterations usually has a parameter running off to 0 or infinity: ${IDENTIFICATION_HINT}`,
    );
  }
  if (result.stop === "evaluations") {
    throw new ModelFitError(
      functionName,
      `the optimiser used up its budget of likelihood evaluations (${result.evaluations}; ${where})`,
      `pass starting values closer to the estimates in \`initial\`, or ${IDENTIFICATION_HINT}`,
    );
  }
}

/**
 * Step 2: certifies the point BFGS reached as the maximum, polishing it with damped Newton steps if
 * needed: the Hessian of the objective on the log scale must be positive definite and the Newton
 * decrement at most {@link NEWTON_DECREMENT_TOLERANCE} (unless the gradient bound already holds).
 * Returns the point and the Cholesky factor of its Hessian.
 */
function certifiedMaximum(
  functionName: string,
  onLogScale: Objective,
  result: MinimizeResult,
  where: string,
): { x: Float64Array; factor: Float64Array } {
  const n = result.x.length;
  let x = Float64Array.from(result.x);
  let f = result.value;
  let g = Float64Array.from(result.gradient);
  let factor: Float64Array | undefined;
  let decrement = Number.POSITIVE_INFINITY;
  const trial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  for (let step = 0; ; step++) {
    factor = cholesky(hessianFromGradient(onLogScale, x), n);
    if (factor === undefined) break;
    const newton = choleskySolve(factor, n, g);
    decrement = Math.sqrt(Math.max(0, dot(g, newton)));
    if (
      decrement <= NEWTON_DECREMENT_TARGET ||
      (step === 0 && result.stop === "gradient") ||
      step === NEWTON_STEPS
    ) {
      break;
    }
    let moved = false;
    for (let t = 1, k = 0; k < 40; k++, t *= 0.5) {
      for (let j = 0; j < n; j++) trial[j] = x[j]! - t * newton[j]!;
      const ft = onLogScale(trial, gTrial);
      // A step is taken if it decreases f, or (the full step only) if it at least halves the
      // decrement: close to the maximum of a log-likelihood of 10⁵–10⁶ the decrease a Newton step
      // promises, decrement²/2, is below the rounding noise of f, while the gradient is still exact
      // enough to steer.
      const closer =
        k === 0 &&
        ft < Number.POSITIVE_INFINITY &&
        Math.sqrt(Math.max(0, dot(gTrial, choleskySolve(factor, n, gTrial)))) < 0.5 * decrement;
      if (ft <= f || closer) {
        x = Float64Array.from(trial);
        g = Float64Array.from(gTrial);
        f = ft;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  if (factor === undefined) {
    throw new ModelFitError(
      functionName,
      `the optimiser stopped (${result.reason}; ${where}) where the log-likelihood is not strictly concave (its Hessian is not positive definite): the data do not identify the model, or the maximum lies at the boundary of the parameter space`,
      IDENTIFICATION_HINT,
    );
  }
  if (!(decrement <= NEWTON_DECREMENT_TOLERANCE) && result.stop !== "gradient") {
    throw new ModelFitError(
      functionName,
      `the optimiser did not converge (${result.reason}; ${where}; the maximum is still ${decrement.toPrecision(2)} standard errors away)`,
      "pass starting values closer to the estimates in `initial`, or add a small `penalty` (e.g. 0.01)",
    );
  }
  return { x, factor };
}

/**
 * Step 3: the standard errors of the parameters p_j = c_j + e_j (`excess` e = exp `logParams`, c
 * the lower bounds) by the delta method, SE(p_j) = e_j·SE(ln e_j) with SE(ln e_j)² = (H_θ⁻¹)_jj;
 * throws when a parameter is not identified (SE(ln e_j) above {@link MAX_LOG_STANDARD_ERROR}, or
 * e_j outside [1/{@link PARAMETER_BOUND}, {@link PARAMETER_BOUND}]).
 */
function identifiedStandardErrors(
  functionName: string,
  names: readonly string[],
  lower: Float64Array,
  logParams: Float64Array,
  excess: Float64Array,
  factor: Float64Array,
): Float64Array {
  const n = names.length;
  const standardErrors = new Float64Array(n);
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    // SE(ln p_j) = sqrt((H_θ⁻¹)_jj); SE(p_j) = p_j · SE(ln p_j) (delta method).
    const logSe = Math.sqrt(Math.max(0, choleskySolve(factor, n, unit)[j]!));
    const pj = excess[j]!;
    if (
      !(logSe <= MAX_LOG_STANDARD_ERROR) ||
      !(pj >= 1 / PARAMETER_BOUND && pj <= PARAMETER_BOUND)
    ) {
      const name = lower[j] === 0 ? names[j] : `${names[j]} − ${lower[j]}`;
      throw new ModelFitError(
        functionName,
        `the data do not identify ${name}: the likelihood increases as it runs off to ${logParams[j]! > 0 ? "infinity" : "0"} (stopped at ${pj.toPrecision(3)}, standard error of its logarithm ${logSe.toPrecision(3)}), a maximum at the boundary of the parameter space`,
        logParams[j]! > 0 ? IDENTIFICATION_HINT : MORE_DATA_HINT,
      );
    }
    standardErrors[j] = pj * logSe;
    if (!Number.isFinite(standardErrors[j]!)) {
      throw new ModelFitError(
        functionName,
        `the standard error of ${names[j]} is not finite`,
        IDENTIFICATION_HINT,
      );
    }
  }
  return standardErrors;
}

/**
 * Shared maximum-likelihood machinery for every model family: option validation, BFGS on
 * log-parameters, convergence checks that throw {@link ModelFitError}, and standard errors by the
 * delta method from a numerical Hessian (shared reference "models.md" §7.6).
 * @internal
 * @module
 */
import { z } from "zod";
import { invalidInput, ModelFitError } from "../core/errors.js";
import { parseInput } from "../core/validate.js";
import {
  hessianFromGradient,
  invertMatrix,
  minimizeBfgs,
  type Objective,
} from "../math/optimize.js";

/**
 * Options every `fit…` function accepts.
 * @category Models
 */
export interface FitOptions {
  /**
   * L2 penalty λ added to the negative log-likelihood as λ·Σ p² over the model's parameters (the
   * `penalizer_coef` of the Python lifetimes library). Default 0: plain maximum likelihood. The
   * reported `logLikelihood` never includes the penalty.
   */
  readonly penalty?: number;
  /** Starting values on the parameters' natural scale, named as in the model's `params` (default: all 1). */
  readonly initial?: Readonly<Record<string, number>>;
  /** Most quasi-Newton iterations (default 200). */
  readonly maxIterations?: number;
  /**
   * Convergence tolerance (default 1e-6) per 10,000 customers: a fit stops when every component of
   * the log-likelihood's gradient on the log-parameter scale is at most
   * `tolerance × max(1, customers / 10,000)`. The log-likelihood is a sum over customers, so its
   * gradient grows with the data; scaling the bound keeps the accuracy of the parameters the same
   * on a thousand customers and on millions.
   */
  readonly tolerance?: number;
}

/** zod schema for {@link FitOptions}, checked against the interface. @internal */
export const fitOptionsSchema = z.strictObject({
  penalty: z.number().finite().nonnegative().exactOptional(),
  initial: z.record(z.string(), z.number().finite().positive()).exactOptional(),
  maxIterations: z.number().int().positive().exactOptional(),
  tolerance: z.number().finite().positive().exactOptional(),
}) satisfies z.ZodType<unknown, FitOptions>;

/**
 * Validates a fit's options: the {@link FitOptions} shape, and that every key of `initial` names one
 * of the model's parameters (a misspelt starting value is an error, not silently ignored).
 * @internal
 */
export function parseFitOptions(
  functionName: string,
  options: unknown,
  names: readonly string[],
  pathPrefix: readonly PropertyKey[] = [],
): FitOptions {
  const opts = parseInput(functionName, fitOptionsSchema, options ?? {}, pathPrefix);
  for (const key of Object.keys(opts.initial ?? {})) {
    if (!names.includes(key)) {
      throw invalidInput(
        functionName,
        [...pathPrefix, "initial", key],
        `Unknown parameter; expected one of ${names.join(", ")}`,
      );
    }
  }
  return opts;
}

/** Result of {@link maximizeLikelihood}, parameters on their natural scale. @internal */
export interface MaximumLikelihoodResult {
  readonly params: Float64Array;
  /** Total log-likelihood at the optimum, without penalty. */
  readonly logLikelihood: number;
  readonly standardErrors: Float64Array;
  readonly iterations: number;
}

/**
 * Maximises a log-likelihood over positive parameters by minimising `negLogLikelihood` over
 * θ = ln p with BFGS.
 *
 * @param functionName - the public fitting function (for errors)
 * @param negLogLikelihood - objective on the **natural** scale: returns −ℓ(p) and writes ∂(−ℓ)/∂p
 *   into `gradient`; non-finite means "outside the domain"
 * @param names - parameter names, in the order of `p`
 * @param options - validated {@link FitOptions}
 * @throws {ModelFitError} when the optimiser does not converge or ends at a non-finite point
 * @internal
 */
export function maximizeLikelihood(
  functionName: string,
  negLogLikelihood: Objective,
  names: readonly string[],
  options: FitOptions,
): MaximumLikelihoodResult {
  const n = names.length;
  const penalty = options.penalty ?? 0;
  const p = new Float64Array(n);
  const gp = new Float64Array(n);
  const onLogScale: Objective = (theta, gradient) => {
    for (let j = 0; j < n; j++) p[j] = Math.exp(theta[j]!);
    let f = negLogLikelihood(p, gp);
    for (let j = 0; j < n; j++) {
      const pj = p[j]!;
      f += penalty * pj * pj;
      // ∂f/∂θ_j = p_j ∂f/∂p_j
      gradient[j] = pj * (gp[j]! + 2 * penalty * pj);
    }
    return f;
  };
  const start = names.map((name) => Math.log(options.initial?.[name] ?? 1));
  const result = minimizeBfgs(onLogScale, start, {
    maxIterations: options.maxIterations ?? 200,
    gradientTolerance: options.tolerance ?? 1e-6,
  });
  if (!result.converged || !Number.isFinite(result.value)) {
    throw new ModelFitError(
      functionName,
      `the optimiser did not converge (${result.reason}; ${result.iterations} iterations, largest gradient ${Math.max(...Array.from(result.gradient, Math.abs)).toExponential(2)})`,
      "pass better starting values in `initial`, raise `maxIterations`, or add a small `penalty` (e.g. 0.001)",
    );
  }
  const params = Float64Array.from(result.x, Math.exp);
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(params[j]!) || params[j]! <= 0 || params[j]! > 1e12) {
      throw new ModelFitError(
        functionName,
        `parameter ${names[j]} ran off to ${params[j]} (the likelihood has no finite maximum on this data)`,
        "check that the data hold enough repeat purchases, or add a small `penalty` (e.g. 0.001)",
      );
    }
  }
  const gradient = new Float64Array(n);
  const negLL = negLogLikelihood(params, gradient);
  const standardErrors = new Float64Array(n);
  const H = hessianFromGradient(onLogScale, result.x);
  const cov = invertMatrix(H, n);
  for (let j = 0; j < n; j++) {
    const variance = cov?.[j * n + j];
    // SE(p_j) = p_j · sqrt((H_θ⁻¹)_jj) (delta method); not finite when the Hessian is singular.
    standardErrors[j] =
      variance !== undefined && variance > 0
        ? params[j]! * Math.sqrt(variance)
        : Number.POSITIVE_INFINITY;
  }
  return { params, logLikelihood: -negLL, standardErrors, iterations: result.iterations };
}

/**
 * Compresses rows into distinct keys with multiplicities (CONVENTIONS §7). `key` returns the
 * values that make two rows identical; the result holds each distinct key once with its summed
 * weight, in first-seen order.
 * @internal
 */
export function compressRows<R>(
  rows: readonly R[],
  values: (row: R) => readonly number[],
  weight: (row: R) => number,
): { keys: number[][]; weights: number[] } {
  const index = new Map<string, number>();
  const keys: number[][] = [];
  const weights: number[] = [];
  for (const row of rows) {
    const v = values(row);
    const k = v.join(",");
    const at = index.get(k);
    if (at === undefined) {
      index.set(k, keys.length);
      keys.push([...v]);
      weights.push(weight(row));
    } else {
      weights[at] = weights[at]! + weight(row);
    }
  }
  return { keys, weights };
}

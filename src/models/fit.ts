/**
 * Shared maximum-likelihood machinery for every model family: option validation, BFGS on
 * log-parameters, convergence checks that throw {@link ModelFitError}, and standard errors by the
 * delta method from a numerical Hessian (shared reference "models.md" §7.6).
 * @internal
 * @module
 */
import * as z from "zod/mini";
import {
  type InputIssue,
  InvalidInputError,
  IssueCollector,
  invalidInput,
  ModelFitError,
} from "../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../core/time.js";
import { parseInput } from "../core/validate.js";
import {
  cholesky,
  choleskySolve,
  hessianFromGradient,
  minimizeBfgs,
  type Objective,
} from "../math/optimize.js";

/**
 * Options every `fit…` function accepts.
 * @category Models
 */
export interface FitOptions {
  /**
   * The time unit of the rows' `recency` and `T` (of one opportunity or contract period for the
   * BG/BB and the sBG), recorded on the model as `model.unit`. Required unless every row carries
   * the same `unit` (the rows of `summarizeTransactions` and `splitCalibrationHoldout` do); when
   * both are given they must agree. Not accepted by `fitGammaGamma` (spend has no time unit).
   */
  readonly unit?: TimeUnit;
  /**
   * L2 penalty λ added to the negative log-likelihood as λ·Σ p² over the model's parameters (the
   * `penalizer_coef` of the Python lifetimes library). Default 0: plain maximum likelihood. The
   * reported `logLikelihood` never includes the penalty.
   */
  readonly penalty?: number;
  /** Starting values on the parameters' natural scale, named as in the model's `params` (default: all 1). */
  readonly initial?: Readonly<Record<string, number>>;
  /**
   * Most quasi-Newton iterations (default 200). The work of a fit is bounded by 25 evaluations of
   * the likelihood per allowed iteration, plus a few Hessians to certify the result.
   */
  readonly maxIterations?: number;
  /**
   * Convergence tolerance (default 1e-6) per 10,000 customers: a fit stops when every component of
   * the log-likelihood's gradient on the log-parameter scale is at most
   * `tolerance × max(1, customers / 10,000)`. The log-likelihood is a sum over customers, so its
   * gradient grows with the data; scaling the bound keeps the accuracy of the parameters the same
   * on a thousand customers and on millions.
   *
   * A fit that stops before this bound holds (when rounding noise in a log-likelihood of 10⁵ or
   * more keeps any step from decreasing it) is accepted when the Newton decrement √(gᵀH⁻¹g), its
   * distance to the maximum measured in standard errors, is at most 1e-4 (after a few Newton
   * steps): a scale-free test. Every accepted fit must also have a positive-definite Hessian and
   * identified parameters (see the fitting functions' `@throws`).
   */
  readonly tolerance?: number;
}

/** zod schema for {@link FitOptions}, checked against the interface. @internal */
export const fitOptionsSchema = z.strictObject({
  unit: z.exactOptional(timeUnitSchema),
  penalty: z.exactOptional(z.number().check(z.nonnegative())),
  initial: z.exactOptional(z.record(z.string(), z.number().check(z.positive()))),
  maxIterations: z.exactOptional(z.int().check(z.positive())),
  tolerance: z.exactOptional(z.number().check(z.positive())),
}) satisfies z.ZodMiniType<unknown, FitOptions>;

/**
 * Validates a fit's options: the {@link FitOptions} shape, and that every key of `initial` names one
 * of the model's parameters (a misspelt starting value is an error, not silently ignored).
 * @internal
 */
export function parseFitOptions(
  functionName: string,
  options: unknown,
  names: readonly string[],
  pathPrefix: readonly PropertyKey[] = ["options"],
): FitOptions {
  const opts = parseInput(functionName, fitOptionsSchema, options ?? {}, pathPrefix);
  const issues = new IssueCollector();
  for (const key of Object.keys(opts.initial ?? {})) {
    if (!names.includes(key)) {
      issues.add(
        [...pathPrefix, "initial", key],
        `Unknown parameter; expected one of ${names.join(", ")}`,
        "unknown_key",
        key,
      );
    }
  }
  issues.throwIfAny(functionName);
  return opts;
}

/**
 * The time unit a fit records on its model: the `unit` every row carries (rows of
 * `summarizeTransactions`), or `options.unit`, which must agree with the rows' when both are
 * given. Reads each row's `unit` once (a field the likelihood does not read). Rows that are not
 * objects are left to the history checks. Lists every bad row's unit (`invalid_value` for what is
 * not a time unit, `inconsistent` for a row in another unit than the first), then `unit_mismatch`
 * at `options.unit` when the option contradicts the rows, or `required` when there is no unit at all.
 * @internal
 */
export function fitUnit(
  functionName: string,
  rows: unknown,
  optionUnit: TimeUnit | undefined,
  argument = "customers",
): TimeUnit {
  let rowUnit: TimeUnit | undefined;
  let firstRow = -1;
  const issues = new IssueCollector();
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length && !issues.full; i++) {
      const row: unknown = rows[i];
      if (typeof row !== "object" || row === null) continue;
      const u = (row as { unit?: unknown }).unit;
      if (u === undefined || u === rowUnit) continue;
      if (!timeUnitSchema.safeParse(u).success) {
        issues.add(
          [argument, i, "unit"],
          `Expected a time unit ("day", "week", "month", "quarter" or "year"), received ${typeof u === "string" ? JSON.stringify(u.slice(0, 64)) : typeof u}`,
          "invalid_value",
          u,
        );
      } else if (rowUnit === undefined) {
        rowUnit = u as TimeUnit;
        firstRow = i;
      } else {
        issues.add(
          [argument, i, "unit"],
          `Rows in different time units: this row is in ${String(u)}s, ${argument}[${firstRow}] in ${rowUnit}s`,
          "inconsistent",
          u,
        );
      }
    }
  }
  issues.throwIfAny(functionName);
  if (optionUnit !== undefined && rowUnit !== undefined && optionUnit !== rowUnit) {
    throw invalidInput(
      functionName,
      ["options", "unit"],
      `The rows are in ${rowUnit}s but options.unit is "${optionUnit}": convert the rows (summarize them again in ${optionUnit}s) or drop the option`,
      "unit_mismatch",
      optionUnit,
    );
  }
  const unit = optionUnit ?? rowUnit;
  if (unit === undefined) {
    throw invalidInput(
      functionName,
      ["options", "unit"],
      "The time unit of the data is required: pass options.unit (the unit of recency and T), or fit rows that carry a unit (those of summarizeTransactions do)",
      "required",
      undefined,
    );
  }
  return unit;
}

/**
 * Validates everything a fit is given in one pass — the options, the rows (`compress`) and, unless
 * `units` is omitted (the Gamma-Gamma), the time unit of the rows (see {@link fitUnit}) — and
 * throws one `InvalidInputError` listing the problems of all three (CONVENTIONS §4).
 * @internal
 */
export function readFitInput<D>(
  functionName: string,
  options: unknown,
  names: readonly string[],
  compress: () => D,
  units?: { readonly rows: unknown; readonly argument: string },
): { opts: FitOptions; data: D; unit: TimeUnit | undefined } {
  const errors: InvalidInputError[] = [];
  const attempt = <T>(step: () => T): T | undefined => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  const opts = attempt(() => parseFitOptions(functionName, options, names));
  const data = attempt(compress);
  const unit =
    // The rows' units are read only once the rows are known to be a bounded array of rows.
    units === undefined || opts === undefined || data === undefined
      ? undefined
      : attempt(() => fitUnit(functionName, units.rows, opts.unit, units.argument));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    // One error: the options' problems first, the rows' after, a "…and n more" note last.
    const all = errors.flatMap((error) => error.issues);
    const isNote = (i: InputIssue) => i.path.length === 0 && i.code === "custom";
    throw new InvalidInputError(functionName, [
      ...all.filter((i) => !isNote(i)),
      ...all.filter(isNote),
    ]);
  }
  return { opts: opts!, data: data!, unit };
}

/** Result of {@link maximizeLikelihood}, parameters on their natural scale. @internal */
export interface MaximumLikelihoodResult {
  readonly params: Float64Array;
  /** Total log-likelihood at the optimum, without penalty. */
  readonly logLikelihood: number;
  readonly standardErrors: Float64Array;
  readonly iterations: number;
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
 * @throws {ModelFitError} when the optimiser does not converge, when it converges to a point that
 *   is not a certified maximum, or when the data do not identify a parameter
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
    return Number.isFinite(f) ? f : Number.POSITIVE_INFINITY;
  };
  const start = names.map((name) => Math.log(options.initial?.[name] ?? 1));
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const result = minimizeBfgs(onLogScale, start, {
    maxIterations,
    gradientTolerance: options.tolerance ?? 1e-6,
  });
  const where = `${result.iterations} iterations, largest gradient ${largestAbs(result.gradient)}`;
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

  // Certify the maximum with the Hessian, polishing with damped Newton steps if needed.
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
  const params = Float64Array.from(x, Math.exp);
  const standardErrors = new Float64Array(n);
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    // SE(ln p_j) = sqrt((H_θ⁻¹)_jj); SE(p_j) = p_j · SE(ln p_j) (delta method).
    const logSe = Math.sqrt(Math.max(0, choleskySolve(factor, n, unit)[j]!));
    const pj = params[j]!;
    if (
      !(logSe <= MAX_LOG_STANDARD_ERROR) ||
      !(pj >= 1 / PARAMETER_BOUND && pj <= PARAMETER_BOUND)
    ) {
      throw new ModelFitError(
        functionName,
        `the data do not identify ${names[j]}: the likelihood increases as it runs off to ${x[j]! > 0 ? "infinity" : "0"} (stopped at ${pj.toPrecision(3)}, standard error of its logarithm ${logSe.toPrecision(3)}), a maximum at the boundary of the parameter space`,
        x[j]! > 0 ? IDENTIFICATION_HINT : MORE_DATA_HINT,
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
  const gradient = new Float64Array(n);
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

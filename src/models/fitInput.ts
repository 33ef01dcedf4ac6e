/**
 * What every `fit…` function is given, validated in one pass: the {@link FitOptions}, the rows
 * (each family's own compression) and the time unit the fitted model records (docs/conventions.md,
 * Errors: one `InvalidInputError` lists the problems of all three).
 * @internal
 * @module
 */
import * as z from "zod/mini";
import {
  type InputIssue,
  InvalidInputError,
  IssueCollector,
  invalidInput,
} from "../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../core/time.js";
import { parseInput } from "../core/validate.js";
import { type CompressedHistories, compressHistories } from "./history.js";
import type { PurchaseHistoryRow } from "./types.js";

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
   * L2 penalty λ ≥ 0 on the parameters, exactly the `penalizer_coef` of the Python lifetimes
   * library (the same λ gives the same estimates). The fit minimises
   * `−ℓ(θ)/N + λ·Σ_j p_j²` — the **mean** negative log-likelihood over the N customers plus λ times
   * the sum of the squared parameters — for the BG/NBD, MBG/NBD, BG/BB, Gamma-Gamma and sBG (the
   * sBG is not in lifetimes; it is defined the same way), and `−ℓ(θ) + λ·Σ_j p_j²` (the **total**)
   * for the Pareto/NBD, as lifetimes' `ParetoNBDFitter` does. Every parameter is penalised, the
   * rates α and β of the BG/NBD, MBG/NBD and Pareto/NBD on times rescaled so that the longest `T`
   * is 1 (as lifetimes). Default 0: plain maximum likelihood. The reported `logLikelihood` never
   * includes the penalty; `standardErrors` come from the penalised objective's curvature.
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

/**
 * The inputs of a continuous-time count-model fit (BG/NBD, MBG/NBD, Pareto/NBD): the options, the
 * purchase histories compressed to distinct `(x, t_x, T)` rows, the time unit, and the times
 * rescaled so that the longest `T` is 1 (`tx`, `T` below, with `scale` = 1 / max T), which keeps
 * the rate parameters α (and β) near 1 for the optimiser (docs/numerics.md, "Rescaling"). The
 * fitted α and β are divided by `scale` afterwards, and the log-likelihood moves back by
 * `Σ w·x · ln(scale)`. Rows with T = 0 (x = 0, t_x = 0) stay 0 under the rescaling and add ln 1 = 0
 * to every likelihood; max T is positive because the compression rejects data without a repeat
 * purchase (and data where every T is 0 first, with its own message).
 * @internal
 */
export function readRescaledHistories(
  functionName: string,
  customers: readonly PurchaseHistoryRow[],
  options: FitOptions | undefined,
  names: readonly string[],
): {
  opts: FitOptions;
  data: CompressedHistories;
  unit: TimeUnit;
  scale: number;
  tx: Float64Array;
  T: Float64Array;
} {
  const { opts, data, unit } = readFitInput(
    functionName,
    options,
    names,
    () => compressHistories(functionName, customers, { requireRepeat: true }),
    { rows: customers, argument: "customers" },
  );
  const scale = 1 / data.maxT;
  return {
    opts,
    data,
    // readFitInput returns a unit whenever it is given the rows' units to check.
    unit: unit!,
    scale,
    tx: data.tx.map((v) => v * scale),
    T: data.T.map((v) => v * scale),
  };
}

/**
 * The BG/BB case of the public prediction functions (`probabilityAlive`, `expectedPurchases`,
 * `conditionalExpectedPurchases`, `purchaseCountProbability`, `discountedExpectedResidualPurchases`):
 * validation of the discrete-time arguments and the per-customer mathematics of
 * {@link fitBgBb}'s model (Fader, Hardie & Shang 2010, "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6), §3 and the appendix).
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { checkDiscountFloor } from "../../core/discount.js";
import { collectRowIssues, invalidInput } from "../../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../../core/time.js";
import { checkArray, describeReceived } from "../../core/validate.js";
import { parseModelWithUnit } from "../predictions/modelArguments.js";
import { checkRowUnits } from "../rowUnits.js";
import {
  type BgBbModel,
  betaGeometricBetaBinomialModelSchema,
  bgbbConditionalExpected,
  bgbbConditionalPurchaseCountProbability,
  bgbbDert,
  bgbbExpected,
  bgbbProbabilityAlive,
  bgbbPurchaseCountProbability,
  checkDiscreteHistory,
  MAX_OPPORTUNITIES,
} from "./fitBetaGeometricBetaBinomial.js";

/** The BG/BB model schema with its (required) time unit. */
const bgbbModelSchema = z.object({
  ...betaGeometricBetaBinomialModelSchema.shape,
  unit: timeUnitSchema,
});

/** Whether a prediction function's model argument is a BG/BB model (checked before validation). @internal */
export function isBetaGeometricBetaBinomial(model: unknown): model is BgBbModel {
  return (
    typeof model === "object" && model !== null && (model as { kind?: unknown }).kind === "bg-bb"
  );
}

/**
 * Largest BG/BB parameter the predictions accept. The predictions are differences of ln B(·,·)
 * at arguments of the size of the parameters, whose absolute error grows like ε·P·ln P: at P = 10⁶
 * that is 2·10⁻⁹ (relative error of the results), at 10¹⁵ it exceeds 1 and the result would be
 * noise. Beyond 10⁶ the beta distributions are points (p and θ are the same for every customer)
 * and a geometric/binomial model says the same thing.
 * @internal
 */
export const MAX_BGBB_PARAMETER = 1e6;

/**
 * Validates a BG/BB model for the predictions and the diagnostics: its schema (kind, parameters and
 * the required `unit`, path `model.unit`), and every parameter at most {@link MAX_BGBB_PARAMETER}
 * (code `"unsupported"`). `path` is the model argument's path. Returns the validated copy (each
 * parameter read once).
 * @internal
 */
export function parseBgbbModel(
  fn: string,
  model: unknown,
  path: readonly PropertyKey[] = ["model"],
): BgBbModel {
  const parsed = parseModelWithUnit(fn, bgbbModelSchema, model, path) as BgBbModel;
  const p = parsed.params;
  const entries = [
    ["alpha", p.alpha],
    ["beta", p.beta],
    ["gamma", p.gamma],
    ["delta", p.delta],
  ] as const;
  for (const [name, value] of entries) {
    if (value > MAX_BGBB_PARAMETER) {
      throw invalidInput(
        fn,
        [...path, "params", name],
        `The BG/BB predictions support parameters up to ${MAX_BGBB_PARAMETER}, received ${value} (the beta distribution is then a point mass; log-beta differences at this size lose every digit)`,
        "unsupported",
        value,
      );
    }
  }
  return parsed;
}

/**
 * A whole number of opportunities from `min` to {@link MAX_OPPORTUNITIES}, or an
 * `InvalidInputError` at `path` with a specific code. @internal
 */
export function opportunities(
  fn: string,
  value: unknown,
  path: readonly PropertyKey[],
  min: number,
): number {
  if (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= min &&
    value <= MAX_OPPORTUNITIES
  ) {
    return value;
  }
  const code =
    value === undefined
      ? "required"
      : typeof value !== "number" || !Number.isFinite(value)
        ? "invalid_type"
        : !Number.isInteger(value)
          ? "not_integer"
          : value < min
            ? "too_small"
            : "too_big";
  throw invalidInput(
    fn,
    path,
    `Expected a whole number of opportunities from ${min} to ${MAX_OPPORTUNITIES}, received ${describeReceived(value)}`,
    code,
    value,
  );
}

/**
 * The BG/BB counts discrete opportunities: a horizon or a rate is in the model's own unit. A
 * different `options.unit` is an `InvalidInputError` (code `"unit_mismatch"`). @internal
 */
export function checkBgbbUnit(fn: string, model: BgBbModel, unit: TimeUnit | undefined): void {
  if (unit !== undefined && unit !== model.unit) {
    throw invalidInput(
      fn,
      ["options", "unit"],
      `The BG/BB counts opportunities of one ${model.unit} each and takes horizons and rates in ${model.unit}s only, received unit "${unit}"`,
      "unit_mismatch",
      unit,
    );
  }
}

/** A prediction, or an `InvalidInputError` at `path` when float64 cannot carry it (never NaN). */
function finite(fn: string, value: number, path: readonly PropertyKey[]): number {
  if (!Number.isFinite(value)) {
    throw invalidInput(
      fn,
      path,
      "The prediction lies outside the range the model's numerics support (result not finite)",
      "unsupported",
    );
  }
  return value;
}

/**
 * Validates discrete histories and maps `f` over them (memoised per (x, t_x, n)); with `modelUnit`,
 * a row carrying another `unit` is an error (`unit_mismatch`). @internal
 */
export function mapCustomers(
  fn: string,
  customers: unknown,
  f: (x: number, tx: number, n: number) => number,
  modelUnit?: TimeUnit,
): Float64Array {
  checkArray(fn, customers, "an array of customers", ["customers"]);
  const rows: readonly unknown[] = customers;
  if (modelUnit !== undefined) checkRowUnits(fn, rows, modelUnit);
  const out = new Float64Array(rows.length);
  const memo = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    let h: { x: number; tx: number; n: number };
    try {
      // The fitter's rows as they are: a compressed row's `count` is checked as the fitter checks
      // it (and does not change the row's prediction); other fields are ignored.
      h = checkDiscreteHistory(fn, rows[i], ["customers", i], true);
    } catch (error) {
      // Slow path: list every invalid row (up to 100) in one error.
      collectRowIssues(fn, rows.length, (j) => {
        checkDiscreteHistory(fn, rows[j], ["customers", j], true);
      });
      throw error; // a row that changed between reads: its first error
    }
    const { x, tx, n } = h;
    const key = (n * 131072 + tx) * 131072 + x;
    let v = n < 131072 ? memo.get(key) : undefined;
    if (v === undefined) {
      v = finite(fn, f(x, tx, n), ["customers", i]);
      if (n < 131072) memo.set(key, v);
    }
    out[i] = v;
  }
  return out;
}

/** BG/BB `probabilityAlive`: P(alive at n + horizon), `horizon` in opportunities. @internal */
export function bgbbProbabilityAliveFor(
  fn: string,
  model: BgBbModel,
  customers: unknown,
  horizon: unknown,
  unit: TimeUnit | undefined,
): Float64Array {
  const parsed = parseBgbbModel(fn, model);
  checkBgbbUnit(fn, parsed, unit);
  const p = parsed.params;
  const m = horizon === undefined ? 0 : opportunities(fn, horizon, ["options", "horizon"], 0);
  return mapCustomers(
    fn,
    customers,
    (x, tx, n) => bgbbProbabilityAlive(p, x, tx, n, m),
    parsed.unit,
  );
}

/**
 * The validated model (its unit checked against `unit`) and the forecast span in whole
 * opportunities (`options.horizon`), shared by the span predictions.
 */
function modelAndHorizon(
  fn: string,
  model: BgBbModel,
  horizon: unknown,
  unit: TimeUnit | undefined,
): { params: BgBbModel["params"]; n: number; modelUnit: TimeUnit } {
  const parsed = parseBgbbModel(fn, model);
  checkBgbbUnit(fn, parsed, unit);
  const n = opportunities(fn, horizon, ["options", "horizon"], 0);
  return { params: parsed.params, n, modelUnit: parsed.unit };
}

/** BG/BB `expectedPurchases`: E[X(n)] for a new customer, n = `horizon` opportunities. @internal */
export function bgbbExpectedFor(
  fn: string,
  model: BgBbModel,
  horizon: unknown,
  unit: TimeUnit | undefined,
): number {
  const { params, n } = modelAndHorizon(fn, model, horizon, unit);
  return finite(fn, bgbbExpected(params, n), ["options", "horizon"]);
}

/** BG/BB `conditionalExpectedPurchases`: E[X(n, n + n*) | x, t_x, n]. @internal */
export function bgbbConditionalExpectedFor(
  fn: string,
  model: BgBbModel,
  customers: unknown,
  horizon: unknown,
  unit: TimeUnit | undefined,
): Float64Array {
  const { params: p, n: nStar, modelUnit } = modelAndHorizon(fn, model, horizon, unit);
  return mapCustomers(
    fn,
    customers,
    (x, tx, n) => bgbbConditionalExpected(p, x, tx, n, nStar),
    modelUnit,
  );
}

/** BG/BB `conditionalPurchaseCountProbability`: P(X(n, n + n*) = k | x, t_x, n). @internal */
export function bgbbConditionalPurchaseCountFor(
  fn: string,
  model: BgBbModel,
  customers: unknown,
  count: number,
  horizon: unknown,
  unit: TimeUnit | undefined,
): Float64Array {
  const { params: p, n: nStar, modelUnit } = modelAndHorizon(fn, model, horizon, unit);
  return mapCustomers(
    fn,
    customers,
    (x, tx, n) => bgbbConditionalPurchaseCountProbability(p, x, tx, n, count, nStar),
    modelUnit,
  );
}

/** BG/BB `purchaseCountProbability`: P(X(n) = x). @internal */
export function bgbbPurchaseCountProbabilityFor(
  fn: string,
  model: BgBbModel,
  count: number,
  horizon: unknown,
  unit: TimeUnit | undefined,
): number {
  const { params, n } = modelAndHorizon(fn, model, horizon, unit);
  return finite(fn, bgbbPurchaseCountProbability(params, count, n), ["options", "horizon"]);
}

/**
 * BG/BB `discountedExpectedResidualPurchases`: DERT with a rate d > 0 per opportunity (compound;
 * `ratePath` names the option it came from, for the floor's error). @internal
 */
export function bgbbDertFor(
  fn: string,
  model: BgBbModel,
  customers: unknown,
  discountRate: number,
  unit: TimeUnit | undefined,
  ratePath: readonly PropertyKey[],
): Float64Array {
  const parsed = parseBgbbModel(fn, model);
  checkBgbbUnit(fn, parsed, unit);
  const p = parsed.params;
  checkDiscountFloor(fn, discountRate, ratePath);
  return mapCustomers(
    fn,
    customers,
    (x, tx, n) => bgbbDert(p, x, tx, n, discountRate),
    parsed.unit,
  );
}

/**
 * The BG/BB case of the public prediction functions (`probabilityAlive`, `expectedPurchases`,
 * `conditionalExpectedPurchases`, `purchaseCountProbability`, `discountedExpectedResidualPurchases`):
 * validation of the discrete-time arguments and the per-customer mathematics of
 * {@link fitBgBb}'s model (shared reference "models.md" §4.3–4.6).
 * @internal
 * @module
 */
import { invalidInput } from "../../core/errors.js";
import { assertArrayShape, describeReceived, parseInput } from "../../core/validate.js";
import { checkDiscountFloor } from "../discountRate.js";
import {
  type BgBbModel,
  betaGeometricBetaBinomialModelSchema,
  bgbbConditionalExpected,
  bgbbDert,
  bgbbExpected,
  bgbbProbabilityAlive,
  bgbbPurchaseCountProbability,
  checkDiscreteHistory,
  type DiscretePurchaseHistory,
  MAX_OPPORTUNITIES,
} from "./fitBetaGeometricBetaBinomial.js";

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

function params(fn: string, model: BgBbModel) {
  return parseBgbbModel(fn, model).params;
}

/**
 * Validates a BG/BB model for the predictions and the diagnostics: its schema, and every parameter
 * at most {@link MAX_BGBB_PARAMETER}. Returns the validated copy (each parameter read once).
 * @internal
 */
export function parseBgbbModel(
  fn: string,
  model: unknown,
  path: readonly PropertyKey[] = [],
): BgBbModel {
  const parsed = parseInput(fn, betaGeometricBetaBinomialModelSchema, model, path) as BgBbModel;
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
      );
    }
  }
  return parsed;
}

function opportunities(fn: string, value: unknown, name: string, min: number): number {
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < min ||
    value > MAX_OPPORTUNITIES
  ) {
    throw invalidInput(
      fn,
      [name],
      `Expected a whole number of opportunities from ${min} to ${MAX_OPPORTUNITIES}, received ${describeReceived(value)}`,
    );
  }
  return value;
}

/** A prediction, or an `InvalidInputError` at `path` when float64 cannot carry it (never NaN). */
function finite(fn: string, value: number, path: readonly PropertyKey[]): number {
  if (!Number.isFinite(value)) {
    throw invalidInput(
      fn,
      path,
      "The prediction lies outside the range the model's numerics support (result not finite)",
    );
  }
  return value;
}

function mapCustomers(
  fn: string,
  customer: DiscretePurchaseHistory | readonly DiscretePurchaseHistory[],
  f: (x: number, tx: number, n: number) => number,
): number | Float64Array {
  assertArrayShape(fn, customer);
  if (!Array.isArray(customer)) {
    const { x, tx, n } = checkDiscreteHistory(fn, customer, [], false);
    return finite(fn, f(x, tx, n), []);
  }
  const out = new Float64Array(customer.length);
  const memo = new Map<number, number>();
  for (let i = 0; i < customer.length; i++) {
    const { x, tx, n } = checkDiscreteHistory(fn, customer[i], [i], false);
    const key = (n * 131072 + tx) * 131072 + x;
    let v = n < 131072 ? memo.get(key) : undefined;
    if (v === undefined) {
      v = finite(fn, f(x, tx, n), [i]);
      if (n < 131072) memo.set(key, v);
    }
    out[i] = v;
  }
  return out;
}

/** BG/BB `probabilityAlive`: P(alive at n + futurePeriods). @internal */
export function bgbbProbabilityAliveFor(
  fn: string,
  model: BgBbModel,
  customer: DiscretePurchaseHistory | readonly DiscretePurchaseHistory[],
  futurePeriods: unknown,
): number | Float64Array {
  const p = params(fn, model);
  const m = futurePeriods === undefined ? 0 : opportunities(fn, futurePeriods, "futurePeriods", 0);
  return mapCustomers(fn, customer, (x, tx, n) => bgbbProbabilityAlive(p, x, tx, n, m));
}

/** BG/BB `expectedPurchases`: E[X(n)] for a new customer. @internal */
export function bgbbExpectedFor(fn: string, model: BgBbModel, t: unknown): number {
  return finite(fn, bgbbExpected(params(fn, model), opportunities(fn, t, "t", 0)), ["t"]);
}

/** BG/BB `conditionalExpectedPurchases`: E[X(n, n + n*) | x, t_x, n]. @internal */
export function bgbbConditionalExpectedFor(
  fn: string,
  model: BgBbModel,
  customer: DiscretePurchaseHistory | readonly DiscretePurchaseHistory[],
  t: unknown,
): number | Float64Array {
  const p = params(fn, model);
  const nStar = opportunities(fn, t, "t", 0);
  return mapCustomers(fn, customer, (x, tx, n) => bgbbConditionalExpected(p, x, tx, n, nStar));
}

/** BG/BB `purchaseCountProbability`: P(X(n) = x). @internal */
export function bgbbPurchaseCountProbabilityFor(
  fn: string,
  model: BgBbModel,
  count: number,
  t: unknown,
): number {
  const p = params(fn, model);
  return finite(fn, bgbbPurchaseCountProbability(p, count, opportunities(fn, t, "t", 0)), ["t"]);
}

/** BG/BB `discountedExpectedResidualPurchases`: DERT with a per-opportunity rate d > 0. @internal */
export function bgbbDertFor(
  fn: string,
  model: BgBbModel,
  customer: DiscretePurchaseHistory | readonly DiscretePurchaseHistory[],
  discountRate: number,
): number | Float64Array {
  const p = params(fn, model);
  checkDiscountFloor(fn, discountRate, ["discountRate"]);
  return mapCustomers(fn, customer, (x, tx, n) => bgbbDert(p, x, tx, n, discountRate));
}

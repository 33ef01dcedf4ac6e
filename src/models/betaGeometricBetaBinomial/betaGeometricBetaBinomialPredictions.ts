/**
 * The BG/BB case of the public prediction functions (`probabilityAlive`, `expectedPurchases`,
 * `conditionalExpectedPurchases`, `purchaseCountProbability`, `discountedExpectedResidualPurchases`):
 * validation of the discrete-time arguments and the per-customer mathematics of
 * {@link fitBetaGeometricBetaBinomial}'s model (shared reference "models.md" §4.3–4.6).
 * @internal
 * @module
 */
import { invalidInput } from "../../core/errors.js";
import { assertArrayShape, parseInput } from "../../core/validate.js";
import {
  type BetaGeometricBetaBinomialModel,
  betaGeometricBetaBinomialModelSchema,
  bgbbConditionalExpected,
  bgbbDert,
  bgbbExpected,
  bgbbProbabilityAlive,
  bgbbPurchaseCountProbability,
  checkDiscreteHistory,
  type DiscretePurchaseHistory,
} from "./fitBetaGeometricBetaBinomial.js";

/** Whether a prediction function's model argument is a BG/BB model (checked before validation). @internal */
export function isBetaGeometricBetaBinomial(
  model: unknown,
): model is BetaGeometricBetaBinomialModel {
  return (
    typeof model === "object" &&
    model !== null &&
    (model as { kind?: unknown }).kind === "beta-geometric-beta-binomial"
  );
}

function params(fn: string, model: BetaGeometricBetaBinomialModel) {
  parseInput(fn, betaGeometricBetaBinomialModelSchema, model);
  return model.params;
}

function opportunities(fn: string, value: unknown, name: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > 1e7) {
    throw invalidInput(
      fn,
      [name],
      `Expected a whole number of opportunities ≥ ${min}, received ${String(value)}`,
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
    return f(x, tx, n);
  }
  const out = new Float64Array(customer.length);
  const memo = new Map<number, number>();
  for (let i = 0; i < customer.length; i++) {
    const { x, tx, n } = checkDiscreteHistory(fn, customer[i], [i], false);
    const key = (n * 131072 + tx) * 131072 + x;
    let v = n < 131072 ? memo.get(key) : undefined;
    if (v === undefined) {
      v = f(x, tx, n);
      if (n < 131072) memo.set(key, v);
    }
    out[i] = v;
  }
  return out;
}

/** BG/BB `probabilityAlive`: P(alive at n + futurePeriods). @internal */
export function bgbbProbabilityAliveFor(
  fn: string,
  model: BetaGeometricBetaBinomialModel,
  customer: DiscretePurchaseHistory | readonly DiscretePurchaseHistory[],
  futurePeriods: unknown,
): number | Float64Array {
  const p = params(fn, model);
  const m = futurePeriods === undefined ? 0 : opportunities(fn, futurePeriods, "futurePeriods", 0);
  return mapCustomers(fn, customer, (x, tx, n) => bgbbProbabilityAlive(p, x, tx, n, m));
}

/** BG/BB `expectedPurchases`: E[X(n)] for a new customer. @internal */
export function bgbbExpectedFor(
  fn: string,
  model: BetaGeometricBetaBinomialModel,
  t: unknown,
): number {
  return bgbbExpected(params(fn, model), opportunities(fn, t, "t", 0));
}

/** BG/BB `conditionalExpectedPurchases`: E[X(n, n + n*) | x, t_x, n]. @internal */
export function bgbbConditionalExpectedFor(
  fn: string,
  model: BetaGeometricBetaBinomialModel,
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
  model: BetaGeometricBetaBinomialModel,
  count: number,
  t: unknown,
): number {
  const p = params(fn, model);
  return bgbbPurchaseCountProbability(p, count, opportunities(fn, t, "t", 0));
}

/** BG/BB `discountedExpectedResidualPurchases`: DERT with a per-opportunity rate d > 0. @internal */
export function bgbbDertFor(
  fn: string,
  model: BetaGeometricBetaBinomialModel,
  customer: DiscretePurchaseHistory | readonly DiscretePurchaseHistory[],
  discountRate: number,
): number | Float64Array {
  const p = params(fn, model);
  return mapCustomers(fn, customer, (x, tx, n) => bgbbDert(p, x, tx, n, discountRate));
}

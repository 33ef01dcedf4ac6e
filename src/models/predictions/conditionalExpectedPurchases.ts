import { assertArrayShape } from "../../core/validate.js";
import {
  bgbbConditionalExpectedFor,
  isBetaGeometricBetaBinomial,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type {
  BgBbModel,
  DiscretePurchaseHistory,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { checkHistory } from "../history.js";
import type { PurchaseHistory, PurchaseModel } from "../types.js";
import {
  checkSpan,
  conditionalOverRows,
  finiteResult,
  parsePurchaseModel,
  purchaseKernel,
} from "./kernels.js";

/**
 * Expected number of purchases in the next `t` time units, (T, T + t], of a customer with history
 * (x, t_x, T): the "conditional expected transactions" (CET).
 *
 * BG/NBD: `P(alive)·(a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^{r+x}·₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]`
 * (Fader, Hardie & Lee 2005, eq. 10), evaluated in the Euler-transformed form
 * `1 − (1−z)^{a−1}·₂F₁(a+b−1−r, a−1; a+b+x−1; z)` with `expm1`/`log1p` (no overflow for x = 1,000,
 * full precision for short horizons) when its running error bound is below 5e-14; otherwise (large
 * r, large a, small α, a = 1) as the Beta mixture `P(alive)·E_p[(1 − (1 + p t/(α+T))^{−(r+x)})/p]`,
 * p ~ Beta(a, b+x), by a trapezoidal rule on logit p whose step follows the Beta's width — positive
 * and non-decreasing in t by construction (docs/numerics.md). MBG/NBD: the same with b+x+1 and
 * the MBG/NBD P(alive). Pareto/NBD: `P(alive)·(r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^{s−1}]`.
 *
 * Units: `t` is in the model's time unit (that of recency and T when it was fitted).
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (BG/BB: customers are `{ frequency, recency, periods }` and `t` counts whole opportunities; Fader, Hardie & Shang 2010, eqs. 7, 8, 13, 14)
 * @param customer - `{ frequency, recency, T }`, or an array of them
 * @param t - forecast horizon, ≥ 0, in the model's time unit
 * @returns the expected number of purchases (a `Float64Array` in input order for an array)
 * @throws {InvalidInputError} on an invalid model, customer or horizon, when the result is beyond
 *   float64, or (BG/NBD, MBG/NBD) where the numerics cannot serve the model: a Beta shape below about
 *   2e-3 at a long horizon (path `params.a` or `params.b`; docs/numerics.md)
 * @throws {InvalidInputError} for a BG/BB model with a parameter above 10⁶ (path `params.<name>`),
 *   `periods` or `t` above 10⁶ opportunities
 * @example
 * ```ts
 * import { conditionalExpectedPurchases } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customers: 2357,
 * } as const;
 * conditionalExpectedPurchases(model, { frequency: 2, recency: 30.43, T: 38.86 }, 39); // => 1.22591042417
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284.
 */
export function conditionalExpectedPurchases(
  model: PurchaseModel,
  customer: PurchaseHistory,
  t: number,
): number;
export function conditionalExpectedPurchases(
  model: PurchaseModel,
  customers: readonly PurchaseHistory[],
  t: number,
): Float64Array;
export function conditionalExpectedPurchases(
  model: BgBbModel,
  customer: DiscretePurchaseHistory,
  t: number,
): number;
export function conditionalExpectedPurchases(
  model: BgBbModel,
  customers: readonly DiscretePurchaseHistory[],
  t: number,
): Float64Array;
export function conditionalExpectedPurchases(
  model: PurchaseModel | BgBbModel,
  input:
    | PurchaseHistory
    | readonly PurchaseHistory[]
    | DiscretePurchaseHistory
    | readonly DiscretePurchaseHistory[],
  t: number,
): number | Float64Array {
  const fn = "conditionalExpectedPurchases";
  if (isBetaGeometricBetaBinomial(model)) {
    return bgbbConditionalExpectedFor(
      fn,
      model,
      input as DiscretePurchaseHistory | readonly DiscretePurchaseHistory[],
      t,
    );
  }
  const customer = input as PurchaseHistory | readonly PurchaseHistory[];
  const kernel = purchaseKernel(parsePurchaseModel(fn, model), fn);
  const span = checkSpan(fn, t, "t");
  assertArrayShape(fn, customer);
  if (!Array.isArray(customer)) {
    const { x, tx, T } = checkHistory(fn, customer, undefined);
    return finiteResult(fn, kernel.conditionalExpected(x, tx, T, span), ["t"]);
  }
  const ifAlive = kernel.expectedIfAlive;
  return conditionalOverRows(
    fn,
    customer,
    kernel.probabilityAlive,
    ifAlive === undefined ? undefined : (x, T) => ifAlive(x, T, span),
    (x, tx, T) => kernel.conditionalExpected(x, tx, T, span),
  );
}

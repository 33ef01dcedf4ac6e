import {
  bgbbExpectedFor,
  isBetaGeometricBetaBinomial,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type { BgBbModel } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import type { PurchaseModel } from "../types.js";
import { checkSpan, finiteResult, parsePurchaseModel, purchaseKernel } from "./kernels.js";

/**
 * Expected number of repeat purchases E[X(t)] in the first `t` time units of a customer acquired
 * at time 0 (a randomly chosen new customer).
 *
 * BG/NBD: `(a+b−1)/(a−1)·[1 − (α/(α+t))^r·₂F₁(r, b; a+b−1; t/(α+t))]` (Fader, Hardie & Lee 2005,
 * eq. 9), evaluated in the Euler-transformed, pole-free form when its running error bound is below
 * 5e-14, else as the Beta mixture E_p[(1 − (1 + p t/α)^{−r})/p], p ~ Beta(a, b), by a trapezoidal
 * rule on logit p — free of cancellation for large r, large a and small α (valid for a < 1, a = 1
 * and a+b ≤ 1; relative error ≤ 2e-14 against high-precision values, see docs/numerics.md).
 * MBG/NBD: `b/(a−1)·[1 − (α/(α+t))^r·₂F₁(r, b+1; a+b; t/(α+t))]`. Pareto/NBD:
 * `rβ/(α(s−1))·[1 − (β/(β+t))^{s−1}]`. With a < 1 (as on CDNOW) the BG/NBD expectation grows
 * without bound as t → ∞ (like t^{1−a}).
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (BG/BB: customers are `{ frequency, recency, periods }` and `t` counts whole opportunities; Fader, Hardie & Shang 2010, eqs. 7, 8, 13, 14)
 * @param t - time since acquisition, ≥ 0, in the model's time unit
 * @returns E[X(t)], increasing in t
 * @throws {InvalidInputError} on an invalid model or t, when t is so large that the result is not
 *   finite in float64 (path `t`), or (BG/NBD, MBG/NBD) where the numerics cannot serve the model: a
 *   Beta shape below about 2e-3 at a long horizon (path `params.a` or `params.b`; docs/numerics.md)
 * @throws {InvalidInputError} for a BG/BB model with a parameter above 10⁶ (path `params.<name>`) or
 *   `t` above 10⁶ opportunities
 * @example
 * ```ts
 * import { expectedPurchases } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customers: 2357,
 * } as const;
 * expectedPurchases(model, 52); // => 1.44402076987
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284.
 */
export function expectedPurchases(model: PurchaseModel | BgBbModel, t: number): number {
  const fn = "expectedPurchases";
  if (isBetaGeometricBetaBinomial(model)) return bgbbExpectedFor(fn, model, t);
  const kernel = purchaseKernel(parsePurchaseModel(fn, model), fn);
  return finiteResult(fn, kernel.expected(checkSpan(fn, t, "t")), ["t"]);
}

/**
 * The smallest discount rate the infinite-horizon predictions accept, shared by every model so the
 * bound is one number with one justification.
 * @internal
 * @module
 */
import { invalidInput } from "../core/errors.js";
import { describeReceived } from "../core/validate.js";

/**
 * Smallest discount rate per period accepted by the infinite-horizon values: the sBG's
 * `expectedRemainingLifetime` and `subscriptionLifetimeValue`, `discountedExpectedResidualPurchases`
 * for every model (continuous δ for BG/NBD, MBG/NBD, Pareto/NBD; per opportunity for the BG/BB) and
 * `customerLifetimeValue` with `horizon: "infinite"`.
 *
 * Why 10⁻⁶: the discounted sums they evaluate, `Σ_k S(k)(1+d)^{−k}`, have an effective length of
 * about `1/d` periods. Gauss's continued fraction (sBG, BG/BB) needs about `14/√d` steps and the
 * BG/NBD DERT quadrature's cost grows as d shrinks (0.8 s at d = 10⁻¹⁵, issue 23); at d < 2⁻⁵³
 * `1/(1+d)` rounds to 1 and the sum is evaluated as undiscounted (infinite when the model's
 * lifetime has no mean). 10⁻⁶ per day is 0.037 % a year, indistinguishable from no discounting in
 * any valuation; use a finite horizon for undiscounted totals.
 * @internal
 */
export const MIN_DISCOUNT_RATE = 1e-6;

/**
 * Throws `InvalidInputError` at `path` (code `"too_small"`) when `d` is below
 * {@link MIN_DISCOUNT_RATE} (or not a finite number). @internal
 */
export function checkDiscountFloor(fn: string, d: number, path: readonly PropertyKey[]): void {
  if (!(d >= MIN_DISCOUNT_RATE) || d === Number.POSITIVE_INFINITY) {
    throw invalidInput(
      fn,
      path,
      `An infinite-horizon value needs a discount rate of at least ${MIN_DISCOUNT_RATE} per period, received ${describeReceived(d)} (below that the discounted sum is numerically an undiscounted, possibly infinite, one; use a finite horizon instead)`,
      "too_small",
      d,
    );
  }
}

/**
 * The one rule for discount rates: a compound rate per period of the stated unit, as a fraction
 * (0.1 = 10 %), and a rate of 1 (100 %) or more per period only when the caller says so; and the
 * smallest rate the infinite-horizon values accept ({@link MIN_DISCOUNT_RATE}).
 * @module
 */
import { invalidInput } from "./errors.js";
import { describeReceived } from "./validate.js";

/**
 * Checks a discount rate: a finite number ≥ 0 and, unless `allowLarge`, below 1 per period — a
 * rate of `10` is far more likely a percentage typed as a number than a 1,000 % rate. Throws an
 * `InvalidInputError` at `path` (codes `"invalid_type"`, `"too_small"`, `"implausible_rate"`).
 * Returns the rate.
 * @internal
 */
export function checkDiscountRate(
  functionName: string,
  rate: unknown,
  path: readonly PropertyKey[],
  allowLarge = false,
): number {
  if (typeof rate !== "number" || !Number.isFinite(rate)) {
    throw invalidInput(
      functionName,
      path,
      `Expected a discount rate (a finite number, 0.1 for 10 %), received ${describeReceived(rate)}`,
      rate === undefined ? "required" : "invalid_type",
      rate,
    );
  }
  if (rate < 0) {
    throw invalidInput(
      functionName,
      path,
      `Expected a discount rate ≥ 0, received ${rate}`,
      "too_small",
      rate,
    );
  }
  if (rate >= 1 && !allowLarge) {
    throw invalidInput(
      functionName,
      path,
      `A discount rate of ${rate} is ${rate * 100} % per period: rates are fractions (0.1 = 10 %). Pass allowLargeDiscountRate: true if you mean it`,
      "implausible_rate",
      rate,
    );
  }
  return rate;
}

/**
 * Smallest discount rate per period accepted by the infinite-horizon values: the sBG's
 * `expectedRemainingLifetime` and `subscriptionLifetimeValue`, `discountedExpectedResidualPurchases`
 * for every model (continuous δ for BG/NBD, MBG/NBD, Pareto/NBD; per opportunity for the BG/BB) and
 * `customerLifetimeValue` with `horizon: "infinite"`.
 *
 * Why 10⁻⁶: the discounted sums they evaluate, `Σ_k S(k)(1+d)^{−k}`, have an effective length of
 * about `1/d` periods. Gauss's continued fraction (sBG, BG/BB) needs about `14/√d` steps and the
 * BG/NBD DERT quadrature's cost grows as d shrinks (0.8 s for one customer at d = 10⁻¹⁵); at d < 2⁻⁵³
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

/**
 * The one rule for discount rates: a compound rate per period of the stated unit, as a fraction
 * (0.1 = 10 %), and a rate of 1 (100 %) or more per period only when the caller says so.
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

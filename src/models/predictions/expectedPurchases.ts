import * as z from "zod/mini";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
import { parseInput } from "../../core/validate.js";
import {
  bgbbExpectedFor,
  isBetaGeometricBetaBinomial,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type { BgBbModel } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import type { PurchaseModel } from "../types.js";
import { purchaseKernel } from "./kernels.js";
import {
  finiteResult,
  modelUnitsPer,
  parsePurchaseModel,
  unitOptionsShape,
} from "./modelArguments.js";

/**
 * Options of the predictions over a forecast span: {@link expectedPurchases} and
 * `conditionalExpectedPurchases`.
 * @category Models
 */
export interface HorizonOptions {
  /**
   * How far ahead, a number ≥ 0 of `unit`s (BG/BB: a whole number of opportunities, at most 10⁶).
   */
  readonly horizon: number;
  /**
   * The time unit of `horizon`; default the model's `unit`. Days ↔ weeks and months ↔ quarters ↔
   * years convert exactly; across the two families only with `unitConversion`. The BG/BB takes
   * its own unit only.
   */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
}

const optionsSchema = z.strictObject({
  horizon: z.number().check(z.nonnegative()),
  ...unitOptionsShape,
}) satisfies z.ZodMiniType<unknown, HorizonOptions>;

const bgbbOptionsSchema = z.strictObject({ horizon: z.unknown(), ...unitOptionsShape });

/**
 * Expected number of repeat purchases E[X(t)] in the first `horizon` time units of a customer acquired
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
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (BG/BB: `horizon` counts
 *   whole opportunities in the model's own unit; Fader, Hardie & Shang 2010, eq. 7)
 * @param options - `{ horizon, unit?, unitConversion? }`: time since acquisition, ≥ 0, in `unit`s
 *   (default the model's unit)
 * @returns E[X(t)], increasing in t
 * @throws {InvalidInputError} on an invalid model (`model.params.r`, `model.unit`, …) or options;
 *   a `unit` incompatible with the model's without `unitConversion` (`options.unit`, code
 *   `"unit_mismatch"`); a horizon so large that the result is not finite in float64
 *   (`options.horizon`), or (BG/NBD, MBG/NBD) where the numerics cannot serve the model: a Beta
 *   shape below about 2e-3 at a long horizon (path `model.params.a` or `model.params.b`;
 *   docs/numerics.md)
 * @throws {InvalidInputError} for a BG/BB model with a parameter above 10⁶ (path
 *   `model.params.<name>`) or `horizon` above 10⁶ opportunities
 * @example
 * ```ts
 * import { expectedPurchases } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * expectedPurchases(model, { horizon: 52 }); // => 1.44402076987
 * expectedPurchases(model, { horizon: 1, unit: "year", unitConversion: "calendar-average" }); // => 1.44718538571
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284.
 */
export function expectedPurchases(
  model: PurchaseModel | BgBbModel,
  options: HorizonOptions,
): number {
  const fn = "expectedPurchases";
  if (isBetaGeometricBetaBinomial(model)) {
    const opts = parseInput(fn, bgbbOptionsSchema, options, ["options"]);
    return bgbbExpectedFor(fn, model, opts.horizon, opts.unit);
  }
  const parsed = parsePurchaseModel(fn, model);
  const kernel = purchaseKernel(parsed, fn);
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const span = opts.horizon * modelUnitsPer(fn, parsed.unit, opts.unit, opts.unitConversion);
  return finiteResult(fn, kernel.expected(span), ["options", "horizon"]);
}

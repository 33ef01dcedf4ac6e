import * as z from "zod/mini";
import { parseInput } from "../../core/validate.js";
import {
  bgbbConditionalExpectedFor,
  isBetaGeometricBetaBinomial,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type {
  BgBbModel,
  DiscretePurchaseHistory,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import type { PurchaseHistory, PurchaseModel } from "../types.js";
import { conditionalOverRows } from "./customerRows.js";
import type { HorizonOptions } from "./expectedPurchases.js";
import { purchaseKernel } from "./kernels.js";
import {
  finiteResult,
  modelUnitsPer,
  parsePurchaseModel,
  unitOptionsShape,
} from "./modelArguments.js";

const optionsSchema = z.strictObject({
  horizon: z.number().check(z.nonnegative()),
  ...unitOptionsShape,
}) satisfies z.ZodMiniType<unknown, HorizonOptions>;

/**
 * Expected number of purchases in the next `horizon` time units, (T, T + t], of each customer with
 * history (x, t_x, T): the "conditional expected transactions" (CET).
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
 * Units: `horizon` is in `options.unit`, by default the model's `unit` (that of recency and T when
 * it was fitted); t = horizon·c model units, c the model units per `unit` — exact between days and
 * weeks and between months, quarters and years, and with `unitConversion: "calendar-average"`
 * (a month of 365.2425/12 days) across the two families (see the conventions' Time units).
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (BG/BB: customers are
 *   `{ frequency, recency, periods }` and `horizon` counts whole opportunities in the model's own
 *   unit; Fader, Hardie & Shang 2010, eqs. 7, 8, 13, 14)
 * @param customers - `{ frequency, recency, T }` per customer, in the model's time unit (extra
 *   fields such as `customerId` are ignored)
 * @param options - `{ horizon, unit?, unitConversion? }`: the forecast span (≥ 0) in `unit`s
 * @returns the expected number of purchases per customer, a `Float64Array` in input order
 * @throws {InvalidInputError} on an invalid model (`model.params.r`, `model.unit`, …), invalid
 *   customers (every bad row listed, up to 100, at `customers[i].<field>`) or options
 *   (`options.horizon`); `options.unit` incompatible with the model's unit without
 *   `unitConversion` (code `"unit_mismatch"`); a result beyond float64 (path `customers[i]`), or
 *   (BG/NBD, MBG/NBD) where the numerics cannot serve the model: a Beta shape below about 2e-3 at
 *   a long horizon (path `model.params.a` or `model.params.b`, code `"unsupported"`;
 *   docs/numerics.md)
 * @throws {InvalidInputError} for a BG/BB model with a parameter above 10⁶ (path
 *   `model.params.<name>`), `periods` or `horizon` above 10⁶ opportunities, or a `unit` other than
 *   the model's
 * @example
 * ```ts
 * import { conditionalExpectedPurchases } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const customers = [{ customerId: "ann", frequency: 2, recency: 30.43, T: 38.86 }];
 * conditionalExpectedPurchases(model, customers, { horizon: 39 })[0]; // => 1.22591042417
 * conditionalExpectedPurchases(model, customers, { horizon: 273, unit: "day" })[0]; // => 1.22591042417
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284.
 */
export function conditionalExpectedPurchases(
  model: PurchaseModel,
  customers: readonly PurchaseHistory[],
  options: HorizonOptions,
): Float64Array;
export function conditionalExpectedPurchases(
  model: BgBbModel,
  customers: readonly DiscretePurchaseHistory[],
  options: HorizonOptions,
): Float64Array;
export function conditionalExpectedPurchases(
  model: PurchaseModel | BgBbModel,
  customers: readonly PurchaseHistory[] | readonly DiscretePurchaseHistory[],
  options: HorizonOptions,
): Float64Array {
  const fn = "conditionalExpectedPurchases";
  if (isBetaGeometricBetaBinomial(model)) {
    const opts = parseInput(fn, bgbbOptionsSchema, options, ["options"]);
    return bgbbConditionalExpectedFor(fn, model, customers, opts.horizon, opts.unit);
  }
  const parsed = parsePurchaseModel(fn, model);
  const kernel = purchaseKernel(parsed, fn);
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const span = opts.horizon * modelUnitsPer(fn, parsed.unit, opts.unit, opts.unitConversion);
  finiteResult(fn, span, ["options", "horizon"]);
  const ifAlive = kernel.expectedIfAlive;
  return conditionalOverRows(
    fn,
    customers,
    kernel.probabilityAlive,
    ifAlive === undefined ? undefined : (x, T) => ifAlive(x, T, span),
    (x, tx, T) => kernel.conditionalExpected(x, tx, T, span),
    parsed.unit,
  );
}

const bgbbOptionsSchema = z.strictObject({ horizon: z.unknown(), ...unitOptionsShape });

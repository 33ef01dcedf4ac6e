import * as z from "zod/mini";
import { checkDiscountFloor, checkDiscountRate } from "../../core/discount.js";
import { invalidInput } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
import { parseInput } from "../../core/validate.js";
import {
  bgbbDertFor,
  isBetaGeometricBetaBinomial,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type {
  BgBbModel,
  DiscretePurchaseHistory,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import type { PurchaseHistory, PurchaseModel } from "../types.js";
import { conditionalOverRows } from "./customerRows.js";
import { purchaseKernel } from "./kernels.js";
import {
  allChecked,
  modelUnitsPer,
  parsePurchaseModel,
  unitOptionsShape,
} from "./modelArguments.js";

/**
 * Options of {@link discountedExpectedResidualPurchases} besides the rate.
 * @category Models
 */
export interface DiscountUnitOptions {
  /** The time unit the rate is per; default the model's `unit` (the BG/BB takes its own unit only). */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
  /** Accept a rate of 1 (100 %) or more per `unit` (otherwise code `"implausible_rate"`). */
  readonly allowLargeDiscountRate?: boolean;
}

/**
 * Options of {@link discountedExpectedResidualPurchases}: exactly one rate, either the compound
 * `discountRate` d per `unit` (δ = ln(1 + d)) or the `continuousDiscountRate` δ per `unit`.
 * @category Models
 */
export type DiscountOptions = DiscountUnitOptions &
  (
    | {
        /** Compound discount rate d per `unit` (0.1 = 10 %); continuous δ = ln(1 + d). */
        readonly discountRate: number;
        /** Not with `discountRate`: give one rate or the other. */
        readonly continuousDiscountRate?: never;
      }
    | {
        /** Continuous discount rate δ per `unit` (e^−δt), the convention of the DERT papers. */
        readonly continuousDiscountRate: number;
        /** Not with `continuousDiscountRate`: give one rate or the other. */
        readonly discountRate?: never;
      }
  );

const optionsSchema = z.strictObject({
  discountRate: z.optional(z.unknown()),
  continuousDiscountRate: z.optional(z.unknown()),
  allowLargeDiscountRate: z.exactOptional(z.boolean()),
  ...unitOptionsShape,
});

/**
 * The one rate of a DERT call: δ (continuous) per the options' unit, and the path it came from.
 * Exactly one of the two rates; both or neither is an `InvalidInputError`. @internal
 */
export function dertRate(
  fn: string,
  opts: {
    discountRate?: unknown;
    continuousDiscountRate?: unknown;
    allowLargeDiscountRate?: boolean;
  },
): { readonly rate: number; readonly continuous: boolean; readonly path: readonly PropertyKey[] } {
  const allowLarge = opts.allowLargeDiscountRate === true;
  if (opts.discountRate !== undefined && opts.continuousDiscountRate !== undefined) {
    throw invalidInput(
      fn,
      ["options", "continuousDiscountRate"],
      "Give either discountRate (compound, per unit) or continuousDiscountRate (δ per unit), not both",
      "inconsistent",
      opts.continuousDiscountRate,
    );
  }
  if (opts.continuousDiscountRate !== undefined) {
    const path = ["options", "continuousDiscountRate"];
    return {
      rate: checkDiscountRate(fn, opts.continuousDiscountRate, path, allowLarge),
      continuous: true,
      path,
    };
  }
  const path = ["options", "discountRate"];
  return {
    rate: checkDiscountRate(fn, opts.discountRate, path, allowLarge),
    continuous: false,
    path,
  };
}

/**
 * Discounted expected residual purchases (DERT): the present value, at continuous discount rate δ
 * per model time unit, of all purchases a customer with history (x, t_x, T) will make after T, over an
 * infinite horizon: `DERT = ∫₀^∞ e^{−δt} dE[Y(t) | x, t_x, T]`.
 *
 * Pareto/NBD: Fader, Hardie & Lee (2005, JMR, eq. 2),
 * `α^r β^s δ^{s−1} Γ(r+x+1) U(s, s; δ(β+T)) / (Γ(r)(α+T)^{r+x+1} L)`. BG/NBD and MBG/NBD (no
 * published closed form): given (λ, p) an active customer's DERT is `λ/(δ + pλ)`; averaging over
 * the posterior (λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x), or b+x+1 for the MBG/NBD) gives
 * `P(alive)·E_λ[ζ ₂F₁(1, b+x; a+b+x; ζ)]`, ζ = λ/(λ+δ), integrated by the trapezoidal rule on
 * ln λ with a step that follows the width 1/√(r+x) of the Gamma(r+x, α+T) posterior (step
 * min(0.1, ½/√(r+x)); relative error ≤ 5e-13 against 40-digit values for x up to 2,000, see
 * docs/numerics.md). The result never exceeds its bound `P(alive)·E[λ | alive]/δ =
 * P(alive)·(r+x)/((α+T)δ)`. Multiply by the expected margin per purchase for a CLV.
 *
 * Rates: exactly one of `continuousDiscountRate` (δ per `unit`, the paper's convention — the
 * published DERT figures are stated in it) or `discountRate` (the library-wide compound rate d
 * per `unit`, converted to δ = ln(1 + d)). Both are per `options.unit`, by default the model's
 * unit; a rate per another unit is divided by c, the model units per `unit` (a rate per year on a
 * weekly model is δ/52.1775 per week with `unitConversion: "calendar-average"`). BG/BB: the rate
 * is per opportunity and the sum discrete (opportunity n + k is discounted by (1 + d)^−k, with
 * d = e^δ − 1 for a continuous rate).
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (BG/BB: customers are
 *   `{ frequency, recency, periods }` and the rate is per opportunity; Fader, Hardie & Shang 2010,
 *   eq. 14)
 * @param customers - `{ frequency, recency, T }` per customer, in the model's time unit (extra
 *   fields such as `customerId` are ignored)
 * @param options - `{ discountRate }` or `{ continuousDiscountRate }`, per `unit` (default the
 *   model's), plus `unit?`, `unitConversion?`, `allowLargeDiscountRate?`
 * @returns DERT in purchases per customer, a `Float64Array` in input order
 * @throws {InvalidInputError} on an invalid model (`model.params.r`, `model.unit`, …), invalid
 *   customers (every bad row listed, up to 100, at `customers[i].<field>`), or an invalid rate:
 *   both or neither of the two rates, a negative one, one ≥ 1 per `unit` without
 *   `allowLargeDiscountRate` (`"implausible_rate"`); a `unit` incompatible with the model's without
 *   `unitConversion` (`options.unit`, `"unit_mismatch"`); (BG/NBD, MBG/NBD) where the numerics
 *   cannot serve the model: a Beta shape below about 2e-3 (path `model.params.a` or
 *   `model.params.b`; docs/numerics.md)
 * @throws {InvalidInputError} for a rate below 10⁻⁶ per model period (path
 *   `options.discountRate` or `options.continuousDiscountRate`, code `"too_small"`): the residual
 *   sum then has an effective length of about 1/δ periods and its evaluation slows without bound
 *   (0.7 s per customer at δ = 10⁻⁹); use a finite horizon for undiscounted totals
 * @throws {InvalidInputError} for a BG/BB model with a parameter above 10⁶ (path
 *   `model.params.<name>`) or `periods` above 10⁶ opportunities
 * @example
 * ```ts
 * import { discountedExpectedResidualPurchases } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const customers = [{ customerId: "ann", frequency: 2, recency: 30.43, T: 38.86 }];
 * // 15 % a year, as a continuous weekly rate and as a compound yearly one: the same δ
 * discountedExpectedResidualPurchases(model, customers, { continuousDiscountRate: Math.log(1.15) / 52 })[0]; // => 5.16963725518
 * discountedExpectedResidualPurchases(model, customers, { discountRate: 1.15 ** (1 / 52) - 1 })[0]; // => 5.16963725518
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
 *   customer base analysis. Journal of Marketing Research 42(4), 415–430.
 */
export function discountedExpectedResidualPurchases(
  model: PurchaseModel,
  customers: readonly PurchaseHistory[],
  options: DiscountOptions,
): Float64Array;
export function discountedExpectedResidualPurchases(
  model: BgBbModel,
  customers: readonly DiscretePurchaseHistory[],
  options: DiscountOptions,
): Float64Array;
export function discountedExpectedResidualPurchases(
  model: PurchaseModel | BgBbModel,
  customers: readonly PurchaseHistory[] | readonly DiscretePurchaseHistory[],
  options: DiscountOptions,
): Float64Array {
  const fn = "discountedExpectedResidualPurchases";
  if (isBetaGeometricBetaBinomial(model)) {
    const opts = parseInput(fn, optionsSchema, options, ["options"]);
    const { rate, continuous, path } = dertRate(fn, opts);
    // Per opportunity, compound: opportunity n + k is discounted by (1 + d)^−k.
    const d = continuous ? Math.expm1(rate) : rate;
    return bgbbDertFor(fn, model, customers, d, opts.unit, path);
  }
  const parsed = parsePurchaseModel(fn, model);
  const kernel = purchaseKernel(parsed, fn);
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const [{ rate, continuous, path }, c] = allChecked<[ReturnType<typeof dertRate>, number]>(
    fn,
    () => dertRate(fn, opts),
    () => modelUnitsPer(fn, parsed.unit, opts.unit, opts.unitConversion),
  );
  // The floor is per model period (the numerics' effective length is in model time).
  checkDiscountFloor(fn, rate / c, path);
  const delta = (continuous ? rate : Math.log1p(rate)) / c;
  const ifAlive = kernel.dertIfAlive;
  return conditionalOverRows(
    fn,
    customers,
    kernel.probabilityAlive,
    ifAlive === undefined ? undefined : (x, T) => ifAlive(x, T, delta),
    (x, tx, T) => kernel.dert(x, tx, T, delta),
    parsed.unit,
  );
}

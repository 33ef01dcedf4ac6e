import * as z from "zod/mini";
import { invalidInput } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
import { parseInput } from "../../core/validate.js";
import {
  bgbbConditionalPurchaseCountFor,
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
  finiteResult,
  modelUnitsPer,
  parsePurchaseModel,
  unitOptionsShape,
} from "./modelArguments.js";
import { MAX_PURCHASE_COUNT, PARETO_COUNT_BUDGET } from "./purchaseCountProbability.js";

/**
 * Options of {@link conditionalPurchaseCountProbability}: the count and the span are named.
 * @category Models
 */
export interface ConditionalPurchaseCountOptions {
  /** The number n of purchases in the next `horizon`, an integer from 0 to 100,000. */
  readonly purchases: number;
  /** How far ahead of the end of observation, ≥ 0, in `unit`s (BG/BB: whole opportunities). */
  readonly horizon: number;
  /** The time unit of `horizon`; default the model's `unit` (the BG/BB takes its own unit only). */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
}

/**
 * Probability that each customer makes exactly n = `purchases` purchases in the next t = `horizon`
 * time units, P(X(T, T+t] = n | x, t_x, T): the conditional purchase-count distribution. With
 * `purchases: 0` it is the probability of **no purchase** in the next t (PyMC-Marketing's
 * `expected_probability_no_purchase`).
 *
 * Given alive at T the customer's future is a new customer's at the posterior parameters, and a
 * customer who is gone buys nothing, so
 * `P(n) = (1 − P(alive))·1[n=0] + P(alive)·P_new(X(t) = n | posterior)`:
 * BG/NBD and MBG/NBD: the BG/NBD count PMF ({@link purchaseCountProbability}) at
 * (r + x, α + T, a, b + x + m), m = 0 BG/NBD, 1 MBG/NBD (drop-out only after a purchase from then
 * on); Pareto/NBD: the Pareto/NBD PMF at (r + x, α + T, s, β + T) (Fader & Hardie 2014, "Deriving
 * the conditional PMF of the Pareto/NBD model", note 028; lifetimes'
 * `conditional_probability_of_n_purchases_up_to_time`); BG/BB: the BG/BB PMF over n* = `horizon`
 * opportunities at (α + x, β + n − x, γ, δ + n) (derived from Fader, Hardie & Shang 2010, eqs. 8
 * and 11). Over n = 0, 1, 2, … the values sum to 1 and their mean is
 * {@link conditionalExpectedPurchases}.
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (with its `unit`)
 * @param customers - `{ frequency, recency, T }` per customer, in the model's time unit (BG/BB:
 *   `{ frequency, recency, periods }`); extra fields such as `customerId` are ignored
 * @param options - `{ purchases, horizon, unit?, unitConversion? }`
 *   ({@link ConditionalPurchaseCountOptions})
 * @returns one probability in [0, 1] per customer, a `Float64Array` in input order
 * @throws {InvalidInputError} on an invalid model (`model.params.r`, `model.unit`, …), invalid
 *   customers (every bad row listed, up to 100, at `customers[i].<field>`) or options:
 *   `options.purchases` not an integer from 0 to 100,000; for the Pareto/NBD, n·(1 + r + x + s)
 *   above 5·10⁶ for a customer's frequency x (`options.purchases`, code `"unsupported"`); a `unit`
 *   incompatible with the model's without `unitConversion` (`options.unit`, `"unit_mismatch"`);
 *   for the BG/BB, `horizon` not a whole number of opportunities up to 10⁶ or a parameter above 10⁶
 * @example
 * ```ts
 * import { conditionalPurchaseCountProbability } from "customer-value";
 * const model = {
 *   kind: "pareto-nbd", params: { r: 0.5532755414445361, alpha: 10.57761269430219, s: 0.6062134688357712, beta: 11.667907456461924 },
 *   logLikelihood: -9594.97, standardErrors: { r: 0.0476, alpha: 0.843, s: 0.187, beta: 6.21 },
 *   iterations: 20, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const customers = [{ customerId: "ann", frequency: 2, recency: 30.43, T: 38.86 }];
 * // No purchase in the next 39 weeks, and exactly one:
 * conditionalPurchaseCountProbability(model, customers, { purchases: 0, horizon: 39 })[0]; // => 0.408091057792
 * conditionalPurchaseCountProbability(model, customers, { purchases: 1, horizon: 39 })[0]; // => 0.219266363625
 * ```
 * @category Models
 * @see Fader, P. S. & Hardie, B. G. S. (2014). Deriving the conditional PMF of the Pareto/NBD
 *   model (note 028); Fader, Hardie & Lee (2005), "Counting your customers the easy way",
 *   Marketing Science 24(2); Fader, Hardie & Shang (2010), Marketing Science 29(6).
 */
export function conditionalPurchaseCountProbability(
  model: PurchaseModel,
  customers: readonly PurchaseHistory[],
  options: ConditionalPurchaseCountOptions,
): Float64Array;
export function conditionalPurchaseCountProbability(
  model: BgBbModel,
  customers: readonly DiscretePurchaseHistory[],
  options: ConditionalPurchaseCountOptions,
): Float64Array;
export function conditionalPurchaseCountProbability(
  model: PurchaseModel | BgBbModel,
  customers: readonly PurchaseHistory[] | readonly DiscretePurchaseHistory[],
  options: ConditionalPurchaseCountOptions,
): Float64Array {
  const fn = "conditionalPurchaseCountProbability";
  if (isBetaGeometricBetaBinomial(model)) {
    const opts = parseInput(fn, bgbbOptionsSchema, options, ["options"]);
    return bgbbConditionalPurchaseCountFor(
      fn,
      model,
      customers,
      opts.purchases,
      opts.horizon,
      opts.unit,
    );
  }
  const parsed = parsePurchaseModel(fn, model);
  const kernel = purchaseKernel(parsed, fn);
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const n = opts.purchases;
  const span = opts.horizon * modelUnitsPer(fn, parsed.unit, opts.unit, opts.unitConversion);
  finiteResult(fn, span, ["options", "horizon"]);
  const budget = (x: number): void => {
    if (parsed.kind !== "pareto-nbd") return;
    const { r, s } = parsed.params;
    if (n * (1 + r + x + s) > PARETO_COUNT_BUDGET) {
      throw invalidInput(
        fn,
        ["options", "purchases"],
        `For this Pareto/NBD model (r = ${r}, s = ${s}) and a customer with frequency ${x}, purchases is at most ${Math.floor(PARETO_COUNT_BUDGET / (1 + r + x + s))}: the closed form's cost grows with n·(1 + r + x + s), bounded by ${PARETO_COUNT_BUDGET}`,
        "unsupported",
        n,
      );
    }
  };
  // n ≥ 1: P(alive)·P_new(n). n = 0: 1 − P(alive)·(1 − P_new(0)), the complement of "alive and
  // buys"; a customer with P(alive) = 0 gets 1 (the row engine leaves 0 for P(alive) = 0).
  const ifAlive =
    n === 0
      ? (x: number, T: number) => (span === 0 ? 0 : 1 - kernel.noPurchaseIfAlive(x, T, span))
      : (x: number, T: number) => {
          if (span === 0) return 0;
          budget(x);
          return kernel.purchaseCountIfAlive(n, x, T, span);
        };
  const out = conditionalOverRows(
    fn,
    customers,
    kernel.probabilityAlive,
    ifAlive,
    (x, tx, T) => kernel.probabilityAlive(x, tx, T) * ifAlive(x, T),
    parsed.unit,
  );
  if (n === 0) for (let i = 0; i < out.length; i++) out[i] = 1 - out[i]!;
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, out[i]!));
  return out;
}

const purchasesSchema = z.int().check(z.nonnegative(), z.maximum(MAX_PURCHASE_COUNT));

const optionsSchema = z.strictObject({
  purchases: purchasesSchema,
  horizon: z.number().check(z.nonnegative()),
  ...unitOptionsShape,
}) satisfies z.ZodMiniType<unknown, ConditionalPurchaseCountOptions>;

const bgbbOptionsSchema = z.strictObject({
  purchases: purchasesSchema,
  horizon: z.unknown(),
  ...unitOptionsShape,
});

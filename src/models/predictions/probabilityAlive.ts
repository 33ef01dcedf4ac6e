import * as z from "zod/mini";
import { parseInput } from "../../core/validate.js";
import {
  bgbbProbabilityAliveFor,
  isBetaGeometricBetaBinomial,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type {
  BgBbModel,
  DiscretePurchaseHistory,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import type { PurchaseHistory, PurchaseModel } from "../types.js";
import { conditionalOverRows } from "./customerRows.js";
import { purchaseKernel } from "./kernels.js";
import { parsePurchaseModel } from "./modelArguments.js";

/**
 * Options of {@link probabilityAlive} for the BG/BB.
 * @category Models
 */
export interface DiscreteAliveOptions {
  /**
   * BG/BB: probability of being alive this many opportunities after the last observed one
   * (default 0; 1 = "alive at the next opportunity", the P(alive in 2002) of Fader, Hardie & Shang 2010).
   */
  readonly futurePeriods?: number;
}

/**
 * Probability that a customer is still active ("alive") at the end of their observation period,
 * given their history (x repeat purchases, the last at t_x, observed for T).
 *
 * BG/NBD: `1/(1 + 1[x>0]·a/(b+x−1)·((α+T)/(α+t_x))^{r+x})`, so a customer without repeat purchases
 * is alive with probability 1 (the BG/NBD lets customers drop out only after a repeat purchase).
 * MBG/NBD: `1/(1 + a/(b+x)·((α+T)/(α+t_x))^{r+x})` for every x (drop-out is also possible right
 * after the first purchase, so P(alive) < 1 at x = 0). Pareto/NBD: the ratio of the "alive at T"
 * term to the full likelihood. Evaluated with a logistic in log space, so the result is exactly in
 * [0, 1] even for x = 1,000.
 *
 * Reading it: P(alive) falls as the time since the last purchase (T − t_x) grows relative to the
 * customer's usual gap between purchases; a frequent buyer who has gone quiet is more likely gone
 * than an infrequent one with the same recency ("increasing frequency paradox").
 *
 * BG/BB (discrete opportunities, customer `{ frequency, recency, periods }`):
 * `P(alive at n+m) = B(α+x, β+n−x)/B(α,β)·B(γ, δ+n+m)/B(γ,δ) / L(x, t_x, n)` with
 * `m = options.futurePeriods` (third argument, BG/BB only; Fader, Hardie & Shang 2010, eq. 11).
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (with its `unit`)
 * @param customers - `{ frequency, recency, T }` per customer, in the model's time unit (BG/BB:
 *   `{ frequency, recency, periods }`); extra fields such as `customerId` are ignored
 * @param options - BG/BB only: `{ futurePeriods? }`; the continuous models take no options
 * @returns one probability in [0, 1] per customer, a `Float64Array` in input order
 * @throws {InvalidInputError} on an invalid model (paths `model.kind`, `model.params.r`,
 *   `model.unit`), or invalid customers — every bad row is listed (up to 100), at
 *   `customers[i].<field>` (frequency not an integer ≥ 0, recency > T, T < 0, T = 0 with frequency > 0, …)
 * @throws {InvalidInputError} for a BG/BB model with a parameter above 10⁶ (path
 *   `model.params.<name>`), `periods` or `options.futurePeriods` above 10⁶ opportunities
 * @example
 * ```ts
 * import { probabilityAlive } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const alive = probabilityAlive(model, [
 *   { customerId: "ann", frequency: 2, recency: 30.43, T: 38.86 },
 *   { customerId: "bob", frequency: 0, recency: 0, T: 38.86 },
 * ]);
 * alive[0]; // => 0.726609136799
 * alive[1]; // => 1
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   Batislam, Denizel & Filiztekin (2007), IJRM 24(3); Schmittlein, Morrison & Colombo (1987),
 *   "Counting your customers: who are they and what will they do next?", Management Science 33(1).
 */
export function probabilityAlive(
  model: PurchaseModel,
  customers: readonly PurchaseHistory[],
  options?: Readonly<Record<string, never>>,
): Float64Array;
export function probabilityAlive(
  model: BgBbModel,
  customers: readonly DiscretePurchaseHistory[],
  options?: DiscreteAliveOptions,
): Float64Array;
export function probabilityAlive(
  model: PurchaseModel | BgBbModel,
  customers: readonly PurchaseHistory[] | readonly DiscretePurchaseHistory[],
  options?: DiscreteAliveOptions,
): Float64Array {
  const fn = "probabilityAlive";
  if (isBetaGeometricBetaBinomial(model)) {
    const opts = parseInput(fn, discreteOptionsSchema, options ?? {}, ["options"]);
    return bgbbProbabilityAliveFor(
      fn,
      model,
      customers as readonly DiscretePurchaseHistory[],
      opts.futurePeriods,
    );
  }
  const kernel = purchaseKernel(parsePurchaseModel(fn, model), fn);
  parseInput(fn, noOptionsSchema, options ?? {}, ["options"]);
  return conditionalOverRows(
    fn,
    customers,
    kernel.probabilityAlive,
    undefined,
    kernel.probabilityAlive,
  );
}

const discreteOptionsSchema = z.strictObject({
  futurePeriods: z.optional(z.unknown()),
});

const noOptionsSchema = z.strictObject({});

import * as z from "zod/mini";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
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
import {
  finiteResult,
  modelUnitsPer,
  parsePurchaseModel,
  unitOptionsShape,
} from "./modelArguments.js";

/**
 * Options of {@link probabilityAlive}.
 * @category Models
 */
export interface ProbabilityAliveOptions {
  /**
   * How far past the end of observation to ask, ≥ 0 (default 0: alive at T, "today"), in `unit`s:
   * P(alive at T + horizon | history). BG/BB: whole opportunities in the model's unit (1 = "alive
   * at the next opportunity", the P(alive in 2002) of Fader, Hardie & Shang 2010).
   */
  readonly horizon?: number;
  /** The time unit of `horizon`; default the model's `unit` (the BG/BB takes its own unit only). */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
}

/**
 * Probability that a customer is still active ("alive") at the end of their observation period,
 * or `horizon` time units later, given their history (x repeat purchases, the last at t_x,
 * observed for T).
 *
 * BG/NBD: `1/(1 + 1[x>0]·a/(b+x−1)·((α+T)/(α+t_x))^{r+x})`, so a customer without repeat purchases
 * is alive with probability 1 (the BG/NBD lets customers drop out only after a repeat purchase).
 * MBG/NBD: `1/(1 + a/(b+x)·((α+T)/(α+t_x))^{r+x})` for every x (drop-out is also possible right
 * after the first purchase, so P(alive) < 1 at x = 0). Pareto/NBD: the ratio of the "alive at T"
 * term to the full likelihood. Evaluated with a logistic in log space, so the result is exactly in
 * [0, 1] even for x = 1,000.
 *
 * Later in time (`horizon` t > 0, whatever the customer buys meanwhile): P(alive at T + t) =
 * P(alive at T)·S, S the chance that a customer alive at T survives (T, T + t]. Pareto/NBD:
 * `S = ((β+T)/(β+T+t))^s` (Fader & Hardie 2014, note 015, eq. 18; PyMC-Marketing's
 * `ParetoNBDModel.expected_probability_alive(future_t=…)`). BG/NBD and MBG/NBD, where drop-out
 * happens only at a purchase: `S = E[(1 + p·t/(α+T))^{−(r+x)}] = ₂F₁(r+x, a; a+b+x+m; −t/(α+T))`,
 * p ~ Beta(a, b+x+m) (m = 0 BG/NBD, 1 MBG/NBD), the posterior given alive, derived here from the
 * model's assumptions (e^{−pλt} is the chance of no drop-out among the Poisson(λt) purchases) and
 * evaluated by its Pfaff form in logs (the Beta mixture for horizons beyond 19·(α+T)). `horizon: 0`
 * is today's P(alive) exactly.
 *
 * Reading it: P(alive) falls as the time since the last purchase (T − t_x) grows relative to the
 * customer's usual gap between purchases; a frequent buyer who has gone quiet is more likely gone
 * than an infrequent one with the same recency ("increasing frequency paradox").
 *
 * BG/BB (discrete opportunities, customer `{ frequency, recency, periods }`):
 * `P(alive at n+m) = B(α+x, β+n−x)/B(α,β)·B(γ, δ+n+m)/B(γ,δ) / L(x, t_x, n)` with
 * `m = options.horizon` opportunities (Fader, Hardie & Shang 2010, eq. 11).
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (with its `unit`)
 * @param customers - `{ frequency, recency, T }` per customer, in the model's time unit (BG/BB:
 *   `{ frequency, recency, periods }`); extra fields such as `customerId` are ignored
 * @param options - `{ horizon?, unit?, unitConversion? }` ({@link ProbabilityAliveOptions})
 * @returns one probability in [0, 1] per customer, a `Float64Array` in input order
 * @throws {InvalidInputError} on an invalid model (paths `model.kind`, `model.params.r`,
 *   `model.unit`), or invalid customers — every bad row is listed (up to 100), at
 *   `customers[i].<field>` (frequency not an integer ≥ 0, recency > T, T < 0, T = 0 with
 *   frequency > 0, …); a negative `options.horizon`, a `unit` incompatible with the model's
 *   (`unit_mismatch`); (BG/NBD, MBG/NBD) a Beta shape below about 2e-3 (`model.params.a` or
 *   `model.params.b`, `unsupported`)
 * @throws {InvalidInputError} for a BG/BB model with a parameter above 10⁶ (path
 *   `model.params.<name>`), `periods` or `options.horizon` above 10⁶ opportunities or not whole
 * @example
 * ```ts
 * import { probabilityAlive } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const customers = [
 *   { customerId: "ann", frequency: 2, recency: 30.43, T: 38.86 },
 *   { customerId: "bob", frequency: 0, recency: 0, T: 38.86 },
 * ];
 * const alive = probabilityAlive(model, customers);
 * alive[0]; // => 0.726609136799
 * alive[1]; // => 1
 * // A year (52 weeks) later, whatever they buy meanwhile:
 * probabilityAlive(model, customers, { horizon: 52 })[0]; // => 0.531707356631
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   Batislam, Denizel & Filiztekin (2007), IJRM 24(3); Schmittlein, Morrison & Colombo (1987),
 *   "Counting your customers: who are they and what will they do next?", Management Science 33(1);
 *   Fader & Hardie (2014), "Additional results for the Pareto/NBD model" (note 015).
 */
export function probabilityAlive(
  model: PurchaseModel,
  customers: readonly PurchaseHistory[],
  options?: ProbabilityAliveOptions,
): Float64Array;
export function probabilityAlive(
  model: BgBbModel,
  customers: readonly DiscretePurchaseHistory[],
  options?: ProbabilityAliveOptions,
): Float64Array;
export function probabilityAlive(
  model: PurchaseModel | BgBbModel,
  customers: readonly PurchaseHistory[] | readonly DiscretePurchaseHistory[],
  options?: ProbabilityAliveOptions,
): Float64Array {
  const fn = "probabilityAlive";
  if (isBetaGeometricBetaBinomial(model)) {
    const opts = parseInput(fn, discreteOptionsSchema, options ?? {}, ["options"]);
    return bgbbProbabilityAliveFor(
      fn,
      model,
      customers as readonly DiscretePurchaseHistory[],
      opts.horizon,
      opts.unit,
    );
  }
  const parsed = parsePurchaseModel(fn, model);
  const kernel = purchaseKernel(parsed, fn);
  const opts = parseInput(fn, optionsSchema, options ?? {}, ["options"]);
  const span = (opts.horizon ?? 0) * modelUnitsPer(fn, parsed.unit, opts.unit, opts.unitConversion);
  finiteResult(fn, span, ["options", "horizon"]);
  if (span === 0) {
    return conditionalOverRows(
      fn,
      customers,
      kernel.probabilityAlive,
      undefined,
      kernel.probabilityAlive,
      parsed.unit,
    );
  }
  return conditionalOverRows(
    fn,
    customers,
    kernel.probabilityAlive,
    (x, T) => kernel.aliveAfterIfAlive(x, T, span),
    (x, tx, T) => kernel.probabilityAlive(x, tx, T) * kernel.aliveAfterIfAlive(x, T, span),
    parsed.unit,
  );
}

const discreteOptionsSchema = z.strictObject({
  horizon: z.optional(z.unknown()),
  ...unitOptionsShape,
});

const optionsSchema = z.strictObject({
  horizon: z.exactOptional(z.number().check(z.nonnegative())),
  ...unitOptionsShape,
}) satisfies z.ZodMiniType<unknown, ProbabilityAliveOptions>;

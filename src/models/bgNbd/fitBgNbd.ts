import { type FitOptions, maximizeLikelihood, readRescaledHistories } from "../fit.js";
import { scaledTolerance } from "../history.js";
import type { BgNbdModel, BgNbdParams, FittedModel, PurchaseHistoryRow } from "../types.js";
import { bgNbdObjective, type DropoutShift } from "./bgNbdMath.js";

const NAMES = ["r", "alpha", "a", "b"] as const;

/**
 * Fits the BG/NBD or the MBG/NBD by maximum likelihood (shared by {@link fitBgNbd} and
 * `fitMbgNbd`). Times are rescaled so that max T = 1 before optimising (docs/numerics.md, "Rescaling"),
 * and α, its standard error and the log-likelihood are transformed back.
 * @internal
 */
export function fitBgNbdVariant<K extends "bg-nbd" | "mbg-nbd">(
  fn: string,
  kind: K,
  m: DropoutShift,
  customers: readonly PurchaseHistoryRow[],
  options: FitOptions | undefined,
): FittedModel<K, BgNbdParams> {
  const { opts, data, unit, scale, tx, T } = readRescaledHistories(fn, customers, options, NAMES);
  const initial: Record<string, number> = { ...opts.initial };
  initial.alpha = (opts.initial?.alpha ?? 1 / scale) * scale;
  const fit = maximizeLikelihood(
    fn,
    bgNbdObjective(m, data.x, tx, T, data.weight),
    NAMES,
    {
      ...opts,
      initial,
      tolerance: scaledTolerance(opts.tolerance, data.customers),
    },
    // lifetimes' BetaGeoFitter / ModifiedBetaGeoFitter: −Σℓ/N + λΣp² on the rescaled parameters.
    { penaltyWeight: data.customers },
  );
  const [r, alphaScaled, a, b] = fit.params;
  const [ser, sealpha, sea, seb] = fit.standardErrors;
  const params: BgNbdParams = { r: r!, alpha: alphaScaled! / scale, a: a!, b: b! };
  const standardErrors: BgNbdParams = { r: ser!, alpha: sealpha! / scale, a: sea!, b: seb! };
  const model: FittedModel<K, BgNbdParams> = {
    kind,
    params,
    // ℓ in the original unit = ℓ on rescaled times + (Σ w·x)·ln(scale)  (docs/numerics.md, "Rescaling")
    logLikelihood: fit.logLikelihood + data.totalRepeat * Math.log(scale),
    standardErrors,
    iterations: fit.iterations,
    converged: true as const,
    customerCount: data.customers,
    unit,
  };
  return model;
}

/**
 * Fits the BG/NBD model ("beta-geometric / negative binomial distribution") to customers'
 * repeat-purchase histories by maximum likelihood.
 *
 * Model: while active a customer buys as a Poisson process with rate λ; after each repeat purchase
 * they drop out with probability p; λ ~ Gamma(r, α) and p ~ Beta(a, b) across customers. The
 * likelihood of one history (x repeat purchases, last at t_x, observed for T) is
 * `B(a,b+x)/B(a,b)·Γ(r+x)α^r/(Γ(r)(α+T)^{r+x}) + 1[x>0]·B(a+1,b+x−1)/B(a,b)·Γ(r+x)α^r/(Γ(r)(α+t_x)^{r+x})`,
 * evaluated in log space (no overflow for x = 1,000 or T = 10,000).
 *
 * Convention: `recency`, `T` and the fitted `alpha` share the data's time unit; the reported
 * `logLikelihood` is the **sum** over customers in that unit (it is a density in the purchase
 * times, so it shifts by `Σx·ln c` if the unit changes by `c`). Identical rows are merged before
 * optimising; the optimiser (BFGS on log-parameters with the analytic gradient) works on times
 * rescaled to max T = 1, so a `penalty` applies to the rescaled parameters, as in the Python
 * lifetimes library, added to the mean negative log-likelihood (−ℓ/N + λ·Σp², lifetimes'
 * `BetaGeoFitter` and `ModifiedBetaGeoFitter`; see {@link FitOptions.penalty}). Standard errors are from the Hessian (delta method).
 * The log-likelihood is a sum over customers, so `tolerance` (default 1e-6) applies per 10,000
 * customers: the gradient bound is `tolerance × max(1, customers/10,000)`, which keeps the distance
 * to the optimum, in standard errors, below that of a 10,000-customer fit.
 *
 * @param customers - one row per customer (or per group, with `count`): `frequency` (repeat
 *   purchases), `recency`, `T`; the rows of `summarizeTransactions` are accepted as they are
 *   (their `unit` is recorded on the model; extra fields such as `customerId` are ignored)
 * @param options - `unit` (of recency and T; required unless the rows carry it), `penalty`,
 *   `initial` (natural scale, keys r, alpha, a, b), `maxIterations`, `tolerance`
 * @returns the fitted model `{ kind: "bg-nbd", params: { r, alpha, a, b }, logLikelihood, standardErrors, iterations, converged, customerCount, unit }`
 * @throws {InvalidInputError} listing every problem in one pass (up to 100): a malformed row at
 *   `customers[i].field` — a missing field (`required`), not a finite number (`invalid_type`), a
 *   fractional frequency or count (`not_integer`), a negative frequency, recency or T, or
 *   count < 1 (`too_small`), recency > T, recency ≠ 0 with frequency 0 or T = 0 with frequency > 0
 *   (`inconsistent`); every T = 0 or no
 *   customer with a repeat purchase (`too_small` at `customers`); bad options at `options.<key>`
 *   (a misspelt key or `initial` parameter is `unknown_key`); no time unit (`required` at
 *   `options.unit`), rows in different units (`inconsistent` at `customers[i].unit`) or in another
 *   unit than `options.unit` (`unit_mismatch` at `options.unit`)
 * @throws {ModelFitError} when the optimiser does not converge, or when the data do not identify
 *   the model: the maximum lies at the boundary of the parameter space (a parameter running off
 *   to 0 or ∞, standard error of its logarithm above 20) or the Hessian there is singular or not
 *   positive definite, typical of too few customers or customers without heterogeneity. A fit
 *   never returns such a solution with `converged: true`.
 * @example
 * ```ts
 * import { fitBgNbd } from "customer-value";
 * const model = fitBgNbd([
 *   { frequency: 0, recency: 0, T: 39, count: 50 },
 *   { frequency: 1, recency: 2, T: 39, count: 15 },
 *   { frequency: 1, recency: 30, T: 39, count: 10 },
 *   { frequency: 3, recency: 6, T: 39, count: 8 },
 *   { frequency: 4, recency: 36, T: 39, count: 8 },
 *   { frequency: 8, recency: 38, T: 39, count: 4 },
 *   { frequency: 6, recency: 10, T: 39, count: 5 },
 * ], { unit: "week" });
 * model.kind; // => "bg-nbd"
 * model.params.r.toFixed(3); // => "0.233"
 * model.logLikelihood.toFixed(2); // => "-523.18"
 * model.customerCount; // => 100
 * model.unit; // => "week"
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way:
 *   an alternative to the Pareto/NBD model. Marketing Science 24(2), 275–284.
 */
export function fitBgNbd(
  customers: readonly PurchaseHistoryRow[],
  options?: FitOptions,
): BgNbdModel {
  return fitBgNbdVariant("fitBgNbd", "bg-nbd", 0, customers, options);
}

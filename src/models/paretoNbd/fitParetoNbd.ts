import { type FitOptions, maximizeLikelihood, readRescaledHistories } from "../fit.js";
import { scaledTolerance } from "../history.js";
import type { ParetoNbdModel, ParetoNbdParams, PurchaseHistoryRow } from "../types.js";
import { paretoNbdObjective } from "./paretoNbdLikelihood.js";

export {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdConditionalExpectedPurchasesMany,
  paretoNbdDert,
  paretoNbdDertIfAlive,
  paretoNbdExpectedIfAlive,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
} from "./paretoNbdExpectations.js";
export { paretoNbdLogLikelihood } from "./paretoNbdLikelihood.js";
export { paretoNbdPurchaseCountProbability } from "./paretoNbdPurchaseCount.js";

const NAMES = ["r", "alpha", "s", "beta"] as const;

/**
 * Fits the Pareto/NBD model to customers' repeat-purchase histories by maximum likelihood.
 *
 * Model (Schmittlein, Morrison & Colombo 1987): while alive a customer buys as a Poisson process
 * with rate λ and stays alive for an exponential lifetime with rate μ; across customers
 * λ ~ Gamma(r, α) and μ ~ Gamma(s, β). The likelihood of one history (x repeat purchases, the last
 * at t_x, observed for T) is
 * `Γ(r+x)α^rβ^s/Γ(r) · [1/((α+T)^{r+x}(β+T)^s) + s·∫_{t_x}^{T} (α+τ)^{−(r+x)}(β+τ)^{−(s+1)} dτ]`;
 * the integral is written with a ₂F₁ whose first parameter is 1 (Euler's transformation of the
 * classical two-case form), evaluated in log space: no overflow for x = 1,000 or T = 10,000.
 *
 * Convention: `recency`, `T` and the fitted `alpha` and `beta` share the data's time unit; the
 * reported `logLikelihood` is the **sum** over customers in that unit (a density in the purchase
 * times: it shifts by `Σx·ln c` if the unit changes by `c`). Identical rows are merged before
 * optimising; the optimiser (BFGS on log-parameters with the analytic gradient of Fader & Hardie's
 * derivation, the ₂F₁ parameter derivatives summed term by term) works on times rescaled to
 * max T = 1, so a `penalty` applies to the rescaled parameters, as in the Python lifetimes library,
 * and, as there, to the **total** negative log-likelihood (−ℓ + λ·Σp², lifetimes'
 * `ParetoNBDFitter`; the other fits penalise the mean, see {@link FitOptions.penalty}). lifetimes
 * divides its weighted total by the mean weight, 1 for one row per customer (its default, the
 * case reproduced here); rows merged with `count` here stand for that many customers.
 * Standard errors are from the Hessian (delta method). The likelihood is typically very flat in β
 * (on CDNOW its standard error is 6.2 for β = 11.7), so different optimisers agree on β only to a
 * few digits while the log-likelihood agrees to ten.
 *
 * @param customers - one row per customer (or per group, with `count`): `frequency` (repeat
 *   purchases), `recency`, `T`; extra fields such as `customerId` are ignored, so the rows of
 *   `summarizeTransactions` are accepted as they are
 * @param options - `unit` (of recency and T; required unless the rows carry it), `penalty`,
 *   `initial` (natural scale, keys r, alpha, s, beta), `maxIterations`, `tolerance`
 * @returns the fitted model `{ kind: "pareto-nbd", params: { r, alpha, s, beta }, logLikelihood, standardErrors, iterations, converged, customerCount, unit }`
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
 *   The fit explores only α/β within [1e-6, 1e6] (where the likelihood's ₂F₁ is evaluated at
 *   bounded cost); a maximum beyond is such a boundary solution.
 * @example
 * ```ts
 * import { fitParetoNbd } from "customer-value";
 * const model = fitParetoNbd([
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { frequency: 1, recency: 1.71, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86, count: 3 },
 *   { frequency: 5, recency: 20, T: 30 },
 *   { frequency: 3, recency: 10, T: 35 },
 *   { frequency: 7, recency: 34, T: 36 },
 * ], { unit: "week" });
 * model.kind; // => "pareto-nbd"
 * model.customerCount; // => 8
 * ```
 * @category Models
 * @see Schmittlein, D. C., Morrison, D. G. & Colombo, R. (1987). Counting your customers: who are
 *   they and what will they do next? Management Science 33(1), 1–24.
 * @see Fader, P. S. & Hardie, B. G. S. (2005). A note on deriving the Pareto/NBD model and related
 *   expressions. http://brucehardie.com/notes/009/
 */
export function fitParetoNbd(
  customers: readonly PurchaseHistoryRow[],
  options?: FitOptions,
): ParetoNbdModel {
  const fn = "fitParetoNbd";
  const { opts, data, unit, scale, tx, T } = readRescaledHistories(fn, customers, options, NAMES);
  const initial: Record<string, number> = { ...opts.initial };
  initial.alpha = (opts.initial?.alpha ?? 1 / scale) * scale;
  initial.beta = (opts.initial?.beta ?? 1 / scale) * scale;
  const fit = maximizeLikelihood(
    fn,
    paretoNbdObjective(data.x, tx, T, data.weight),
    NAMES,
    {
      ...opts,
      initial,
      tolerance: scaledTolerance(opts.tolerance, data.customers),
    },
    // lifetimes' ParetoNBDFitter: −Σℓ / mean(weights) + λΣp², the total with unit weights.
    { penaltyWeight: 1 },
  );
  const [r, alphaScaled, s, betaScaled] = fit.params;
  const [ser, sealpha, ses, sebeta] = fit.standardErrors;
  const params: ParetoNbdParams = {
    r: r!,
    alpha: alphaScaled! / scale,
    s: s!,
    beta: betaScaled! / scale,
  };
  const standardErrors: ParetoNbdParams = {
    r: ser!,
    alpha: sealpha! / scale,
    s: ses!,
    beta: sebeta! / scale,
  };
  return {
    kind: "pareto-nbd",
    params,
    // ℓ in the original unit = ℓ on rescaled times + (Σ w·x)·ln(scale)  (docs/numerics.md, "Rescaling")
    logLikelihood: fit.logLikelihood + data.totalRepeat * Math.log(scale),
    standardErrors,
    iterations: fit.iterations,
    converged: true,
    customerCount: data.customers,
    unit,
  };
}

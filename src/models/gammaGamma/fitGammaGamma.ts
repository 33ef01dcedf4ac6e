import { invalidInput, ModelFitError } from "../../core/errors.js";
import { digamma, lnGamma } from "../../math/special.js";
import { maximizeLikelihood } from "../fit.js";
import { scaledTolerance } from "../history.js";
import type { GammaGammaModel, GammaGammaParams, SpendHistoryRow } from "../types.js";
import { type GammaGammaFitOptions, readGammaGammaInput } from "./gammaGammaOptions.js";

const NAMES = ["p", "q", "v"] as const;

/**
 * −Σ w ℓ and gradient for the Gamma-Gamma model (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
 * curves"; Colombo & Jiang 1999), natural parameters (p, q, v):
 * ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln z̄ + px ln x − (px+q) ln(v + x z̄).
 */
function gammaGammaObjective(x: Float64Array, m: Float64Array, weight: Float64Array) {
  const n = x.length;
  const lnM = m.map(Math.log);
  const xm = new Float64Array(n);
  for (let i = 0; i < n; i++) xm[i] = x[i]! * m[i]!;
  // The gamma-function terms depend on the frequency only: computed once per distinct x.
  const distinct = Array.from(new Set(x)).sort((u, v) => u - v);
  const where = new Map(distinct.map((v, k) => [v, k]));
  const xi = Int32Array.from(x, (v) => where.get(v)!);
  const nx = distinct.length;
  const wx = new Float64Array(nx);
  const wxLnM = new Float64Array(nx);
  for (let i = 0; i < n; i++) {
    wx[xi[i]!] = wx[xi[i]!]! + weight[i]!;
    wxLnM[xi[i]!] = wxLnM[xi[i]!]! + weight[i]! * lnM[i]!;
  }
  return (theta: Float64Array, gradient: Float64Array): number => {
    const p = theta[0]!;
    const q = theta[1]!;
    const v = theta[2]!;
    const lnV = Math.log(v);
    const lgq = lnGamma(q);
    const psiQ = digamma(q);
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gv = 0;
    // Σ_x W_x [lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + px ln x] + Σ_x (px − 1) Σ w ln z̄
    for (let k = 0; k < nx; k++) {
      const xv = distinct[k]!;
      const w = wx[k]!;
      const px = p * xv;
      const lnX = Math.log(xv);
      const psiPxq = digamma(px + q);
      ll += w * (lnGamma(px + q) - lnGamma(px) - lgq + q * lnV + px * lnX) + (px - 1) * wxLnM[k]!;
      gp += xv * (w * (psiPxq - digamma(px) + lnX) + wxLnM[k]!);
      gq += w * (psiPxq - psiQ + lnV);
      gv += (w * q) / v;
    }
    // Per row only ln(v + x z̄) remains: −(px+q)·ln(v + x z̄).
    for (let i = 0; i < n; i++) {
      const w = weight[i]!;
      const xv = x[i]!;
      const u = v + xm[i]!;
      const L = Math.log(u);
      const pxq = p * xv + q;
      ll -= w * pxq * L;
      gp -= w * xv * L;
      gq -= w * L;
      gv -= (w * pxq) / u;
    }
    gradient[0] = -gp;
    gradient[1] = -gq;
    gradient[2] = -gv;
    return -ll;
  };
}

/**
 * Fits the Gamma-Gamma spend model to repeat buyers' average transaction values by maximum
 * likelihood.
 *
 * Model: the values of a customer's repeat transactions are i.i.d. Gamma(p, ν); across customers
 * ν ~ Gamma(q, v); spend is independent of the purchase process. The density of a customer's mean
 * repeat-transaction value z̄ over x transactions is
 * `Γ(px+q)/(Γ(px)Γ(q))·v^q·x^{px}·z̄^{px−1}/(v + x z̄)^{px+q}` (the published log-likelihood −4055.92
 * on CDNOW is the sum of its logarithms).
 *
 * Conventions: by default (`firstTransaction: "exclude"`, as Fader, Hardie & Lee and lifetimes)
 * only repeat buyers (frequency ≥ 1) enter the fit, with x = `frequency` transactions of mean
 * `monetaryValue`, the mean of the **repeat** purchases as in `summarizeTransactions`; rows with
 * frequency 0 are skipped (so the rows of `summarizeTransactions` can be passed as they are).
 * With `firstTransaction: "include"` (CLVTools' `remove.first.transaction = FALSE`) every row
 * enters with x = `frequency + 1` transactions of mean `totalSpend / (frequency + 1)`; the model
 * records the choice as `firstTransaction` and the spend predictions read customers the same way.
 * A mean spend ≤ 0 (refunds, free orders) cannot come from the model's gamma distribution: such
 * customers are left out and counted in `excludedCount` (`nonPositiveSpend: "exclude"`, the
 * default), or rejected (`"error"`); `customerCount` counts the customers fitted.
 * `constrainFiniteMean` keeps q > 1 (lifetimes' `q_constraint`). `penalty` is lifetimes'
 * `penalizer_coef`: the fit minimises −ℓ/N + λ(p² + q² + v²), on spend in the data's money unit.
 * Money enters the model mathematics here, at the boundary: each amount (a `Decimal`, number or
 * decimal string) is converted once to a float64. Identical `(x, z̄)` rows are merged; BFGS on
 * log-parameters (ln(q − 1) under the constraint) with the analytic gradient.
 * The log-likelihood is a sum over customers, so `tolerance` (default 1e-6) applies per 10,000
 * customers: the gradient bound is `tolerance × max(1, customers/10,000)`, which keeps the distance
 * to the optimum, in standard errors, below that of a 10,000-customer fit.
 *
 * @param customers - rows `{ frequency, monetaryValue, totalSpend?, count? }` (extra fields
 *   ignored; `totalSpend` read only with `firstTransaction: "include"`)
 * @param options - {@link GammaGammaFitOptions}: `penalty`, `initial` (keys p, q, v),
 *   `maxIterations`, `tolerance` (no `unit`: spend has none), `nonPositiveSpend`,
 *   `constrainFiniteMean`, `firstTransaction`
 * @returns the fitted model `{ kind: "gamma-gamma", params: { p, q, v }, logLikelihood,
 *   standardErrors, …, customerCount, excludedCount, firstTransaction }`
 * @throws {InvalidInputError} listing every problem in one pass (up to 100): a frequency that is
 *   missing (`required`), not a number (`invalid_type`), fractional (`not_integer`) or negative
 *   (`too_small`) at `customers[i].frequency`; a spend the fit reads that is not an amount
 *   (`invalid_money`, `required`) at `customers[i].monetaryValue` (`.totalSpend` with the first
 *   transaction), or ≤ 0 with `nonPositiveSpend: "error"` (`too_small`); a bad `count`; no
 *   customer to fit (`too_small` at `customers`); bad options at `options.<key>`, `options.unit`
 *   (`unknown_key`), a starting q ≤ 1 under `constrainFiniteMean` (`too_small`)
 * @throws {ModelFitError} when the optimiser does not converge, or when the data do not identify
 *   the model: the maximum lies at the boundary of the parameter space (a parameter running off
 *   to 0 or ∞, standard error of its logarithm above 20; under `constrainFiniteMean`, q → 1) or
 *   the Hessian there is singular or not positive definite, typical of too few customers or
 *   customers without heterogeneity. A fit never returns such a solution with `converged: true`.
 * @example
 * ```ts
 * import { fitGammaGamma } from "customer-value";
 * const model = fitGammaGamma([
 *   { frequency: 1, monetaryValue: "12.50", count: 30 },
 *   { frequency: 1, monetaryValue: "40.00", count: 20 },
 *   { frequency: 2, monetaryValue: "22.35", count: 15 },
 *   { frequency: 3, monetaryValue: "31.00", count: 10 },
 *   { frequency: 5, monetaryValue: "18.20", count: 5 },
 *   { frequency: 4, monetaryValue: "95.00", count: 3 },
 * ]);
 * model.kind; // => "gamma-gamma"
 * model.params.p.toFixed(2); // => "14.05"
 * model.excludedCount; // => 0
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
 *   customer base analysis. Journal of Marketing Research 42(4), 415–430; Hardie, B. G. S. (2013),
 *   "The Gamma-Gamma model of monetary value" (note 025); lifetimes `GammaGammaFitter.fit`
 *   (`penalizer_coef`, `q_constraint`); CLVTools `gg(remove.first.transaction = )`.
 */
export function fitGammaGamma(
  customers: readonly SpendHistoryRow[],
  options?: GammaGammaFitOptions,
): GammaGammaModel {
  const fn = "fitGammaGamma";
  const { opts, own, data } = readGammaGammaInput(fn, customers, options, NAMES);
  if (opts.unit !== undefined) {
    throw invalidInput(
      fn,
      ["options", "unit"],
      "The Gamma-Gamma model has no time unit (it models spend per transaction): drop options.unit",
      "unknown_key",
      opts.unit,
    );
  }
  const constrained = own.constrainFiniteMean;
  if (constrained && opts.initial?.q !== undefined && !(opts.initial.q > 1)) {
    throw invalidInput(
      fn,
      ["options", "initial", "q"],
      `With constrainFiniteMean the starting q must be > 1, received ${opts.initial.q}`,
      "too_small",
      opts.initial.q,
    );
  }
  const run = (lowerQ: number) =>
    maximizeLikelihood(
      fn,
      gammaGammaObjective(data.x, data.m, data.weight),
      NAMES,
      { ...opts, tolerance: scaledTolerance(opts.tolerance, data.customers) },
      // lifetimes' GammaGammaFitter: mean negative log-likelihood + λ Σ p² over (p, q, v).
      { penaltyWeight: data.customers, lowerBounds: [0, lowerQ, 0] },
    );
  const fit = constrained ? constrainedFit(fn, run) : run(0);
  const [p, q, v] = fit.params;
  const [sp, sq, sv] = fit.standardErrors;
  const params: GammaGammaParams = { p: p!, q: q!, v: v! };
  return {
    kind: "gamma-gamma",
    params,
    logLikelihood: fit.logLikelihood,
    standardErrors: { p: sp!, q: sq!, v: sv! },
    iterations: fit.iterations,
    converged: true,
    customerCount: data.customers,
    excludedCount: data.excluded,
    firstTransaction: own.firstTransaction,
  };
}

/**
 * The fit under q > 1 (q = 1 + e^θ). When it fails, the unconstrained fit tells why: a maximum at
 * q ≤ 1 means the constrained one lies on the boundary q → 1 (an infinite population mean), which
 * the error says; otherwise the constrained fit's own error stands.
 */
function constrainedFit<T extends { params: Float64Array }>(
  fn: string,
  run: (lowerQ: number) => T,
): T {
  try {
    return run(1);
  } catch (error) {
    if (!(error instanceof ModelFitError)) throw error;
    let freeQ: number;
    try {
      freeQ = run(0).params[1]!;
    } catch {
      throw error;
    }
    if (freeQ > 1) throw error;
    throw new ModelFitError(
      fn,
      `with constrainFiniteMean the likelihood is largest at the boundary q → 1 (without the constraint q = ${freeQ.toPrecision(4)}): the data favour q ≤ 1, a spend distribution whose population mean p·v/(q − 1) is infinite`,
      "fit without constrainFiniteMean (repeat buyers' expected spends stay finite while p·frequency + q > 1), lower the `penalty`, or fit more customers",
    );
  }
}

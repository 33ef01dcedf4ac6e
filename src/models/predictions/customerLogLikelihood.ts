import { invalidInput } from "../../core/errors.js";
import { checkArray, parseInput } from "../../core/validate.js";
import {
  mapCustomers,
  parseBgbbModel,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import {
  type BgBbModel,
  bgbbLogLikelihood,
  type DiscretePurchaseHistoryRow,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { bgNbdLogLikelihood } from "../bgNbd/bgNbdMath.js";
import { gammaGammaLogLikelihood } from "../gammaGamma/gammaGammaLikelihood.js";
import { countWeight, throwRowIssues } from "../historyValidation.js";
import { paretoNbdLogLikelihood } from "../paretoNbd/fitParetoNbd.js";
import {
  type SbgModel,
  type SubscriptionHistoryRow,
  shiftedBetaGeometricModelSchema,
} from "../shiftedBetaGeometric/fitShiftedBetaGeometric.js";
import { sbgLogLikelihood } from "../shiftedBetaGeometric/sbgLikelihood.js";
import { subscriptionRows } from "../shiftedBetaGeometric/survivalData.js";
import { readSpend, spendRowIssues } from "../spendValidation.js";
import type {
  GammaGammaModel,
  PurchaseHistoryRow,
  PurchaseModel,
  SpendHistoryRow,
} from "../types.js";
import { conditionalOverRows } from "./customerRows.js";
import { parsePurchaseModel, parseSpendModel } from "./modelArguments.js";

/**
 * The log-likelihood of each customer's history at the model's parameters: ℓᵢ, the term the fit
 * maximised, for **one** customer per row — a row's `count` does not multiply it, so
 * `Σ countᵢ·ℓᵢ` over the rows a model was fitted to equals its `logLikelihood` (BTYD's
 * `bgnbd.LL`, `pnbd.LL`, `bgbb.LL` per customer; lifetimes' `_negative_log_likelihood` before the
 * sum). Use it to compare two models customer by customer on the same rows (same time unit),
 * to build likelihood-ratio or cross-validation statistics, or to check a refit.
 *
 * The formulas are the fitters' own: BG/NBD `ℓ = A₁ + ln(e^{A₂} + 1[x>0]·e^{A₃})` (Fader, Hardie &
 * Lee 2005, eq. 6) and MBG/NBD (Batislam, Denizel & Filiztekin 2007, drop-out also at x = 0);
 * Pareto/NBD `ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln(E + sI)` (Fader & Hardie 2005, "A note on
 * deriving the Pareto/NBD model"); BG/BB the log of the sum over the opportunities after t_x at
 * which the customer may have died (Fader, Hardie & Shang 2010, eq. 5); Gamma-Gamma the log-density
 * of the mean repeat spend z̄ given x (Fader, Hardie & Lee 2005, JMR; under the model's
 * `firstTransaction: "include"`, of `totalSpend/(x + 1)` over x + 1 transactions), **0 for a row the
 * fit leaves out** (no repeat purchase, or a mean spend ≤ 0: no spend information); sBG, for a
 * subscriber row `{ periodsObserved: t, churned }`, `ln P(T = t)` if they cancelled after period t
 * and `ln S(t)` if still active (Fader & Hardie 2007, eqs. 5–7). The continuous
 * models' ℓ is a log-density in the x purchase times, so it depends on the time unit (it shifts by
 * x·ln c when times are scaled by c) and can be positive.
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD (with its `unit`), BG/BB, Gamma-Gamma or sBG
 *   model
 * @param customers - BG/NBD, MBG/NBD, Pareto/NBD: `{ frequency, recency, T }` in the model's time
 *   unit; BG/BB: `{ frequency, recency, periods, count? }`; Gamma-Gamma:
 *   `{ frequency, monetaryValue, count? }` (money, converted to a float64 here); sBG:
 *   `{ periodsObserved, churned, count? }` (per-customer rows, not survivor counts). Extra fields such
 *   as `customerId` are ignored; `count` is allowed and does not scale the result
 * @returns one log-likelihood per customer (finite, any sign), a `Float64Array` in input order
 * @throws {InvalidInputError} on an invalid model (`model.kind`, `model.params.<name>`,
 *   `model.unit`) or invalid customers — every bad row is listed (up to 100), at
 *   `customers[i].<field>` (as the model's fitter or predictions report them; a Gamma-Gamma row's
 *   `monetaryValue`, or `totalSpend` under `firstTransaction: "include"`, must be an amount)
 * @example
 * ```ts
 * import { customerLogLikelihood } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const ll = customerLogLikelihood(model, [
 *   { customerId: "1", frequency: 2, recency: 30.43, T: 38.86 },
 *   { customerId: "3", frequency: 0, recency: 0, T: 38.86 },
 * ]);
 * ll[0]; // => -9.45970100804
 * ll[1]; // => -0.553807110934
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions";
 *   Fader, Hardie & Shang (2010), Marketing Science 29(6); Fader, Hardie & Lee (2005), "RFM and
 *   CLV: using iso-value curves for customer base analysis", JMR 42(4); Fader & Hardie (2007), "How
 *   to project customer retention", Journal of Interactive Marketing 21(1).
 */
export function customerLogLikelihood(
  model: PurchaseModel,
  customers: readonly PurchaseHistoryRow[],
): Float64Array;
export function customerLogLikelihood(
  model: BgBbModel,
  customers: readonly DiscretePurchaseHistoryRow[],
): Float64Array;
export function customerLogLikelihood(
  model: GammaGammaModel,
  customers: readonly SpendHistoryRow[],
): Float64Array;
export function customerLogLikelihood(
  model: SbgModel,
  customers: readonly SubscriptionHistoryRow[],
): Float64Array;
export function customerLogLikelihood(
  model: PurchaseModel | BgBbModel | GammaGammaModel | SbgModel,
  customers:
    | readonly PurchaseHistoryRow[]
    | readonly DiscretePurchaseHistoryRow[]
    | readonly SpendHistoryRow[]
    | readonly SubscriptionHistoryRow[],
): Float64Array {
  const fn = "customerLogLikelihood";
  const kind = typeof model === "object" && model !== null ? (model as { kind?: unknown }).kind : 0;
  if (kind === "bg-bb") {
    // The BG/BB row engine of the predictions: `count` allowed, ℓ memoised per history.
    const bgbb = parseBgbbModel(fn, model);
    return mapCustomers(
      fn,
      customers,
      (x, tx, n) => bgbbLogLikelihood(bgbb.params, x, tx, n),
      bgbb.unit,
    );
  }
  if (kind === "sbg") {
    const { alpha, beta } = parseInput(fn, shiftedBetaGeometricModelSchema, model, [
      "model",
    ]).params;
    checkArray(fn, customers, "an array of customers", ["customers"]);
    const { periods, churned } = subscriptionRows(customers, fn, "customers");
    return periods.map((t, i) => sbgLogLikelihood(alpha, beta, t, churned[i] === 1));
  }
  if (kind === "gamma-gamma") {
    return spendLogLikelihoods(fn, parseSpendModel(fn, model), customers);
  }
  const parsed = parsePurchaseModel(fn, model);
  const ell = purchaseLogLikelihood(parsed);
  return conditionalOverRows(fn, customers, ell, undefined, ell, parsed.unit);
}

/**
 * ℓ(x, t_x, T) of a continuous-time model, the fitters' formula — kept out of the prediction
 * kernels so that a bundle scoring customers does not carry the likelihoods.
 */
function purchaseLogLikelihood(model: PurchaseModel): (x: number, tx: number, T: number) => number {
  switch (model.kind) {
    case "bg-nbd":
      return (x, tx, T) => bgNbdLogLikelihood(model.params, 0, x, tx, T);
    case "mbg-nbd":
      return (x, tx, T) => bgNbdLogLikelihood(model.params, 1, x, tx, T);
    case "pareto-nbd":
      return (x, tx, T) => paretoNbdLogLikelihood(model.params, x, tx, T);
  }
}

/**
 * Gamma-Gamma rows, read as the fit reads them (`readSpendData`, the model's `firstTransaction`):
 * the log-density of the mean spend over the customer's transactions; 0 for the rows the fit
 * leaves out (no repeat purchase under `"exclude"`, a mean spend ≤ 0).
 */
function spendLogLikelihoods(fn: string, model: GammaGammaModel, customers: unknown): Float64Array {
  const params = model.params;
  const reading = {
    firstTransaction: model.firstTransaction === "include" ? "include" : "exclude",
    rejectNonPositive: false,
  } as const;
  const include = reading.firstTransaction === "include";
  checkArray(fn, customers, "an array of customers", ["customers"]);
  const rows: readonly unknown[] = customers;
  const out = new Float64Array(rows.length);
  const bad = (): never =>
    throwRowIssues(fn, rows, "customers", (row, base) => spendRowIssues(row, base, reading));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) bad();
    const r = row as Record<string, unknown>;
    const frequency = r.frequency; // each field read once
    if (typeof frequency !== "number" || !Number.isInteger(frequency) || frequency < 0) bad();
    if (countWeight(r.count) === 0) bad();
    if (frequency === 0 && !include) continue;
    const value = include ? r.totalSpend : r.monetaryValue;
    const amount = value === undefined ? "required" : readSpend(value);
    if (typeof amount === "string") bad();
    const x = include ? (frequency as number) + 1 : (frequency as number);
    const m = include ? (amount as number) / x : (amount as number);
    if (!(m > 0)) continue; // left out of the fit: adds nothing to its log-likelihood
    const ell = gammaGammaLogLikelihood(params, x, m);
    if (!Number.isFinite(ell)) {
      throw invalidInput(
        fn,
        ["customers", i],
        "This customer's history lies outside the range the model's numerics support (result not finite)",
        "unsupported",
      );
    }
    out[i] = ell;
  }
  return out;
}

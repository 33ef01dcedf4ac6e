import type { Decimal } from "../../core/money.js";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
import { cachedEstimate, createEstimateCache } from "../../internal/fast/fastMoney.js";
import type { GammaGammaModel, PurchaseHistory, PurchaseModel, SpendHistory } from "../types.js";
import { lifetimeValueColumns } from "./lifetimeValueColumns.js";

// The engine and the option schemas, re-exported for `churnRisk` (it takes the same arguments).
export { lifetimeValueColumns } from "./lifetimeValueColumns.js";
export {
  type LifetimeValueParsedOptions,
  lifetimeValueOptionsShape,
} from "./lifetimeValueOptions.js";

/**
 * A customer as {@link customerLifetimeValue} needs them: purchase history and mean repeat spend
 * (and, optionally, their id, which `churnRisk` copies to its result rows).
 * @category Models
 */
export interface CustomerHistory extends PurchaseHistory, SpendHistory {
  /** The customer's id (ignored by the value; `churnRisk` copies it to the customer's result row). */
  readonly customerId?: string;
}

/**
 * The model of a value prediction: a purchase model (how often, for how long) and the Gamma-Gamma
 * spend model (how much per purchase).
 * @category Models
 */
export interface ValueModel {
  /** Fitted BG/NBD, MBG/NBD or Pareto/NBD model (with its `unit`). */
  readonly purchase: PurchaseModel;
  /** Fitted Gamma-Gamma spend model. */
  readonly spend: GammaGammaModel;
}

/**
 * Options of {@link customerLifetimeValue}.
 * @category Models
 */
export interface LifetimeValueOptions {
  /**
   * Number of future periods of one `unit` (an integer from 1 to 10,000), or `"infinite"`. A
   * finite horizon costs one prediction per period and customer history; beyond 10,000 periods
   * (27 years of days) use `"infinite"`.
   */
  readonly horizon: number | "infinite";
  /**
   * Compound discount rate per `unit`, a fraction ≥ 0 (0.01 = 1 % a period): purchases of period
   * k are discounted by (1 + d)^−k. ≥ 1 only with `allowLargeDiscountRate`; with
   * `horizon: "infinite"` at least 10⁻⁶ per model period.
   */
  readonly discountRate: number;
  /** The time unit of `horizon` and `discountRate`; default the purchase model's `unit`. */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
  /** The fraction of spend that is profit, in (0, 1] (default 1: revenue). */
  readonly profitMargin?: number;
  /** Accept a discount rate of 1 (100 %) or more per `unit`. */
  readonly allowLargeDiscountRate?: boolean;
}

/**
 * Customer lifetime value from a purchase model and the Gamma-Gamma spend model: for each customer,
 * `profitMargin × E[M | x, z̄] × (discounted expected future purchases)`.
 *
 * Units and discounting (explicit, no hidden 30-day months): `horizon` and `discountRate` d are per
 * `unit`, by default the purchase model's unit. With c the model units per `unit` (7 for weeks on
 * a daily model; 365.2425/12/7 for months on a weekly model, with
 * `unitConversion: "calendar-average"`):
 * - Finite `horizon` H (whole periods): period k covers model time [(k−1)c, kc]; the purchases
 *   expected in it, `E[Y(kc)] − E[Y((k−1)c)]`, are discounted to today by `(1 + d)^{−k}`
 *   (end-of-period convention):
 *   `CLV = profitMargin·E[M]·Σ_{k=1}^{H} (E[Y(kc)] − E[Y((k−1)c)])/(1+d)^k`.
 * - `horizon: "infinite"`: continuous discounting at the equivalent rate δ = ln(1 + d)/c per model
 *   unit over an infinite horizon, `CLV = profitMargin·E[M]·DERT(δ)` (Fader, Hardie & Lee 2005,
 *   iso-value paper). The rate must be at least 10⁻⁶ per model period (0.037 % a year on daily
 *   data): as d → 0 the value grows without bound when the model's lifetime has no mean, and the
 *   DERT numerics slow down; use a finite horizon for undiscounted totals.
 * Other conventions give other numbers: a mid-period convention discounts each period by a factor
 * (1+d)^{1/2} less; lifetimes' loop counts a "month" as 30 units of the model's time whatever that
 * unit is — 30 days on daily data (1.5 % shorter than a calendar month), 30 weeks on weekly data,
 * so its Quickstart's "12 months" are 360 weeks and its first customer's CLV is 3.9 times this
 * function's over 12 calendar months (docs/migrating.md reproduces lifetimes' table and explains
 * it). Choose the unit and rate of your data instead.
 * Spend is assumed independent of the purchase process (the Gamma-Gamma assumption).
 *
 * Spend per customer: E[M | x, z̄] read as the spend model was fitted (`model.spend.firstTransaction`):
 * x = `frequency` and z̄ = `monetaryValue` (≥ 0; a mean of 0 gives p·v/(p·x + q − 1)), or with the
 * first transaction included x = `frequency + 1` and z̄ = `totalSpend / (frequency + 1)`.
 *
 * Money: `monetaryValue` (or `totalSpend`) is converted to float64 once; each value is a float64 model estimate,
 * returned as a `Decimal` of its 15 significant digits (the decimal precision float64 guarantees;
 * not rounded to cents — that is the caller's choice).
 *
 * @param model - `{ purchase, spend }`: a fitted BG/NBD, MBG/NBD or Pareto/NBD model and a fitted
 *   Gamma-Gamma model
 * @param customers - `{ frequency, recency, T, monetaryValue, totalSpend? }` per customer, times in
 *   the purchase model's unit (`totalSpend` read only by a spend model fitted with
 *   `firstTransaction: "include"`; extra fields such as `customerId` are ignored)
 * @param options - `{ horizon, discountRate, unit?, unitConversion?, profitMargin?, allowLargeDiscountRate? }`
 * @returns one `Decimal` per customer, in input order
 * @throws {InvalidInputError} on invalid models (paths `model.purchase.params.r`,
 *   `model.purchase.unit`, `model.spend.params.p`, …), invalid customers (every bad row listed, up
 *   to 100, at `customers[i].<field>`) or options: a finite `horizon` above 10,000
 *   (`options.horizon`); a discount rate ≥ 1 without `allowLargeDiscountRate`
 *   (`options.discountRate`, code `"implausible_rate"`); an infinite horizon with a rate below 10⁻⁶
 *   (code `"too_small"`); a `unit` incompatible with the model's without `unitConversion`
 *   (`options.unit`, code `"unit_mismatch"`); a repeat buyer with p·frequency + q ≤ 1 under the
 *   spend model (infinite expected spend, `model.spend.params.q`); a value beyond float64's range
 *   (path `customers[i]`)
 * @example
 * ```ts
 * import { customerLifetimeValue } from "customer-value";
 * const purchase = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const spend = {
 *   kind: "gamma-gamma", params: { p: 6.248802496074264, q: 3.744588460923312, v: 15.447748064932831 },
 *   logLikelihood: -4055.92, standardErrors: { p: 1.19, q: 0.29, v: 4.16 },
 *   iterations: 20, converged: true, customerCount: 946,
 * } as const;
 * const customers = [{ customerId: "ann", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" }];
 * // 15 % a year as a compound weekly rate, infinite horizon
 * const weekly = { horizon: "infinite", discountRate: 1.15 ** (1 / 52) - 1 } as const;
 * customerLifetimeValue({ purchase, spend }, customers, weekly)[0]!.toFixed(2); // => "127.48"
 * // The next 12 months at 1 % a month, on the weekly model (a month is 365.2425/12 days)
 * const monthly = { horizon: 12, discountRate: 0.01, unit: "month", unitConversion: "calendar-average" } as const;
 * customerLifetimeValue({ purchase, spend }, customers, monthly)[0]!.toFixed(2); // => "36.30"
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
 *   customer base analysis. Journal of Marketing Research 42(4), 415–430.
 */
export function customerLifetimeValue(
  model: ValueModel,
  customers: readonly CustomerHistory[],
  options: LifetimeValueOptions,
): Decimal[] {
  const { value } = lifetimeValueColumns("customerLifetimeValue", model, customers, options, false);
  const n = value.length;
  const out: Decimal[] = new Array(n);
  const cache = createEstimateCache();
  for (let i = 0; i < n; i++) out[i] = cachedEstimate(cache, value[i]!);
  return out;
}

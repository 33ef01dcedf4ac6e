/**
 * Shared public types of the probabilistic customer-base models: the customer summaries they are
 * fitted to and the fitted-model objects (plain JSON-serialisable data) that the prediction
 * functions take.
 * @module
 */
import type { MoneyInput } from "../core/money.js";
import type { TimeUnit } from "../core/time.js";
import type { UnitConversion } from "../core/units.js";

/**
 * One customer's purchase history in the buy-till-you-die sense (continuous-time models). All three
 * times share one unit (days, weeks, …), which is also the unit of the fitted time-scale parameters.
 * @category Models
 */
export interface PurchaseHistory {
  /** Number of **repeat** purchases (the first purchase is not counted); integer ≥ 0. */
  readonly frequency: number;
  /** Time from the first purchase to the last repeat purchase (0 when `frequency` is 0); 0 ≤ recency ≤ T. */
  readonly recency: number;
  /** Time from the first purchase to the end of the observation period (the customer's "age"); T ≥ 0 (0 for a customer first seen at the end of observation, whose frequency and recency are then 0). */
  readonly T: number;
}

/**
 * A row the continuous-time models are fitted to: a {@link PurchaseHistory} with an optional
 * multiplicity. Extra fields (such as `customerId` or `totalSpend` from `summarizeTransactions`) are
 * allowed and ignored.
 * @category Models
 */
export interface PurchaseHistoryRow extends PurchaseHistory {
  /** How many customers share this history (default 1); integer ≥ 1. */
  readonly count?: number;
  /** The customer's id (ignored by the fitters; carried by `summarizeTransactions` rows). */
  readonly customerId?: string;
  /**
   * The time unit of `recency` and `T`. Rows of `summarizeTransactions` carry it; a fitter records
   * it on the model (all rows must agree, and agree with `options.unit` when that is given).
   */
  readonly unit?: TimeUnit;
}

/**
 * One customer's spending history for the Gamma-Gamma spend model.
 * @category Models
 */
export interface SpendHistory {
  /** Number of repeat purchases `x` (integer ≥ 0; the fit needs x ≥ 1). */
  readonly frequency: number;
  /**
   * Mean value `z̄` of the repeat purchases (money). `fitGammaGamma` fits repeat buyers whose
   * mean is > 0 (others are left out, see `excludedCount`); predictions accept any mean ≥ 0.
   */
  readonly monetaryValue: MoneyInput;
  /**
   * Total spend over every purchase, the first included (money ≥ 0; the rows of
   * `summarizeTransactions` have it). Read only with `firstTransaction: "include"` (the fit's
   * option, then recorded on the model): the mean spend is then `totalSpend / (frequency + 1)`.
   */
  readonly totalSpend?: MoneyInput;
}

/**
 * A row the Gamma-Gamma model is fitted to (repeat buyers only). Extra fields are allowed and ignored.
 * @category Models
 */
export interface SpendHistoryRow extends SpendHistory {
  /** How many customers share this history (default 1); integer ≥ 1. */
  readonly count?: number;
}

/**
 * Parameters of the BG/NBD and MBG/NBD models, named as in the papers.
 * @category Models
 */
export interface BgNbdParams {
  /** Shape of the gamma distribution of purchase rates λ across customers (dimensionless). */
  readonly r: number;
  /** Rate ("scale") of the gamma distribution of λ, in the data's time unit. */
  readonly alpha: number;
  /** First shape of the beta distribution of the drop-out probability p. */
  readonly a: number;
  /** Second shape of the beta distribution of the drop-out probability p. */
  readonly b: number;
}

/**
 * Parameters of the Pareto/NBD model, named as in the papers.
 * @category Models
 */
export interface ParetoNbdParams {
  /** Shape of the gamma distribution of purchase rates λ (dimensionless). */
  readonly r: number;
  /** Rate of the gamma distribution of λ, in the data's time unit. */
  readonly alpha: number;
  /** Shape of the gamma distribution of drop-out rates μ (dimensionless). */
  readonly s: number;
  /** Rate of the gamma distribution of μ, in the data's time unit. */
  readonly beta: number;
}

/**
 * Parameters of the Gamma-Gamma spend model, named as in Fader, Hardie & Lee (2005) and Hardie's
 * note 025 (`v` is the γ of the papers).
 * @category Models
 */
export interface GammaGammaParams {
  /** Shape of the gamma distribution of one transaction's value. */
  readonly p: number;
  /** Shape of the gamma distribution of the transaction-value rate ν across customers. */
  readonly q: number;
  /** Rate (γ) of the gamma distribution of ν, in money units. */
  readonly v: number;
}

/**
 * Fields every fitted model has.
 * @category Models
 */
export interface FittedModel<Kind extends string, Params> {
  /** Which model family this is. */
  readonly kind: Kind;
  /** Maximum-likelihood estimates, named as in the papers. */
  readonly params: Params;
  /** Total log-likelihood over all customers at the estimates, in the data's own units (no penalty). */
  readonly logLikelihood: number;
  /** Asymptotic standard errors of `params` (delta method from the Hessian on log-parameters); always finite. */
  readonly standardErrors: Params;
  /** Quasi-Newton iterations used. */
  readonly iterations: number;
  /**
   * Always `true`: a fit that does not converge, or whose maximum lies at the boundary of the
   * parameter space or has a singular Hessian, throws `ModelFitError` instead.
   */
  readonly converged: true;
  /** Number of customers the model was fitted to (the sum of the rows' `count`). */
  readonly customerCount: number;
  /**
   * The time unit of the data the model was fitted to: the unit of `recency`, `T` and of the
   * rate parameters (α, β are in this unit). Predictions take horizons and rates in this unit, or
   * convert from the `unit` you give them (see {@link UnitConversion}).
   */
  readonly unit: TimeUnit;
}

/**
 * A fitted BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
 * @category Models
 */
export interface BgNbdModel extends FittedModel<"bg-nbd", BgNbdParams> {}

/**
 * A fitted MBG/NBD model (Batislam, Denizel & Filiztekin 2007).
 * @category Models
 */
export interface MbgNbdModel extends FittedModel<"mbg-nbd", BgNbdParams> {}

/**
 * A fitted Pareto/NBD model (Schmittlein, Morrison & Colombo 1987).
 * @category Models
 */
export interface ParetoNbdModel extends FittedModel<"pareto-nbd", ParetoNbdParams> {}

/**
 * A fitted Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves").
 * It models the spend per transaction, which has no time unit, so it has no `unit`.
 * @category Models
 */
export interface GammaGammaModel
  extends Omit<FittedModel<"gamma-gamma", GammaGammaParams>, "unit"> {
  /**
   * Customers (with their `count`) left out of the fit because their mean spend is ≤ 0 (option
   * `nonPositiveSpend: "exclude"`, the default); `customerCount` counts those fitted. Rows with
   * frequency 0 are not counted here: without the first transaction they carry no spend. Absent
   * on models written by hand or stored by earlier versions.
   */
  readonly excludedCount?: number;
  /**
   * Which transactions the spends are means of (`fitGammaGamma`'s `firstTransaction` option):
   * `"exclude"` — the repeat purchases (`frequency` of mean `monetaryValue`); `"include"` — every
   * purchase (`frequency + 1` of mean `totalSpend / (frequency + 1)`). Predictions read a
   * customer's spend the same way. Absent means `"exclude"`.
   */
  readonly firstTransaction?: "exclude" | "include";
}

/**
 * Every continuous-time purchase model (BG/NBD, MBG/NBD, Pareto/NBD).
 * @category Models
 */
export type PurchaseModel = BgNbdModel | MbgNbdModel | ParetoNbdModel;

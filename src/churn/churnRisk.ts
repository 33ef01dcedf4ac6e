import * as z from "zod/mini";
import { collectRowIssues, invalidInput } from "../core/errors.js";
import { type Decimal, ZERO } from "../core/money.js";
import type { TimeUnit } from "../core/time.js";
import type { UnitConversion } from "../core/units.js";
import { describeReceived, parseInput } from "../core/validate.js";
import { cachedEstimate, createEstimateCache } from "../internal/fast/fastMoney.js";
import {
  type CustomerHistory,
  lifetimeValueColumns,
  lifetimeValueOptionsShape,
  type ValueModel,
} from "../models/predictions/customerLifetimeValue.js";
import { daysPerModelUnit, valuesIfAlive } from "./churnRiskValues.js";

/**
 * Options of {@link churnRisk}: those of `customerLifetimeValue` (for the residual value) and the
 * length of the no-purchase window.
 * @category Churn
 */
export interface ChurnRiskOptions {
  /** Residual-value horizon: whole periods of one `unit` (1 … 10,000), or `"infinite"`. */
  readonly horizon: number | "infinite";
  /**
   * Compound discount rate per `unit`, a fraction ≥ 0 (≥ 10⁻⁶ per model period for an infinite
   * horizon; ≥ 1 only with `allowLargeDiscountRate`).
   */
  readonly discountRate: number;
  /**
   * The time unit of `horizon`, `discountRate` and `noPurchaseWindow`; default the purchase
   * model's `unit`.
   */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
  /** The fraction of spend that is profit, in (0, 1] (default 1: revenue). */
  readonly profitMargin?: number;
  /**
   * Length of the window for the no-purchase probability, in `unit`s (> 0, default 1: the next
   * period).
   */
  readonly noPurchaseWindow?: number;
  /** Accept a discount rate of 1 (100 %) or more per `unit`. */
  readonly allowLargeDiscountRate?: boolean;
}

/**
 * Churn risk of one customer: one row per input row, in input order.
 * @category Churn
 */
export interface ChurnRisk {
  /** The customer's id, copied from the input row when it has one. */
  readonly customerId?: string;
  /** P(alive) at the end of the observation period, in [0, 1]. */
  readonly probabilityAlive: number;
  /** Probability of no purchase in the next `noPurchaseWindow`, in [0, 1] (≥ 1 − P(alive)). */
  readonly probabilityNoPurchase: number;
  /**
   * Expected residual value: the customer's `customerLifetimeValue` over `horizon`, already weighted
   * by P(alive) (`residualValue = P(alive) × valueIfAlive`).
   */
  readonly residualValue: Decimal;
  /**
   * The residual value if the customer is still alive, `E[value | history, alive]` =
   * `residualValue / P(alive)`: what the customer is worth retained (or won back).
   */
  readonly valueIfAlive: Decimal;
  /**
   * Value at risk, `(1 − P(alive)) × valueIfAlive`: the expected value lost because the customer
   * may already be gone (`valueIfAlive − residualValue`). The `value` of a recovery candidate.
   */
  readonly valueAtRisk: Decimal;
  /**
   * Whole days from the last purchase to the end of observation, `(T − recency)` converted from the
   * model's unit and rounded (a week is 7 days; a month, quarter or year only with
   * `unitConversion: "calendar-average"`, else the field is absent, as it is beyond 2⁵³ days).
   * Exact for rows summarised with `bucketing: "elapsed"`; with calendar periods it is whole
   * periods in days. The recency of a recovery candidate (`prioritizeRecovery`'s `halfLifeDays` is
   * in days too).
   */
  readonly daysSinceLastPurchase?: number;
}

const optionsSchema = z.strictObject({
  ...lifetimeValueOptionsShape,
  noPurchaseWindow: z.exactOptional(z.number().check(z.positive())),
}) satisfies z.ZodMiniType<unknown, ChurnRiskOptions>;

const FN = "churnRisk";

function checkCustomerId(id: unknown, i: number): void {
  if (id !== undefined && typeof id !== "string") {
    throw invalidInput(
      FN,
      ["customers", i, "customerId"],
      `Expected a string, received ${describeReceived(id)}`,
      "invalid_type",
      id,
    );
  }
}

/**
 * Churn risk from a fitted BG/NBD, MBG/NBD or Pareto/NBD model and the Gamma-Gamma spend model: per
 * customer, P(alive), the probability of no purchase in the next `noPurchaseWindow`, the expected
 * residual value, the value if alive, the value at risk and the days since the last purchase — the
 * rows `prioritizeRecovery` takes as candidates.
 *
 * - P(alive) as in `probabilityAlive` (Fader, Hardie & Lee 2005).
 * - No purchase in the next window of t model units (`noPurchaseWindow` in `unit`s): a customer
 *   who has left buys nothing, so `P(no purchase) = 1 − P(alive) + P(alive)·q`, with q the
 *   probability that a customer alive at T buys nothing in t. A posteriori the purchase rate is
 *   λ ~ Gamma(r + x, α + T). In the BG/NBD and MBG/NBD drop-out happens only at a purchase, so
 *   `q = ((α + T)/(α + T + t))^{r+x}`. In the Pareto/NBD the lifetime also runs on
 *   (μ ~ Gamma(s, β + T)), and q is the model's probability of zero purchases in t for a new
 *   customer with parameters (r + x, α + T, s, β + T) (Fader & Hardie's closed form of
 *   P(X(t) = 0), the conditional PMF of `purchaseCountProbability`).
 * - Residual value: `customerLifetimeValue` with the same model, customers and options (it is the
 *   same computation; the errors carry the same paths).
 * - Value if alive: a customer who has left buys nothing, so the residual value factorises as
 *   `P(alive) × E[value | history, alive]`; `valueIfAlive` is that second factor (computed at
 *   tₓ = T, where it is the same, when P(alive) is so small that the residual value underflows).
 * - Value at risk `= (1 − P(alive)) × valueIfAlive = valueIfAlive − residualValue`: the expected
 *   value lost because the customer may already be gone — what a successful win-back restores, and
 *   the sum to rank at-risk customers by. It is the `value` of a `prioritizeRecovery` candidate
 *   (with `probabilityAlive` and `daysSinceLastPurchase` from the same row). A customer the model
 *   is sure of (P(alive) = 1, as the BG/NBD says of every one-time buyer) has none.
 * - Days since the last purchase: `T − recency` in whole days (see the field).
 *
 * Money: the residual value, the value if alive and the value at risk are float64 model
 * estimates, returned as `Decimal`s of their 15 significant digits (as `customerLifetimeValue`).
 *
 * @param model - `{ purchase, spend }`: a fitted BG/NBD, MBG/NBD or Pareto/NBD model and a fitted
 *   Gamma-Gamma model
 * @param customers - `{ customerId?, frequency, recency, T, monetaryValue }` per customer, times in
 *   the purchase model's unit (other fields ignored)
 * @param options - `{ horizon, discountRate, unit?, unitConversion?, profitMargin?, noPurchaseWindow?, allowLargeDiscountRate? }`
 * @returns one row per customer, in input order, carrying the input row's `customerId`
 * @throws {InvalidInputError} as `customerLifetimeValue` (paths `model.purchase.params.r`,
 *   `customers[3].T`, `options.discountRate`, …), and on a `noPurchaseWindow` that is not a
 *   positive number or a `customerId` that is not a string (`customers[i].customerId`)
 * @example
 * ```ts
 * import { churnRisk } from "customer-value";
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
 * const [risk] = churnRisk(
 *   { purchase, spend },
 *   [{ customerId: "ann", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" }],
 *   { horizon: 52, discountRate: 0.0027, noPurchaseWindow: 4 },
 * );
 * risk!.customerId; // => "ann"
 * risk!.probabilityAlive.toFixed(4); // => "0.7266"
 * // value at risk = (1 − P(alive)) × value if alive = value if alive − residual value
 * risk!.valueAtRisk.toFixed(2) === risk!.valueIfAlive.minus(risk!.residualValue).toFixed(2); // => true
 * risk!.daysSinceLastPurchase; // => 59
 * ```
 * @category Churn
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way:
 *   an alternative to the Pareto/NBD model. Marketing Science 24(2), 275–284.
 */
export function churnRisk(
  model: ValueModel,
  customers: readonly CustomerHistory[],
  options: ChurnRiskOptions,
): ChurnRisk[] {
  const { noPurchaseWindow, ...lifetimeOptions } = parseInput(FN, optionsSchema, options, [
    "options",
  ]);
  const columns = lifetimeValueColumns(FN, model, customers, undefined, true, lifetimeOptions);
  const values = columns.value;
  const alive = columns.alive!;
  const kernel = columns.kernel;
  // The customers as the lifetime value read them (each field once): not the caller's rows again.
  const rows = columns.customers;
  const t = (noPurchaseWindow ?? 1) * columns.modelUnitsPerUnit;
  const ifAlive = valuesIfAlive(FN, model, rows, lifetimeOptions, values, alive);
  const dayFactor = daysPerModelUnit(model, lifetimeOptions.unitConversion);
  const n = rows.length;
  const out: ChurnRisk[] = new Array(n);
  // The no-purchase probability depends on (x, T) only: reuse it across equal neighbours.
  let lastX = Number.NaN;
  let lastT = Number.NaN;
  let quiet = 0;
  const residualCache = createEstimateCache();
  const ifAliveCache = createEstimateCache();
  const atRiskCache = createEstimateCache();
  for (let i = 0; i < n; i++) {
    const c = rows[i]!;
    const id = c.customerId;
    if (id !== undefined && typeof id !== "string") {
      collectRowIssues(FN, n, (j) => checkCustomerId(rows[j]!.customerId, j));
    }
    const p = alive[i]!;
    if (c.frequency !== lastX || c.T !== lastT) {
      lastX = c.frequency;
      lastT = c.T;
      quiet = kernel.noPurchaseIfAlive(lastX, lastT, t);
    }
    const v = ifAlive[i]!;
    const row: Mutable<ChurnRisk> = {
      probabilityAlive: p,
      probabilityNoPurchase: Math.min(1, Math.max(0, 1 - p + p * quiet)),
      residualValue: cachedEstimate(residualCache, values[i]!),
      valueIfAlive: cachedEstimate(ifAliveCache, v),
      valueAtRisk: p === 1 ? ZERO : cachedEstimate(atRiskCache, v * (1 - p)),
    };
    const days = dayFactor === undefined ? -1 : Math.round((c.T - c.recency) * dayFactor);
    if (days >= 0 && days <= Number.MAX_SAFE_INTEGER) row.daysSinceLastPurchase = days;
    out[i] = id === undefined ? row : { customerId: id, ...row };
  }
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

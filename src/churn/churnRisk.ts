import { z } from "zod";
import { echo, InvalidInputError, invalidInput } from "../core/errors.js";
import { cachedEstimate, createEstimateCache } from "../core/fastMoney.js";
import { type Decimal, ZERO } from "../core/money.js";
import { type TimeUnit, timeUnitSchema } from "../core/time.js";
import { parseInput } from "../core/validate.js";
import {
  type CustomerHistory,
  lifetimeValueColumns,
} from "../models/predictions/customerLifetimeValue.js";
import {
  parsePurchaseModel,
  parseSpendModel,
  purchaseKernel,
} from "../models/predictions/kernels.js";
import type { GammaGammaModel, PurchaseModel } from "../models/types.js";

/**
 * Options of {@link churnRisk}.
 * @category Churn
 */
export interface ChurnRiskOptions {
  /** Fitted Gamma-Gamma spend model, for the residual value. */
  readonly spendModel: GammaGammaModel;
  /** Residual-value horizon: whole periods of one `unit`, or `"infinite"`. */
  readonly horizon: number | "infinite";
  /** Discount rate per `unit` (fraction ≥ 0; > 0 for an infinite horizon). */
  readonly discountRate: number;
  /** Time unit the purchase model was fitted in. */
  readonly unit: TimeUnit;
  /** Profit margin on spend, in (0, 1] (default 1). */
  readonly margin?: number;
  /** Length of the "next period" for the no-purchase probability, in `unit`s (default 1). */
  readonly period?: number;
}

/**
 * Churn risk of one customer.
 * @category Churn
 */
export interface ChurnRisk {
  /** P(alive) at the end of the observation period, in [0, 1]. */
  readonly probabilityAlive: number;
  /** Probability of no purchase in the next `period`, in [0, 1] (≥ 1 − P(alive)). */
  readonly probabilityNoPurchase: number;
  /** Expected residual value (the customer's CLV over `horizon`, P(alive)-weighted by the model). */
  readonly residualValue: Decimal;
  /** `residualValue × (1 − P(alive))`: the value exposed to the customer having already left. */
  readonly valueAtRisk: Decimal;
}

const optionsSchema = z.strictObject({
  spendModel: z.custom<GammaGammaModel>(() => true),
  horizon: z.union([z.number(), z.literal("infinite")]),
  discountRate: z.number(),
  unit: timeUnitSchema,
  margin: z.number().exactOptional(),
  period: z.number().finite().positive().exactOptional(),
}) satisfies z.ZodType<unknown, ChurnRiskOptions>;

const FN = "churnRisk";

function renamed(error: unknown, rename: (path: readonly PropertyKey[]) => PropertyKey[]): unknown {
  if (!(error instanceof InvalidInputError)) return error;
  return new InvalidInputError(
    FN,
    error.issues.map((issue) => ({ ...issue, path: rename(issue.path) })),
  );
}

/**
 * Churn risk from a fitted BG/NBD, MBG/NBD or Pareto/NBD model and the Gamma-Gamma spend model: per customer,
 * P(alive), the probability of no purchase in the next period, the expected residual value and the
 * value at risk.
 *
 * - P(alive) as in `probabilityAlive` (Fader, Hardie & Lee 2005).
 * - No purchase in the next `period` t: a customer who has left buys nothing, so
 *   `P(no purchase) = 1 − P(alive) + P(alive)·q`, with q the probability that a customer alive at T
 *   buys nothing in t. A posteriori the purchase rate is λ ~ Gamma(r + x, α + T). In the BG/NBD and
 *   MBG/NBD drop-out happens only at a purchase, so `q = ((α + T)/(α + T + t))^{r+x}`. In the
 *   Pareto/NBD the lifetime also runs on (μ ~ Gamma(s, β + T)), and q is the model's probability of
 *   zero purchases in t for a new customer with parameters (r + x, α + T, s, β + T) (Fader & Hardie's
 *   closed form of P(X(t) = 0), the conditional PMF of `purchaseCountProbability`).
 * - Residual value: `customerLifetimeValue` with the given horizon, discount rate and margin.
 * - Value at risk `= residual value × (1 − P(alive))`: the share of the residual value that rests on
 *   a customer the model thinks may already be gone — the sum to rank at-risk customers by.
 *   Convention: this follows the issue's definition; an alternative is the undiscounted expected
 *   value of a still-alive customer times (1 − P(alive)).
 *
 * Money: the residual value and the value at risk are float64 model estimates, returned as
 * `Decimal`s of their 15 significant digits (as `customerLifetimeValue`).
 *
 * @param model - a fitted BG/NBD, MBG/NBD or Pareto/NBD model (time unit `options.unit`)
 * @param customers - `{ frequency, recency, T, monetaryValue }` per customer (extra fields ignored)
 * @param options - `{ spendModel, horizon, discountRate, unit, margin?, period? }`
 * @returns one result per customer, in input order
 * @throws {InvalidInputError} on an invalid or unsupported model, customer (path `customers[3].T`)
 *   or option
 * @example
 * ```ts
 * import { churnRisk } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customers: 2357,
 * } as const;
 * const spendModel = {
 *   kind: "gamma-gamma", params: { p: 6.248802496074264, q: 3.744588460923312, v: 15.447748064932831 },
 *   logLikelihood: -4055.92, standardErrors: { p: 1.19, q: 0.29, v: 4.16 },
 *   iterations: 20, converged: true, customers: 946,
 * } as const;
 * const [risk] = churnRisk(model, [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" }], {
 *   spendModel, horizon: 52, discountRate: 0.0027, unit: "week", period: 4,
 * });
 * risk!.probabilityAlive.toFixed(4); // => "0.7266"
 * risk!.valueAtRisk.lessThan(risk!.residualValue); // => true
 * ```
 * @category Churn
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way:
 *   an alternative to the Pareto/NBD model. Marketing Science 24(2), 275–284.
 */
export function churnRisk(
  model: PurchaseModel,
  customers: readonly CustomerHistory[],
  options: ChurnRiskOptions,
): ChurnRisk[] {
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const kind = (model as { kind?: unknown } | null)?.kind;
  if (kind !== "bg-nbd" && kind !== "mbg-nbd" && kind !== "pareto-nbd") {
    throw invalidInput(
      FN,
      ["model", "kind"],
      `Expected a "bg-nbd", "mbg-nbd" or "pareto-nbd" model, received ${echo(kind)}`,
    );
  }
  let kernel: ReturnType<typeof purchaseKernel>;
  try {
    kernel = purchaseKernel(parsePurchaseModel(FN, model), FN);
  } catch (error) {
    throw renamed(error, (path) => ["model", ...path]);
  }
  try {
    parseSpendModel(FN, opts.spendModel);
  } catch (error) {
    throw renamed(error, (path) => ["options", "spendModel", ...path]);
  }
  let rows: readonly CustomerHistory[];
  let values: Float64Array;
  let alive: Float64Array;
  try {
    const columns = lifetimeValueColumns(
      {
        purchaseModel: model,
        spendModel: opts.spendModel,
        customers,
        horizon: opts.horizon,
        discountRate: opts.discountRate,
        unit: opts.unit,
        ...(opts.margin === undefined ? {} : { margin: opts.margin }),
      },
      true,
    );
    values = columns.value;
    alive = columns.alive!;
    // The customers as the lifetime value read them (each field once): not the caller's rows again.
    rows = columns.customers;
  } catch (error) {
    throw renamed(error, (path) => {
      const [head, ...rest] = path;
      if (head === "purchaseModel") return ["model", ...rest];
      if (head === "customers") return [...path];
      return ["options", ...path];
    });
  }
  const t = opts.period ?? 1;
  const n = rows.length;
  const out: ChurnRisk[] = new Array(n);
  // The no-purchase probability depends on (x, T) only: reuse it across equal neighbours.
  let lastX = Number.NaN;
  let lastT = Number.NaN;
  let quiet = 0;
  const residualCache = createEstimateCache();
  const atRiskCache = createEstimateCache();
  for (let i = 0; i < n; i++) {
    const c = rows[i]!;
    const p = alive[i]!;
    if (c.frequency !== lastX || c.T !== lastT) {
      lastX = c.frequency;
      lastT = c.T;
      quiet = kernel.noPurchaseIfAlive(lastX, lastT, t);
    }
    const noPurchase = Math.min(1, Math.max(0, 1 - p + p * quiet));
    const value = values[i]!;
    out[i] = {
      probabilityAlive: p,
      probabilityNoPurchase: noPurchase,
      residualValue: cachedEstimate(residualCache, value),
      valueAtRisk: p === 1 ? ZERO : cachedEstimate(atRiskCache, value * (1 - p)),
    };
  }
  return out;
}

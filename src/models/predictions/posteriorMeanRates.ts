import { IssueCollector } from "../../core/errors.js";
import {
  isBetaGeometricBetaBinomial,
  mapCustomers,
  parseBgbbModel,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import {
  type BgBbModel,
  bgbbLogLikelihood,
  type DiscretePurchaseHistory,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { paretoNbdLogLikelihood } from "../paretoNbd/paretoNbdLikelihood.js";
import type { BgNbdParams, PurchaseHistory, PurchaseModel } from "../types.js";
import { conditionalOverRows } from "./customerRows.js";
import { purchaseKernel } from "./kernels.js";
import { parsePurchaseModel } from "./modelArguments.js";

/**
 * One customer's posterior mean rates (a row of {@link posteriorMeanRates}).
 * @category Models
 */
export interface PosteriorMeanRates {
  /** The input row's `customerId`, when it has one. */
  readonly customerId?: string;
  /**
   * E[λ | history], purchases per model unit (BG/NBD, MBG/NBD, Pareto/NBD); BG/BB: E[p | history],
   * the probability of a purchase per opportunity while alive.
   */
  readonly purchaseRate: number;
  /**
   * The drop-out counterpart: BG/NBD and MBG/NBD E[p | history], the probability of dropping out
   * after a purchase; Pareto/NBD E[μ | history], drop-outs per model unit (1/μ is the mean
   * lifetime); BG/BB E[θ | history], the probability of dropping out per opportunity.
   */
  readonly dropoutRate: number;
}

/** BG/NBD (m = 0) and MBG/NBD (m = 1): the alive/dead mixture of the conjugate posteriors. */
function bgRates(
  q: BgNbdParams,
  m: 0 | 1,
  alive: (x: number, tx: number, T: number) => number,
): [(x: number, tx: number, T: number) => number, (x: number, tx: number, T: number) => number] {
  const { r, alpha, a, b } = q;
  return [
    (x, tx, T) => {
      const pa = alive(x, tx, T);
      return (r + x) * (pa / (alpha + T) + (1 - pa) / (alpha + tx));
    },
    (x, tx, T) => {
      const pa = alive(x, tx, T);
      return (pa * a + (1 - pa) * (a + 1)) / (a + b + x + m);
    },
  ];
}

/**
 * The customer's posterior mean purchase and drop-out rates: what the model has learned about this
 * one customer's latent λ and p (or μ, or the BG/BB p and θ) from their history.
 *
 * Each posterior is a mixture over "still alive at the end of observation" and "dropped out
 * earlier", weighted by P(alive). BG/NBD: given alive, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x);
 * given dropped out after the last purchase, λ ~ Gamma(r+x, α+t_x) and p ~ Beta(a+1, b+x−1), so
 * `E[λ] = (r+x)·(P/(α+T) + (1−P)/(α+t_x))` and `E[p] = (P·a + (1−P)·(a+1))/(a+b+x)` with
 * P = P(alive) (MBG/NBD: b+x+1 and b+x in place of b+x and b+x−1, so a+b+x+1 below). Pareto/NBD
 * and BG/BB, where the drop-out time is continuous or has many possible values, use the identity
 * `E[θ | data] = E[θ]·L(data | shape+1)/L(data | shape)` (θ·Gamma(k, c) = (k/c)·Gamma(k+1, c), and
 * the same for a beta's first shape): `E[λ] = (r/α)·L(r+1)/L`, `E[μ] = (s/β)·L(s+1)/L`;
 * BG/BB `E[p] = α/(α+β)·L(α+1)/L`, `E[θ] = γ/(γ+δ)·L(γ+1)/L`, with L the customer's likelihood
 * (BTYD `bgbb.PosteriorMeanTransactionRate`, `bgbb.PosteriorMeanDropoutRate`).
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model
 * @param customers - `{ frequency, recency, T }` per customer in the model's unit (BG/BB:
 *   `{ frequency, recency, periods }`), with an optional `customerId`
 * @returns one {@link PosteriorMeanRates} row per customer, in input order
 * @throws {InvalidInputError} on an invalid model (`model.params.r`, `model.unit`, …) or invalid
 *   customers (every bad row listed, up to 100, at `customers[i].<field>`; a `customerId` that is
 *   not a string, code `"invalid_type"`)
 * @example
 * ```ts
 * import { posteriorMeanRates } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const [ann] = posteriorMeanRates(model, [{ customerId: "ann", frequency: 2, recency: 30.43, T: 38.86 }]);
 * ann.customerId; // => "ann"
 * ann.purchaseRate; // => 0.055251478397
 * ann.dropoutRate; // => 0.204320889535
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), Marketing Science 24(2); Schmittlein, Morrison & Colombo (1987),
 *   Management Science 33(1); Fader, Hardie & Shang (2010), "Customer-base analysis in a
 *   discrete-time noncontractual setting", Marketing Science 29(6), appendix (E[P^l Θ^m | data]).
 */
export function posteriorMeanRates(
  model: PurchaseModel,
  customers: readonly PurchaseHistory[],
): PosteriorMeanRates[];
export function posteriorMeanRates(
  model: BgBbModel,
  customers: readonly DiscretePurchaseHistory[],
): PosteriorMeanRates[];
export function posteriorMeanRates(
  model: PurchaseModel | BgBbModel,
  customers: readonly PurchaseHistory[] | readonly DiscretePurchaseHistory[],
): PosteriorMeanRates[] {
  const fn = "posteriorMeanRates";
  let purchase: Float64Array;
  let dropout: Float64Array;
  if (isBetaGeometricBetaBinomial(model)) {
    const bgbb = parseBgbbModel(fn, model);
    const p = bgbb.params;
    const ratio = (shifted: typeof p, x: number, tx: number, n: number) =>
      Math.exp(bgbbLogLikelihood(shifted, x, tx, n) - bgbbLogLikelihood(p, x, tx, n));
    const meanP = p.alpha / (p.alpha + p.beta);
    const meanTheta = p.gamma / (p.gamma + p.delta);
    const withAlpha = { ...p, alpha: p.alpha + 1 };
    const withGamma = { ...p, gamma: p.gamma + 1 };
    purchase = mapCustomers(
      fn,
      customers,
      (x, tx, n) => meanP * ratio(withAlpha, x, tx, n),
      bgbb.unit,
    );
    dropout = mapCustomers(fn, customers, (x, tx, n) => meanTheta * ratio(withGamma, x, tx, n));
  } else {
    const parsed = parsePurchaseModel(fn, model);
    let rates: ReturnType<typeof bgRates>;
    if (parsed.kind === "pareto-nbd") {
      const q = parsed.params;
      const withR = { ...q, r: q.r + 1 };
      const withS = { ...q, s: q.s + 1 };
      const ratio = (shifted: typeof q, x: number, tx: number, T: number) =>
        Math.exp(paretoNbdLogLikelihood(shifted, x, tx, T) - paretoNbdLogLikelihood(q, x, tx, T));
      rates = [
        (x, tx, T) => (q.r / q.alpha) * ratio(withR, x, tx, T),
        (x, tx, T) => (q.s / q.beta) * ratio(withS, x, tx, T),
      ];
    } else {
      const kernel = purchaseKernel(parsed, fn);
      rates = bgRates(parsed.params, parsed.kind === "bg-nbd" ? 0 : 1, kernel.probabilityAlive);
    }
    purchase = conditionalOverRows(fn, customers, rates[0], undefined, rates[0], parsed.unit);
    dropout = conditionalOverRows(fn, customers, rates[1], undefined, rates[1]);
  }
  const ids = customerIds(fn, customers);
  const rows: PosteriorMeanRates[] = [];
  for (let i = 0; i < purchase.length; i++) {
    const id = ids[i];
    const purchaseRate = purchase[i]!;
    const dropoutRate = dropout[i]!;
    rows.push(
      typeof id === "string"
        ? { customerId: id, purchaseRate, dropoutRate }
        : { purchaseRate, dropoutRate },
    );
  }
  return rows;
}

/** The rows' `customerId`s (each read once); one that is present but not a string is an error. */
function customerIds(fn: string, customers: readonly unknown[]): (string | undefined)[] {
  const issues = new IssueCollector();
  const ids = customers.map((row, i) => {
    const id = (row as { customerId?: unknown }).customerId;
    if (id !== undefined && typeof id !== "string") {
      issues.add(
        ["customers", i, "customerId"],
        "Expected a customer id (string)",
        "invalid_type",
        id,
      );
    }
    return typeof id === "string" ? id : undefined;
  });
  issues.throwIfAny(fn);
  return ids;
}

import * as z from "zod/mini";
import { MONEY_LIMIT } from "../../core/amountText.js";
import { type Decimal, ZERO } from "../../core/decimal.js";
import { invalidInput } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { parseInput } from "../../core/validate.js";
import { moneyFromNumber } from "../../internal/fast/fastMoney.js";
import { parsePurchaseModel, parseSpendModel } from "../predictions/modelArguments.js";
import type { GammaGammaModel, GammaGammaParams, PurchaseModel } from "../types.js";
import { beta as betaDraw, customerStream, exponential, gamma, type Uniform } from "./random.js";
import { MAX_SIMULATED_PURCHASES, readSimulationTargets, seedSchema } from "./simulationInput.js";

/** Longest observation (`T` plus `holdoutDuration`) a simulated customer may have, in model units. */
const MAX_SIMULATED_TIME = 1e9;

/**
 * A customer to simulate: how long they are observed. Summary rows (`summarizeTransactions`) fit,
 * so simulating "data like mine" is passing your own rows.
 * @category Models
 */
export interface PurchaseSimulationTarget {
  /** Time from the customer's first purchase to the end of observation, in the model's unit; ≥ 0. */
  readonly T: number;
  /** Carried to the simulated row. */
  readonly customerId?: string;
}

/**
 * Options of {@link simulatePurchaseHistories}.
 * @category Models
 */
export interface PurchaseSimulationOptions {
  /** An integer in [0, 2³² − 1]; the same seed gives the same data. */
  readonly seed: number;
  /**
   * Also simulate a holdout period of this length after each customer's `T`, in the model's unit
   * (> 0): each row then carries `holdoutFrequency` and `holdoutDuration`, the input of
   * `holdoutComparison`.
   */
  readonly holdoutDuration?: number;
}

/**
 * One simulated customer: a buy-till-you-die summary row in the shape `summarizeTransactions`
 * returns and the fitters take.
 * @category Models
 */
export interface SimulatedPurchaseHistory {
  /** The input row's `customerId`, when it had one. */
  readonly customerId?: string;
  /** Repeat purchases in (0, T]. */
  readonly frequency: number;
  /** Time of the last repeat purchase (0 without one). */
  readonly recency: number;
  /** The input row's `T`. */
  readonly T: number;
  /** The model's time unit. */
  readonly unit: TimeUnit;
  /** Repeat purchases in (T, T + holdoutDuration] (only with `options.holdoutDuration`). */
  readonly holdoutFrequency?: number;
  /** The holdout length (only with `options.holdoutDuration`). */
  readonly holdoutDuration?: number;
}

/**
 * A simulated customer with spend: {@link SimulatedPurchaseHistory} plus the mean value of the
 * repeat purchases.
 * @category Models
 */
export interface SimulatedSpendHistory extends SimulatedPurchaseHistory {
  /** Mean value of the calibration repeat purchases (0 without one), as the Gamma-Gamma fit takes it. */
  readonly monetaryValue: Decimal;
}

/**
 * Simulates customers' purchase histories from a fitted (or hypothesised) BG/NBD, MBG/NBD or
 * Pareto/NBD model, optionally with Gamma-Gamma spend: the data a model says you would see, in the
 * shape this library's fitters and diagnostics take — to test a pipeline, plan a holdout, check
 * that a fit recovers known parameters, or compare your data with what the model implies.
 *
 * Each customer is drawn from the model's assumptions, starting at their first purchase (time 0):
 * a purchase rate λ ~ Gamma(r, α); purchases as a Poisson process with rate λ; BG/NBD: after each
 * repeat purchase the customer drops out with probability p ~ Beta(a, b) (MBG/NBD: also right
 * after the first purchase); Pareto/NBD: a lifetime τ ~ Exponential(μ), μ ~ Gamma(s, β). With a
 * spend model, a customer's mean spend rate ν ~ Gamma(q, v) and each repeat purchase's value
 * z ~ Gamma(p, ν) (Fader, Hardie & Lee 2005, JMR).
 *
 * Deterministic: customer i draws from its own xoshiro128** stream seeded from (`seed`, i), so the
 * same seed gives the same rows, and a customer's row does not depend on how many customers are
 * simulated or on the holdout length (its calibration part is the same with or without one).
 * Times are continuous (not rounded to days or weeks).
 *
 * @param model - a BG/NBD, MBG/NBD or Pareto/NBD model — a fitted one, or only the `kind`, `params`
 *   and `unit` you choose — or `{ purchase, spend }` with a Gamma-Gamma `spend` model (`kind` and
 *   `params`) to also simulate `monetaryValue`
 * @param customers - one row per customer with its observation length `T` (≥ 0, in the model's
 *   unit) and optional `customerId`; other fields are ignored
 * @param options - `{ seed, holdoutDuration? }`
 * @returns one row per customer, in input order
 * @throws {InvalidInputError} on an invalid model (`model.params.r`, `model.unit`, …), customers
 *   (`customers[i].T` missing, negative or above 10⁹; every bad row listed) or options (`options.seed`
 *   not an integer in [0, 2³² − 1], `options.holdoutDuration` not > 0); and, code `"unsupported"`
 *   at `customers[i].T`, when one customer would make more than 1,000,000 purchases (a purchase
 *   rate or an observation length far from what was meant)
 * @example
 * ```ts
 * import { fitBgNbd, simulatePurchaseHistories } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: "week",
 * } as const;
 * const customers = Array.from({ length: 5000 }, () => ({ T: 39 }));
 * const simulated = simulatePurchaseHistories(model, customers, { seed: 1 });
 * simulated.length; // => 5000
 * simulated[0]!.unit; // => "week"
 * const refit = fitBgNbd(simulated);
 * Math.abs(refit.params.r - 0.243) < 3 * refit.standardErrors.r; // => true
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   Batislam, Denizel & Filiztekin (2007), IJRM 24(3); Schmittlein, Morrison & Colombo (1987),
 *   Management Science 33(1); Fader, Hardie & Lee (2005), "RFM and CLV", JMR 42(4).
 */
export function simulatePurchaseHistories(
  model: Pick<PurchaseModel, "kind" | "params" | "unit">,
  customers: readonly PurchaseSimulationTarget[],
  options: PurchaseSimulationOptions,
): SimulatedPurchaseHistory[];
export function simulatePurchaseHistories(
  model: {
    readonly purchase: Pick<PurchaseModel, "kind" | "params" | "unit">;
    readonly spend: Pick<GammaGammaModel, "kind" | "params">;
  },
  customers: readonly PurchaseSimulationTarget[],
  options: PurchaseSimulationOptions,
): SimulatedSpendHistory[];
export function simulatePurchaseHistories(
  model: unknown,
  customers: readonly PurchaseSimulationTarget[],
  options: PurchaseSimulationOptions,
): SimulatedPurchaseHistory[] {
  const fn = "simulatePurchaseHistories";
  const pair = asPair(model);
  const purchase =
    pair === undefined
      ? parsePurchaseModel(fn, model)
      : parsePurchaseModel(fn, pair.purchase, ["model", "purchase"]);
  const spend =
    pair === undefined ? undefined : parseSpendModel(fn, pair.spend, ["model", "spend"]).params;
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const { lengths, ids } = readSimulationTargets(fn, customers, "T", false, MAX_SIMULATED_TIME);
  const holdout = opts.holdoutDuration ?? 0;
  const draw = purchaseProcess(purchase);
  const rows: SimulatedPurchaseHistory[] = new Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    const u = customerStream(opts.seed, i);
    const T = lengths[i]!;
    const path = draw(u, T, T + holdout);
    if (path === undefined) throw tooManyPurchases(fn, i, T);
    const monetaryValue = spend === undefined ? undefined : meanSpend(u, spend, path.x);
    if (spend !== undefined && monetaryValue === undefined) throw spendOverflow(fn, spend.v);
    const id = ids[i];
    rows[i] = {
      ...(id === undefined ? {} : { customerId: id }),
      frequency: path.x,
      recency: path.tx,
      T,
      unit: purchase.unit,
      ...(opts.holdoutDuration === undefined
        ? {}
        : { holdoutFrequency: path.holdoutX, holdoutDuration: holdout }),
      ...(monetaryValue === undefined ? {} : { monetaryValue }),
    };
  }
  return rows;
}

const optionsSchema = z.strictObject({
  seed: seedSchema,
  holdoutDuration: z.exactOptional(z.number().check(z.positive(), z.lte(MAX_SIMULATED_TIME))),
}) satisfies z.ZodMiniType<unknown, PurchaseSimulationOptions>;

/**
 * The `{ purchase, spend }` pair, or `undefined` for a single model (or anything unreadable, which
 * the model's own validation then reports).
 */
function asPair(model: unknown): { purchase: unknown; spend: unknown } | undefined {
  try {
    if (typeof model === "object" && model !== null && "purchase" in model) {
      const { purchase, spend } = model as { purchase: unknown; spend: unknown };
      return { purchase, spend };
    }
  } catch {
    // A revoked proxy: validated (and reported) as a model.
  }
  return undefined;
}

/** One customer's simulated path: calibration (x, tₓ) and holdout purchases; `undefined` past the cap. @internal */
export type Path = { x: number; tx: number; holdoutX: number } | undefined;

/**
 * The purchase process of a model, as a function drawing one customer's path on (0, end] with the
 * calibration period (0, T].
 * @internal
 */
export function purchaseProcess(
  model: PurchaseModel,
): (u: Uniform, T: number, end: number) => Path {
  if (model.kind === "pareto-nbd") {
    const { r, alpha, s, beta } = model.params;
    return (u, T, end) => {
      const lambda = gamma(u, r, alpha);
      const lifetime = exponential(u, gamma(u, s, beta));
      return poissonPath(u, lambda, Math.min(lifetime, end), T, () => false);
    };
  }
  const { r, alpha, a, b } = model.params;
  const dropsAtFirst = model.kind === "mbg-nbd";
  return (u, T, end) => {
    const lambda = gamma(u, r, alpha);
    const p = betaDraw(u, a, b);
    if (dropsAtFirst && u() < p) return { x: 0, tx: 0, holdoutX: 0 };
    return poissonPath(u, lambda, end, T, () => u() < p);
  };
}

/**
 * Purchases of a Poisson process with rate `lambda` on (0, limit], split at T; after each one the
 * customer leaves when `dropsOut()` says so.
 */
function poissonPath(
  u: Uniform,
  lambda: number,
  limit: number,
  T: number,
  dropsOut: () => boolean,
): Path {
  let t = 0;
  let x = 0;
  let tx = 0;
  let holdoutX = 0;
  for (;;) {
    t += exponential(u, lambda);
    if (!(t <= limit)) return { x, tx, holdoutX };
    if (t <= T) {
      x++;
      tx = t;
    } else holdoutX++;
    if (x + holdoutX > MAX_SIMULATED_PURCHASES) return undefined;
    if (dropsOut()) return { x, tx, holdoutX };
  }
}

/** The mean of x repeat-purchase values: ν ~ Gamma(q, v), each value ~ Gamma(p, ν). */
function meanSpend(u: Uniform, spend: GammaGammaParams, x: number): Decimal | undefined {
  if (x === 0) return ZERO;
  const nu = gamma(u, spend.q, spend.v);
  let total = 0;
  for (let k = 0; k < x; k++) total += gamma(u, spend.p, nu);
  const mean = total / x;
  // Beyond every amount's bound (1e21) only when a spend rate ν is drawn near 0: the caller reports it.
  return mean < MONEY_LIMIT ? moneyFromNumber(mean) : undefined;
}

function spendOverflow(fn: string, v: number) {
  return invalidInput(
    fn,
    ["model", "spend", "params", "v"],
    `A simulated mean spend exceeds ${MONEY_LIMIT} (the bound of every amount): the spend model's ν distribution (q, v = ${v}) puts mass too near 0`,
    "unsupported",
    v,
  );
}

function tooManyPurchases(fn: string, i: number, T: number) {
  return invalidInput(
    fn,
    ["customers", i, "T"],
    `This customer would make more than ${MAX_SIMULATED_PURCHASES} purchases in ${T} time units: check the model's parameters and that T is in the model's unit`,
    "unsupported",
    T,
  );
}

import * as z from "zod/mini";
import type { TimeUnit } from "../../core/time.js";
import { parseInput } from "../../core/validate.js";
import { parseBgbbModel } from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import { MAX_OPPORTUNITIES } from "../betaGeometricBetaBinomial/discreteHistories.js";
import type {
  BgBbModel,
  BgBbParams,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import { beta, customerStream, geometricFailures, type Uniform } from "./random.js";
import { readSimulationTargets, seedSchema } from "./simulationInput.js";

/**
 * A customer to simulate under the BG/BB: how many transaction opportunities they are observed for.
 * @category Models
 */
export interface DiscreteSimulationTarget {
  /** Number of transaction opportunities observed, a whole number from 0 to 1,000,000. */
  readonly periods: number;
  /** Carried to the simulated row. */
  readonly customerId?: string;
}

/**
 * Options of {@link simulateDiscreteHistories}.
 * @category Models
 */
export interface DiscreteSimulationOptions {
  /** An integer in [0, 2³² − 1]; the same seed gives the same data. */
  readonly seed: number;
  /**
   * Also simulate this many holdout opportunities after each customer's `periods` (a whole number
   * ≥ 1): rows then carry `holdoutFrequency` and `holdoutPeriods`, the input of `holdoutComparison`.
   */
  readonly holdoutPeriods?: number;
}

/**
 * One simulated BG/BB customer, in the shape `fitBgBb` and the BG/BB predictions take.
 * @category Models
 */
export interface SimulatedDiscreteHistory {
  /** The input row's `customerId`, when it had one. */
  readonly customerId?: string;
  /** Opportunities with a transaction among the first `periods`. */
  readonly frequency: number;
  /** The last of them (0 without one). */
  readonly recency: number;
  /** The input row's `periods`. */
  readonly periods: number;
  /** The model's time unit (of one opportunity). */
  readonly unit: TimeUnit;
  /** Transactions in the holdout opportunities (only with `options.holdoutPeriods`). */
  readonly holdoutFrequency?: number;
  /** The holdout length (only with `options.holdoutPeriods`). */
  readonly holdoutPeriods?: number;
}

/**
 * Simulates customers' transaction histories from a BG/BB model (discrete opportunities: one
 * donation drive a year, one issue a month). Each customer draws a transaction probability
 * p ~ Beta(α, β) and a drop-out probability θ ~ Beta(γ, δ); at the start of every opportunity an
 * alive customer drops out with probability θ, and an alive customer transacts with probability p
 * (Fader, Hardie & Shang 2010, §2). Drawn as geometric waiting times (the opportunities survived,
 * the gaps between transactions), so a long horizon costs per transaction, not per opportunity.
 *
 * Deterministic: customer i draws from its own stream seeded from (`seed`, i) — same seed, same rows;
 * a customer's row does not depend on the number of customers or on the holdout length.
 *
 * @param model - a BG/BB model: a fitted one, or only the `kind`, `params` and `unit` you choose
 * @param customers - one row per customer with `periods` (a whole number of opportunities from 0 to
 *   1,000,000) and optional `customerId`; other fields are ignored
 * @param options - `{ seed, holdoutPeriods? }`
 * @returns one row per customer, in input order
 * @throws {InvalidInputError} on an invalid model (`model.params.alpha`, `model.unit`, a parameter
 *   above 10⁶), customers (`customers[i].periods`; every bad row listed) or options (`options.seed`
 *   not an integer in [0, 2³² − 1], `options.holdoutPeriods` not a whole number in [1, 1,000,000])
 * @example
 * ```ts
 * import { fitBgBb, simulateDiscreteHistories } from "customer-value";
 * const model = {
 *   kind: "bg-bb", params: { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }, unit: "year",
 * } as const;
 * const donors = Array.from({ length: 11104 }, () => ({ periods: 6 }));
 * const simulated = simulateDiscreteHistories(model, donors, { seed: 3 });
 * simulated.every((d) => d.frequency <= d.recency && d.recency <= 6); // => true
 * const refit = fitBgBb(simulated);
 * Math.abs(refit.params.alpha - 1.204) < 3 * refit.standardErrors.alpha; // => true
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010). Customer-base analysis in a discrete-time
 *   noncontractual setting. Marketing Science 29(6), 1086–1108.
 */
export function simulateDiscreteHistories(
  model: Pick<BgBbModel, "kind" | "params" | "unit">,
  customers: readonly DiscreteSimulationTarget[],
  options: DiscreteSimulationOptions,
): SimulatedDiscreteHistory[] {
  const fn = "simulateDiscreteHistories";
  const parsed = parseBgbbModel(fn, model);
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const { lengths, ids } = readSimulationTargets(fn, customers, "periods", true, MAX_OPPORTUNITIES);
  const holdout = opts.holdoutPeriods ?? 0;
  const rows: SimulatedDiscreteHistory[] = new Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    const u = customerStream(opts.seed, i);
    const n = lengths[i]!;
    const path = discretePath(u, parsed.params, n, n + holdout);
    const id = ids[i];
    rows[i] = {
      ...(id === undefined ? {} : { customerId: id }),
      frequency: path.x,
      recency: path.tx,
      periods: n,
      unit: parsed.unit,
      ...(opts.holdoutPeriods === undefined
        ? {}
        : { holdoutFrequency: path.holdoutX, holdoutPeriods: holdout }),
    };
  }
  return rows;
}

const optionsSchema = z.strictObject({
  seed: seedSchema,
  holdoutPeriods: z.exactOptional(z.int().check(z.minimum(1), z.maximum(MAX_OPPORTUNITIES))),
}) satisfies z.ZodMiniType<unknown, DiscreteSimulationOptions>;

/**
 * One BG/BB customer's path over opportunities 1 … `end`, split at `n`: p ~ Beta(α, β),
 * θ ~ Beta(γ, δ), the opportunities survived ~ Geometric(θ), then the transactions.
 * @internal
 */
export function discretePath(
  u: Uniform,
  params: BgBbParams,
  n: number,
  end: number,
): { x: number; tx: number; holdoutX: number } {
  const p = beta(u, params.alpha, params.beta);
  const theta = beta(u, params.gamma, params.delta);
  return transactions(u, p, Math.min(geometricFailures(u, theta), end), n);
}

/**
 * Transactions among the first `alive` opportunities, split at `n`: the gap to the next one is
 * 1 + Geometric(p) failures.
 */
function transactions(
  u: Uniform,
  p: number,
  alive: number,
  n: number,
): { x: number; tx: number; holdoutX: number } {
  let x = 0;
  let tx = 0;
  let holdoutX = 0;
  for (let t = 1 + geometricFailures(u, p); t <= alive; t += 1 + geometricFailures(u, p)) {
    if (t <= n) {
      x++;
      tx = t;
    } else holdoutX++;
  }
  return { x, tx, holdoutX };
}
